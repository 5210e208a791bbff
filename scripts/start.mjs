// `pnpm start`: seeds (first time) and starts the sandbox API, then the demo sites once they exist; Ctrl-C stops all.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';

const root = new URL('..', import.meta.url).pathname;
const children = [];

function run(name, command, args) {
  const child = spawn(command, args, { cwd: root, stdio: 'inherit', env: process.env });
  child.on('exit', (code, signal) => {
    if (!stopping) {
      console.error(`${name} stopped (${signal ?? `exit ${code}`}); stopping the rest.`);
      stop(code ?? 1);
    }
  });
  children.push(child);
  return child;
}

let stopping = false;
function stop(code = 0) {
  stopping = true;
  for (const child of children) if (child.exitCode === null) child.kill('SIGTERM');
  setTimeout(() => process.exit(code), 500).unref();
}
process.on('SIGINT', () => stop(0));
process.on('SIGTERM', () => stop(0));

run('sandbox', process.execPath, ['--import', 'tsx', 'packages/sandbox/src/cli.ts', ...process.argv.slice(2)]);

if (existsSync(new URL('../demo/index.html', import.meta.url))) {
  run('demo', process.execPath, ['node_modules/vite/bin/vite.js', 'preview']);
} else {
  console.log('The demo sites are not built yet (issue 6): `pnpm start` runs the sandbox API only.');
}
