// Webhook figures of issue 18: 10,000 events fanned out to 100 endpoints on loopback while tier-status p95 is
// measured, and the p95 from a change (a deal registration) to its delivery. Part of `pnpm bench` (run.ts); alone it
// prints a table and one JSON line: npx tsx test/bench/webhooks.ts   (about a minute; the sandbox is a child process)
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { startChildSandbox } from '../support/child-sandbox.js';
import { startReceiver } from '../support/webhook-receiver.js';

const ENDPOINTS = Number(process.env.WEBHOOK_ENDPOINTS ?? 100);
const PER_ENDPOINT = Number(process.env.WEBHOOK_EVENTS_PER_ENDPOINT ?? 100);
const QUIET_PER_ENDPOINT = 20;
const quantile = (values: number[], q: number) => [...values].sort((a, b) => a - b)[Math.floor(values.length * q)] ?? Number.NaN;
const p95 = (values: number[]) => quantile(values, 0.95);
const p50 = (values: number[]) => quantile(values, 0.5);
const round = (value: number) => Math.round(value * 100) / 100;

export type WebhookFigures = Awaited<ReturnType<typeof measureWebhooks>>;

export async function measureWebhooks() {
  const benchStarted = performance.now();
  const folder = mkdtempSync(join(tmpdir(), 'poly-webhook-bench-'));
  const sandbox = await startChildSandbox(join(folder, 'sandbox.db'), { resellers: 2_000, timeFactor: 60 });
  const receiver = await startReceiver();
  try {
    const call = async (path: string, key: string, init: RequestInit = {}) => {
      const response = await fetch(`${sandbox.url}${path}`, { ...init, headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json', ...init.headers } });
      return response.json() as Promise<any>;
    };
    const reader = sandbox.credentials.resellers[0]!;
    /** Sequential tier-status reads until `stop()` says so (at least `min`), each timed. */
    const tierStatusTimes = async (stop: () => boolean, min: number) => {
      const times: number[] = [];
      while (times.length < min || !stop()) {
        const started = performance.now();
        const response = await fetch(`${sandbox.url}/v1/partners/${reader.partnerId}/tier-status`, { headers: { authorization: `Bearer ${reader.secretKey}` } });
        await response.arrayBuffer();
        times.push(performance.now() - started);
      }
      return times;
    };
    // Warm-up: the JIT and the page cache settle in the first couple of thousand requests (after 200 the baseline p50
    // was still twice the p50 during the fan-out).
    await tierStatusTimes(() => true, 2_000);
    const baseline = await tierStatusTimes(() => true, 1_000);

    const distributor = sandbox.credentials.organizations.find((org) => org.kind === 'distributor')!;
    const members = await call(`/v1/organizations/${distributor.orgId}/members?limit=${ENDPOINTS}`, distributor.secretKey);
    const ids: string[] = members.items.map((member: { partnerId: string }) => member.partnerId);
    sandbox.send(`keys ${ids.join(',')}`);
    const { keys } = await sandbox.nextLine();
    for (const [index, key] of (keys as { secretKey: string }[]).entries()) {
      await call('/v1/webhook-endpoints', key.secretKey, { method: 'POST', body: JSON.stringify({ url: `${receiver.url}?endpoint=${index}`, events: ['partner.tier.changed'] }) });
    }
    const total = ids.length * PER_ENDPOINT;
    const started = performance.now();
    sandbox.send(`events ${ids.join(',')} ${PER_ENDPOINT}`);
    await sandbox.nextLine();
    sandbox.send('utilization');
    await sandbox.nextLine();
    const during = await tierStatusTimes(() => receiver.received.length >= total, 200);
    await receiver.until(() => receiver.received.length >= total, 300_000);
    const fanOutSeconds = (performance.now() - started) / 1000;
    const fanOut = receiver.received.slice();
    sandbox.send('utilization');
    const { utilization: busyDuringFanOut } = await sandbox.nextLine();
    // The same window without tier-status reads: what delivery alone leaves on the API's thread.
    sandbox.send(`events ${ids.join(',')} ${QUIET_PER_ENDPOINT}`);
    await sandbox.nextLine();
    sandbox.send('utilization');
    await sandbox.nextLine();
    await receiver.until(() => receiver.received.length >= total + ids.length * QUIET_PER_ENDPOINT, 300_000);
    sandbox.send('utilization');
    const { utilization: busyQuietFanOut } = await sandbox.nextLine();

    // Change to delivery: a registration, timed from sending it to its event's arrival.
    const owner = sandbox.credentials.resellers.find((reseller) => /clean Gold/.test(reseller.about))!;
    await call('/v1/webhook-endpoints', owner.secretKey, { method: 'POST', body: JSON.stringify({ url: `${receiver.url}?endpoint=latency`, events: ['deal.status.changed'] }) });
    const products = await call('/v1/products', owner.secretKey);
    const latencies: number[] = [];
    for (let index = 0; index < 100; index++) {
      const count = receiver.received.length;
      const sent = Date.now();
      await call(`/v1/partners/${owner.partnerId}/deals`, owner.secretKey, {
        method: 'POST',
        body: JSON.stringify({
          type: 'deal',
          customer: { name: `Latency ${index}`, country: 'DE', domain: `latency-${index}.example`, contact: { name: 'L', email: 'l@latency.example', consent: true } },
          products: [{ sku: products.items[0].sku, quantity: 1 }],
          estimatedValue: { amount: 1_000, currency: 'EUR' },
          expectedCloseDate: new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10),
          distributorId: distributor.orgId,
        }),
      });
      await receiver.until(() => receiver.received.length > count, 10_000);
      latencies.push(receiver.received[receiver.received.length - 1]!.at - sent);
    }

    // A duplicate: the same event delivered twice to the same endpoint (at least once allows it; it should be rare).
    const distinct = new Set(fanOut.map((message) => `${new URL(`http://x${message.url}`).searchParams.get('endpoint')} ${message.headers['webhook-id']}`));
    const figures = {
      endpoints: ids.length,
      events: total,
      deliveries: fanOut.length,
      duplicates: fanOut.length - distinct.size,
      fanOutSeconds: round(fanOutSeconds),
      deliveriesPerSecond: Math.round(total / fanOutSeconds),
      tierStatusP50BaselineMs: round(p50(baseline)),
      tierStatusP95BaselineMs: round(p95(baseline)),
      tierStatusP50DuringFanOutMs: round(p50(during)),
      tierStatusP95DuringFanOutMs: round(p95(during)),
      tierStatusRequestsDuringFanOut: during.length,
      apiThreadBusyDuringFanOut: round(busyDuringFanOut),
      apiThreadBusyFanOutAlone: round(busyQuietFanOut),
      changeToDeliveryP95Ms: p95(latencies),
      changeToDeliveryMaxMs: Math.max(...latencies),
      wallSeconds: round((performance.now() - benchStarted) / 1000),
    };
    return figures;
  } finally {
    sandbox.process.kill('SIGTERM');
    await receiver.close();
    rmSync(folder, { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const figures = await measureWebhooks();
  console.table(figures);
  console.log(JSON.stringify({ webhooks: figures }));
}
