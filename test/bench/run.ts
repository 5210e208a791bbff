// `pnpm bench`: measures sizes, the SDK's requests, the built widgets in Chromium, the sandbox under load, and webhook
// delivery; prints each figure beside the goals of issues 7, 17, 18 and 21 (met, or missed by how much) and writes every figure to
// bench-results.json. A missed goal does not fail the run (timings on a shared machine vary run to run); a load run
// that got any non-2xx answer does (exit code 1): its requests per second would count refusals as throughput.
import { cpus } from 'node:os';
import { writeFile } from 'node:fs/promises';
import { setTimeout as sleep } from 'node:timers/promises';
import { measureBrowser, OVERVIEW, startPageServer, type BrowserFigures } from './browser.js';
import { measureForecast, type ForecastFigures } from './forecast.js';
import { BARE, BARE_AGAIN, measureLoad, type LoadFigures, type Scenario } from './load.js';
import { startBenchSandbox, type SandboxMemory } from './sandbox.js';
import { measureSdkRequests } from './sdk-requests.js';
import { measureSizes } from './sizes.js';
import { measureWebhooks, type WebhookFigures } from './webhooks.js';

const root = new URL('../../', import.meta.url);
const started = performance.now();
const log = (line: string) => console.log(line);
const seconds = () => Math.round((performance.now() - started) / 100) / 10;
const round = (value: number, digits = 1) => Math.round(value * 10 ** digits) / 10 ** digits;
const kB = (bytes: number) => round(bytes / 1024, 1);

log('Sizes (esbuild, gzip -9, brotli 11)…');
const sizes = await measureSizes();
log('SDK requests of a six-widget page (packages/sdk/scripts/measure.ts)…');
const sdk = await measureSdkRequests();

log('Sandbox child process (15,000 resellers, default throwaway database file) and the bench page server…');
const server = await startPageServer();
const sandbox = await startBenchSandbox([server.origin]);
server.use(sandbox);
const rss = { afterSeedingMB: sandbox.rssMB(), afterBrowserMB: 0, beforeLoadMB: 0, afterLoadMB: 0, afterLoadIdleMB: 0 };
/** Where the sandbox's memory is (V8 heap, SQLite page cache), as the child reports it, at the RSS samples. */
const sandboxMemory: Record<string, SandboxMemory> = { afterSeeding: await sandbox.memory() };
let browser: BrowserFigures;
let forecast: ForecastFigures;
let warmUp: LoadFigures;
let load: LoadFigures;
try {
  log(`  seeded in ${sandbox.seedMs} ms; RSS ${rss.afterSeedingMB} MB`);
  log('Protection forecast of the largest organization (computed in the sandbox; the summary uncached and cached)…');
  forecast = await measureForecast(sandbox);
  log('Browser (headless Chromium, dist/embed.js)…');
  browser = await measureBrowser(server, sandbox, log);
  rss.afterBrowserMB = sandbox.rssMB();
  // The first load round takes the sandbox from a quiet process to a server's steady state: V8 sizes its young
  // generation for the request garbage, SQLite's page cache fills to its limit, malloc keeps its arenas. That is
  // no leak, so growth is judged over a second, identical round; the growth since seeding is reported beside it.
  log('Load warm-up (the same scenarios as below, figures kept as loadWarmUp)…');
  warmUp = await measureLoad(sandbox, (line) => log(`  warm-up:${line}`));
  await sleep(3_000);
  log('Load (autocannon on 127.0.0.1, ~5 s per scenario)…');
  rss.beforeLoadMB = sandbox.rssMB();
  sandboxMemory.beforeLoad = await sandbox.memory();
  load = await measureLoad(sandbox, log);
  rss.afterLoadMB = sandbox.rssMB();
  // Idle a moment, so garbage the load left behind has a chance to go before the growth is judged.
  await sleep(3_000);
  rss.afterLoadIdleMB = sandbox.rssMB();
  sandboxMemory.afterLoadIdle = await sandbox.memory();
} finally {
  await sandbox.close();
  await server.close();
}
// After the main sandbox has gone: its own child sandbox (2,000 resellers) and 100 receivers on loopback.
log('Webhooks: 10,000 events to 100 endpoints while tier-status is read, then change-to-delivery (about a minute)…');
const webhooks: WebhookFigures = await measureWebhooks();

