// Every SDK method against a real sandbox on 127.0.0.1: typed data back, PartnerApiError with the right type on failure.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { BADGE_ISSUER_ORIGIN } from '@poly-partner/contract';
import { createPartnerClient, isPartnerApiError, PartnerApiError, type PartnerClient } from '../src/index.js';
import { countingFetch, dealInput, demo, startTestSandbox, type Sandbox } from './support/sandbox.js';

let sandbox: Sandbox;
let reseller: PartnerClient;
let organization: PartnerClient;
let ids: ReturnType<typeof demo>;
let sku: string;
let distributorId: string;

before(async () => {
  sandbox = await startTestSandbox();
  ids = demo(sandbox);
  reseller = createPartnerClient({ baseUrl: sandbox.url, secretKey: ids.reseller.secretKey });
  organization = createPartnerClient({ baseUrl: sandbox.url, secretKey: ids.organization.secretKey });
  const products = await reseller.products.list();
  sku = products.items[0]!.sku;
  distributorId = (await reseller.partners.get(ids.reseller.partnerId)).distributorIds[0]!;
});
after(() => sandbox.close());

/** Runs `call`, expecting it to fail with a PartnerApiError of `type`; answers the error for more checks. */
async function failure(call: Promise<unknown>, type: PartnerApiError['type']): Promise<PartnerApiError> {
  const error = await call.then(
    () => assert.fail(`expected a ${type} error`),
    (caught: unknown) => caught,
  );
  assert.ok(isPartnerApiError(error), `not a PartnerApiError: ${String(error)}`);
  assert.equal(error.type, type, error.message);
  return error;
}

describe('program, products, partners', () => {
  test('program.get answers the policy with four tiers', async () => {
    const program = await reseller.program.get();
    assert.deepEqual(program.tiers, ['register', 'silver', 'gold', 'platinum']);
    assert.ok(program.criteria.length > 0);
  });

  test('products.list answers the catalogue', async () => {
    const products = await reseller.products.list();
    assert.ok(products.items.length >= 10);
    assert.equal(products.total >= products.items.length, true);
  });

  test('partners.get and tierStatus answer the reseller, and asOf moves the evaluation date', async () => {
    const profile = await reseller.partners.get(ids.reseller.partnerId);
    assert.equal(profile.id, ids.reseller.partnerId);
    const status = await reseller.partners.tierStatus(ids.reseller.partnerId);
    assert.equal(status.partnerId, ids.reseller.partnerId);
    const later = await reseller.partners.tierStatus(ids.reseller.partnerId, { asOf: '2030-01-01' });
    assert.equal(later.asOf, '2030-01-01');
    assert.equal(later.protectionActive, false);
  });

  test('partners.simulate projects more certifications without changing the partner', async () => {
    const result = await reseller.partners.simulate(ids.reseller.partnerId, { metricDeltas: { revenue: 5_000_000 } });
    assert.ok(result.tierDelta >= 0);
    assert.ok(result.projected.criteria.length > 0);
    const status = await reseller.partners.tierStatus(ids.reseller.partnerId);
    assert.equal(status.effectiveTier, result.baseline.effectiveTier);
  });

  test('a partner key reading another partner fails as not_found or forbidden, never with data', async () => {
    const error = await reseller.partners.get(ids.other.partnerId).catch((caught: unknown) => caught);
    assert.ok(isPartnerApiError(error));
    assert.ok(['not_found', 'forbidden'].includes(error.type), error.type);
    assert.ok(error.requestId, 'the problem carries a request id');
  });

  test('an unknown key fails as auth', async () => {
    const stranger = createPartnerClient({ baseUrl: sandbox.url, secretKey: 'sk_not_a_key' });
    const error = await failure(stranger.program.get(), 'auth');
    assert.equal(error.status, 401);
  });
});

