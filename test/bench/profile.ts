// A CPU profile of one bench page (the built dist/embed.js against the real sandbox), for finding what makes a
// widget's first render long: `npx tsx test/bench/profile.ts <tag> [runs]` prints the functions with the most self
// time over the whole page load (mostly the widget's first render), averaged over the runs, and the long tasks between
// the widget's connection and its first painted content. Not part of `pnpm bench`.
import { chromium } from 'playwright';
// @ts-expect-error -- a plain ESM config without type declarations; it exports the launch options every suite shares.
import { chromiumLaunchOptions } from '../../web-test-runner.config.mjs';
import { startPageServer, waitForPainted } from './browser.js';
import { startBenchSandbox } from './sandbox.js';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  startTime: number;
  samples: number[];
  timeDeltas: number[];
}

const tag = process.argv[2] ?? 'partner-member-overview';
const runs = Number(process.argv[3] ?? 3);

const server = await startPageServer();
const sandbox = await startBenchSandbox([server.origin]);
server.use(sandbox);
const browser = await chromium.launch(chromiumLaunchOptions);
const selfMs = new Map<string, number>();
const longTasks: number[][] = [];
try {
  for (let run = 0; run < runs; run++) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-US' });
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
    await cdp.send('Profiler.start');
    await page.goto(`${server.origin}/page?widgets=${tag}&org=${sandbox.largestOrg().orgId}`);
    const times = await waitForPainted(page, [tag]);
    const { profile } = (await cdp.send('Profiler.stop')) as { profile: Profile };
    longTasks.push(times.longTasks.filter((task) => task.start + task.duration >= times.connected[tag]! && task.start <= times.painted[tag]!).map((task) => Math.round(task.duration)));
    const byId = new Map(profile.nodes.map((node) => [node.id, node]));
    const from = times.connected[tag]!;
    const to = times.painted[tag]!;
    for (let i = 0; i < profile.samples.length; i++) {
      const node = byId.get(profile.samples[i]!)!;
      const frame = node.callFrame;
      const key = `${frame.functionName || '(anonymous)'} ${frame.url.replace(/^.*\//, '')}:${frame.lineNumber + 1}:${frame.columnNumber + 1}`;
      const dt = (profile.timeDeltas[i + 1] ?? 0) / 1000;
      selfMs.set(key, (selfMs.get(key) ?? 0) + dt);
    }
    console.log(`run ${run + 1}: connected ${from.toFixed(0)} ms, painted ${to.toFixed(0)} ms, long tasks in first render ${JSON.stringify(longTasks.at(-1))}`);
    await context.close();
  }
} finally {
  await browser.close();
  await sandbox.close();
  await server.close();
}
const top = [...selfMs.entries()].sort((a, b) => b[1] - a[1]).slice(0, 40);
console.log(`self time over ${runs} run(s), whole page load (ms):`);
for (const [key, ms] of top) console.log(`${(ms / runs).toFixed(1).padStart(8)}  ${key}`);