// ---- Goals of issue 7 ----

interface Goal {
  goal: string;
  figure: string;
  met: boolean;
  /** How far off, in the goal's unit, when missed. */
  missedBy?: string;
}
const goals: Goal[] = [];
/** `value` must be at most `limit` (or at least, with `atLeast`). */
function goal(text: string, value: number, limit: number, unit: string, options: { atLeast?: boolean; figure?: string } = {}) {
  const met = options.atLeast ? value >= limit : value <= limit;
  goals.push({
    goal: text,
    figure: options.figure ?? `${value} ${unit}`,
    met,
    ...(met ? {} : { missedBy: `${round(Math.abs(value - limit), 2)} ${unit}${limit ? ` (${round((value / limit) * 100, 0)}% of the limit)` : ''}` }),
  });
}

/** A scenario of a load round (the measured one unless said). */
const scenario = (name: string, loadRound: LoadFigures = load) => loadRound.scenarios.find((entry) => entry.name === name)!;
/** The bare server's rate in a round: the mean of its runs before and after the sandbox's. */
const bareRpsOf = (loadRound: LoadFigures) =>
  (scenario(BARE, loadRound).requestsPerSecond + scenario(BARE_AGAIN, loadRound).requestsPerSecond) / 2;
const bareRps = bareRpsOf(load);
const tierStatus = scenario('tier-status');
const tierStatusAlone = scenario('tier-status, 1 connection');
const members = scenario('members page (filtered)');
const membersAlone = scenario('members page (filtered), 1 connection');
const deals = scenario('deal registration (unique Idempotency-Key)');
const [overview, synthetic] = browser.overviews as [BrowserFigures['overviews'][0], BrowserFigures['overviews'][0]];
const widgetEntries = Object.entries(browser.widgets);
const slowestFirstRender = widgetEntries.reduce((worst, entry) => (entry[1].longTasks.longestMs > worst[1].longTasks.longestMs ? entry : worst));
const heaviest = widgetEntries.reduce((worst, entry) => (entry[1].heapBeyondBlankMB > worst[1].heapBeyondBlankMB ? entry : worst));
const badgePath = sizes.embedAsBuilt.find((size) => size.name.includes('partner-tier-badge'))!;
const everything = sizes.entries.find((size) => size.name.includes('every element'))!;
const growthMB = { sinceSeeding: round(rss.afterLoadIdleMB - rss.afterSeedingMB, 1), acrossLoad: round(rss.afterLoadIdleMB - rss.beforeLoadMB, 1) };
const rssMax = Math.max(rss.afterSeedingMB, rss.afterBrowserMB, rss.afterLoadMB, rss.afterLoadIdleMB);

// The issue's goals speak of 15,000 members: judge the worse of the largest real organization and the synthetic one.
const slowestOverview = synthetic.firstRowsAfterDataMs > overview.firstRowsAfterDataMs ? synthetic : overview;
const heaviestOverview = synthetic.heapAfterScrollMB > overview.heapAfterScrollMB ? synthetic : overview;
const tracedAfterData = browser.widgets[OVERVIEW]?.traced?.firstRowsAfterData;
goal(`member overview (worst: ${slowestOverview.members} members) paints first rows <= 150 ms after its data arrives`, slowestOverview.firstRowsAfterDataMs, 150, 'ms', {
  figure: `${slowestOverview.firstRowsAfterDataMs} ms${tracedAfterData ? ` (traced again, ${overview.members} members: ${tracedAfterData.wallMs} ms, of which CPU ${tracedAfterData.cpuMs} ms)` : ''}`,
});
goal('member overview keeps < 200 DOM rows (first paint and after scrolling all, both organizations)',
  Math.max(...browser.overviews.flatMap((entry) => [entry.domRowsFirst, entry.domRowsAfterScroll])), 199, 'rows');
