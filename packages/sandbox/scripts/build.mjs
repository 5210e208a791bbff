// `pnpm build` for the sandbox: bundles the server (the `startSandbox()` library, the CLI and the seeding worker) into
// plain JavaScript in dist/, so that it runs on bare Node without a TypeScript loader (tsx's loader thread cost about
// 30 MB of resident memory and every module load). better-sqlite3 stays outside: a native addon cannot be bundled.
import { chmodSync, copyFileSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { build } from 'esbuild';
import { SANDBOX_NODE_FLAGS } from './node-flags.mjs';

const root = new URL('..', import.meta.url).pathname;
rmSync(`${root}dist`, { recursive: true, force: true });
await build({
  absWorkingDir: root,
  // seed-file is loaded by the seeding worker (see src/db/seed-file.ts), which looks for it beside the chunk that
  // starts the worker: every file lands flat in dist/ for those relative URLs to hold.
  entryPoints: { index: 'src/index.ts', cli: 'src/cli.ts', 'seed-file': 'src/db/seed-file.ts' },
  outdir: 'dist',
  entryNames: '[name]',
  chunkNames: '[name]-[hash]',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  // The contract is bundled from its TypeScript sources (its node export condition), as zod and hono are.
  external: ['better-sqlite3'],
  sourcemap: true,
  legalComments: 'none',
  logLevel: 'warning',
});
copyFileSync(`${root}src/db/seed-worker.mjs`, `${root}dist/seed-worker.mjs`);

// The bin runs on the flags of node-flags.mjs (`env -S` splits them off the interpreter's name).
const cli = `${root}dist/cli.js`;
const [firstLine, ...rest] = readFileSync(cli, 'utf8').split('\n');
if (!firstLine.startsWith('#!')) throw new Error('dist/cli.js lost the shebang of src/cli.ts');
writeFileSync(cli, [`#!/usr/bin/env -S node ${SANDBOX_NODE_FLAGS.join(' ')}`, ...rest].join('\n'));
chmodSync(cli, 0o755);