describe('deals', () => {
  test('register, get, list, withdraw, and withdrawing twice is a conflict', async () => {
    const input = dealInput(1, sku, distributorId, 'lifecycle');
    const deal = await reseller.deals.register(ids.reseller.partnerId, input);
    assert.equal(deal.partnerId, ids.reseller.partnerId);
    assert.equal(deal.customer.domain, input.customer.domain);
    assert.deepEqual(await reseller.deals.get(deal.id), deal);

    const listed = await reseller.deals.list(ids.reseller.partnerId, { limit: 200 });
    assert.ok(listed.items.some((item) => item.id === deal.id));

    if (deal.status === 'submitted' || deal.status === 'under_review') {
      const withdrawn = await reseller.deals.withdraw(deal.id);
      assert.equal(withdrawn.status, 'withdrawn');
    }
    const error = await failure(reseller.deals.withdraw(deal.id), 'conflict');
    assert.equal(error.code, 'deal_not_withdrawable');
  });

  test('an invalid registration fails as validation with per-field errors', async () => {
    const input = dealInput(2, sku, distributorId, 'invalid');
    const broken = { ...input, customer: { ...input.customer, contact: { ...input.customer.contact, email: 'not-an-email' } } };
    const error = await failure(reseller.deals.register(ids.reseller.partnerId, broken), 'validation');
    assert.equal(error.status, 422);
    assert.ok(error.fieldErrors.some((field) => field.path === 'customer.contact.email'), JSON.stringify(error.fieldErrors));
  });

  test('checkConflict and register flag a customer another partner holds, without saying who', async () => {
    const input = dealInput(3, sku, distributorId, 'contested');
    await reseller.deals.register(ids.reseller.partnerId, input);
    const other = createPartnerClient({ baseUrl: sandbox.url, secretKey: ids.other.secretKey });
    const check = await other.deals.checkConflict(ids.other.partnerId, { domain: input.customer.domain });
    assert.equal(check.conflict, true);
    assert.deepEqual(check.matchedOn, ['domain']);
    const otherDistributor = (await other.partners.get(ids.other.partnerId)).distributorIds[0]!;
    const contested = await other.deals.register(ids.other.partnerId, { ...input, distributorId: otherDistributor });
    assert.equal(contested.conflict, true);
    assert.equal(contested.status, 'under_review');
  });

  test('the same idempotency key registers once and answers the same deal', async () => {
    const input = dealInput(4, sku, distributorId, 'replay');
    const first = await reseller.deals.register(ids.reseller.partnerId, input, { idempotencyKey: 'replay-key-1' });
    const second = await reseller.deals.register(ids.reseller.partnerId, input, { idempotencyKey: 'replay-key-1' });
    assert.equal(second.id, first.id);
    const error = await failure(
      reseller.deals.register(ids.reseller.partnerId, dealInput(5, sku, distributorId, 'replay'), {
        idempotencyKey: 'replay-key-1',
      }),
      'conflict',
    );
    assert.equal(error.code, 'idempotency_key_reused');
  });

  test('deals.list walks every page with for await', async () => {
    for (let n = 10; n < 15; n++) await reseller.deals.register(ids.reseller.partnerId, dealInput(n, sku, distributorId, 'pages'));
    const first = await reseller.deals.list(ids.reseller.partnerId, { limit: 2 });
    assert.equal(first.items.length, 2);
    const seen: string[] = [];
    for await (const deal of reseller.deals.list(ids.reseller.partnerId, { limit: 2 })) seen.push(deal.id);
    assert.equal(seen.length, first.total);
    assert.equal(new Set(seen).size, seen.length, 'no deal twice');
  });
});

describe('organizations', () => {
  test('get and summary describe the aggregator', async () => {
    const org = await organization.organizations.get(ids.organization.orgId);
    assert.equal(org.id, ids.organization.orgId);
    const summary = await organization.organizations.summary(ids.organization.orgId);
    assert.equal(summary.memberCount, org.memberCount);
    const perTier = summary.tiers.register + summary.tiers.silver + summary.tiers.gold + summary.tiers.platinum;
    assert.equal(perTier, summary.memberCount);
  });

  test('members answers one page; .all(), for await on the page and on the call walk every member lazily', async () => {
    const { fetch, log } = countingFetch();
    const client = createPartnerClient({ baseUrl: sandbox.url, secretKey: ids.organization.secretKey, fetch });
    const page = await client.organizations.members(ids.organization.orgId, { limit: 5, sort: 'name' });
    assert.equal(page.items.length, Math.min(5, page.total));
    assert.equal(log.length, 1, 'one page, one request');
    assert.ok(page.total > 10, 'enough members for several pages');

    const everyone = await page.all();
    assert.equal(everyone.length, page.total);
    // Walking 5 at a time gives the same members in the same order as one big page.
    const single = await client.organizations.members(ids.organization.orgId, { limit: 500, sort: 'name' });
    assert.ok(single.total <= 500, 'the test organization fits in one page');
    assert.deepEqual(
      everyone.map((member) => member.partnerId),
      single.items.map((member) => member.partnerId),
    );

    let walked = 0;
    for await (const member of page) {
      assert.ok(member.partnerId);
      walked += 1;
    }
    assert.equal(walked, page.total);

    // Stopping early fetches no further pages.
    const before = log.length;
    for await (const member of client.organizations.members(ids.organization.orgId, { limit: 5, sort: 'name' })) {
      assert.ok(member);
      break;
    }
    assert.ok(log.length - before <= 1, `stopping after one member fetched ${log.length - before} pages`);
  });

  test('a tier filter answers only members of that effective tier', async () => {
    const silver = await organization.organizations.members(ids.organization.orgId, { tier: 'silver', limit: 500 });
    assert.ok(silver.items.length > 0, 'some silver members');
    assert.ok(silver.items.every((member) => member.effectiveTier === 'silver'));
  });
});