// Beside the judged wall time: the most CPU one first-render task used in the traced pages (what a busy machine does
// not stretch), so a reader can tell the widgets' own work from waiting for a core.
const mostCpu = widgetEntries.reduce((worst, entry) => ((entry[1].traced?.mostCpuInOneTaskMs ?? 0) > (worst[1].traced?.mostCpuInOneTaskMs ?? 0) ? entry : worst));
goal(`no long task > 50 ms in any widget's first render (worst: ${slowestFirstRender[0]})`, slowestFirstRender[1].longTasks.longestMs, 50, 'ms', {
  figure: `${slowestFirstRender[1].longTasks.longestMs} ms (traced again, most CPU in one task: ${mostCpu[1].traced?.mostCpuInOneTaskMs} ms, ${mostCpu[0]})`,
});
goal('tier-status p95 < 5 ms under load (10 connections)', tierStatus.latencyMs.p95, 5, 'ms', {
  figure: `${tierStatus.latencyMs.p95} ms (1 connection: ${tierStatusAlone.latencyMs.p95} ms)`,
});
goal(`tier-status >= 50% of the req/s of a bare node:http server answering the same ${kB(load.bareBodyBytes)} KB body (no compression either side)`,
  round((tierStatus.requestsPerSecond / bareRps) * 100, 1), 50, '%', { atLeast: true });
goal(`filtered members page p95 < 15 ms under load (${load.membersPage.members} members)`, members.latencyMs.p95, 15, 'ms', {
  figure: `${members.latencyMs.p95} ms (1 connection: ${membersAlone.latencyMs.p95} ms)`,
});
goal('page of every partner widget makes at most one request per resource', browser.partnerPageRequests.mostPerResource, 1, 'requests');
goal(`every widget page adds <= 8 MB JS heap (worst: ${heaviest[0]})`, heaviest[1].heapBeyondBlankMB, 8, 'MB');
goal(`member overview < 25 MB JS heap after scrolling all members (worst: ${heaviestOverview.members})`, heaviestOverview.heapAfterScrollMB, 25, 'MB');
goal('sandbox < 150 MB RSS (highest seen)', rssMax, 150, 'MB');
goal(`sandbox RSS does not grow across the load run (${load.scenarios.filter((entry) => !entry.name.startsWith('bare')).reduce((sum, entry) => sum + entry.requests, 0)} requests, after an identical warm-up round; 3 s idle after)`, growthMB.acrossLoad, 0, 'MB', {
  figure: `${growthMB.acrossLoad} MB (since seeding, warm-up and browser included: ${growthMB.sinceSeeding} MB)`,
});
goal(`protection forecast of the largest organization (${forecast.members} members), uncached, <= 100 ms (median of ${forecast.computedMs.runs})`, forecast.computedMs.median, 100, 'ms', {
  figure: `${forecast.computedMs.median} ms (CPU ${forecast.computedMs.cpuMedian} ms; slowest ${forecast.computedMs.max} ms; the summary over HTTP after a data change ${forecast.summaryUncachedMs.median} ms, cached ${forecast.summaryCachedMs.median} ms)`,
});
goal(`tier-status p95 < 5 ms while ${webhooks.events} webhook events go to ${webhooks.endpoints} endpoints (sequential reads)`, webhooks.tierStatusP95DuringFanOutMs, 5, 'ms', {
  figure: `${webhooks.tierStatusP95DuringFanOutMs} ms (before the fan-out: ${webhooks.tierStatusP95BaselineMs} ms; API thread busy with delivery alone: ${round(webhooks.apiThreadBusyFanOutAlone * 100, 1)} %)`,
});
goal('webhook change-to-delivery p95 < 1 s (a deal registration to its event at the receiver)', webhooks.changeToDeliveryP95Ms, 1000, 'ms', {
  figure: `${webhooks.changeToDeliveryP95Ms} ms (max ${webhooks.changeToDeliveryMaxMs} ms)`,
});
goal('badge path (embed.js + config + badge, as built, ky included) <= 16 KB gzip', kB(badgePath.gzip), 16, 'KB');
goal('every widget + SDK + en/de (npm entry, one bundle, ky included) <= 52 KB gzip', kB(everything.gzip), 52, 'KB');
goal('six-widget page: API answers of the first render <= 10 KB on the wire (br/gzip, dedup + ETag)', kB(sdk.compressed.bodyBytesFirst), 10, 'KB', {
  figure: `${kB(sdk.compressed.bodyBytesFirst)} KB (uncompressed ${kB(sdk.withCache.bodyBytesFirst)} KB; re-render ${kB(sdk.compressed.bodyBytesReRender)} KB, ${sdk.compressed.notModified} × 304)`,
});

