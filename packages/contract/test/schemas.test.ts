// Representative accept/reject cases per resource schema, the normalisers, and the JWS helper.
import assert from 'node:assert/strict';
import { webcrypto } from 'node:crypto';
import { describe, test } from 'node:test';
import * as z from 'zod/mini';
import {
  BadgeClaimsSchema,
  base64UrlEncode,
  ConflictCheckRequestSchema,
  DealInputSchema,
  DealSchema,
  decodeJws,
  EmbedTokenRequestSchema,
  IdempotencyKeySchema,
  type Jwk,
  type Jwks,
  MemberPageSchema,
  MemberQuerySchema,
  normalizeDomain,
  normalizeVatId,
  ProblemSchema,
  signJws,
  SimulationRequestSchema,
  TierStatusQuerySchema,
  toFieldErrors,
  verifyJws,
} from '../src/index.js';

const validDeal = () => ({
  type: 'deal',
  customer: {
    name: 'Beispiel AG',
    country: 'DE',
    domain: 'beispiel.de',
    vatId: 'DE123456789',
    contact: { name: 'Eva Muster', email: 'eva@beispiel.de', phone: '+49 30 1234567', consent: true },
  },
  products: [{ sku: 'STUDIO-X50', quantity: 3 }],
  estimatedValue: { amount: 25_000, currency: 'EUR' },
  expectedCloseDate: '2027-01-31',
  distributorId: 'dist_ingram',
  notes: 'Rollout in two phases.',
});

/** The field paths a schema reports for `input`, or [] when it parses. */
function failingPaths(schema: z.ZodMiniType, input: unknown): string[] {
  const result = schema.safeParse(input);
  return result.success ? [] : toFieldErrors(result.error.issues).map((issue) => issue.path);
}

describe('DealInputSchema', () => {
  test('the DESIGN.md example parses', () => assert.deepEqual(failingPaths(DealInputSchema, validDeal()), []));

  const rejected: { name: string; edit: (deal: any) => void; path: string }[] = [
    { name: 'missing consent', edit: (deal) => delete deal.customer.contact.consent, path: 'customer.contact.consent' },
    { name: 'consent refused', edit: (deal) => (deal.customer.contact.consent = false), path: 'customer.contact.consent' },
    { name: 'a bad email', edit: (deal) => (deal.customer.contact.email = 'eva(at)beispiel.de'), path: 'customer.contact.email' },
    { name: 'an unknown field', edit: (deal) => (deal.discountWanted = 50), path: '' },
    { name: 'an unknown nested field', edit: (deal) => (deal.customer.contact.role = 'CIO'), path: 'customer.contact' },
    { name: 'a NUL in the customer name', edit: (deal) => (deal.customer.name = 'Beispiel\u0000AG'), path: 'customer.name' },
    { name: 'a newline in the customer name', edit: (deal) => (deal.customer.name = 'Beispiel\nAG'), path: 'customer.name' },
    { name: 'an escape sequence in the contact name', edit: (deal) => (deal.customer.contact.name = 'Eva\u001b[31m'), path: 'customer.contact.name' },
    { name: 'a C1 control character in the name', edit: (deal) => (deal.customer.name = 'Beispiel\u0085AG'), path: 'customer.name' },
    { name: 'a NUL in the notes', edit: (deal) => (deal.notes = 'line one\u0000'), path: 'notes' },
    { name: 'an empty customer name', edit: (deal) => (deal.customer.name = ''), path: 'customer.name' },
    { name: 'a domain with a scheme', edit: (deal) => (deal.customer.domain = 'https://beispiel.de'), path: 'customer.domain' },
    { name: 'a lower-case country', edit: (deal) => (deal.customer.country = 'de'), path: 'customer.country' },
    { name: 'no products', edit: (deal) => (deal.products = []), path: 'products' },
    { name: 'a zero quantity', edit: (deal) => (deal.products[0].quantity = 0), path: 'products.0.quantity' },
    { name: 'a fractional quantity', edit: (deal) => (deal.products[0].quantity = 1.5), path: 'products.0.quantity' },
    { name: 'an unsupported currency', edit: (deal) => (deal.estimatedValue.currency = 'BTC'), path: 'estimatedValue.currency' },
    { name: 'a zero value', edit: (deal) => (deal.estimatedValue.amount = 0), path: 'estimatedValue.amount' },
    { name: 'an impossible close date', edit: (deal) => (deal.expectedCloseDate = '2027-02-30'), path: 'expectedCloseDate' },
    { name: 'an unknown deal type', edit: (deal) => (deal.type = 'rumour'), path: 'type' },
    { name: 'notes over 2,000 characters', edit: (deal) => (deal.notes = 'x'.repeat(2001)), path: 'notes' },
  ];
  for (const { name, edit, path } of rejected) {
    test(`rejects ${name} at "${path}"`, () => {
      const deal = validDeal();
      edit(deal);
      assert.ok(failingPaths(DealInputSchema, deal).includes(path), JSON.stringify(failingPaths(DealInputSchema, deal)));
    });
  }

  const accepted: { name: string; edit: (deal: any) => void }[] = [
    { name: 'notes with newlines and tabs', edit: (deal) => (deal.notes = 'Phase 1:\n\tboardrooms\r\nPhase 2: huddle rooms') },
    { name: 'no notes, no VAT id, no phone', edit: (deal) => {
      delete deal.notes;
      delete deal.customer.vatId;
      delete deal.customer.contact.phone;
    } },
    { name: 'markup and quotes in a name (stored as data)', edit: (deal) => (deal.customer.name = `<script>alert("x")</script> O'Brien; DROP TABLE deals`) },
    { name: 'non-Latin names', edit: (deal) => (deal.customer.name = 'Müller & Söhne — 株式会社') },
  ];
  for (const { name, edit } of accepted) {
    test(`accepts ${name}`, () => {
      const deal = validDeal();
      edit(deal);
      assert.deepEqual(failingPaths(DealInputSchema, deal), []);
    });
  }

  test('field errors carry the zod code and a message', () => {
    const deal = validDeal() as any;
    deal.customer.contact.email = 'nope';
    const result = DealInputSchema.safeParse(deal);
    assert.ok(!result.success);
    const [error] = toFieldErrors(result.error.issues);
    assert.equal(error?.path, 'customer.contact.email');
    assert.equal(error?.code, 'invalid_format');
    assert.ok(error?.message);
  });
});

