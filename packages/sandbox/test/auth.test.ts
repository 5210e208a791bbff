// Credentials over real HTTP: the cross-tenant matrix, embed tokens (origin, expiry, scopes, forgery), publishable keys.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { base64UrlDecode, base64UrlEncode, verifyJws } from '@poly-partner/contract';
import { dealInput, movableClock, useSandbox } from './support/sandbox.js';

const clock = movableClock();
const api = useSandbox({ now: clock.now, allowedOrigins: ['https://portal.example'] });
const PORTAL = 'https://portal.example';

const creds = () => api.credentials;
const protectedOne = () => creds().resellers.find((reseller) => /protected Gold/.test(reseller.about))!;
const goldOne = () => creds().resellers.find((reseller) => /clean Gold/.test(reseller.about))!;
const distributor = () => creds().organizations.find((org) => org.kind === 'distributor')!;
const isp = () => creds().organizations.find((org) => org.kind === 'isp')!;

/** Some partner that is not a member of the ISP (the ISP has tens of members, the world thousands). */
function nonMemberOf(orgId: string): string {
  return api.sandbox.db
    .prepare('SELECT id FROM partners WHERE id NOT IN (SELECT partner_id FROM memberships WHERE org_id = ?) ORDER BY id LIMIT 1')
    .pluck()
    .get(orgId) as string;
}
function memberOf(orgId: string): string {
  return api.sandbox.db.prepare('SELECT partner_id FROM memberships WHERE org_id = ? ORDER BY partner_id LIMIT 1').pluck().get(orgId) as string;
}
function dealOf(partnerId: string): string {
  return api.sandbox.db.prepare("SELECT id FROM deals WHERE partner_id = ? ORDER BY (status = 'submitted') DESC, seq LIMIT 1").pluck().get(partnerId) as string;
}

async function mint(secretKey: string, body: Record<string, unknown>) {
  return api.call('/v1/embed-tokens', { credential: secretKey, body });
}

describe('cross-tenant matrix: a resource not yours answers exactly like one that does not exist', () => {
  test('a partner secret key reads nothing of another partner', async () => {
    const me = goldOne();
    const other = protectedOne().partnerId;
    const otherDeal = dealOf(other);
    const paths = [
      `/v1/partners/${other}`,
      `/v1/partners/${other}/tier-status`,
      `/v1/partners/${other}/deals`,
      `/v1/partners/${other}/badge`,
      `/v1/deals/${otherDeal}`,
    ];
    for (const path of paths) {
      const foreign = await api.call(path, { credential: me.secretKey });
      const missing = await api.call(path.replace(other, 'ptr_doesnotexist').replace(otherDeal, 'deal_doesnotexist'), { credential: me.secretKey });
      assert.equal(foreign.status, 404, path);
      assert.equal(missing.status, 404, path);
      assert.equal(foreign.body.code, missing.body.code);
      assert.equal(foreign.body.detail, missing.body.detail);
    }
    const before = api.sandbox.db.prepare('SELECT status FROM deals WHERE id = ?').pluck().get(otherDeal);
    assert.equal(before, 'submitted');
    const writes = [
      [`/v1/partners/${other}/deals`, dealInput({ distributorId: 'org_x' })],
      [`/v1/partners/${other}/tier-simulations`, { changes: {} }],
      [`/v1/partners/${other}/deals/conflict-check`, { customer: { domain: 'x.de' } }],
      [`/v1/deals/${otherDeal}/withdraw`, {}],
    ] as const;
    for (const [path, body] of writes) {
      const answer = await api.call(path, { credential: me.secretKey, body });
      assert.equal(answer.status, 404, path);
    }
    assert.equal(api.sandbox.db.prepare('SELECT status FROM deals WHERE id = ?').pluck().get(otherDeal), before);
  });

  test('a partner credential reads no organization', async () => {
    const answer = await api.call(`/v1/organizations/${distributor().orgId}/members`, { credential: goldOne().secretKey });
    assert.equal(answer.status, 403);
    assert.equal(answer.body.code, 'insufficient_scope');
  });

  test('an organization reads its members (profile, tier status; deals are aggregates only) but writes nothing and reads no one else', async () => {
    const org = isp();
    const member = memberOf(org.orgId);
    const stranger = nonMemberOf(org.orgId);
    for (const path of [`/v1/partners/${member}`, `/v1/partners/${member}/tier-status`]) {
      assert.equal((await api.call(path, { credential: org.secretKey })).status, 200, path);
    }
    for (const path of [`/v1/partners/${stranger}`, `/v1/partners/${stranger}/tier-status`]) {
      assert.equal((await api.call(path, { credential: org.secretKey })).status, 404, path);
    }
    for (const path of [`/v1/partners/${member}/deals`, `/v1/partners/${stranger}/deals`, `/v1/deals/${dealOf(stranger)}`]) {
      assert.equal((await api.call(path, { credential: org.secretKey })).body.code, 'insufficient_scope', path);
    }
    const write = await api.call(`/v1/partners/${member}/deals`, { credential: org.secretKey, body: dealInput({ distributorId: distributor().orgId }) });
    assert.equal(write.status, 403);
    assert.equal(write.body.code, 'insufficient_scope');
    const otherOrg = await api.call(`/v1/organizations/${distributor().orgId}`, { credential: org.secretKey });
    const noOrg = await api.call('/v1/organizations/org_doesnotexist', { credential: org.secretKey });
    assert.equal(otherOrg.status, 404);
    assert.equal(noOrg.status, 404);
    assert.equal((await api.call(`/v1/organizations/${org.orgId}`, { credential: org.secretKey })).status, 200);
  });

  test('missing, unknown and malformed credentials answer 401', async () => {
    const path = `/v1/partners/${goldOne().partnerId}`;
    assert.equal((await api.call(path)).body.code, 'unauthenticated');
    assert.equal((await api.call(path, { credential: 'sk_test_unknown' })).body.code, 'unauthenticated');
    assert.equal((await api.call(path, { credential: 'not.a.token' })).body.code, 'token_invalid');
    assert.equal((await api.call(path, { headers: { authorization: 'Basic abc' } })).status, 401);
  });
});

