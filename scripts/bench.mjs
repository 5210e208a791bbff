// `pnpm bench`: the performance figures of test/bench (sizes, SDK requests, widgets in Chromium, sandbox under load),
// printed as a table and written to bench-results.json. Builds the workspace first when the embed bundle or the
// sandbox's build is missing.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const started = Date.now();

const built = ['packages/widgets/dist/embed.js', 'packages/sandbox/dist/index.js'];
const missing = built.find((file) => !existsSync(join(root, file)));
if (missing) {
  console.log(`${missing} is missing: running \`pnpm build\` first.`);
  const build = spawnSync('pnpm', ['run', 'build'], { cwd: root, stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

const result = spawnSync(process.execPath, ['--import', 'tsx', join(root, 'test/bench/run.ts')], { cwd: root, stdio: 'inherit' });
console.log(`pnpm bench took ${Math.round((Date.now() - started) / 1000)} s.`);
process.exit(result.status ?? 1);