describe('other request schemas', () => {
  const cases: { name: string; schema: z.ZodMiniType; input: unknown; fails: string[] }[] = [
    { name: 'member query with every filter', schema: MemberQuerySchema, fails: [], input: {
      tier: 'gold', country: 'DE', region: 'dach', q: 'Müller', protectionEndingWithinDays: 30, sort: '-progress', cursor: 'abc', limit: 500,
    } },
    { name: 'empty member query', schema: MemberQuerySchema, input: {}, fails: [] },
    { name: 'member query limit over 500', schema: MemberQuerySchema, input: { limit: 501 }, fails: ['limit'] },
    { name: 'member query limit 0', schema: MemberQuerySchema, input: { limit: 0 }, fails: ['limit'] },
    { name: 'member query unknown sort', schema: MemberQuerySchema, input: { sort: 'revenue' }, fails: ['sort'] },
    { name: 'member query unknown tier', schema: MemberQuerySchema, input: { tier: 'diamond' }, fails: ['tier'] },
    { name: 'member query unknown parameter', schema: MemberQuerySchema, input: { page: 2 }, fails: [''] },
    { name: 'tier-status query', schema: TierStatusQuerySchema, input: { asOf: '2027-09-02' }, fails: [] },
    { name: 'tier-status query with a bad day', schema: TierStatusQuerySchema, input: { asOf: '2027-9-2' }, fails: ['asOf'] },
    { name: 'embed token for a partner', schema: EmbedTokenRequestSchema, fails: [], input: {
      origin: 'https://portal.example', subject: { partnerId: 'p_123' }, scopes: ['tier:read'], ttlSeconds: 600,
    } },
    { name: 'embed token for an organization on a port', schema: EmbedTokenRequestSchema, fails: [], input: {
      origin: 'http://127.0.0.1:5173', subject: { orgId: 'org_1' },
    } },
    { name: 'embed token with both subjects', schema: EmbedTokenRequestSchema, fails: ['subject'], input: {
      origin: 'https://portal.example', subject: { partnerId: 'p_1', orgId: 'org_1' },
    } },
    { name: 'embed token origin with a path', schema: EmbedTokenRequestSchema, fails: ['origin'], input: {
      origin: 'https://portal.example/app', subject: { partnerId: 'p_1' },
    } },
    { name: 'embed token ttl over 10 minutes', schema: EmbedTokenRequestSchema, fails: ['ttlSeconds'], input: {
      origin: 'https://portal.example', subject: { partnerId: 'p_1' }, ttlSeconds: 601,
    } },
    { name: 'embed token unknown scope', schema: EmbedTokenRequestSchema, fails: ['scopes.0'], input: {
      origin: 'https://portal.example', subject: { partnerId: 'p_1' }, scopes: ['admin'],
    } },
    { name: 'conflict check by domain', schema: ConflictCheckRequestSchema, input: { customer: { domain: 'beispiel.de' } }, fails: [] },
    { name: 'conflict check by VAT id', schema: ConflictCheckRequestSchema, input: { customer: { vatId: 'DE123456789' } }, fails: [] },
    { name: 'conflict check by name alone', schema: ConflictCheckRequestSchema, input: { customer: { name: 'Beispiel AG', country: 'DE' } }, fails: ['customer.domain'] },
    { name: 'simulation with every change', schema: SimulationRequestSchema, fails: [], input: {
      changes: { metricDeltas: { certified_technical: 2, revenue: -5000 }, region: 'latam', asOf: '2027-09-02' }, asOf: '2027-03-01',
    } },
    { name: 'simulation with an unknown change', schema: SimulationRequestSchema, input: { changes: { mood: 'optimistic' } }, fails: ['changes'] },
  ];
  for (const { name, schema, input, fails } of cases) {
    test(`${name}: ${fails.length ? `rejected at ${fails.join(', ')}` : 'accepted'}`, () => {
      const paths = failingPaths(schema, input);
      if (fails.length === 0) assert.deepEqual(paths, []);
      else for (const path of fails) assert.ok(paths.includes(path), `${path} not in ${JSON.stringify(paths)}`);
    });
  }

  test('Idempotency-Key: a UUID is fine; empty, spaces and 256 characters are not', () => {
    assert.ok(IdempotencyKeySchema.safeParse('3f0e2a58-9b7c-4c1e-8d2f-6a4b5c3d2e1f').success);
    for (const bad of ['', 'two words', 'x'.repeat(256), 'ключ']) assert.ok(!IdempotencyKeySchema.safeParse(bad).success, bad);
  });
});

