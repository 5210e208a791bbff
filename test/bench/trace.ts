// A Chromium performance trace (Tracing domain, devtools.timeline categories) of bench pages, for finding what a long
// task in a widget's first render is made of — script, style recalculation, layout, paint, ICU, font loading — rather
// than guessing from a JS-only CPU profile. Not part of `pnpm bench`.
//
//   npx tsx test/bench/trace.ts [tag,tag,…] [--runs N] [--out dir] [--dist another/dist] [--js] [--host-css css]
//
// Opens the pages in one browser in the order given (as the bench does: each in its own context; `blank` is the
// bench's blank page), traces each, and prints for each page the main-thread tasks longer than 50 ms (or the three
// longest) between the widget's connection and its first painted content, each broken down by trace event (self
// time, ms) and with its CPU (thread) time, which a busy machine does not inflate. `--out` keeps the raw traces (open them in DevTools' Performance panel or ui.perfetto.dev).
import { mkdir, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { chromium } from 'playwright';
// @ts-expect-error -- a plain ESM config without type declarations; it exports the launch options every suite shares.
import { chromiumLaunchOptions } from '../../web-test-runner.config.mjs';
import { lastAnswerBefore, OVERVIEW, PARTNER_WIDGETS, startPageServer, waitForPainted, type PageTimes } from './browser.js';
import { startBenchSandbox } from './sandbox.js';
import { mainThread, markTraceSync, stopTrace, tasksWithin, type TraceEvent } from './trace-tasks.js';

const CATEGORIES = [
  'toplevel',
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'disabled-by-default-devtools.timeline.frame',
  'blink.user_timing',
  'loading',
  'v8.execute',
  'v8',
  'blink',
  'fonts',
  'disabled-by-default-v8.compile',
];

const args = process.argv.slice(2);
const option = (name: string) => {
  const index = args.indexOf(name);
  return index >= 0 ? args.splice(index, 2)[1] : undefined;
};
const runs = Number(option('--runs') ?? 1);
const out = option('--out');
const distDir = option('--dist');
// Sampled JS in each task (the V8 CPU profiler in the trace): costs the page some time of its own.
const withJs = args.includes('--js') ? (args.splice(args.indexOf('--js'), 1), true) : false;
if (withJs) CATEGORIES.push('disabled-by-default-v8.cpu_profiler');
// CSS a host page adds (say `partner-member-overview::part(summary) { display: none }`), to see what a part costs.
const hostCss = option('--host-css');
const pages = (args[0] ?? ['blank', ...PARTNER_WIDGETS, OVERVIEW].join(',')).split(',');

/** A task's events as a tree walk: self time per event name (time in an event not covered by its children). */
function selfTimes(events: TraceEvent[]): Map<string, number> {
  const self = new Map<string, number>();
  const sorted = [...events].sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));
  const stack: { name: string; end: number; childTime: number; dur: number }[] = [];
  const close = (until: number) => {
    while (stack.length && stack.at(-1)!.end <= until) {
      const done = stack.pop()!;
      self.set(done.name, (self.get(done.name) ?? 0) + done.dur - done.childTime);
    }
  };
  for (const event of sorted) {
    close(event.ts);
    const dur = event.dur ?? 0;
    const parent = stack.at(-1);
    if (parent) parent.childTime += dur;
    stack.push({ name: label(event), end: event.ts + dur, childTime: 0, dur });
  }
  close(Number.POSITIVE_INFINITY);
  return self;
}

function label(event: TraceEvent): string {
  const data = event.args?.data;
  if (event.name === 'FunctionCall' && data?.functionName) return `FunctionCall ${String(data.functionName) || '(anonymous)'} ${String(data.url ?? '').replace(/^.*\//, '')}`;
  if (event.name === 'EvaluateScript' && data?.url) return `EvaluateScript ${String(data.url).replace(/^.*\//, '')}`;
  if ((event.name === 'v8.compile' || event.name === 'v8.compileModule') && data?.url) return `${event.name} ${String(data.url).replace(/^.*\//, '')}`;
  if (event.name === 'TimerFire' || event.name === 'FireIdleCallback' || event.name === 'FireAnimationFrame' || event.name === 'EventDispatch') {
    return `${event.name}${data?.type ? ` ${String(data.type)}` : ''}`;
  }
  return event.name;
}

interface ProfileNode {
  id: number;
  parent?: number;
  callFrame: { functionName: string; url: string; lineNumber?: number; columnNumber?: number };
}

/** JS samples of the V8 CPU profiler in the trace (ProfileChunk events of the process `pid`): [trace time, function]. */
function jsSamples(all: TraceEvent[], pid: number): [number, string][] {
  const samples: [number, string][] = [];
  const nodes = new Map<string, ProfileNode>();
  const clock = new Map<string, number>();
  for (const event of all) {
    if (event.pid !== pid) continue;
    const id = String((event as { id?: string }).id);
    if (event.name === 'Profile') clock.set(id, Number(event.args?.data?.startTime ?? event.ts));
    if (event.name !== 'ProfileChunk') continue;
    const data = event.args?.data as { cpuProfile?: { nodes?: ProfileNode[]; samples?: number[] }; timeDeltas?: number[] } | undefined;
    for (const node of data?.cpuProfile?.nodes ?? []) nodes.set(`${id}:${node.id}`, node);
    let time = clock.get(id) ?? event.ts;
    const deltas = data?.timeDeltas ?? [];
    for (const [index, sample] of (data?.cpuProfile?.samples ?? []).entries()) {
      time += deltas[index] ?? 0;
      const frame = nodes.get(`${id}:${sample}`)?.callFrame;
      const name = frame ? `${frame.functionName || '(anonymous)'} ${(frame.url ?? '').replace(/^.*\//, '')}:${(frame.lineNumber ?? 0) + 1}:${(frame.columnNumber ?? 0) + 1}` : '?';
      samples.push([time, name]);
    }
    clock.set(id, time);
  }
  return samples;
}

