// `pnpm start`: builds what the demo needs, seeds (first time) and starts the sandbox API, serves the built demo
// sites with `vite preview`, and prints where everything is. Ctrl-C stops both.
// Arguments go to the sandbox (`pnpm start -- --reset`, `--launch-date 2026-09-01`, …).
import { spawn, spawnSync } from 'node:child_process';
import { SANDBOX_NODE_FLAGS } from '../packages/sandbox/scripts/node-flags.mjs';

const root = new URL('..', import.meta.url).pathname;
const children = [];
let stopping = false;

function step(title, command, args) {
  console.log(`\n▸ ${title}`);
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) {
    console.error(`✗ ${title} failed`);
    process.exit(result.status ?? 1);
  }
}

function run(name, command, args) {
  const child = spawn(command, args, { cwd: root, stdio: 'inherit' });
  child.on('exit', (code, signal) => {
    if (stopping) return;
    console.error(`${name} stopped (${signal ?? `exit ${code}`}); stopping the rest.`);
    stop(code || 1);
  });
  children.push(child);
}

function stop(code = 0) {
  stopping = true;
  for (const child of children) if (child.exitCode === null) child.kill('SIGTERM');
  // Give both a moment to close their servers and the database.
  setTimeout(() => process.exit(code), 1000).unref();
}
process.on('SIGINT', () => stop(0));
process.on('SIGTERM', () => stop(0));

step('Building the packages (contract, sandbox, SDK, widgets and the script-tag bundle)', 'pnpm', ['run', 'build']);
step('Building the demo sites', process.execPath, ['node_modules/vite/bin/vite.js', 'build', '--logLevel', 'warn']);

// The sandbox's build (packages/sandbox/dist, made by `pnpm build` above): plain JavaScript, no TypeScript loader, on
// the Node flags its bin runs with.
run('sandbox', process.execPath, [...SANDBOX_NODE_FLAGS, 'packages/sandbox/dist/cli.js', ...process.argv.slice(2)]);
run('demo', process.execPath, ['node_modules/vite/bin/vite.js', 'preview', '--logLevel', 'warn']);

setTimeout(() => {
  if (stopping) return;
  console.log(`
Demo sites on http://127.0.0.1:5173/
  reseller portal     http://127.0.0.1:5173/reseller-portal/
  aggregator portals  http://127.0.0.1:5173/aggregator-portal/?kind=distributor  (also isp, carrier, systemhaus_association)
  marketing site      http://127.0.0.1:5173/marketing-site/
Sandbox API on http://127.0.0.1:8787 (credentials in .sandbox/credentials.json). Ctrl-C stops both.`);
}, 3000).unref();