describe('response schemas', () => {
  const deal = {
    id: 'd_1', reference: 'R-26-000001', partnerId: 'p_1', type: 'deal', status: 'approved', conflict: false,
    customer: { name: 'Beispiel AG', country: 'DE', domain: 'beispiel.de', vatId: null,
      contact: { name: 'Eva', email: 'eva@beispiel.de', phone: null, consent: true } },
    products: [{ sku: 'STUDIO-X50', quantity: 3 }],
    estimatedValue: { amount: 25_000, currency: 'EUR' }, expectedCloseDate: '2027-01-31', distributorId: 'dist_1', notes: null,
    discount: { percent: 6, tier: 'gold', state: 'granted' },
    createdAt: '2026-12-01T10:00:00Z', updatedAt: '2026-12-02T10:00:00.000Z', decidedAt: '2026-12-02T10:00:00+01:00',
    expiresAt: '2027-03-02T10:00:00Z', decisionReason: null,
    history: [{ status: 'submitted', at: '2026-12-01T10:00:00Z' }, { status: 'approved', at: '2026-12-02T10:00:00.000Z' }],
  };

  test('a deal parses; an unknown status or a missing discount does not', () => {
    assert.deepEqual(failingPaths(DealSchema, deal), []);
    assert.deepEqual(failingPaths(DealSchema, { ...deal, status: 'pending' }), ['status']);
    const { discount: _discount, ...withoutDiscount } = deal;
    assert.deepEqual(failingPaths(DealSchema, withoutDiscount), ['discount']);
  });

  test('a member page parses; progress above 1 does not', () => {
    const member = {
      partnerId: 'p_1', name: 'Muster IT', country: 'DE', region: 'dach', earnedTier: 'silver', effectiveTier: 'gold',
      protectedTier: 'gold', protectedUntil: '2027-09-01', nextTier: 'platinum', progress: 0.4, missingCriteria: 6,
      nextTierGaps: [], keepMissingCriteria: 1, keepTierGaps: [{ criterionId: 'certified_technical', unit: 'count', gap: 1 }],
    };
    assert.deepEqual(failingPaths(MemberPageSchema, { items: [member], nextCursor: 'c2', total: 5001 }), []);
    assert.deepEqual(failingPaths(MemberPageSchema, { items: [{ ...member, progress: 1.2 }], nextCursor: null, total: 1 }), ['items.0.progress']);
  });

  test('a problem parses; a 2xx status or a missing requestId does not', () => {
    const problem = {
      type: 'https://developer.poly.example/problems/validation_failed', title: 'Validation failed', status: 422,
      code: 'validation_failed', requestId: 'req_1', errors: [{ path: 'customer.contact.email', code: 'invalid_format', message: 'Invalid email' }],
    };
    assert.deepEqual(failingPaths(ProblemSchema, problem), []);
    assert.deepEqual(failingPaths(ProblemSchema, { ...problem, status: 200 }), ['status']);
    const { requestId: _requestId, ...withoutId } = problem;
    assert.deepEqual(failingPaths(ProblemSchema, withoutId), ['requestId']);
  });
});

