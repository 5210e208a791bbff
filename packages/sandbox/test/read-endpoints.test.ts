// The read side over real HTTP: program, catalogue, profiles, tier status, simulations, key set, documents, ETags.
import assert from 'node:assert/strict';
import { get } from 'node:http';
import { describe, test } from 'node:test';
import { verifyJws } from '@poly-partner/contract';
import { useSandbox } from './support/sandbox.js';

const api = useSandbox();
const reseller = (about: RegExp) => api.credentials.resellers.find((candidate) => about.test(candidate.about))!;

describe('public and program endpoints', () => {
  test('healthz answers ok without a credential', async () => {
    const answer = await api.call('/healthz');
    assert.equal(answer.status, 200);
    assert.deepEqual(answer.body, { status: 'ok' });
  });

  test('the program policy launches 90 days before seeding, so protection is in force', async () => {
    const answer = await api.call('/v1/program', { credential: reseller(/Register/).secretKey });
    assert.equal(answer.status, 200);
    const launch = new Date(answer.body.statusProtection.launchDate).getTime();
    const days = Math.round((Date.now() - launch) / 86_400_000);
    assert.ok(days >= 89 && days <= 91, `launched ${days} days ago`);
    assert.deepEqual(answer.body.tiers, ['register', 'silver', 'gold', 'platinum']);
  });

  test('the catalogue lists Poly products of several families', async () => {
    const answer = await api.call('/v1/products', { credential: reseller(/Register/).secretKey });
    assert.equal(answer.status, 200);
    assert.ok(answer.body.total >= 35);
    const families = new Set(answer.body.items.map((product: { family: string }) => product.family));
    for (const family of ['Studio', 'Sync', 'Voyager', 'Blackwire', 'CCX', 'Edge']) assert.ok(families.has(family), family);
  });

  test('the OpenAPI document is served', async () => {
    const answer = await api.call('/openapi.json');
    assert.equal(answer.status, 200);
    assert.match(answer.body.openapi, /^3\.1/);
    assert.ok(answer.body.paths['/v1/organizations/{orgId}/members']);
  });

  test("the OpenAPI document's server is the host that served it, not the default port", async () => {
    const base = new URL(api.sandbox.url);
    const direct = await api.call('/openapi.json');
    assert.deepEqual(direct.body.servers.map((server: { url: string }) => server.url), [base.origin]);
    // Reached under another name (a proxy, a container's port mapping): that name.
    const text = await new Promise<string>((resolve, reject) => {
      get({ host: base.hostname, port: base.port, path: '/openapi.json', headers: { host: `sandbox.test:${base.port}` } }, (response) => {
        let body = '';
        response.setEncoding('utf8').on('data', (chunk: string) => (body += chunk)).on('end', () => resolve(body));
      }).on('error', reject);
    });
    const document = JSON.parse(text) as { servers: { url: string }[] };
    assert.deepEqual(document.servers.map((server) => server.url), [`http://sandbox.test:${base.port}`]);
  });

  test('the key set verifies badges', async () => {
    const jwks = await api.call('/.well-known/jwks.json');
    assert.equal(jwks.status, 200);
    assert.equal(jwks.body.keys[0].crv, 'Ed25519');
    const owner = reseller(/protected Gold/);
    const badge = await api.call(`/v1/partners/${owner.partnerId}/badge`, { credential: owner.secretKey });
    assert.deepEqual(await verifyJws(badge.body.jws, jwks.body), badge.body.claims);
  });
});