const server = await startPageServer(distDir ? `${resolve(distDir)}/` : undefined);
const sandbox = await startBenchSandbox([server.origin]);
server.use(sandbox);
if (out) await mkdir(out, { recursive: true });
try {
  for (let run = 0; run < runs; run++) {
    const browser = await chromium.launch(chromiumLaunchOptions);
    try {
      for (const [index, tag] of pages.entries()) {
        const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-US' });
        const page = await context.newPage();
        if (hostCss) {
          await page.addInitScript((css) => {
            document.addEventListener('DOMContentLoaded', () => document.head.append(Object.assign(document.createElement('style'), { textContent: css })));
          }, hostCss);
        }
        await browser.startTracing(page, { categories: CATEGORIES });
        const path = tag === 'blank' ? '/blank' : `/page?widgets=${tag}&org=${sandbox.largestOrg().orgId}`;
        await page.goto(`${server.origin}${path}`);
        let times: PageTimes | undefined;
        if (tag !== 'blank') times = await waitForPainted(page, [tag]);
        else await page.waitForTimeout(300);
        // A mark whose performance.now() time and trace timestamp are both known: maps page times onto the trace.
        const markAt = await markTraceSync(page);
        // The overview's last API answer before its rows painted (as browser.ts measures it).
        const arrived = times && tag === OVERVIEW ? await lastAnswerBefore(page, times.painted[tag]!, sandbox.url) : 0;
        const all = await stopTrace(browser);
        await context.close();
        if (out) await writeFile(`${out}/run${run + 1}-${index}-${tag}.json`, JSON.stringify({ traceEvents: all }));
        const threadNames = new Map(all.filter((event) => event.name === 'thread_name').map((event) => [`${event.pid}:${event.tid}`, event.args?.name]));
        const thread = mainThread(all, markAt);
        if (!thread) throw new Error(`no sync mark in the trace of ${tag}`);
        const { events, toPage } = thread;
        const samples = jsSamples(all, thread.pid);
        const from = times ? times.connected[tag]! : 0;
        const to = times ? times.painted[tag]! : markAt;
        const tasks = tasksWithin(thread, from, to);
        const long = tasks.filter((task) => (task.dur ?? 0) > 50_000);
        if (tag === OVERVIEW && times) {
          const afterData = tasks.filter((task) => toPage(task.ts + (task.dur ?? 0)) >= arrived);
          console.log(`  overview: data arrived ${arrived.toFixed(0)} ms; after it until painted: ${(to - arrived).toFixed(0)} ms wall, ${afterData.length} tasks with CPU ${(afterData.reduce((sum, task) => sum + (task.tdur ?? 0), 0) / 1000).toFixed(0)} ms`);
        }
        const cpu = tasks.reduce((sum, task) => sum + (task.tdur ?? 0), 0) / 1000;
        const wall = tasks.reduce((sum, task) => sum + (task.dur ?? 0), 0) / 1000;
        console.log(`\nrun ${run + 1}, page ${index + 1}: ${tag} — window ${from.toFixed(0)}–${to.toFixed(0)} ms, main thread ${threadNames.get(thread.key) ?? '?'}; ${tasks.length} tasks (${wall.toFixed(0)} ms, CPU ${cpu.toFixed(0)} ms), ${long.length} over 50 ms; longest CPU ${(Math.max(0, ...tasks.map((task) => task.tdur ?? 0)) / 1000).toFixed(0)} ms`);
        for (const task of (long.length ? long : tasks.slice(0, 3))) {
          const inside = events.filter((event) => event.ts >= task.ts && event.ts + (event.dur ?? 0) <= task.ts + (task.dur ?? 0));
          const self = [...selfTimes(inside).entries()].filter(([, us]) => us >= 1000).sort((a, b) => b[1] - a[1]).slice(0, 14);
          console.log(`  task at ${toPage(task.ts).toFixed(0)} ms, ${((task.dur ?? 0) / 1000).toFixed(1)} ms (CPU ${((task.tdur ?? 0) / 1000).toFixed(1)} ms):`);
          for (const [name, us] of self) console.log(`    ${(us / 1000).toFixed(1).padStart(7)}  ${name}`);
          // The JS inside it, by function (sampled; self time, ms).
          const js = new Map<string, number>();
          const inTask = samples.filter(([time]) => time >= task.ts && time <= task.ts + (task.dur ?? 0));
          for (const [index, [time, name]] of inTask.entries()) {
            const next = inTask[index + 1]?.[0] ?? time;
            if (name.startsWith('(idle)') || name.startsWith('(program)')) continue;
            js.set(name, (js.get(name) ?? 0) + (next - time));
          }
          const topJs = [...js.entries()].sort((a, b) => b[1] - a[1]).slice(0, 12).filter(([, us]) => us >= 1000);
          if (topJs.length) console.log(`    JS: ${topJs.map(([name, us]) => `${(us / 1000).toFixed(1)} ${name}`).join(' · ')}`);
        }
      }
    } finally {
      await browser.close();
    }
  }
} finally {
  await sandbox.close();
  await server.close();
}
