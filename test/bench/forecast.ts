// The organization summary's protection forecast (issue 21) for the largest seeded organization: computed in the
// sandbox child as the summary computes it when its cache misses, and the summary over HTTP after a data change
// (uncached: a registered deal invalidates the cache) and again unchanged (cached).
// Alone, without the rest of `pnpm bench`: npx tsx test/bench/forecast.ts (after `pnpm build`).
import { randomUUID } from 'node:crypto';
import { dealBody } from '../support/node-sandbox.js';
import { startBenchSandbox, type BenchSandbox } from './sandbox.js';

const RUNS = 20;
const HTTP_ROUNDS = 10;

export interface ForecastFigures {
  orgId: string;
  members: number;
  /** Protection end days in the forecast. */
  endDays: number;
  /** The forecast computed in the child (no cache), ms: median and slowest of RUNS after one warm-up run, wall and CPU. */
  computedMs: { median: number; max: number; runs: number; cpuMedian: number };
  /** The same for the synthetic organization of every reseller. */
  everyReseller: { members: number; computedMs: { median: number; max: number } };
  /** GET summary over HTTP, ms (median, slowest): right after a registered deal (cache invalidated) and unchanged (cached). */
  summaryUncachedMs: { median: number; max: number; rounds: number };
  summaryCachedMs: { median: number; max: number; rounds: number };
}

const round2 = (value: number) => Math.round(value * 100) / 100;
function spread(times: number[]) {
  const sorted = [...times].sort((a, b) => a - b);
  return { median: round2(sorted[Math.floor((sorted.length - 1) / 2)]!), max: round2(sorted[sorted.length - 1]!) };
}

async function computed(sandbox: BenchSandbox, orgId: string) {
  await sandbox.forecastTimes(orgId, 1); // prepares the statements, as the first summary does
  const { endDays, times, cpuTimes } = await sandbox.forecastTimes(orgId, RUNS);
  return { endDays, ...spread(times), cpuMedian: spread(cpuTimes).median };
}

export async function measureForecast(sandbox: BenchSandbox): Promise<ForecastFigures> {
  const org = sandbox.largestOrg();
  const largest = await computed(sandbox, org.orgId);
  const every = await computed(sandbox, sandbox.syntheticOrg.orgId);

  const reseller = sandbox.credentials.resellers[0]!;
  const asReseller = { authorization: `Bearer ${reseller.secretKey}` };
  const profile = (await (await fetch(`${sandbox.url}/v1/partners/${reseller.partnerId}`, { headers: asReseller })).json()) as { distributorIds: string[] };
  const products = (await (await fetch(`${sandbox.url}/v1/products`, { headers: asReseller })).json()) as { items: { sku: string }[] };
  const world = { distributorId: profile.distributorIds[0] ?? '', sku: products.items[0]!.sku };
  const summaryUrl = `${sandbox.url}/v1/organizations/${org.orgId}/summary`;
  const asOrg = { authorization: `Bearer ${org.secretKey}` };
  const timeSummary = async () => {
    const started = performance.now();
    const response = await fetch(summaryUrl, { headers: asOrg });
    await response.arrayBuffer();
    if (response.status !== 200) throw new Error(`summary answered ${response.status}`);
    return performance.now() - started;
  };
  await timeSummary(); // settles deals and evaluations of the day once, as the first visitor of the day does
  const uncached: number[] = [];
  for (let n = 0; n < HTTP_ROUNDS; n++) {
    const registered = await fetch(`${sandbox.url}/v1/partners/${reseller.partnerId}/deals`, {
      method: 'POST',
      headers: { ...asReseller, 'content-type': 'application/json', 'idempotency-key': randomUUID() },
      body: JSON.stringify(dealBody(world, `forecast-bench-${process.pid}-${n}`)),
    });
    if (registered.status !== 201) throw new Error(`deal registration answered ${registered.status}`);
    uncached.push(await timeSummary());
  }
  const cached: number[] = [];
  for (let n = 0; n < RUNS; n++) cached.push(await timeSummary());

  return {
    orgId: org.orgId,
    members: org.members,
    endDays: largest.endDays,
    computedMs: { median: largest.median, max: largest.max, runs: RUNS, cpuMedian: largest.cpuMedian },
    everyReseller: { members: sandbox.syntheticOrg.members, computedMs: { median: every.median, max: every.max } },
    summaryUncachedMs: { ...spread(uncached), rounds: HTTP_ROUNDS },
    summaryCachedMs: { ...spread(cached), rounds: RUNS },
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const sandbox = await startBenchSandbox(['http://127.0.0.1:1'], { readyTimeoutMs: 600_000 });
  try {
    console.log(JSON.stringify(await measureForecast(sandbox), null, 2));
  } finally {
    await sandbox.close();
  }
}
