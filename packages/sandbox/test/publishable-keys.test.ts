// Publishable keys over real HTTP: a reseller lists and creates its own, registers website origins (registrable
// domains only), and the key then works from that origin, CORS included; every other credential is refused.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { useSandbox } from './support/sandbox.js';

const api = useSandbox({ resellers: 500 });
const SITE = 'https://www.reseller-site.example.de';

const creds = () => api.credentials;
const owner = () => creds().resellers.find((reseller) => reseller.partnerId === creds().publishable[0]!.partnerId)!;
const other = () => creds().resellers.find((reseller) => reseller.partnerId !== owner().partnerId)!;
const keysPath = (partnerId = owner().partnerId) => `/v1/partners/${partnerId}/publishable-keys`;

async function badgeFrom(origin: string, key: string) {
  return api.call(`/v1/partners/${owner().partnerId}/badge`, { credential: key, headers: { origin } });
}

describe('publishable keys of a reseller', () => {
  test('the reseller lists its demo key with the origins it is valid for', async () => {
    const answer = await api.call(keysPath(), { credential: owner().secretKey });
    assert.equal(answer.status, 200, answer.text);
    assert.equal(answer.body.total, 1);
    const [demo] = answer.body.items;
    assert.equal(demo.key, creds().publishable[0]!.publishableKey);
    assert.deepEqual(demo.origins, creds().publishable[0]!.origins);
  });

  test('creates a key, registers a website origin, and the key then reads the badge from there (CORS too)', async () => {
    const created = await api.call(keysPath(), { method: 'POST', credential: owner().secretKey });
    assert.equal(created.status, 201, created.text);
    assert.match(created.body.key, /^pk_test_/);
    assert.deepEqual(created.body.origins, []);

    const before = await badgeFrom(SITE, created.body.key);
    assert.equal(before.status, 403);
    assert.equal(before.body.code, 'origin_not_allowed');
    assert.equal(before.body.jws, undefined, 'a refusal, never the badge (it may be readable: publishable-cors.ts)');

    const added = await api.call(`${keysPath()}/${created.body.id}/origins`, { credential: owner().secretKey, body: { origin: SITE } });
    assert.equal(added.status, 200, added.text);
    assert.deepEqual(added.body.origins, [SITE]);
    const again = await api.call(`${keysPath()}/${created.body.id}/origins`, { credential: owner().secretKey, body: { origin: SITE } });
    assert.deepEqual(again.body.origins, [SITE], 'adding it twice keeps one');

    const after = await badgeFrom(SITE, created.body.key);
    assert.equal(after.status, 200, after.text);
    assert.equal(after.headers.get('access-control-allow-origin'), SITE);
    const preflight = await api.call(`/v1/partners/${owner().partnerId}/badge`, { method: 'OPTIONS', headers: { origin: SITE, 'access-control-request-method': 'GET', 'access-control-request-headers': 'authorization' } });
    assert.equal(preflight.headers.get('access-control-allow-origin'), SITE);

    const listed = await api.call(keysPath(), { credential: owner().secretKey });
    assert.deepEqual(listed.body.items.map((key: { id: string }) => key.id), [listed.body.items[0].id, created.body.id]);
  });

  test('refuses origins whose host is no registrable domain, and what is no origin', async () => {
    const [key] = (await api.call(keysPath(), { credential: owner().secretKey })).body.items;
    for (const [origin, code] of [
      ['https://co.uk', 'not_registrable'],
      ['https://github.io', 'not_registrable'],
      ['https://intranet', 'not_registrable'],
      ['https://192.168.1.10', 'not_registrable'],
      ['https://Example.com', 'invalid_format'],
      ['https://example.com:443', 'invalid_format'],
    ] as const) {
      const answer = await api.call(`${keysPath()}/${key.id}/origins`, { credential: owner().secretKey, body: { origin } });
      assert.equal(answer.status, 422, `${origin}: ${answer.text}`);
      assert.deepEqual(answer.body.errors.map((error: { path: string; code: string }) => [error.path, error.code]), [['origin', code]], origin);
    }
    const path = await api.call(`${keysPath()}/${key.id}/origins`, { credential: owner().secretKey, body: { origin: 'https://example.com/shop' } });
    assert.equal(path.status, 422, 'a URL with a path is no origin');
    const user = await api.call(`${keysPath()}/${key.id}/origins`, { credential: owner().secretKey, body: { origin: 'https://shop.example.co.uk' } });
    assert.equal(user.status, 200, 'a host under a registrable domain is fine');
  });

  test("an embed token of the reseller manages its keys from the portal's origin; without badge:manage it may not", async () => {
    const portal = creds().publishable[0]!.origins[0]!;
    const mint = async (scopes?: string[]) =>
      (await api.call('/v1/embed-tokens', { credential: owner().secretKey, body: { origin: portal, subject: { partnerId: owner().partnerId }, ...(scopes ? { scopes } : {}) } })).body.token as string;
    const full = await api.call(keysPath(), { credential: await mint(), headers: { origin: portal } });
    assert.equal(full.status, 200, full.text);
    const narrow = await api.call(keysPath(), { credential: await mint(['badge:read']), headers: { origin: portal } });
    assert.equal(narrow.status, 403);
    assert.equal(narrow.body.code, 'insufficient_scope');
  });

  test('another reseller, an organization and a publishable key are refused with 403; an unknown key id is 404', async () => {
    const [key] = (await api.call(keysPath(), { credential: owner().secretKey })).body.items;
    const organization = creds().organizations[0]!;
    // Without `badge:manage` the table's access check refuses first; another reseller's credential has it, and is refused too.
    const refused = [
      ['another reseller', other().secretKey, 'forbidden'],
      ['an organization', organization.secretKey, 'insufficient_scope'],
      ['a publishable key', creds().publishable[0]!.publishableKey, 'insufficient_scope'],
    ] as const;
    for (const [who, credential, code] of refused) {
      for (const [path, body] of [
        [keysPath(), undefined],
        [keysPath(), null],
        [`${keysPath()}/${key.id}/origins`, { origin: 'https://evil.example' }],
      ] as const) {
        const answer = await api.call(path, { credential, ...(body === undefined ? {} : { method: 'POST' }), ...(body ? { body } : {}) });
        assert.equal(answer.status, 403, `${who} ${path}: ${answer.text}`);
        assert.equal(answer.body.code, code, who);
      }
    }
    // The other reseller's own list does not show the owner's keys.
    const theirs = await api.call(keysPath(other().partnerId), { credential: other().secretKey });
    assert.equal(theirs.status, 200);
    assert.equal(theirs.body.total, 0);
    const foreignKey = await api.call(`${keysPath(other().partnerId)}/${key.id}/origins`, { credential: other().secretKey, body: { origin: 'https://evil.example' } });
    assert.equal(foreignKey.status, 404, "another reseller's key id is not found under one's own partner");
    const unchanged = (await api.call(keysPath(), { credential: owner().secretKey })).body.items[0];
    assert.ok(!unchanged.origins.includes('https://evil.example'));
  });

  test('a reseller holds at most 5 keys', async () => {
    const partnerId = other().partnerId;
    for (let index = 0; index < 5; index += 1) {
      assert.equal((await api.call(keysPath(partnerId), { method: 'POST', credential: other().secretKey })).status, 201);
    }
    const sixth = await api.call(keysPath(partnerId), { method: 'POST', credential: other().secretKey });
    assert.equal(sixth.status, 409);
    assert.equal(sixth.body.code, 'key_limit_reached');
  });
});
