// What the sandbox's Node flags (packages/sandbox/scripts/node-flags.mjs) cost and give, measured side by side in one
// run: two bench sandboxes, one on the launch flags and one on Node's defaults (or on flags given as JSON), take turns
// under the same load (tier-status, then the filtered members page, 10 connections, 4 s each, order swapped every
// round). Prints req/s, p95 and the server's CPU time per request (from /proc, less sensitive than req/s to what
// else the shared machine runs), and RSS after each round. Not part of `pnpm bench`.
// Run: npx tsx test/bench/sandbox-flags.ts [rounds] ['["--max-semi-space-size=2"]']
import { readFileSync } from 'node:fs';
import autocannon from 'autocannon';
import { SANDBOX_NODE_FLAGS } from '../../packages/sandbox/scripts/node-flags.mjs';
import { startBenchSandbox, type BenchSandbox } from './sandbox.js';

const rounds = Number(process.argv[2] ?? 4);
const other = process.argv[3] ? (JSON.parse(process.argv[3]) as string[]) : [];
const variants: [string, readonly string[]][] = [
  [`launch flags ${SANDBOX_NODE_FLAGS.join(' ')}`, SANDBOX_NODE_FLAGS],
  [other.length ? other.join(' ') : 'Node defaults', other],
];

/** User + system CPU time of a process so far, in ms (clock ticks of 10 ms). */
function cpuMs(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

async function load(sandbox: BenchSandbox, kind: 'tier-status' | 'members'): Promise<string> {
  const reseller = sandbox.credentials.resellers[0]!;
  const org = sandbox.largestOrg();
  const target =
    kind === 'tier-status'
      ? { url: `${sandbox.url}/v1/partners/${reseller.partnerId}/tier-status`, headers: { authorization: `Bearer ${reseller.secretKey}` } }
      : { url: `${sandbox.url}/v1/organizations/${org.orgId}/members?tier=silver&region=dach&sort=-progress&limit=50`, headers: { authorization: `Bearer ${org.secretKey}` } };
  const times: number[] = [];
  const cpuBefore = cpuMs(sandbox.pid);
  const run = autocannon({ ...target, connections: 10, duration: 4 });
  run.on('response', (_client, _status, _bytes, ms) => times.push(ms));
  const result = await run;
  times.sort((a, b) => a - b);
  const p95 = times[Math.max(0, Math.ceil(times.length * 0.95) - 1)] ?? 0;
  const cpuMicroseconds = Math.round(((cpuMs(sandbox.pid) - cpuBefore) * 1000) / Math.max(1, result.requests.total));
  return `${Math.round(result.requests.total / result.duration)} req/s, p95 ${p95.toFixed(1)} ms, ${cpuMicroseconds} µs CPU`;
}

const sandboxes: [string, BenchSandbox][] = [];
for (const [name, flags] of variants) sandboxes.push([name, await startBenchSandbox(['http://127.0.0.1:1'], { nodeFlags: flags })]);
try {
  for (const [name, sandbox] of sandboxes) console.log(`${name}: seeded, RSS ${sandbox.rssMB()} MB`);
  for (let round = 1; round <= rounds; round++) {
    const order = round % 2 ? sandboxes : [...sandboxes].reverse();
    for (const kind of ['tier-status', 'members'] as const) {
      for (const [name, sandbox] of order) console.log(`round ${round} ${kind.padEnd(11)} ${name}: ${await load(sandbox, kind)}`);
    }
    for (const [name, sandbox] of sandboxes) console.log(`round ${round} RSS ${name}: ${sandbox.rssMB()} MB`);
  }
  for (const [name, sandbox] of sandboxes) console.log(`${name}: ${JSON.stringify(await sandbox.memory())}`);
} finally {
  await Promise.all(sandboxes.map(([, sandbox]) => sandbox.close()));
}