describe('normalisers', () => {
  for (const [input, expected] of [
    ['beispiel.de', 'beispiel.de'],
    ['WWW.Beispiel.DE.', 'beispiel.de'],
    ['  shop.example.com ', 'shop.example.com'],
    ['www2.example.com', 'www2.example.com'],
  ] as const) {
    test(`normalizeDomain(${JSON.stringify(input)}) = ${expected}`, () => assert.equal(normalizeDomain(input), expected));
  }
  for (const [input, expected] of [
    ['DE123456789', 'DE123456789'],
    ['de 123 456 789', 'DE123456789'],
    ['ATU-12.345.678', 'ATU12345678'],
  ] as const) {
    test(`normalizeVatId(${JSON.stringify(input)}) = ${expected}`, () => assert.equal(normalizeVatId(input), expected));
  }
});

describe('JWS (EdDSA on WebCrypto)', () => {
  async function keyPair(kid: string) {
    const pair = (await webcrypto.subtle.generateKey({ name: 'Ed25519' }, true, ['sign', 'verify'])) as CryptoKeyPair;
    const { x } = await webcrypto.subtle.exportKey('jwk', pair.publicKey);
    const jwk: Jwk = { kty: 'OKP', crv: 'Ed25519', x: x!, kid, alg: 'EdDSA', use: 'sig' };
    return { privateKey: pair.privateKey, jwk };
  }
  const claims = { iss: 'https://api.poly.example', sub: 'p_1', name: 'Muster IT', tier: 'gold', iat: 1_800_000_000, exp: 1_800_086_400, domains: ['muster.example'] };

  test('round trip: what is signed verifies to the same payload, header says EdDSA and the kid', async () => {
    const { privateKey, jwk } = await keyPair('k1');
    const jws = await signJws(claims, privateKey, 'k1');
    assert.deepEqual(await verifyJws(jws, { keys: [jwk] }), claims);
    assert.deepEqual(decodeJws(jws).header, { alg: 'EdDSA', kid: 'k1', typ: 'JWT' });
    assert.doesNotThrow(() => BadgeClaimsSchema.parse(decodeJws(jws).payload));
  });

  test('picks the key by kid from a set with several', async () => {
    const one = await keyPair('k1');
    const two = await keyPair('k2');
    const jws = await signJws(claims, two.privateKey, 'k2');
    assert.deepEqual(await verifyJws(jws, { keys: [one.jwk, two.jwk] }), claims);
  });

  const tamperings: { name: string; tamper: (jws: string, keys: Jwks) => Promise<[string, Jwks]> | [string, Jwks] }[] = [
    {
      name: 'a changed payload (tier raised to platinum)',
      tamper: (jws, keys) => {
        const [header, , signature] = jws.split('.');
        const forged = base64UrlEncode(new TextEncoder().encode(JSON.stringify({ ...claims, tier: 'platinum' })));
        return [`${header}.${forged}.${signature}`, keys];
      },
    },
    {
      name: 'a flipped signature byte',
      tamper: (jws, keys) => {
        const [header, payload, signature] = jws.split('.') as [string, string, string];
        const flipped = (signature[0] === 'A' ? 'B' : 'A') + signature.slice(1);
        return [`${header}.${payload}.${flipped}`, keys];
      },
    },
    {
      name: 'alg none with no signature',
      tamper: (jws, keys) => {
        const [, payload] = jws.split('.');
        const header = base64UrlEncode(new TextEncoder().encode(JSON.stringify({ alg: 'none', kid: 'k1' })));
        return [`${header}.${payload}.`, keys];
      },
    },
    {
      name: 'an unknown kid',
      tamper: async (jws, keys) => [jws, { keys: keys.keys.map((key) => ({ ...key, kid: 'other' })) }],
    },
    {
      name: 'signed by another key under the same kid',
      tamper: async (_jws, keys) => {
        const impostor = await keyPair('k1');
        return [await signJws(claims, impostor.privateKey, 'k1'), keys];
      },
    },
  ];
  for (const { name, tamper } of tamperings) {
    test(`detects ${name}`, async () => {
      const { privateKey, jwk } = await keyPair('k1');
      const jws = await signJws(claims, privateKey, 'k1');
      const [tampered, keys] = await tamper(jws, { keys: [jwk] });
      assert.equal(await verifyJws(tampered, keys), null);
    });
  }

  test('a malformed token throws instead of verifying', async () => {
    const { jwk } = await keyPair('k1');
    for (const malformed of ['a.b', 'not a token', '!!.??.**']) {
      await assert.rejects(verifyJws(malformed, { keys: [jwk] }), SyntaxError, malformed);
    }
  });
});