describe('embed tokens', () => {
  test('a token works only from its origin, only for its subject, and not after it expires', async () => {
    const me = goldOne();
    const minted = await mint(me.secretKey, { origin: PORTAL, subject: { partnerId: me.partnerId }, scopes: ['tier:read'], ttlSeconds: 120 });
    assert.equal(minted.status, 200);
    const path = `/v1/partners/${me.partnerId}/tier-status`;
    const fromPortal = await api.call(path, { credential: minted.body.token, headers: { origin: PORTAL } });
    assert.equal(fromPortal.status, 200);
    assert.equal(fromPortal.headers.get('access-control-allow-origin'), PORTAL);

    const elsewhere = await api.call(path, { credential: minted.body.token, headers: { origin: 'https://evil.example' } });
    assert.equal(elsewhere.status, 403);
    assert.equal(elsewhere.body.code, 'origin_not_allowed');
    const noOrigin = await api.call(path, { credential: minted.body.token });
    assert.equal(noOrigin.body.code, 'origin_not_allowed');

    const narrower = await api.call(`/v1/partners/${me.partnerId}/deals`, { credential: minted.body.token, headers: { origin: PORTAL } });
    assert.equal(narrower.status, 403);
    assert.equal(narrower.body.code, 'insufficient_scope');
    const other = await api.call(`/v1/partners/${protectedOne().partnerId}/tier-status`, { credential: minted.body.token, headers: { origin: PORTAL } });
    assert.equal(other.status, 404);

    clock.advance(121_000);
    const expired = await api.call(path, { credential: minted.body.token, headers: { origin: PORTAL } });
    assert.equal(expired.status, 401);
    assert.equal(expired.body.code, 'token_expired');
  });

  test('an organization token reads the member list from its origin', async () => {
    const org = distributor();
    const minted = await mint(org.secretKey, { origin: PORTAL, subject: { orgId: org.orgId } });
    assert.equal(minted.status, 200);
    const page = await api.call(`/v1/organizations/${org.orgId}/members?limit=5`, { credential: minted.body.token, headers: { origin: PORTAL } });
    assert.equal(page.status, 200);
    assert.equal(page.body.items.length, 5);
  });

  test('minting refuses other subjects, wider scopes, long lifetimes and non-secret credentials', async () => {
    const me = goldOne();
    const otherSubject = await mint(me.secretKey, { origin: PORTAL, subject: { partnerId: protectedOne().partnerId } });
    const missingSubject = await mint(me.secretKey, { origin: PORTAL, subject: { partnerId: 'ptr_doesnotexist' } });
    assert.equal(otherSubject.status, 403);
    assert.equal(otherSubject.body.code, missingSubject.body.code);
    const wider = await mint(me.secretKey, { origin: PORTAL, subject: { partnerId: me.partnerId }, scopes: ['members:read'] });
    assert.equal(wider.status, 403);
    assert.equal(wider.body.code, 'insufficient_scope');
    const long = await mint(me.secretKey, { origin: PORTAL, subject: { partnerId: me.partnerId }, ttlSeconds: 3600 });
    assert.equal(long.status, 422);
    assert.equal(long.body.errors[0].path, 'ttlSeconds');
    const badOrigin = await mint(me.secretKey, { origin: 'https://portal.example/path', subject: { partnerId: me.partnerId } });
    assert.equal(badOrigin.status, 422);

    const token = (await mint(me.secretKey, { origin: PORTAL, subject: { partnerId: me.partnerId } })).body.token;
    const chained = await api.call('/v1/embed-tokens', { credential: token, headers: { origin: PORTAL }, body: { origin: PORTAL, subject: { partnerId: me.partnerId } } });
    assert.equal(chained.status, 403);
    assert.equal(chained.body.code, 'forbidden');
  });

  test('tampered tokens and badges presented as tokens are refused', async () => {
    const me = goldOne();
    const token = (await mint(me.secretKey, { origin: PORTAL, subject: { partnerId: me.partnerId }, scopes: ['tier:read'] })).body.token as string;
    const [header, payload, signature] = token.split('.') as [string, string, string];
    const claims = JSON.parse(new TextDecoder().decode(base64UrlDecode(payload)));
    claims.sub = protectedOne().partnerId;
    const forged = `${header}.${base64UrlEncode(new TextEncoder().encode(JSON.stringify(claims)))}.${signature}`;
    const answer = await api.call(`/v1/partners/${protectedOne().partnerId}/tier-status`, { credential: forged, headers: { origin: PORTAL } });
    assert.equal(answer.status, 401);
    assert.equal(answer.body.code, 'token_invalid');

    const badge = await api.call(`/v1/partners/${me.partnerId}/badge`, { credential: me.secretKey });
    const asToken = await api.call(`/v1/partners/${me.partnerId}/tier-status`, { credential: badge.body.jws, headers: { origin: PORTAL } });
    assert.equal(asToken.status, 401);
    assert.equal(asToken.body.code, 'token_invalid');
  });
});

