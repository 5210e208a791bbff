// Ways around the rate limit (issue 16, item 2): made-up keys of every kind, tokens minted before a key was limited,
// credentials on public routes. Failed authentication counts per client address and verified traffic per credential
// (a secret key and the embed tokens of its subject together), so none of them gets more than its limit.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { request } from 'node:http';
import { after, before, describe, test } from 'node:test';
import { send, startTestSandbox, type Started } from '../support/node-sandbox.js';

const ORIGIN = 'http://127.0.0.1:5173';
const FAILED_MAX = 10;
const MAX = 30;

/** One GET from another loopback address (127.0.0.2): another client, as the sandbox sees it. */
function fromOtherAddress(url: string, headers: Record<string, string>): Promise<number> {
  return new Promise((resolve, reject) => {
    const outgoing = request(url, { headers, localAddress: '127.0.0.2', agent: false }, (incoming) => {
      incoming.resume();
      incoming.on('end', () => resolve(incoming.statusCode ?? 0));
    });
    outgoing.on('error', reject);
    outgoing.end();
  });
}

describe('rate-limit bypass attempts', () => {
  let sandbox: Started;
  let attempts = 0;
  before(async () => {
    sandbox = await startTestSandbox({ rateLimit: { windowMs: 60_000, max: MAX, failedMax: FAILED_MAX } });
  });
  after(async () => {
    await sandbox?.close();
  });

  test('made-up keys of every kind are limited per client address, and other clients go on', async (t) => {
    const partner = sandbox.credentials.resellers[0]!;
    const made = (index: number) => {
      const random = randomBytes(18).toString('base64url');
      return [`sk_test_${random}`, `sk_live_${random}`, `pk_test_${random}`, `${random}.${random}.${random}`][index % 4]!;
    };
    const statuses: number[] = [];
    for (let index = 0; index < 60; index++) {
      const answer = await send(`${sandbox.url}/v1/partners/${partner.partnerId}`, { headers: { authorization: `Bearer ${made(index)}` } });
      statuses.push(answer.status);
      if (answer.status === 429) assert.ok(Number(answer.headers.get('retry-after')) >= 1);
    }
    attempts += statuses.length;
    assert.deepEqual(statuses.slice(0, FAILED_MAX), Array(FAILED_MAX).fill(401), 'the first failures are answered as such');
    assert.deepEqual(statuses.slice(FAILED_MAX), Array(60 - FAILED_MAX).fill(429), 'then the address is limited, whatever key it makes up');
    // The real key from the flooding address is limited too (a success would tell a guesser it guessed right)…
    const same = await send(`${sandbox.url}/v1/partners/${partner.partnerId}`, { headers: { authorization: `Bearer ${partner.secretKey}` } });
    assert.equal(same.status, 429);
    // …while another client, with its key, is not.
    assert.equal(await fromOtherAddress(`${sandbox.url}/v1/partners/${partner.partnerId}`, { authorization: `Bearer ${partner.secretKey}` }), 200);
    attempts += 2;
    t.diagnostic(`made-up credentials tried: ${statuses.length}`);
  });

  test("a limited secret key's pre-minted embed tokens are limited with it", async () => {
    const fresh = await startTestSandbox({ rateLimit: { windowMs: 60_000, max: MAX, failedMax: FAILED_MAX } });
    try {
      const partner = fresh.credentials.resellers[1]!;
      const tokens: string[] = [];
      for (let index = 0; index < 3; index++) {
        const minted = await send(`${fresh.url}/v1/embed-tokens`, {
          method: 'POST',
          headers: { authorization: `Bearer ${partner.secretKey}`, 'content-type': 'application/json' },
          body: JSON.stringify({ origin: ORIGIN, subject: { partnerId: partner.partnerId } }),
        });
        assert.equal(minted.status, 200);
        tokens.push(minted.json.token);
      }
      let limitedAt = -1;
      for (let index = 0; index < MAX + 5 && limitedAt < 0; index++) {
        const answer = await send(`${fresh.url}/v1/partners/${partner.partnerId}`, { headers: { authorization: `Bearer ${partner.secretKey}` } });
        if (answer.status === 429) limitedAt = index;
      }
      assert.ok(limitedAt >= 0, 'the secret key is limited');
      for (const token of tokens) {
        const answer = await send(`${fresh.url}/v1/partners/${partner.partnerId}`, { headers: { authorization: `Bearer ${token}`, origin: ORIGIN } });
        assert.equal(answer.status, 429, 'a token minted before is counted with its key');
      }
      attempts += limitedAt + 1 + tokens.length;
      // Another reseller is not affected.
      const other = fresh.credentials.resellers[2]!;
      assert.equal((await send(`${fresh.url}/v1/partners/${other.partnerId}`, { headers: { authorization: `Bearer ${other.secretKey}` } })).status, 200);
    } finally {
      await fresh.close();
    }
  });

  test('a credential on a public route does not start a count of its own', async (t) => {
    const fresh = await startTestSandbox({ rateLimit: { windowMs: 60_000, max: MAX, failedMax: FAILED_MAX } });
    try {
      const statuses: number[] = [];
      for (let index = 0; index < MAX + 5; index++) {
        const answer = await send(`${fresh.url}/.well-known/jwks.json`, { headers: { authorization: `Bearer sk_test_${randomBytes(12).toString('hex')}` } });
        statuses.push(answer.status);
      }
      attempts += statuses.length;
      assert.deepEqual(statuses.slice(MAX), Array(5).fill(429), 'counted per address');
    } finally {
      await fresh.close();
    }
    t.diagnostic(`rate-limit bypass attempts in this suite: ${attempts}`);
  });
});
