// Starts test/support/webhook-sandbox-child.ts as a child process and reads its JSON lines.
import { type ChildProcess, spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import type { Credentials } from '@poly-partner/sandbox';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
const script = fileURLToPath(new URL('./webhook-sandbox-child.ts', import.meta.url));

export interface ChildSandbox {
  url: string;
  credentials: Credentials;
  process: ChildProcess;
  /** The next JSON line the child prints. */
  nextLine(): Promise<any>;
  send(line: string): void;
}

export async function startChildSandbox(db: string, options: { resellers?: number; timeFactor?: number } = {}): Promise<ChildSandbox> {
  // SANDBOX_CHILD_FLAGS: Node flags for the child only, e.g. `--cpu-prof --cpu-prof-dir=/tmp/prof` (refused in NODE_OPTIONS).
  const flags = (process.env.SANDBOX_CHILD_FLAGS ?? '').split(' ').filter(Boolean);
  const child = spawn(process.execPath, [...flags, '--import', 'tsx', script, db, String(options.resellers ?? 2000), String(options.timeFactor ?? 1000)], {
    cwd: repoRoot,
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const lines: string[] = [];
  const waiting: ((line: string) => void)[] = [];
  createInterface({ input: child.stdout! }).on('line', (line) => {
    if (!line.startsWith('{')) return;
    const waiter = waiting.shift();
    if (waiter) waiter(line);
    else lines.push(line);
  });
  const nextLine = () =>
    new Promise<any>((resolve, reject) => {
      const line = lines.shift();
      if (line) return resolve(JSON.parse(line));
      const onExit = (code: number | null) => reject(new Error(`sandbox child exited (${code})`));
      child.once('exit', onExit);
      waiting.push((text) => {
        child.off('exit', onExit);
        resolve(JSON.parse(text));
      });
    });
  const first = await nextLine();
  return { url: first.url, credentials: first.credentials, process: child, nextLine, send: (line) => child.stdin!.write(`${line}\n`) };
}
