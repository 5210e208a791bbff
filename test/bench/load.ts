// The sandbox under load with autocannon on 127.0.0.1, next to a bare node:http server answering the same tier-status
// body (about 6.5 kB, as the sandbox sends it to a client that asks for no compression: neither side compresses) in
// the same run, each server in a child process of its own so the load generator (this process) does not share their
// event loop. Only answers with the expected status count as throughput; any other answer fails the run (run.ts).
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import autocannon from 'autocannon';
import { dealBody } from '../support/node-sandbox.js';
import { firstJsonLine, rssOf, type BenchSandbox } from './sandbox.js';

export const SECONDS_PER_SCENARIO = 5;
export const BARE = 'bare node:http, same tier-status body';
export const BARE_AGAIN = `${BARE} (again)`;
const CONNECTIONS = 10;

export interface Scenario {
  name: string;
  connections: number;
  /** Answers with the expected status per second: a 429 or a 500 is not throughput. */
  requestsPerSecond: number;
  /** Answers with the expected status. */
  requests: number;
  /** Answers whose status was not 2xx (autocannon's count), e.g. 429 when the rate limit was not raised. */
  non2xx: number;
  latencyMs: { p50: number; p95: number; p99: number; max: number };
  /** Answers other than the expected status, plus connection errors and timeouts. */
  failures: number;
}

function percentile(sorted: number[], share: number): number {
  const value = sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(share * sorted.length) - 1))] ?? 0;
  return Math.round(value * 100) / 100;
}

async function scenario(name: string, options: Parameters<typeof autocannon>[0], expected: number): Promise<Scenario> {
  // Every response time, for p95 (autocannon's own summary has p97.5 but no p95); ~5 s of load stays far below 1e6.
  const times: number[] = [];
  let unexpected = 0;
  let expectedAnswers = 0;
  const connections = options.connections ?? CONNECTIONS;
  const run = autocannon({ duration: SECONDS_PER_SCENARIO, ...options, connections });
  run.on('response', (_client, status, _bytes, ms) => {
    if (times.length < 1_000_000) times.push(ms);
    if (status !== expected) unexpected++;
    else expectedAnswers++;
  });
  const result = await run;
  times.sort((a, b) => a - b);
  return {
    name,
    connections,
    requestsPerSecond: Math.round(expectedAnswers / result.duration),
    requests: expectedAnswers,
    non2xx: result.non2xx,
    latencyMs: { p50: percentile(times, 0.5), p95: percentile(times, 0.95), p99: percentile(times, 0.99), max: percentile(times, 1) },
    failures: unexpected + result.errors + result.timeouts,
  };
}

/**
 * A bare node:http server in a child process answering `body` as JSON to every request: the ceiling this machine gives
 * any Node server sending that many bytes.
 */
async function startBareServer(body: string) {
  const code = `const body = Buffer.from(process.env.BARE_BODY);
    require('node:http').createServer((q, s) => { s.setHeader('content-type', 'application/json'); s.end(body); })
    .listen(0, '127.0.0.1', function () { console.log(JSON.stringify({ port: this.address().port })); });
    process.stdin.on('end', () => process.exit(0)); process.stdin.resume();`;
  const child = spawn(process.execPath, ['-e', code], { stdio: ['pipe', 'pipe', 'inherit'], env: { ...process.env, BARE_BODY: body } });
  const { port } = await firstJsonLine<{ port: number }>(child, 10_000);
  return {
    url: `http://127.0.0.1:${port}`,
    rssMB: () => rssOf(child.pid!),
    close: () => new Promise<void>((resolve) => {
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    }),
  };
}

export interface LoadFigures {
  connections: number;
  secondsPerScenario: number;
  /** The filtered members page's organization and query. */
  membersPage: { orgId: string; members: number; query: string };
  scenarios: Scenario[];
  bareRssMB: number;
  /** Bytes of the body both the bare server and tier-status answer (uncompressed). */
  bareBodyBytes: number;
}

export async function measureLoad(sandbox: BenchSandbox, log: (line: string) => void): Promise<LoadFigures> {
  const reseller = sandbox.credentials.resellers[0]!;
  const org = sandbox.largestOrg();
  const asReseller = { authorization: `Bearer ${reseller.secretKey}` };
  // What a valid registration needs, read through the API as an integrator would.
  const profile = (await (await fetch(`${sandbox.url}/v1/partners/${reseller.partnerId}`, { headers: asReseller })).json()) as { distributorIds: string[] };
  const products = (await (await fetch(`${sandbox.url}/v1/products`, { headers: asReseller })).json()) as { items: { sku: string }[] };
  const world = { distributorId: profile.distributorIds[0] ?? '', sku: products.items[0]!.sku };
  if (!world.distributorId) throw new Error('the demo reseller has no distributor to register deals with');

  // The tier-status body as a client without Accept-Encoding gets it (autocannon sends none): the bare server's answer.
  const tierStatusUrl = `${sandbox.url}/v1/partners/${reseller.partnerId}/tier-status`;
  const sample = await fetch(tierStatusUrl, { headers: { ...asReseller, 'accept-encoding': 'identity' } });
  const body = await sample.text();
  if (sample.status !== 200 || sample.headers.get('content-encoding')) throw new Error(`tier-status sample: ${sample.status} ${sample.headers.get('content-encoding')}`);
  const bare = await startBareServer(body);
  try {
    const scenarios: Scenario[] = [];
    const add = async (name: string, options: Parameters<typeof autocannon>[0], expected = 200) => {
      const figures = await scenario(name, options, expected);
      log(`  ${name}: ${figures.requestsPerSecond} req/s, p95 ${figures.latencyMs.p95} ms`);
      scenarios.push(figures);
    };
    await add(BARE, { url: bare.url });
    await add('tier-status', { url: `${sandbox.url}/v1/partners/${reseller.partnerId}/tier-status`, headers: asReseller });
    const membersPage = {
      url: `${sandbox.url}/v1/organizations/${org.orgId}/members?tier=silver&region=dach&sort=-progress&limit=50`,
      headers: { authorization: `Bearer ${org.secretKey}` },
    };
    await add('members page (filtered)', membersPage);
    let n = 0;
    await add('deal registration (unique Idempotency-Key)', {
      url: sandbox.url,
      requests: [
        {
          method: 'POST',
          path: `/v1/partners/${reseller.partnerId}/deals`,
          setupRequest: (request) => ({
            ...request,
            headers: { ...asReseller, 'content-type': 'application/json', 'idempotency-key': randomUUID() },
            body: JSON.stringify(dealBody(world, `bench-${process.pid}-${n++}`)),
          }),
        },
      ],
    }, 201);
    // One connection at a time: the latency of a request that does not queue behind others.
    await add('tier-status, 1 connection', { url: `${sandbox.url}/v1/partners/${reseller.partnerId}/tier-status`, headers: asReseller, connections: 1, duration: 3 });
    await add('members page (filtered), 1 connection', { ...membersPage, connections: 1, duration: 3 });
    // The bare server once more at the end: the machine is shared, so the ratio uses the mean of both runs.
    await add(BARE_AGAIN, { url: bare.url });
    return {
      connections: CONNECTIONS,
      secondsPerScenario: SECONDS_PER_SCENARIO,
      membersPage: { orgId: org.orgId, members: org.members, query: 'tier=silver&region=dach&sort=-progress&limit=50' },
      scenarios, bareRssMB: bare.rssMB(), bareBodyBytes: Buffer.byteLength(body) };
  } finally {
    await bare.close();
  }
}