describe('badges', () => {
  test('in the sandbox environment, a badge verifies with the sandbox keys for its domain and not for another', async () => {
    const client = createPartnerClient({ baseUrl: sandbox.url, publishableKey: ids.publishable.publishableKey, environment: 'sandbox' });
    const badge = await client.badges.get(ids.publishable.partnerId);
    assert.equal(badge.claims.sub, ids.publishable.partnerId);
    const host = new URL(ids.publishable.origins[0]!).hostname;

    const verified = await client.badges.verify(badge.jws, { hostname: host });
    assert.equal(verified.status, 'verified');
    assert.equal(verified.sandbox, true, 'a sandbox badge says so');
    assert.equal(verified.claims?.tier, badge.claims.tier);

    const elsewhere = await client.badges.verify(badge.jws, { hostname: 'copycat.example' });
    assert.deepEqual([elsewhere.status, 'reason' in elsewhere ? elsewhere.reason : undefined], ['unverified', 'domain']);

    const expired = await client.badges.verify(badge.jws, { hostname: host, now: new Date(badge.claims.exp * 1000 + 1000) });
    assert.equal(expired.status, 'expired');
    assert.equal(await client.badges.verificationUrl(ids.publishable.partnerId), `${sandbox.url}/verify/${ids.publishable.partnerId}`);
  });

  test('in production, keys come only from the issuer origin: a sandbox-signed badge does not verify', async () => {
    const asked: string[] = [];
    // The real issuer is not reachable from a test: a stand-in answers its key set with a key of its own.
    const issuerKey = (await crypto.subtle.generateKey({ name: 'Ed25519' }, true, ['sign', 'verify'])) as CryptoKeyPair;
    const { x } = await crypto.subtle.exportKey('jwk', issuerKey.publicKey);
    const fetch: typeof globalThis.fetch = async (input, init) => {
      const url = String(input instanceof Request ? input.url : input);
      asked.push(url);
      if (url.startsWith(BADGE_ISSUER_ORIGIN)) {
        return new Response(JSON.stringify({ keys: [{ kty: 'OKP', crv: 'Ed25519', x, kid: 'poly-1', alg: 'EdDSA' }] }), { headers: { 'content-type': 'application/json' } });
      }
      return globalThis.fetch(input, init);
    };
    const client = createPartnerClient({ baseUrl: sandbox.url, publishableKey: ids.publishable.publishableKey, fetch });
    const badge = await client.badges.get(ids.publishable.partnerId);
    const result = await client.badges.verify(badge.jws, { hostname: 'localhost' });
    assert.deepEqual(result, { status: 'unverified', reason: 'signature', sandbox: false });
    assert.ok(asked.includes(`${BADGE_ISSUER_ORIGIN}/.well-known/jwks.json`), asked.join());
    assert.ok(!asked.some((url) => url.startsWith(sandbox.url) && url.includes('jwks')), 'never the base URL’s keys');
    assert.equal(await client.badges.verificationUrl('ptr_1'), `${BADGE_ISSUER_ORIGIN}/verify/ptr_1`);
  });

  test('a tampered badge is unverified with a reason', async () => {
    const client = createPartnerClient({ baseUrl: sandbox.url, publishableKey: ids.publishable.publishableKey, environment: 'sandbox' });
    const { jws, claims } = await client.badges.get(ids.publishable.partnerId);
    const [header, , signature] = jws.split('.');
    const forged = Buffer.from(JSON.stringify({ ...claims, tier: 'platinum' })).toString('base64url');
    const result = await client.badges.verify(`${header}.${forged}.${signature}`, { hostname: 'anything.example' });
    assert.deepEqual(result, { status: 'unverified', reason: 'signature', sandbox: true });
    assert.deepEqual(await client.badges.verify('not a jws'), { status: 'unverified', reason: 'malformed', sandbox: true });
  });

  test('a publishable key reads nothing but the badge', async () => {
    const client = createPartnerClient({ baseUrl: sandbox.url, publishableKey: ids.publishable.publishableKey });
    const error = await client.partners.tierStatus(ids.publishable.partnerId).catch((caught: unknown) => caught);
    assert.ok(isPartnerApiError(error) && ['forbidden', 'not_found'].includes(error.type));
  });
});

