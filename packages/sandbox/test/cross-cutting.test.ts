// CORS, rate limits and the error handler over real HTTP.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { startSandbox } from '../src/index.js';
import { useSandbox } from './support/sandbox.js';

const api = useSandbox({ rateLimit: { windowMs: 60_000, max: 5 } });
const DEMO = 'http://127.0.0.1:5173';

describe('CORS', () => {
  test('echoes only allow-listed origins, always varies by Origin, and answers preflights', async () => {
    const allowed = await api.call('/healthz', { headers: { origin: DEMO } });
    assert.equal(allowed.headers.get('access-control-allow-origin'), DEMO);
    assert.match(allowed.headers.get('access-control-expose-headers')!, /ETag/);
    assert.match(allowed.headers.get('access-control-expose-headers')!, /Retry-After/);
    assert.match(allowed.headers.get('access-control-expose-headers')!, /x-request-id/);
    assert.match(allowed.headers.get('vary')!, /Origin/);

    const foreign = await api.call('/healthz', { headers: { origin: 'https://evil.example' } });
    assert.equal(foreign.headers.get('access-control-allow-origin'), null);
    assert.match(foreign.headers.get('vary')!, /Origin/);

    const preflight = await api.call('/v1/partners/x/deals', {
      method: 'OPTIONS',
      headers: { origin: DEMO, 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization, content-type, idempotency-key' },
    });
    assert.equal(preflight.status, 204);
    assert.equal(preflight.headers.get('access-control-allow-origin'), DEMO);
    for (const header of ['Authorization', 'Content-Type', 'Idempotency-Key', 'If-None-Match']) {
      assert.match(preflight.headers.get('access-control-allow-headers')!, new RegExp(header));
    }
    const deniedPreflight = await api.call('/v1/program', { method: 'OPTIONS', headers: { origin: 'https://evil.example', 'access-control-request-method': 'GET' } });
    assert.equal(deniedPreflight.headers.get('access-control-allow-origin'), null);
  });
});

describe('rate limit', () => {
  test('answers 429 with Retry-After per credential, leaving other credentials alone', async () => {
    const [first, second] = api.credentials.resellers as [typeof api.credentials.resellers[0], typeof api.credentials.resellers[0]];
    const statuses: number[] = [];
    let limited;
    for (let i = 0; i < 7; i++) {
      const answer = await api.call(`/v1/partners/${first.partnerId}`, { credential: first.secretKey });
      statuses.push(answer.status);
      if (answer.status === 429) limited = answer;
    }
    assert.deepEqual(statuses, [200, 200, 200, 200, 200, 429, 429]);
    assert.equal(limited!.body.code, 'rate_limited');
    const retryAfter = Number(limited!.headers.get('retry-after'));
    assert.ok(retryAfter >= 1 && retryAfter <= 60);
    const other = await api.call(`/v1/partners/${second.partnerId}`, { credential: second.secretKey });
    assert.equal(other.status, 200);
  });
});

describe('unexpected errors', () => {
  test('answer a problem 500 with a request id and no internals', async () => {
    const sandbox = await startSandbox({ resellers: 200, quiet: true });
    try {
      const reseller = sandbox.credentials.resellers[0]!;
      sandbox.db.exec('DROP TABLE products');
      const response = await fetch(`${sandbox.url}/v1/products`, { headers: { authorization: `Bearer ${reseller.secretKey}` } });
      const text = await response.text();
      assert.equal(response.status, 500);
      assert.equal(response.headers.get('content-type'), 'application/problem+json');
      const body = JSON.parse(text);
      assert.equal(body.code, 'internal_error');
      assert.equal(body.requestId, response.headers.get('x-request-id'));
      assert.ok(!/sqlite|no such table|DROP|at \w+ \(|\.ts:\d+/i.test(text), text);
    } finally {
      await sandbox.close();
    }
  });
});
