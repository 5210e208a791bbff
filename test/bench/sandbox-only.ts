// The sandbox part of `pnpm bench` alone (no sizes, no browser): RSS and heap after seeding, then N identical load
// rounds (load.ts) with RSS and heap 3 s after each, to see whether memory settles or keeps growing. With `--gc` the
// child also runs with --expose-gc and reports its heap after a full collection too (what is live, not just held).
// Run: npx tsx test/bench/sandbox-only.ts [rounds] [--gc] [--some-node-flag=…]
import { setTimeout as sleep } from 'node:timers/promises';
import { SANDBOX_NODE_FLAGS } from '../../packages/sandbox/scripts/node-flags.mjs';
import { BARE, BARE_AGAIN, measureLoad } from './load.js';
import { type BenchSandbox, startBenchSandbox } from './sandbox.js';

const rounds = Number(process.argv[2] ?? 2);
const collect = process.argv.includes('--gc');
// Other --flags are added to the launch flags, to try one.
const extra = process.argv.slice(3).filter((arg) => arg.startsWith('--') && arg !== '--gc');
const sandbox = await startBenchSandbox(['http://127.0.0.1:1'], { nodeFlags: [...SANDBOX_NODE_FLAGS, ...extra, ...(collect ? ['--expose-gc'] : [])] });

async function report(when: string, child: BenchSandbox): Promise<number> {
  const rss = child.rssMB();
  const memory = await child.memory();
  const live = collect ? await child.memory({ collectFirst: true }) : undefined;
  console.log(`${when}: RSS ${rss} MB; heap ${memory.heapUsedMB} used of ${memory.heapTotalMB} MB` +
    (live ? `; after a full GC ${live.heapUsedMB} of ${live.heapTotalMB} MB, RSS ${live.rssMB} MB` : '') +
    `\n  heap spaces (size/used MB): ${Object.entries(memory.heapSpacesMB).filter(([, [size]]) => size > 0.5).map(([name, [size, used]]) => `${name} ${size}/${used}`).join(', ')}`);
  return rss;
}

const rss = [await report(`seeded in ${sandbox.seedMs} ms`, sandbox)];
try {
  for (let round = 1; round <= rounds; round++) {
    const load = await measureLoad(sandbox, () => {});
    await sleep(3_000);
    const find = (name: string) => load.scenarios.find((entry) => entry.name === name)!;
    const bare = (find(BARE).requestsPerSecond + find(BARE_AGAIN).requestsPerSecond) / 2;
    rss.push(await report(`round ${round} (tier-status ${Math.round((find('tier-status').requestsPerSecond / bare) * 1000) / 10} % of bare, members p95 ${find('members page (filtered)').latencyMs.p95} ms)`, sandbox));
  }
} finally {
  await sandbox.close();
}
console.log(`RSS: ${rss.join(' → ')} MB`);
