// Where credentials and origins enter (issue 16, items 7, 8 and 11): the badge image's `?key=` takes publishable
// keys only, origins are checked as URLs when a token is minted, and secret keys are refused from browsers.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { useSandbox } from './support/sandbox.js';

const api = useSandbox();

describe('badge.svg?key=', () => {
  test('takes a publishable key, and refuses a secret key or an embed token in the URL', async () => {
    const publishable = api.credentials.publishable[0]!;
    const owner = api.credentials.resellers.find((reseller) => reseller.partnerId === publishable.partnerId)!;
    const path = `/v1/partners/${publishable.partnerId}/badge.svg`;
    const withKey = (key: string) => api.call(`${path}?key=${encodeURIComponent(key)}`);
    assert.equal((await withKey(publishable.publishableKey)).status, 200);
    const secret = await withKey(owner.secretKey);
    assert.deepEqual([secret.status, secret.body.code], [401, 'unauthenticated'], 'a secret key in a URL is refused');
    assert.match(secret.body.detail, /publishable key/);
    const minted = await api.call('/v1/embed-tokens', { credential: owner.secretKey, body: { origin: 'http://127.0.0.1:5173', subject: { partnerId: owner.partnerId } } });
    assert.equal((await withKey(minted.body.token)).status, 401, 'so is an embed token');
    // The header still takes the secret key.
    assert.equal((await api.call(path, { credential: owner.secretKey })).status, 200);
  });
});

describe('origins', () => {
  test('are parsed as browsers send them when a token is minted: no port past 65535, no 500 on the badge', async () => {
    const owner = api.credentials.resellers[0]!;
    const mint = (origin: string) => api.call('/v1/embed-tokens', { credential: owner.secretKey, body: { origin, subject: { partnerId: owner.partnerId } } });
    for (const origin of ['http://a:99999', 'http://a:65536', 'http://a:0', 'http://Portal.example', 'http://portal.example:80', 'https://portal.example:443', 'ftp://portal.example']) {
      const answer = await mint(origin);
      assert.equal(answer.status, 422, `${origin}: ${answer.status}`);
      assert.equal(answer.body.errors[0].path, 'origin');
    }
    const highest = await mint('http://a:65535');
    assert.equal(highest.status, 200);
    for (const path of [`/v1/partners/${owner.partnerId}/badge`, `/v1/partners/${owner.partnerId}/badge.svg`]) {
      assert.equal((await api.call(path, { credential: highest.body.token, headers: { origin: 'http://a:65535' } })).status, 200, path);
    }
  });
});