describe('partner profile and tier status', () => {
  test('the protected demo reseller earns Silver and holds Gold until protection ends', async () => {
    const owner = reseller(/protected Gold/);
    const profile = await api.call(`/v1/partners/${owner.partnerId}`, { credential: owner.secretKey });
    assert.equal(profile.status, 200);
    assert.equal(profile.body.name, owner.name);
    assert.deepEqual(profile.body.carriedOver, { program: 'polycom', tier: 'gold' });
    assert.ok(profile.body.distributorIds.length >= 1);
    // The same distributors with their names, as the database has them (the deal form shows names, not ids).
    const distributors = profile.body.distributors as { id: string; name: string }[];
    assert.deepEqual(distributors.map((distributor) => distributor.id), profile.body.distributorIds);
    const nameOf = api.sandbox.db.prepare('SELECT name FROM organizations WHERE id = ?').pluck();
    for (const distributor of distributors) {
      assert.ok(distributor.name.length > 0);
      assert.equal(distributor.name, nameOf.get(distributor.id));
    }

    const status = await api.call(`/v1/partners/${owner.partnerId}/tier-status`, { credential: owner.secretKey });
    assert.equal(status.status, 200);
    assert.equal(status.body.earnedTier, 'silver');
    assert.equal(status.body.effectiveTier, 'gold');
    assert.equal(status.body.protectionActive, true);
    assert.equal(status.body.nextTier, 'platinum');
    assert.ok(status.body.checklist.items.some((item: { met: boolean }) => item.met === false));

    const later = await api.call(`/v1/partners/${owner.partnerId}/tier-status?asOf=${nextDay(status.body.protectedUntil)}`, { credential: owner.secretKey });
    assert.equal(later.body.effectiveTier, 'silver', 'the day after protection ends, the earned tier counts');
    assert.equal(later.body.protectionActive, false);
  });

  test('the other demo resellers have the tiers their descriptions promise', async () => {
    const gold = reseller(/clean Gold/);
    const register = reseller(/Register/);
    const goldStatus = await api.call(`/v1/partners/${gold.partnerId}/tier-status`, { credential: gold.secretKey });
    assert.equal(goldStatus.body.effectiveTier, 'gold');
    assert.equal(goldStatus.body.protectedTier, null);
    const registerStatus = await api.call(`/v1/partners/${register.partnerId}/tier-status`, { credential: register.secretKey });
    assert.equal(registerStatus.body.effectiveTier, 'register');
    assert.equal(registerStatus.body.nextTier, 'silver');
  });

  test('a bad asOf is a 422 with a field error', async () => {
    const owner = reseller(/Register/);
    for (const asOf of ['yesterday', '2027-02-30']) {
      const answer = await api.call(`/v1/partners/${owner.partnerId}/tier-status?asOf=${asOf}`, { credential: owner.secretKey });
      assert.equal(answer.status, 422, asOf);
      assert.equal(answer.body.code, 'validation_failed');
      assert.equal(answer.body.errors[0].path, 'asOf');
    }
    const unknown = await api.call(`/v1/partners/${owner.partnerId}/tier-status?foo=1`, { credential: owner.secretKey });
    assert.equal(unknown.status, 422);
  });

  test('a simulation of more certifications and revenue lifts the Register reseller', async () => {
    const owner = reseller(/Register/);
    const answer = await api.call(`/v1/partners/${owner.partnerId}/tier-simulations`, {
      credential: owner.secretKey,
      body: { changes: { metricDeltas: { revenue: 50_000, certified_sales: 1, registered_deals: 1 } } },
    });
    assert.equal(answer.status, 200);
    assert.equal(answer.body.baseline.effectiveTier, 'register');
    assert.equal(answer.body.projected.effectiveTier, 'silver');
    assert.equal(answer.body.tierDelta, 1);
  });

  test('a simulation with an unknown criterion or region is a 422', async () => {
    const owner = reseller(/Register/);
    const criterion = await api.call(`/v1/partners/${owner.partnerId}/tier-simulations`, { credential: owner.secretKey, body: { changes: { metricDeltas: { bananas: 3 } } } });
    assert.equal(criterion.status, 422);
    assert.equal(criterion.body.errors[0].path, 'changes.metricDeltas.bananas');
    const region = await api.call(`/v1/partners/${owner.partnerId}/tier-simulations`, { credential: owner.secretKey, body: { changes: { region: 'atlantis' } } });
    assert.equal(region.status, 422);
    assert.equal(region.body.errors[0].path, 'changes.region');
  });
});

describe('HTTP behaviour of every answer', () => {
  test('GET answers carry an ETag and answer If-None-Match with 304', async () => {
    const owner = reseller(/clean Gold/);
    const first = await api.call(`/v1/partners/${owner.partnerId}`, { credential: owner.secretKey });
    const tag = first.headers.get('etag');
    assert.ok(tag);
    const second = await api.call(`/v1/partners/${owner.partnerId}`, { credential: owner.secretKey, headers: { 'if-none-match': tag } });
    assert.equal(second.status, 304);
    assert.equal(second.text, '');
    assert.ok(second.headers.get('x-request-id'));
    const stale = await api.call(`/v1/partners/${owner.partnerId}`, { credential: owner.secretKey, headers: { 'if-none-match': '"stale"' } });
    assert.equal(stale.status, 200);
  });

  test('every answer, success or problem, carries a distinct x-request-id; problems repeat it', async () => {
    const ok = await api.call('/healthz');
    const problem = await api.call('/v1/nowhere');
    assert.equal(problem.status, 404);
    assert.equal(problem.headers.get('content-type'), 'application/problem+json');
    assert.equal(problem.body.code, 'not_found');
    assert.equal(problem.body.requestId, problem.headers.get('x-request-id'));
    assert.notEqual(ok.headers.get('x-request-id'), problem.headers.get('x-request-id'));
  });

  test('a wrong method on a known path is a 405 problem', async () => {
    const answer = await api.call('/v1/program', { method: 'DELETE', credential: reseller(/Register/).secretKey });
    assert.equal(answer.status, 405);
    assert.equal(answer.body.code, 'method_not_allowed');
    assert.equal(answer.headers.get('allow'), 'GET');
  });
});

function nextDay(day: string): string {
  return new Date(Date.parse(day) + 86_400_000).toISOString().slice(0, 10);
}
