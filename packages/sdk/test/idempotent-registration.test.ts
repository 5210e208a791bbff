// 200+ registrations through 30% injected failures, before and after the request reaches the sandbox:
// every deal exists exactly once in the sandbox's database.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createPartnerClient, isPartnerApiError, type Deal } from '../src/index.js';
import { startFaultProxy, type Fault, type FaultProxy } from './support/fault-proxy.js';
import { dealInput, demo, startTestSandbox, type Sandbox } from './support/sandbox.js';

let sandbox: Sandbox;
let proxy: FaultProxy;

before(async () => {
  sandbox = await startTestSandbox();
  proxy = await startFaultProxy(sandbox.url);
});
after(async () => {
  await proxy.close();
  await sandbox.close();
});

// Deterministic pseudo-random faults (mulberry32), so a failing run can be replayed.
function random(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

test('registering 200 deals through 30% failures creates each exactly once', { timeout: 240_000 }, async () => {
  const { reseller } = demo(sandbox);
  const direct = createPartnerClient({ baseUrl: sandbox.url, secretKey: reseller.secretKey });
  const sku = (await direct.products.list()).items[0]!.sku;
  const distributorId = (await direct.partners.get(reseller.partnerId)).distributorIds[0]!;
  const before = new Set((await direct.deals.list(reseller.partnerId, { limit: 200 }).all()).map((deal) => deal.id));

  const next = random(42);
  const faults: Fault[] = [
    { kind: 'reset' }, // lost before the sandbox saw it
    { kind: 'reset', afterUpstream: true }, // the sandbox created the deal, the answer was lost
    { kind: 'status', status: 503, headers: { 'retry-after': '0' }, body: '' },
    { kind: 'status', status: 502, body: '' },
    { kind: 'hang' }, // times out on the client
    { kind: 'hang', afterUpstream: true }, // created, then the client times out waiting
  ];
  proxy.plan = ({ method }) => (method === 'POST' && next() < 0.3 ? faults[Math.floor(next() * faults.length)] : undefined);

  const client = createPartnerClient({
    baseUrl: proxy.url,
    secretKey: reseller.secretKey,
    timeout: 400,
    retry: { limit: 3, backoffLimit: 20 },
  });
  const count = 200;
  const created = new Map<number, Deal>();
  let callerRepeats = 0;
  // Four at a time, like a busy form; a call that still fails after the SDK's retries is repeated by the caller
  // with the same key, as the SDK's docs tell them to.
  for (let start = 0; start < count; start += 4) {
    await Promise.all(
      Array.from({ length: Math.min(4, count - start) }, async (_, offset) => {
        const n = start + offset;
        const idempotencyKey = `bulk-${n}`;
        for (let repeat = 0; ; repeat++) {
          try {
            created.set(n, await client.deals.register(reseller.partnerId, dealInput(n, sku, distributorId, 'bulk'), { idempotencyKey }));
            return;
          } catch (error) {
            assert.ok(isPartnerApiError(error) && ['network', 'timeout', 'api'].includes(error.type), String(error));
            assert.ok(repeat < 20, `registration ${n} still failing after 20 repeats by the caller`);
            callerRepeats += 1;
          }
        }
      }),
    );
  }

  const faulted = proxy.requests.filter((request) => request.method === 'POST' && request.fault !== 'none').length;
  const posts = proxy.requests.filter((request) => request.method === 'POST').length;
  assert.ok(faulted / posts > 0.2, `only ${faulted} of ${posts} POSTs faulted`);
  assert.ok(proxy.requests.some((request) => request.fault === 'reset' && request.status === 0));

  const after = (await direct.deals.list(reseller.partnerId, { limit: 200 }).all()).filter((deal) => !before.has(deal.id));
  const perCustomer = new Map<string, number>();
  for (const deal of after) perCustomer.set(deal.customer.domain, (perCustomer.get(deal.customer.domain) ?? 0) + 1);
  assert.equal(after.length, count, `${after.length} deals in the sandbox for ${count} registrations`);
  for (let n = 0; n < count; n++) {
    assert.equal(perCustomer.get(`kunde-bulk-${n}.example`), 1, `deal ${n}`);
    assert.ok(after.some((deal) => deal.id === created.get(n)!.id), `deal ${n}: the id the caller got is the stored one`);
  }
  // Also count straight in the sandbox's database, which no cache or page can hide.
  const rows = sandbox.db
    .prepare("SELECT domain_norm AS domain, COUNT(*) AS n FROM deals WHERE domain_norm LIKE 'kunde-bulk-%' GROUP BY domain_norm")
    .all() as { domain: string; n: number }[];
  assert.equal(rows.length, count);
  assert.ok(rows.every((row) => row.n === 1), 'one row per customer');
  console.log(`# ${posts} POSTs, ${faulted} faulted, ${callerRepeats} repeated by the caller`);
});
