// Faults between the SDK and a real sandbox, injected by a proxy on 127.0.0.1: each ends in the documented error
// type, retries happen only where they are safe, and an abort leaves nothing running.
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, test } from 'node:test';
import { createPartnerClient, isPartnerApiError, type PartnerApiError, type PartnerClientOptions } from '../src/index.js';
import { startFaultProxy, type Fault, type FaultProxy } from './support/fault-proxy.js';
import { dealInput, demo, startTestSandbox, type Sandbox } from './support/sandbox.js';
import { until } from './support/until.js';

let sandbox: Sandbox;
let proxy: FaultProxy;
let ids: ReturnType<typeof demo>;

before(async () => {
  sandbox = await startTestSandbox();
  proxy = await startFaultProxy(sandbox.url);
  ids = demo(sandbox);
});
after(async () => {
  await proxy.close();
  await sandbox.close();
});
beforeEach(() => {
  proxy.plan = () => undefined;
  proxy.requests.length = 0;
});

/** A client through the proxy with short waits, so retries are quick. */
function client(options: Partial<PartnerClientOptions> = {}) {
  return createPartnerClient({
    baseUrl: proxy.url,
    secretKey: ids.reseller.secretKey,
    timeout: 1_000,
    retry: { limit: 2, backoffLimit: 50, maxRetryAfter: 2_000 },
    ...options,
  } as PartnerClientOptions);
}

/** Faults for the first `count` requests, then the real sandbox. */
function firstFaults(count: number, fault: Fault) {
  proxy.plan = ({ index }) => (index < count ? fault : undefined);
}

async function failure(call: Promise<unknown>): Promise<PartnerApiError> {
  const error = await call.then(
    () => assert.fail('expected an error'),
    (caught: unknown) => caught,
  );
  assert.ok(isPartnerApiError(error), String(error));
  return error;
}

const problem = (status: number, code: string) =>
  JSON.stringify({ type: `https://developer.poly.example/problems/${code}`, title: code, status, code, requestId: 'req_test' });

describe('HTTP failures', () => {
  test('500 is an api error, not retried, carrying code and request id', async () => {
    firstFaults(10, { kind: 'status', status: 500, body: problem(500, 'internal_error') });
    const error = await failure(client().program.get());
    assert.deepEqual([error.type, error.code, error.status, error.requestId], ['api', 'internal_error', 500, 'req_test']);
    assert.equal(proxy.requests.length, 1);
  });

  test('503 with Retry-After is waited out and retried', async () => {
    firstFaults(1, { kind: 'status', status: 503, headers: { 'retry-after': '1' }, body: problem(503, 'service_unavailable') });
    const program = await client().program.get();
    assert.ok(program.version);
    assert.deepEqual(proxy.requests.map((request) => request.status), [503, 200]);
  });

  test('503 whose Retry-After exceeds the bound fails at once with retryAfter set', async () => {
    firstFaults(10, { kind: 'status', status: 503, headers: { 'retry-after': '120' }, body: problem(503, 'service_unavailable') });
    const error = await failure(client().program.get());
    assert.deepEqual([error.type, error.retryAfter], ['api', 120]);
    assert.equal(proxy.requests.length, 1);
  });

  test('429 is retried; when it persists, rate_limited with retryAfter', async () => {
    firstFaults(1, { kind: 'status', status: 429, headers: { 'retry-after': '1' }, body: problem(429, 'rate_limited') });
    assert.ok(await client().products.list());
    assert.equal(proxy.requests.length, 2);

    proxy.requests.length = 0;
    firstFaults(100, { kind: 'status', status: 429, headers: { 'retry-after': '0' }, body: problem(429, 'rate_limited') });
    const error = await failure(client().products.list());
    assert.deepEqual([error.type, error.code, error.retryAfter], ['rate_limited', 'rate_limited', 0]);
    assert.equal(proxy.requests.length, 3, 'first attempt and two retries');
  });

  test('a 502 from a proxy with an HTML body is an api error with the status as code', async () => {
    firstFaults(10, { kind: 'status', status: 502, contentType: 'text/html', body: '<h1>Bad gateway</h1>' });
    const error = await failure(client({ retry: 0 }).program.get());
    assert.deepEqual([error.type, error.code, error.status], ['api', 'http_502', 502]);
  });
});

