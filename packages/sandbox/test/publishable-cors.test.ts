// A page whose origin is not registered for its publishable key learns why (issue 25): the badge route answers its
// preflight, and the refusal is readable; the data, and every other route, stay closed to it.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { useSandbox } from './support/sandbox.js';

const api = useSandbox();
const STRANGER = 'https://not-registered.example';

describe('CORS for publishable keys on an unregistered origin', () => {
  const preflight = (path: string) =>
    api.call(path, { method: 'OPTIONS', headers: { origin: STRANGER, 'access-control-request-method': 'GET', 'access-control-request-headers': 'authorization' } });

  test('the badge route answers the preflight; other routes do not', async () => {
    const { partnerId } = api.credentials.publishable[0]!;
    const badge = await preflight(`/v1/partners/${partnerId}/badge`);
    assert.equal(badge.headers.get('access-control-allow-origin'), STRANGER);
    assert.match(badge.headers.get('access-control-allow-headers') ?? '', /Authorization/);
    for (const path of [`/v1/partners/${partnerId}`, `/v1/partners/${partnerId}/tier-status`, '/v1/embed-tokens']) {
      assert.equal((await preflight(path)).headers.get('access-control-allow-origin'), null, path);
    }
  });

  test('origin_not_allowed and an unknown key are readable; a badge, a secret key or a token refusal is not', async () => {
    const { partnerId, publishableKey } = api.credentials.publishable[0]!;
    const path = `/v1/partners/${partnerId}/badge`;
    const refused = await api.call(path, { credential: publishableKey, headers: { origin: STRANGER } });
    assert.equal(refused.status, 403);
    assert.equal(refused.body.code, 'origin_not_allowed');
    assert.equal(refused.headers.get('access-control-allow-origin'), STRANGER);

    const unknown = await api.call(path, { credential: 'pk_not_a_key', headers: { origin: STRANGER } });
    assert.equal(unknown.status, 401);
    assert.equal(unknown.headers.get('access-control-allow-origin'), STRANGER);

    // Data goes only to registered origins: a request without Origin (a server) gets the badge, and no CORS header.
    const served = await api.call(path, { credential: publishableKey });
    assert.equal(served.status, 200);
    assert.equal(served.headers.get('access-control-allow-origin'), null);

    const secret = api.credentials.resellers[0]!;
    const bySecret = await api.call(`/v1/partners/${secret.partnerId}/badge`, { credential: secret.secretKey, headers: { origin: STRANGER } });
    assert.equal(bySecret.status, 403);
    assert.equal(bySecret.headers.get('access-control-allow-origin'), null, 'only publishable-key refusals are exposed');
    const tierStatus = await api.call(`/v1/partners/${partnerId}/tier-status`, { credential: publishableKey, headers: { origin: STRANGER } });
    assert.equal(tierStatus.headers.get('access-control-allow-origin'), null, 'only on the badge route');
  });
});