const ratios = {
  tierStatusToBare: round(tierStatus.requestsPerSecond / bareRps, 3),
  membersPageToBare: round(members.requestsPerSecond / bareRps, 3),
  dealRegistrationToBare: round(deals.requestsPerSecond / bareRps, 3),
  sdkFirstRenderRequestsWithToWithout: round(sdk.withCache.firstRender / sdk.without.firstRender, 3),
  sdkReRenderBytesWithToWithout: round(sdk.withCache.bodyBytesReRender / Math.max(1, sdk.without.bodyBytesReRender), 3),
  overviewFirstRowsSyntheticToLargest: round(synthetic.firstRowsAfterDataMs / Math.max(0.1, overview.firstRowsAfterDataMs), 2),
  summaryCachedToUncached: round(forecast.summaryCachedMs.median / forecast.summaryUncachedMs.median, 3),
  overviewHeapSyntheticToLargest: round(synthetic.heapAfterScrollMB / overview.heapAfterScrollMB, 2),
  tierStatusP95DuringWebhookFanOutToBefore: round(webhooks.tierStatusP95DuringFanOutMs / webhooks.tierStatusP95BaselineMs, 2),
};

// ---- Table ----

const rows: [string, string][] = [];
const section = (title: string) => rows.push([`— ${title}`, '']);
const row = (what: string, figure: string) => rows.push([`  ${what}`, figure]);
section('sizes (KB: min / min+gzip / brotli)');
const sizeText = (size: { minified: number; gzip: number; brotli: number }) => `${kB(size.minified)} / ${kB(size.gzip)} / ${kB(size.brotli)}`;
for (const size of sizes.entries) row(`npm entry ${size.name}`, sizeText(size));
for (const size of sizes.embedAsBuilt) row(`${size.name} (as built)`, sizeText(size));
row(sizes.sdk.name, sizeText(sizes.sdk));
section('SDK: six partner widgets for one partner (requests; re-render)');
row('without dedup + ETag', `${sdk.without.firstRender}; re-render ${sdk.without.reRender} (${kB(sdk.without.bodyBytesReRender)} KB bodies)`);
row('with dedup + ETag', `${sdk.withCache.firstRender}; re-render ${sdk.withCache.reRender}, ${sdk.withCache.notModified} × 304 (${kB(sdk.withCache.bodyBytesReRender)} KB bodies)`);
row('bytes on the wire (answer bodies), first render / re-render: uncompressed', `${kB(sdk.withCache.bodyBytesFirst)} / ${kB(sdk.withCache.bodyBytesReRender)} KB`);
row('bytes on the wire (answer bodies), first render / re-render: br/gzip', `${kB(sdk.compressed.bodyBytesFirst)} / ${kB(sdk.compressed.bodyBytesReRender)} KB`);
row('browser page of every partner widget', `${browser.partnerPageRequests.total} requests, at most ${browser.partnerPageRequests.mostPerResource} per resource; answers on the wire ${kB(browser.partnerPageRequests.bodyBytesOnWire)} KB bodies + ${kB(browser.partnerPageRequests.headerBytes)} KB headers (Chromium, br)`);
section('browser (built embed.js, real sandbox): connection → partner-ready / painted; long tasks; heap beyond blank');
for (const [tag, figures] of widgetEntries) {
  row(tag, `${figures.connectedToReadyMs} / ${figures.connectedToPaintedMs} ms; ${figures.longTasks.count} long, longest ${figures.longTasks.longestMs} ms; +${figures.heapBeyondBlankMB} MB`);
  if (figures.traced) row('  traced again: longest task; most CPU in one task', `${figures.traced.longestTaskMs} ms; ${figures.traced.mostCpuInOneTaskMs} ms`);
  const afterData = figures.traced?.firstRowsAfterData;
  if (afterData) row(`  traced again: first rows after data (${overview.members} members), wall; CPU of its tasks`, `${afterData.wallMs} ms; ${afterData.cpuMs} ms`);
}
row('page with every widget', `heap ${browser.everyWidgetPage.heapMB} MB (+${browser.everyWidgetPage.heapBeyondBlankMB} MB beyond blank ${browser.blankHeapMB} MB)`);
for (const figures of browser.overviews) {
  section(`member overview, ${figures.members} members (${figures.org})`);
  row('first rows painted after data arrived', `${figures.firstRowsAfterDataMs} ms (connection → ready ${figures.connectedToReadyMs} ms)`);
  row('DOM rows: first paint / after scrolling all', `${figures.domRowsFirst} / ${figures.domRowsAfterScroll}`);
  row('long tasks in first render', `${figures.firstRenderLongTasks.count}, longest ${figures.firstRenderLongTasks.longestMs} ms`);
  row('filter round-trip (tier = gold)', `${figures.filterRoundTripMs} ms; ${figures.filterLongTasks.count} long tasks, longest ${figures.filterLongTasks.longestMs} ms`);
  row('scroll through all', `${figures.scrolledMembers} members in ${figures.scrollSeconds} s; ${figures.scrollLongTasks.count} long tasks, longest ${figures.scrollLongTasks.longestMs} ms`);
  row('JS heap after scrolling all', `${figures.heapAfterScrollMB} MB`);
}
section(`protection forecast (organization summary), ms: median / slowest`);
row(`computed, uncached: ${forecast.members} members (${forecast.orgId}, ${forecast.endDays} end days), ${forecast.computedMs.runs} runs`, `${forecast.computedMs.median} / ${forecast.computedMs.max} (CPU, median: ${forecast.computedMs.cpuMedian})`);
row(`computed, uncached: ${forecast.everyReseller.members} members (every reseller)`, `${forecast.everyReseller.computedMs.median} / ${forecast.everyReseller.computedMs.max}`);
row(`GET summary after a registered deal (cache invalidated), ${forecast.summaryUncachedMs.rounds} rounds`, `${forecast.summaryUncachedMs.median} / ${forecast.summaryUncachedMs.max}`);
row(`GET summary unchanged (cached), ${forecast.summaryCachedMs.rounds} rounds`, `${forecast.summaryCachedMs.median} / ${forecast.summaryCachedMs.max}`);
section(`sandbox under load (autocannon, ${load.connections} connections unless said, ${load.secondsPerScenario} s each): req/s; p50/p95/p99 ms; ratio to bare`);
row('members page is', `${load.membersPage.orgId} (${load.membersPage.members} members) ?${load.membersPage.query}`);
const loadText = (entry: Scenario) =>
  `${entry.requestsPerSecond} req/s; ${entry.latencyMs.p50} / ${entry.latencyMs.p95} / ${entry.latencyMs.p99} ms; ${entry.connections === load.connections ? `${round(entry.requestsPerSecond / bareRps, 3)} × bare` : 'no ratio (other concurrency)'}${entry.failures ? `; ${entry.failures} FAILED (${entry.non2xx} non-2xx)` : ''}`;
