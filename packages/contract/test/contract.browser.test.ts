// Proves the contract bundle runs in Chromium: schemas parse API bodies, the engine evaluates, WebCrypto verifies a JWS.
import { expect } from '@open-wc/testing';
import {
  DealSchema,
  DEFAULT_POLICY,
  evaluate,
  type Jwk,
  MemberPageSchema,
  parsePolicy,
  signJws,
  simulate,
  TierStatusSchema,
  verifyJws,
} from '@poly-partner/contract';

const partner = {
  region: 'dach',
  metrics: { revenue: 120_000, certified_sales: 1, certified_technical: 1, staff_sales: 2, staff_technical: 2, registered_deals: 4 },
  sharedMetrics: { certified_technical: 1 },
  carriedOver: { program: 'polycom' as const, tier: 'gold' as const },
};

describe('@poly-partner/contract in the browser', () => {
  it('parses the default policy and a tier status as the API sends it (JSON)', () => {
    const policy = parsePolicy(JSON.parse(JSON.stringify(DEFAULT_POLICY)));
    const evaluation = evaluate(policy, partner, { asOf: '2027-03-01' });
    const body = JSON.parse(JSON.stringify({ ...evaluation, partnerId: 'p_1', metrics: partner.metrics, sharedMetrics: partner.sharedMetrics }));
    const status = TierStatusSchema.parse(body);
    expect(status.earnedTier).to.equal('silver');
    expect(status.effectiveTier).to.equal('gold');
    expect(status.protectedUntil).to.equal('2027-09-01');
    expect(status.checklist?.tier).to.equal('platinum');
    expect(TierStatusSchema.safeParse({ ...body, effectiveTier: 'diamond' }).success).to.equal(false);
  });

  it('parses a deal and a member page, and rejects a broken one', () => {
    const deal = {
      id: 'd_1', reference: 'R-26-000001', partnerId: 'p_1', type: 'project', status: 'under_review', conflict: true,
      customer: { name: 'Beispiel AG', country: 'DE', domain: 'beispiel.de', vatId: 'DE123456789',
        contact: { name: 'Eva Muster', email: 'eva@beispiel.de', phone: null, consent: true } },
      products: [{ sku: 'SYNC-20', quantity: 12 }],
      estimatedValue: { amount: 9_800, currency: 'EUR' }, expectedCloseDate: '2027-01-31', distributorId: 'dist_1', notes: null,
      discount: { percent: 6, tier: 'gold', state: 'expected' },
      createdAt: '2026-12-01T10:00:00Z', updatedAt: '2026-12-01T10:00:00Z', decidedAt: null, expiresAt: null,
      decisionReason: null, history: [{ status: 'submitted', at: '2026-12-01T10:00:00Z' }, { status: 'under_review', at: '2026-12-01T10:00:00Z' }],
    };
    expect(DealSchema.parse(deal).conflict).to.equal(true);
    const page = {
      items: [{ partnerId: 'p_1', name: 'Muster IT', country: 'DE', region: 'dach', earnedTier: 'silver', effectiveTier: 'gold',
        protectedTier: 'gold', protectedUntil: '2027-09-01', nextTier: 'platinum', progress: 0.25, missingCriteria: 6,
        nextTierGaps: [], keepMissingCriteria: 4, keepTierGaps: [] }],
      nextCursor: null,
      total: 1,
    };
    expect(MemberPageSchema.parse(page).items[0]?.name).to.equal('Muster IT');
    expect(MemberPageSchema.safeParse({ ...page, total: -1 }).success).to.equal(false);
  });

  it('runs a what-if: earning gold on its own by the day protection ends', () => {
    const result = simulate(
      DEFAULT_POLICY,
      partner,
      { metricDeltas: { certified_technical: 1, certified_sales: 1, revenue: 250_000, staff_sales: 2, demo_equipment: 1, sales_initiatives: 1, registered_deals: 2, marketing_activities: 1 }, asOf: '2027-09-02' },
      { asOf: '2027-03-01' },
    );
    expect(result.baseline.effectiveTier).to.equal('gold');
    expect(result.projected.protectionActive).to.equal(false);
    expect(result.projected.earnedTier).to.equal('gold');
    expect(result.tierDelta).to.equal(0);
  });

  it('signs a badge with WebCrypto Ed25519 and verifies it; a forged tier fails', async () => {
    const pair = (await crypto.subtle.generateKey({ name: 'Ed25519' }, true, ['sign', 'verify'])) as CryptoKeyPair;
    const { x } = await crypto.subtle.exportKey('jwk', pair.publicKey);
    const jwk: Jwk = { kty: 'OKP', crv: 'Ed25519', x: x!, kid: 'browser-key', alg: 'EdDSA' };
    const claims = { iss: 'poly', sub: 'p_1', name: 'Muster IT', tier: 'gold', iat: 1, exp: 2, domains: ['muster.example'] };
    const jws = await signJws(claims, pair.privateKey, 'browser-key');
    expect(await verifyJws(jws, { keys: [jwk] })).to.deep.equal(claims);

    const [header, , signature] = jws.split('.');
    const forged = btoa(JSON.stringify({ ...claims, tier: 'platinum' })).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
    expect(await verifyJws(`${header}.${forged}.${signature}`, { keys: [jwk] })).to.equal(null);
  });
});