describe('badges in portals', () => {
  test("a badge's domains are the partner's registered websites, never an embed token's origin", async () => {
    // A token minted for a portal, or for a bare public suffix, must not make a badge that verifies there.
    const reseller = goldOne();
    const viaSecretKey = await api.call(`/v1/partners/${reseller.partnerId}/badge`, { credential: reseller.secretKey });
    const profile = await api.call(`/v1/partners/${reseller.partnerId}`, { credential: reseller.secretKey });
    assert.deepEqual(viaSecretKey.body.claims.domains, profile.body.websites);
    for (const origin of [PORTAL, 'https://com']) {
      const minted = await mint(reseller.secretKey, { origin, subject: { partnerId: reseller.partnerId } });
      if (minted.status !== 200) continue; // an origin the sandbox refuses to mint for is refused all the more
      const viaToken = await api.call(`/v1/partners/${reseller.partnerId}/badge`, { credential: minted.body.token, headers: { origin } });
      assert.equal(viaToken.status, 200);
      assert.deepEqual(viaToken.body.claims.domains, profile.body.websites, origin);
      assert.ok(!viaToken.body.claims.domains.includes('com'), origin);
    }
  });
});

describe('publishable keys', () => {
  test('read their partner badge from registered origins, and nothing else', async () => {
    const key = creds().publishable[0]!;
    const origin = key.origins[0]!;
    const badge = await api.call(`/v1/partners/${key.partnerId}/badge`, { credential: key.publishableKey, headers: { origin } });
    assert.equal(badge.status, 200);
    assert.equal(badge.body.claims.sub, key.partnerId);
    assert.equal(badge.body.claims.tier, 'gold');
    // Its own domain, then the hosts of the sandbox's demo origins (seeded as its websites).
    assert.deepEqual(badge.body.claims.domains.slice(1).sort(), ['127.0.0.1', 'localhost', 'portal.example'].sort());
    assert.match(badge.body.claims.domains[0], /^[a-z0-9-]+\.[a-z.]+$/);
    const jwks = (await api.call('/.well-known/jwks.json')).body;
    assert.ok(await verifyJws(badge.body.jws, jwks));

    const svg = await api.call(`/v1/partners/${key.partnerId}/badge.svg?key=${key.publishableKey}`);
    assert.equal(svg.status, 200);
    assert.match(svg.headers.get('content-type')!, /^image\/svg\+xml/);
    assert.match(svg.text, /role="img"/);
    assert.match(svg.text, /<title[^>]*>[^<]*Partner · Gold/);

    const wrongOrigin = await api.call(`/v1/partners/${key.partnerId}/badge`, { credential: key.publishableKey, headers: { origin: 'https://evil.example' } });
    assert.equal(wrongOrigin.status, 403);
    assert.equal(wrongOrigin.body.code, 'origin_not_allowed');
    const otherPartner = await api.call(`/v1/partners/${goldOne().partnerId}/badge`, { credential: key.publishableKey, headers: { origin } });
    assert.equal(otherPartner.status, 404);
    for (const path of [`/v1/partners/${key.partnerId}`, `/v1/partners/${key.partnerId}/tier-status`, '/v1/program', `/v1/partners/${key.partnerId}/deals`]) {
      const answer = await api.call(path, { credential: key.publishableKey, headers: { origin } });
      assert.equal(answer.status, 403, path);
      assert.equal(answer.body.code, 'insufficient_scope');
    }
  });
});