for (const entry of load.scenarios) row(entry.name, loadText(entry));
section('sandbox memory (RSS of the child process)');
row('after seeding / after browser / after warm-up = before load / after load / 3 s later', `${rss.afterSeedingMB} / ${rss.afterBrowserMB} / ${rss.beforeLoadMB} / ${rss.afterLoadMB} / ${rss.afterLoadIdleMB} MB (seeded in ${sandbox.seedMs} ms)`);
row('growth: seeding → 3 s after load (raw) / across the measured load round', `${growthMB.sinceSeeding} / ${growthMB.acrossLoad} MB`);
const memoryText = (memory: SandboxMemory) =>
  `heap ${memory.heapUsedMB} used of ${memory.heapTotalMB} MB; SQLite page cache ≤ ${round(memory.sqliteCacheLimitKB / 1024, 1)} MB of a ${round((memory.databasePages * memory.pageSize) / 1048576, 1)} MB file`;
for (const [when, memory] of Object.entries(sandboxMemory)) row(`  ${when}`, memoryText(memory));
const warmUpDeals = scenario(deals.name, warmUp);
row('deals registered during warm-up + load', `${warmUpDeals.requests} + ${deals.requests} (each kept in the sandbox's database with its idempotency record)`);
row('warm-up round: tier-status × bare; members page p95', `${round(scenario(tierStatus.name, warmUp).requestsPerSecond / bareRpsOf(warmUp), 3)} × bare; ${scenario(members.name, warmUp).latencyMs.p95} ms`);
row('bare node:http server', `${load.bareRssMB} MB`);
section(`webhooks (issue 18): ${webhooks.events} events to ${webhooks.endpoints} endpoints, sandbox of 2,000 resellers`);
row('deliveries; duplicates; fan-out', `${webhooks.deliveries}; ${webhooks.duplicates}; ${webhooks.fanOutSeconds} s (${webhooks.deliveriesPerSecond}/s)`);
row('tier-status p50 / p95: before / during the fan-out', `${webhooks.tierStatusP50BaselineMs} / ${webhooks.tierStatusP95BaselineMs} ms; ${webhooks.tierStatusP50DuringFanOutMs} / ${webhooks.tierStatusP95DuringFanOutMs} ms (${webhooks.tierStatusRequestsDuringFanOut} reads)`);
row('API thread busy: during the fan-out with reads / delivery alone', `${round(webhooks.apiThreadBusyDuringFanOut * 100, 1)} / ${round(webhooks.apiThreadBusyFanOutAlone * 100, 1)} %`);
row('change to delivery: p95 / max', `${webhooks.changeToDeliveryP95Ms} / ${webhooks.changeToDeliveryMaxMs} ms`);
section('goals of issues 7, 17, 18 and 21');
for (const entry of goals) row(entry.goal, `${entry.figure} — ${entry.met ? 'met' : `MISSED by ${entry.missedBy}`}`);

