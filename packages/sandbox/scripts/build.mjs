// `pnpm build` for the sandbox: bundles the server (the `startSandbox()` library, the CLI and the seeding worker) into
// plain JavaScript in dist/, so that it runs on bare Node without a TypeScript loader (tsx's loader thread cost about
// 30 MB of resident memory and every module load). better-sqlite3 stays outside: a native addon cannot be bundled.
import { copyFileSync, rmSync } from 'node:fs';
import { build } from 'esbuild';

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