describe('transport failures', () => {
  test('a connection reset is retried for GET and fails as network when it persists', async () => {
    firstFaults(1, { kind: 'reset' });
    assert.ok(await client().program.get());
    assert.equal(proxy.requests.length, 2);

    proxy.requests.length = 0;
    firstFaults(100, { kind: 'reset' });
    const error = await failure(client().program.get());
    assert.equal(error.type, 'network');
    assert.equal(proxy.requests.length, 3);
  });

  test('a server that never answers times out, with retries, as timeout', async () => {
    firstFaults(100, { kind: 'hang' });
    const error = await failure(client({ timeout: 300, retry: { limit: 1, backoffLimit: 10 } }).program.get());
    assert.equal(error.type, 'timeout');
    assert.equal(proxy.requests.length, 2);
  });

  test('a body slower than the timeout fails as timeout', async () => {
    firstFaults(100, { kind: 'slow-body', delayMs: 400 });
    const error = await failure(client({ timeout: 500, retry: 0 }).program.get());
    assert.equal(error.type, 'timeout');
  });

  test('a slow body within the timeout arrives whole', async () => {
    firstFaults(100, { kind: 'slow-body', delayMs: 30 });
    const program = await client({ timeout: 2_000, retry: 0 }).program.get();
    assert.equal(program.tiers.length, 4);
  });

  test('a body cut off mid-stream fails as network', async () => {
    firstFaults(100, { kind: 'truncate-body' });
    const error = await failure(client({ retry: 0 }).program.get());
    assert.equal(error.type, 'network');
  });

  test('a POST other than a registration is not retried after a reset', async () => {
    firstFaults(100, { kind: 'reset' });
    const error = await failure(client().deals.checkConflict(ids.reseller.partnerId, { domain: 'x.example' }));
    assert.equal(error.type, 'network');
    assert.equal(proxy.requests.length, 1);
  });
});

describe('bodies that break the contract', () => {
  test('malformed JSON is invalid_response', async () => {
    firstFaults(100, { kind: 'body', body: '{"version": "1", ' });
    const error = await failure(client().program.get());
    assert.equal(error.type, 'invalid_response');
    assert.equal(proxy.requests.length, 1, 'a broken body is not retried');
  });

  test('a schema-breaking body is invalid_response naming the path that failed', async () => {
    const status = await client().partners.tierStatus(ids.reseller.partnerId);
    const broken = JSON.stringify({ ...status, effectiveTier: 'diamond', checklist: { ...status.checklist, metCount: -1 } });
    firstFaults(100, { kind: 'body', body: broken });
    const error = await failure(client().partners.tierStatus(ids.reseller.partnerId));
    assert.equal(error.type, 'invalid_response');
    // Where and what was expected there (zod/mini by itself says "Invalid input").
    assert.match(error.message, /effectiveTier: Invalid option: expected one of "register"\|"silver"\|"gold"\|"platinum"/);
    assert.match(error.message, /checklist\.metCount: Too small: expected number to be >=0/);
    assert.doesNotMatch(error.message, /Invalid input/);
  });

  test('an empty 200 body is invalid_response', async () => {
    firstFaults(100, { kind: 'body', body: '' });
    const error = await failure(client().products.list());
    assert.equal(error.type, 'invalid_response');
  });
});

