// Two builds of the widgets side by side in one run, for before/after figures on a shared, noisy machine: pages of
// build A and build B alternate in one browser against one sandbox, and the medians of each are printed. Not part of
// `pnpm bench` (which judges the goals on the current build alone).
//
//   cp -r packages/widgets/dist /tmp/dist-before   # before a change; rebuild after it, then:
//   npx tsx test/bench/compare.ts /tmp/dist-before packages/widgets/dist [tag,tag,…] [--runs N] [--cpu]
//
// Per page: connection → painted, the longest long task between them, and for the member overview the time from its
// last API answer to the first rows painted (as `browser.ts` measures them). With `--cpu` each page is traced too
// (trace-tasks.ts) and the CPU time is compared as well: the most one task used, and the overview's after its data —
// figures a busy machine stretches far less than wall times (tracing costs the pages a little time of their own).
import { resolve } from 'node:path';
import { chromium } from 'playwright';
// @ts-expect-error -- a plain ESM config without type declarations; it exports the launch options every suite shares.
import { chromiumLaunchOptions } from '../../web-test-runner.config.mjs';
import { lastAnswerBefore, longTasksWithin, OVERVIEW, PARTNER_WIDGETS, startPageServer, tracedFigures, waitForPainted } from './browser.js';
import { startBenchSandbox } from './sandbox.js';
import { TASK_CATEGORIES } from './trace-tasks.js';

const args = process.argv.slice(2);
const runsAt = args.indexOf('--runs');
const runs = runsAt >= 0 ? Number(args.splice(runsAt, 2)[1]) : 5;
const cpuAt = args.indexOf('--cpu');
const withCpu = cpuAt >= 0 && args.splice(cpuAt, 1).length > 0;
const [distA, distB, tagList] = args;
if (!distA || !distB) throw new Error('usage: compare.ts <dist A> <dist B> [tag,tag,…] [--runs N] [--cpu]');
const tags = (tagList ?? [...PARTNER_WIDGETS, OVERVIEW].join(',')).split(',');
const withSlash = (path: string) => `${resolve(path)}/`;

const servers = [await startPageServer(withSlash(distA)), await startPageServer(withSlash(distB))];
const sandbox = await startBenchSandbox(servers.map((server) => server.origin));
for (const server of servers) server.use(sandbox);
const browser = await chromium.launch(chromiumLaunchOptions);
const figures = new Map<string, number[]>();
const add = (key: string, value: number) => (figures.get(key) ?? figures.set(key, []).get(key)!).push(value);
try {
  // A warm-up page per build first, so neither build's first page pays the browser's own start-up.
  for (const server of servers) {
    const context = await browser.newContext();
    await (await context.newPage()).goto(`${server.origin}/blank`);
    await context.close();
  }
  for (let run = 0; run < runs; run++) {
    for (const tag of tags) {
      // Alternate which build goes first, so neither always gets the quieter moment.
      const order = run % 2 === 0 ? [0, 1] : [1, 0];
      for (const which of order) {
        const server = servers[which]!;
        const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-US' });
        const page = await context.newPage();
        if (withCpu) await browser.startTracing(page, { categories: TASK_CATEGORIES });
        await page.goto(`${server.origin}/page?widgets=${tag}&org=${sandbox.largestOrg().orgId}`);
        const times = await waitForPainted(page, [tag]);
        const from = times.connected[tag]!;
        const to = times.painted[tag]!;
        const build = which === 0 ? 'A' : 'B';
        add(`${tag} ${build} connected → painted`, to - from);
        add(`${tag} ${build} longest long task`, longTasksWithin(times, from, to).longestMs);
        if (tag === OVERVIEW) add(`${tag} ${build} first rows after data`, to - (await lastAnswerBefore(page, to, sandbox.url)));
        if (withCpu) {
          const traced = await tracedFigures(browser, page, times, tag, sandbox.url);
          add(`${tag} ${build} CPU: most in one task`, traced.mostCpuInOneTaskMs);
          if (traced.firstRowsAfterData) add(`${tag} ${build} CPU: after data`, traced.firstRowsAfterData.cpuMs);
        }
        await context.close();
      }
    }
  }
} finally {
  await browser.close();
  await sandbox.close();
  for (const server of servers) await server.close();
}
const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};
console.log(`A = ${distA}, B = ${distB}; ${runs} page(s) each; median [min–max] ms`);
for (const [key, values] of figures) {
  console.log(`${key.padEnd(60)} ${median(values).toFixed(0).padStart(5)}  [${Math.min(...values).toFixed(0)}–${Math.max(...values).toFixed(0)}]`);
}
