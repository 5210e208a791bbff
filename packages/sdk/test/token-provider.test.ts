// Embed tokens through getToken(): lazy, cached until shortly before expiry, shared between concurrent callers,
// refreshed once on a 401, and the response cache cleared when the token speaks for someone else.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createPartnerClient, isPartnerApiError } from '../src/index.js';
import {
  countingFetch,
  demo,
  fetchFromTestOrigin,
  mintEmbedToken,
  startTestSandbox,
  type Sandbox,
} from './support/sandbox.js';

let sandbox: Sandbox;
let ids: ReturnType<typeof demo>;

before(async () => {
  sandbox = await startTestSandbox();
  ids = demo(sandbox);
});
after(() => sandbox.close());

test('getToken is called lazily, once for concurrent requests, and its token reused while valid', async () => {
  let calls = 0;
  const client = createPartnerClient({
    baseUrl: sandbox.url,
    fetch: fetchFromTestOrigin,
    getToken: async () => {
      calls += 1;
      return mintEmbedToken(sandbox, ids.reseller.secretKey, { partnerId: ids.reseller.partnerId });
    },
  });
  assert.equal(calls, 0);
  await Promise.all([
    client.partners.get(ids.reseller.partnerId),
    client.partners.tierStatus(ids.reseller.partnerId),
    client.program.get(),
  ]);
  assert.equal(calls, 1);
  await client.products.list();
  assert.equal(calls, 1);
});

test('a bare token string is reused while its JWS exp is ahead', async () => {
  const tokens: string[] = [];
  const client = createPartnerClient({
    baseUrl: sandbox.url,
    fetch: fetchFromTestOrigin,
    // 30 s is the shortest lifetime the API mints; the SDK refreshes within the last quarter of it.
    getToken: async () => {
      const { token } = await mintEmbedToken(sandbox, ids.reseller.secretKey, { partnerId: ids.reseller.partnerId }, 30);
      tokens.push(token);
      return token;
    },
  });
  await client.program.get();
  await client.program.get();
  assert.equal(tokens.length, 1);
  const exp = JSON.parse(Buffer.from(tokens[0]!.split('.')[1]!, 'base64url').toString()).exp as number;
  assert.ok(exp * 1000 - Date.now() <= 30_000);
});

test('an expiresAt in the past makes the next call fetch a new token', async () => {
  let calls = 0;
  const client = createPartnerClient({
    baseUrl: sandbox.url,
    fetch: fetchFromTestOrigin,
    getToken: async () => {
      calls += 1;
      const { token } = await mintEmbedToken(sandbox, ids.reseller.secretKey, { partnerId: ids.reseller.partnerId });
      // The provider says the token is already about to lapse: the SDK must not hold on to it.
      return { token, expiresAt: new Date(Date.now() - 1000).toISOString() };
    },
  });
  await client.program.get();
  await client.program.get();
  assert.equal(calls, 2);
});

test('a rejected token is refreshed once and the request repeated; concurrent 401s share one refresh', async () => {
  let calls = 0;
  const client = createPartnerClient({
    baseUrl: sandbox.url,
    fetch: fetchFromTestOrigin,
    getToken: async () => {
      calls += 1;
      // The first answer is a token the API does not accept (for another origin), as after a key rotation.
      if (calls === 1) return { token: 'revoked.token.value', expiresAt: new Date(Date.now() + 600_000).toISOString() };
      return mintEmbedToken(sandbox, ids.reseller.secretKey, { partnerId: ids.reseller.partnerId });
    },
  });
  const [profile, status] = await Promise.all([
    client.partners.get(ids.reseller.partnerId),
    client.partners.tierStatus(ids.reseller.partnerId),
  ]);
  assert.equal(profile.id, ids.reseller.partnerId);
  assert.equal(status.partnerId, ids.reseller.partnerId);
  assert.equal(calls, 2);
});

test('a token that is rejected again fails as auth after one refresh', async () => {
  let calls = 0;
  const client = createPartnerClient({
    baseUrl: sandbox.url,
    fetch: fetchFromTestOrigin,
    getToken: () => {
      calls += 1;
      return 'never.valid.token';
    },
  });
  const error = await client.program.get().catch((caught: unknown) => caught);
  assert.ok(isPartnerApiError(error));
  assert.equal(error.type, 'auth');
  assert.equal(calls, 2);
});

test('a failing provider fails the call as auth with the cause kept', async () => {
  const client = createPartnerClient({
    baseUrl: sandbox.url,
    getToken: () => Promise.reject(new Error('backend down')),
  });
  const error = await client.program.get().catch((caught: unknown) => caught);
  assert.ok(isPartnerApiError(error));
  assert.equal(error.type, 'auth');
  assert.equal((error.cause as Error).message, 'backend down');
});

test('when the token speaks for another subject, cached responses are dropped', async () => {
  const { fetch, log } = countingFetch(fetchFromTestOrigin);
  let subject: 'reseller' | 'organization' = 'reseller';
  let expire = false;
  const client = createPartnerClient({
    baseUrl: sandbox.url,
    fetch,
    getToken: async () => {
      const minted =
        subject === 'reseller'
          ? await mintEmbedToken(sandbox, ids.reseller.secretKey, { partnerId: ids.reseller.partnerId })
          : await mintEmbedToken(sandbox, ids.organization.secretKey, { orgId: ids.organization.orgId });
      return expire ? { token: minted.token, expiresAt: new Date(Date.now() - 1).toISOString() } : minted;
    },
  });
  expire = true; // so the second call asks the provider again
  await client.program.get();
  await client.program.get(); // same subject, new token: revalidated, 304
  assert.equal(log.at(-1)!.status, 304);
  subject = 'organization';
  await client.program.get(); // another subject: its own request
  assert.equal(log.at(-1)!.status, 200);
  subject = 'reseller';
  await client.program.get(); // back again: the reseller's cached answer was dropped at the first change
  assert.equal(log.at(-1)!.status, 200);
  assert.equal(log.at(-1)!.ifNoneMatch, false);
});
