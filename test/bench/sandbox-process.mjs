// The sandbox as `pnpm bench` measures it: a child process of its own (so load figures and RSS are the server's
// alone), 15,000 resellers in `startSandbox()`'s default database (a throwaway file, seeded in a worker thread), the
// rate limit out of the way, and one synthetic organization holding every reseller. Prints one JSON line `{ url, credentials, syntheticOrg, seedMs }` when it listens.
// Plain JavaScript on the sandbox's build (packages/sandbox/dist, made by `pnpm build`), as `pnpm sandbox` and
// `pnpm start` run it: no TypeScript loader in the measured process.
// Run: node test/bench/sandbox-process.mjs --origin http://127.0.0.1:PORT
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { getHeapSpaceStatistics } from 'node:v8';
import { protectionForecastDays, startSandbox, storeApiKey } from '../../packages/sandbox/dist/index.js';

const { values } = parseArgs({ options: { origin: { type: 'string', multiple: true }, resellers: { type: 'string', default: '15000' } } });

const started = performance.now();
const sandbox = await startSandbox({
  port: 0,
  resellers: Number(values.resellers),
  allowedOrigins: values.origin ?? [],
  quiet: true,
  rateLimit: { windowMs: 60_000, max: 100_000_000 },
});
const seedMs = Math.round(performance.now() - started);

// An aggregator larger than any the seed makes: every reseller is a member. Added through the database because the
// API has no endpoint that creates organizations.
const syntheticOrg = { orgId: 'org_bench_every_reseller', secretKey: 'sk_test_bench_every_reseller_0000', members: 0 };
sandbox.db.transaction(() => {
  sandbox.db
    .prepare('INSERT INTO organizations (id, kind, name, country) VALUES (?, ?, ?, ?)')
    .run(syntheticOrg.orgId, 'distributor', 'Bench Distribution (every reseller)', 'DE');
  sandbox.db.prepare('INSERT INTO memberships (org_id, partner_id) SELECT ?, id FROM partners').run(syntheticOrg.orgId);
  storeApiKey(sandbox.db, { key: syntheticOrg.secretKey, kind: 'secret', subjectKind: 'organization', subjectId: syntheticOrg.orgId });
})();
syntheticOrg.members = sandbox.db.prepare('SELECT COUNT(*) FROM memberships WHERE org_id = ?').pluck().get(syntheticOrg.orgId);

/** Member counts of the seeded organizations that have credentials, so the bench can pick the largest. */
const memberCount = sandbox.db.prepare('SELECT COUNT(*) FROM memberships WHERE org_id = ?').pluck();
const organizations = sandbox.credentials.organizations.map((org) => ({ ...org, members: memberCount.get(org.orgId) }));

console.log(JSON.stringify({ url: sandbox.url, credentials: sandbox.credentials, organizations, syntheticOrg, seedMs }));

const shutdown = () => void sandbox.close().finally(() => process.exit(0));
process.on('SIGTERM', shutdown);
process.on('SIGINT', shutdown);
// The parent going away (a crash, Ctrl-C) closes stdin: do not outlive it.
process.stdin.on('end', shutdown);
// A line `memory` on stdin: answer where the resident memory is (JSON line), for the bench's memory figures.
// `memory gc` collects garbage first when the child runs with --expose-gc (test/bench/sandbox-only.ts --gc).
createInterface({ input: process.stdin }).on('line', (line) => {
  const [command, option, runs] = line.trim().split(' ');
  if (command === 'forecast') return timeForecast(option, Number(runs));
  if (command !== 'memory') return;
  if (option === 'gc') globalThis.gc?.();
  const usage = process.memoryUsage();
  const mb = (bytes) => Math.round((bytes / 1048576) * 10) / 10;
  const pages = (pragma) => sandbox.db.pragma(pragma, { simple: true });
  console.log(JSON.stringify({
    memory: {
      rssMB: mb(usage.rss), heapTotalMB: mb(usage.heapTotal), heapUsedMB: mb(usage.heapUsed), externalMB: mb(usage.external),
      // SQLite's page cache holds at most this many KB (a negative cache_size is KiB) of the database's pages.
      sqliteCacheLimitKB: -pages('cache_size'), databasePages: pages('page_count'), pageSize: pages('page_size'),
      // Size / used of each V8 heap space, in MB: which part of the heap holds the memory.
      heapSpacesMB: Object.fromEntries(getHeapSpaceStatistics().map((space) => [space.space_name, [mb(space.space_size), mb(space.space_used_size)]])),
    },
  }));
});

// A line `forecast <orgId> <runs>`: compute the summary's protection forecast for the organization `runs` times, as
// the summary does when its cache misses (today's date, the stored evaluation), and answer each run's wall and CPU
// time in ms.
function timeForecast(orgId, runs) {
  const asOf = new Date().toISOString().slice(0, 10);
  const times = [];
  // CPU time beside wall time: on a shared machine the wall time includes waiting for a core.
  const cpuTimes = [];
  let endDays = 0;
  for (let run = 0; run < runs; run++) {
    const cpu = process.cpuUsage();
    const started = performance.now();
    endDays = protectionForecastDays(sandbox.db, orgId, asOf);
    times.push(Math.round((performance.now() - started) * 100) / 100);
    const used = process.cpuUsage(cpu);
    cpuTimes.push(Math.round((used.user + used.system) / 10) / 100);
  }
  console.log(JSON.stringify({ forecast: { orgId, asOf, endDays, times, cpuTimes } }));
}