const width = Math.max(...rows.map(([what]) => what.length));
console.log();
for (const [what, figure] of rows) console.log(figure ? `${what.padEnd(width)}  ${figure}` : what);

const results = {
  measuredAt: new Date().toISOString(),
  durationSeconds: seconds(),
  machine: { node: process.version, cpus: cpus().length },
  sizes,
  sdk,
  browser,
  forecast,
  webhooks,
  load,
  loadWarmUp: warmUp,
  sandbox: {
    seedMs: sandbox.seedMs,
    rssMB: rss,
    growthMB,
    memory: sandboxMemory,
  },
  ratios,
  goals,
};
await writeFile(new URL('bench-results.json', root), `${JSON.stringify(results, null, 2)}\n`);
console.log(`\n${goals.filter((entry) => entry.met).length} of ${goals.length} goals met. Figures in bench-results.json; took ${seconds()} s.`);
// Refusals (429 when the rate limit was not raised, 5xx) are not throughput: a load run with any fails the bench.
const failed = [...warmUp.scenarios, ...load.scenarios].filter((entry) => entry.failures > 0 || entry.non2xx > 0);
if (failed.length > 0) {
  for (const entry of failed) console.error(`FAILED: ${entry.name}: ${entry.failures} unexpected answers or errors, ${entry.non2xx} non-2xx`);
  process.exitCode = 1;
}
