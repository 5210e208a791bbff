// `pnpm build` for the sandbox: bundles the server (the `startSandbox()` library, the CLI, the seeding and the webhook
// delivery workers) into plain JavaScript in dist/, so that it runs on bare Node without a TypeScript loader (tsx's
// loader thread cost about 30 MB of resident memory and every module load). better-sqlite3 stays outside: a native
// addon cannot be bundled.
import { execFileSync } from 'node:child_process';
import { chmodSync, copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { build } from 'esbuild';
import { SANDBOX_NODE_FLAGS } from './node-flags.mjs';

const root = new URL('..', import.meta.url).pathname;
rmSync(`${root}dist`, { recursive: true, force: true });
await build({
  absWorkingDir: root,
  // seed-file is loaded by the seeding worker (see src/db/seed-file.ts), delivery-worker by the webhook worker (see
  // src/webhooks/host.ts); each looks for it beside the chunk that starts the worker: every file lands flat in dist/
  // for those relative URLs to hold.
  entryPoints: { index: 'src/index.ts', cli: 'src/cli.ts', 'seed-file': 'src/db/seed-file.ts', 'delivery-worker': 'src/webhooks/delivery-worker.ts' },
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
copyFileSync(`${root}src/webhooks/delivery-worker.mjs`, `${root}dist/delivery-worker.mjs`);
// GET /openapi.json serves this copy (src/routes/public.ts): the contract is bundled, not a dependency.
copyFileSync(createRequire(import.meta.url).resolve('@poly-partner/contract/openapi.json'), `${root}dist/openapi.json`);

// The bin runs on the flags of node-flags.mjs (`env -S` splits them off the interpreter's name).
const cli = `${root}dist/cli.js`;
const [firstLine, ...rest] = readFileSync(cli, 'utf8').split('\n');
if (!firstLine.startsWith('#!')) throw new Error('dist/cli.js lost the shebang of src/cli.ts');
writeFileSync(cli, [`#!/usr/bin/env -S node ${SANDBOX_NODE_FLAGS.join(' ')}`, ...rest].join('\n'));
chmodSync(cli, 0o755);

// Declarations for `import { startSandbox } from '@poly-partner/sandbox'`: tsc emits one per source file reachable from
// src/index.ts; dist/ keeps only those the public index.d.ts reaches, and they may import no package but
// better-sqlite3 (whose types, @types/better-sqlite3, are a dependency): hono, the contract and zod are bundled into the
// JavaScript, not dependencies, so a declaration naming them would not resolve in an integrator's project.
const typesDir = `${root}.types/`;
rmSync(typesDir, { recursive: true, force: true });
const typescriptRoot = dirname(createRequire(import.meta.url).resolve('typescript/package.json'));
const tsc = `${typescriptRoot}/bin/tsc`;
execFileSync(process.execPath, [tsc, '-p', `${root}tsconfig.build.json`], { stdio: 'inherit' });
const allowedPackages = new Set(['better-sqlite3']);
const pending = ['index.d.ts'];
const kept = new Set();
while (pending.length > 0) {
  const file = pending.pop();
  if (kept.has(file)) continue;
  kept.add(file);
  const text = readFileSync(typesDir + file, 'utf8');
  for (const [, specifier] of text.matchAll(/(?:from|import)\s*\(?\s*'([^']+)'/g)) {
    if (specifier.startsWith('.')) {
      pending.push(new URL(specifier.replace(/\.js$/, '.d.ts'), `file:///${file}`).pathname.slice(1));
    } else if (!allowedPackages.has(specifier)) {
      throw new Error(`dist/${file} imports ${specifier}, which is bundled, not a dependency: keep it out of the public types`);
    }
  }
  mkdirSync(dirname(`${root}dist/${file}`), { recursive: true });
  copyFileSync(typesDir + file, `${root}dist/${file}`);
}
rmSync(typesDir, { recursive: true, force: true });