describe('abort', () => {
  test('aborting during a Retry-After wait throws aborted at once and sends no further request', async (t) => {
    // The client's timers, watched: the Retry-After wait is a 2 s timer (its own timeout is 1 s). Once the abort has
    // cleared it, nothing is left to send again; no need to wait the 2 s out.
    const { setTimeout: realSetTimeout, clearTimeout: realClearTimeout } = globalThis;
    const retryWaits = new Set<unknown>();
    let clearedWaits = 0;
    globalThis.setTimeout = ((callback: () => void, ms?: number) => {
      const timer = realSetTimeout(callback, ms);
      if (ms === 2_000) retryWaits.add(timer);
      return timer;
    }) as typeof setTimeout;
    globalThis.clearTimeout = ((timer: Parameters<typeof clearTimeout>[0]) => {
      if (retryWaits.delete(timer)) clearedWaits += 1;
      realClearTimeout(timer);
    }) as typeof clearTimeout;
    t.after(() => Object.assign(globalThis, { setTimeout: realSetTimeout, clearTimeout: realClearTimeout }));
    firstFaults(100, { kind: 'status', status: 503, headers: { 'retry-after': '2' }, body: problem(503, 'service_unavailable') });
    let attempts = 0;
    const counting: typeof fetch = (input, init) => {
      attempts += 1;
      return fetch(input, init);
    };
    const controller = new AbortController();
    const call = client({ fetch: counting }).program.get({ signal: controller.signal });
    await until(() => retryWaits.size === 1, 'the Retry-After wait');
    controller.abort();
    const error = await failure(call);
    assert.equal(error.type, 'aborted');
    assert.equal(clearedWaits, 1, 'the abort ended the Retry-After wait');
    assert.equal(retryWaits.size, 0, 'no wait left to send again');
    assert.equal(attempts, 1);
    assert.equal(proxy.requests.length, 1);
  });

  test('aborting a hanging request throws aborted, not timeout', async () => {
    firstFaults(100, { kind: 'hang' });
    const controller = new AbortController();
    const call = client({ timeout: 5_000 }).program.get({ signal: controller.signal });
    await until(() => proxy.requests.length > 0, 'the request at the proxy');
    controller.abort();
    assert.equal((await failure(call)).type, 'aborted');
    assert.equal(proxy.requests.length, 1);
  });

  test('an already aborted signal sends nothing', async () => {
    const error = await failure(client().program.get({ signal: AbortSignal.abort() }));
    assert.equal(error.type, 'aborted');
    assert.equal(proxy.requests.length, 0);
  });

  test('one caller aborting a shared GET does not abort the others', async () => {
    firstFaults(1, { kind: 'slow-body', delayMs: 50 });
    const shared = client();
    const controller = new AbortController();
    const leaving = shared.program.get({ signal: controller.signal });
    const staying = shared.program.get();
    await until(() => proxy.requests.length > 0, 'the request at the proxy');
    controller.abort();
    assert.equal((await failure(leaving)).type, 'aborted');
    assert.equal((await staying).tiers.length, 4);
    assert.equal(proxy.requests.length, 1);
  });
});

describe('deal registration retries', () => {
  test('a registration whose answer is lost is retried under the same Idempotency-Key and created once', async () => {
    const api = client();
    const products = await api.products.list();
    const distributorId = (await api.partners.get(ids.reseller.partnerId)).distributorIds[0]!;
    proxy.requests.length = 0;
    proxy.plan = ({ method, index }) => (method === 'POST' && index === 0 ? { kind: 'reset', afterUpstream: true } : undefined);
    const input = dealInput(1, products.items[0]!.sku, distributorId, 'lost-answer');
    const deal = await api.deals.register(ids.reseller.partnerId, input);
    const keys = proxy.requests.map((request) => request.headers['idempotency-key']);
    assert.equal(keys.length, 2);
    assert.ok(keys[0] && keys[0] === keys[1], 'one key across the retries');
    const all = await api.deals.list(ids.reseller.partnerId, { limit: 200 }).all();
    assert.equal(all.filter((item) => item.customer.domain === input.customer.domain).length, 1);
    assert.equal(all.find((item) => item.customer.domain === input.customer.domain)!.id, deal.id);
  });
});

describe("the sandbox's own rate limit", () => {
  test('429 from the real API is rate_limited with the Retry-After it sent, not retried past the bound', async () => {
    const limited = await startTestSandbox({ rateLimit: { windowMs: 60_000, max: 3 } });
    try {
      const { reseller } = demo(limited);
      const direct = createPartnerClient({ baseUrl: limited.url, secretKey: reseller.secretKey, retry: { maxRetryAfter: 500 } });
      for (let n = 0; n < 3; n++) await direct.program.get();
      const error = await failure(direct.program.get());
      assert.equal(error.type, 'rate_limited');
      assert.equal(error.status, 429);
      assert.ok(error.retryAfter !== undefined && error.retryAfter > 0, `retryAfter ${error.retryAfter}`);
    } finally {
      await limited.close();
    }
  });
});