describe('dedup and ETag cache', () => {
  test('identical concurrent GETs share one request; a repeat is revalidated with If-None-Match and answered by 304', async () => {
    const { fetch, log } = countingFetch();
    const client = createPartnerClient({ baseUrl: sandbox.url, secretKey: ids.reseller.secretKey, fetch });
    const [a, b, c] = await Promise.all([
      client.partners.tierStatus(ids.reseller.partnerId),
      client.partners.tierStatus(ids.reseller.partnerId),
      client.partners.tierStatus(ids.reseller.partnerId),
    ]);
    assert.equal(log.length, 1);
    assert.deepEqual(a, b);
    a.partnerId = 'edited'; // one caller's edit must not leak into another's copy, nor into the cache
    assert.equal(c.partnerId, ids.reseller.partnerId);

    const again = await client.partners.tierStatus(ids.reseller.partnerId);
    assert.equal(log.length, 2);
    assert.equal(log[1]!.status, 304);
    assert.deepEqual(again, b);
  });

  test('clearCache() makes the next GET a full request again', async () => {
    const { fetch, log } = countingFetch();
    const client = createPartnerClient({ baseUrl: sandbox.url, secretKey: ids.reseller.secretKey, fetch });
    await client.products.list();
    await client.products.list();
    client.clearCache();
    await client.products.list();
    assert.deepEqual(
      log.map((entry) => [entry.status, entry.ifNoneMatch]),
      [
        [200, false],
        [304, true],
        [200, false],
      ],
    );
  });

  test('cache: false sends every call and never revalidates', async () => {
    const { fetch, log } = countingFetch();
    const client = createPartnerClient({ baseUrl: sandbox.url, secretKey: ids.reseller.secretKey, fetch, cache: false });
    await Promise.all([client.program.get(), client.program.get()]);
    await client.program.get();
    assert.deepEqual(log.map((entry) => entry.status), [200, 200, 200]);
  });
});

describe('errors', () => {
  test('isPartnerApiError recognises errors of a second copy of the SDK, instanceof does not', async () => {
    const copy = (await import(`../src/errors/partner-api-error.ts?copy=${Date.now()}`)) as typeof import('../src/errors/partner-api-error.js');
    assert.notEqual(copy.PartnerApiError, PartnerApiError);
    const foreign = new copy.PartnerApiError({ type: 'network', message: 'from the other bundle' });
    assert.equal(foreign instanceof PartnerApiError, false);
    assert.equal(isPartnerApiError(foreign), true);
    assert.equal(isPartnerApiError(new Error('plain')), false);
    assert.equal(isPartnerApiError({ type: 'network' }), false);
  });

  test('creating a client needs exactly one credential and sends nothing', () => {
    const { fetch, log } = countingFetch();
    assert.throws(() => createPartnerClient({ baseUrl: sandbox.url, fetch } as never), TypeError);
    assert.throws(
      () => createPartnerClient({ baseUrl: sandbox.url, secretKey: 'sk_a', publishableKey: 'pk_b' } as never),
      TypeError,
    );
    createPartnerClient({ baseUrl: sandbox.url, getToken: () => assert.fail('getToken called eagerly'), fetch });
    assert.equal(log.length, 0);
  });
});

describe('a secret key in a browser', () => {
  test('is refused when a document is there, unless the page says it is a test; servers are unaffected', () => {
    const globals = globalThis as { document?: unknown };
    assert.doesNotThrow(() => createPartnerClient({ baseUrl: 'http://127.0.0.1:1', secretKey: 'sk_test_server' }));
    globals.document = {};
    try {
      assert.throws(() => createPartnerClient({ baseUrl: 'http://127.0.0.1:1', secretKey: 'sk_test_leaked' }), /secretKey is for servers; in a browser pass getToken/);
      assert.doesNotThrow(() => createPartnerClient({ baseUrl: 'http://127.0.0.1:1', secretKey: 'sk_test_fixture', secretKeyInBrowserForTests: true }));
      assert.doesNotThrow(() => createPartnerClient({ baseUrl: 'http://127.0.0.1:1', publishableKey: 'pk_test_badge' }));
    } finally {
      delete globals.document;
    }
  });
});
