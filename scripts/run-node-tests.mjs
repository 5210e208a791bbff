// Runs every Node-side test (`*.test.ts`, but not `*.browser.test.ts`) with node:test through tsx.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const roots = ['packages', 'test'];

function* walk(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name === 'dist' || entry.name.startsWith('.')) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* walk(path);
    else if (entry.name.endsWith('.test.ts') && !entry.name.endsWith('.browser.test.ts')) yield path;
  }
}

const filter = process.argv[2];
const files = roots
  .flatMap((dir) => [...walk(join(root, dir))])
  .map((path) => relative(root, path))
  .filter((path) => !filter || path.includes(filter))
  .sort();
if (files.length === 0) {
  console.error('No Node test files found.');
  process.exit(1);
}
const result = spawnSync(process.execPath, ['--import', 'tsx', '--test', '--test-concurrency=1', ...files], {
  cwd: root,
  stdio: 'inherit',
});
process.exit(result.status ?? 1);
