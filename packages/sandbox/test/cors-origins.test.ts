// Origins that minting adds to the CORS allow-list (issue 16, item 6): per secret key, capped, and gone once its
// tokens have expired (after a grace period for reading the 401 of an expired token). They used to stay for good,
// without bound.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { CORS_GRACE_SECONDS } from '../src/routes/embed-tokens.js';
import { movableClock, useSandbox } from './support/sandbox.js';

const clock = movableClock();
const api = useSandbox({ now: clock.now });

describe('CORS origins of embed tokens', () => {
  test('are capped per secret key and expire with their tokens', async () => {
    const [first, second] = api.credentials.resellers as [(typeof api.credentials.resellers)[0], (typeof api.credentials.resellers)[0]];
    const echoed = async (origin: string) => (await api.call('/healthz', { headers: { origin } })).headers.get('access-control-allow-origin') === origin;
    const mint = async (key: { secretKey: string; partnerId: string }, origin: string, ttlSeconds = 600) => {
      const answer = await api.call('/v1/embed-tokens', { credential: key.secretKey, body: { origin, subject: { partnerId: key.partnerId }, ttlSeconds } });
      assert.equal(answer.status, 200, answer.text);
    };

    const origins = Array.from({ length: 40 }, (_, index) => `https://site-${index}.example`);
    for (const origin of origins) await mint(first, origin);
    const allowed = [];
    for (const origin of origins) if (await echoed(origin)) allowed.push(origin);
    assert.equal(allowed.length, 16, 'at most 16 origins per key');
    assert.deepEqual(allowed, origins.slice(-16), 'the newest ones');

    // Another key's origins are its own.
    await mint(second, 'https://other-key.example', 60);
    assert.ok(await echoed('https://other-key.example'));
    assert.ok(await echoed(origins.at(-1)!), "one key's grants do not evict another's");

    // Past the tokens' lifetime and the grace period, no origin of theirs is echoed any more.
    clock.advance((60 + CORS_GRACE_SECONDS + 1) * 1000);
    assert.equal(await echoed('https://other-key.example'), false, 'expired with its token');
    assert.ok(await echoed(origins.at(-1)!), 'a 600 s token is still in its grace period');
    clock.advance(600 * 1000);
    for (const origin of origins.slice(-16)) assert.equal(await echoed(origin), false, origin);
    assert.ok(await echoed('http://127.0.0.1:5173'), 'the fixed origins stay');
  });
});
