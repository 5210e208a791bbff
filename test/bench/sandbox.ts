// Starts `sandbox-process.mjs` as a child process and reads what it prints; the bench reads its RSS from /proc.
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import type { Credentials } from '@poly-partner/sandbox';
import { SANDBOX_NODE_FLAGS } from '../../packages/sandbox/scripts/node-flags.mjs';

interface Organization {
  orgId: string;
  kind: string;
  secretKey: string;
  members: number;
}

export interface BenchSandbox {
  url: string;
  pid: number;
  seedMs: number;
  credentials: Credentials;
  organizations: Organization[];
  syntheticOrg: { orgId: string; secretKey: string; members: number };
  orgKey(orgId: string): string;
  largestOrg(): Organization;
  /** Resident memory of the child process now, in MB (VmRSS from /proc/<pid>/status). */
  rssMB(): number;
  /**
   * Where the child's memory is, as it reports it (`process.memoryUsage()` and SQLite's page cache); `collectFirst`
   * runs a full garbage collection before, when the child was started with `--expose-gc`.
   */
  memory(options?: { collectFirst?: boolean }): Promise<SandboxMemory>;
  /** The wall and CPU times (ms) of `runs` computations of the organization's protection forecast in the child, bypassing the summary's cache. */
  forecastTimes(orgId: string, runs: number): Promise<ForecastTimes>;
  close(): Promise<void>;
}

/** Wall and CPU time (ms) of each computation of a protection forecast in the child, and its number of end days. */
export interface ForecastTimes {
  endDays: number;
  times: number[];
  cpuTimes: number[];
}

export interface SandboxMemory {
  rssMB: number;
  heapTotalMB: number;
  heapUsedMB: number;
  externalMB: number;
  sqliteCacheLimitKB: number;
  databasePages: number;
  pageSize: number;
  heapSpacesMB: Record<string, [size: number, used: number]>;
}

export function rssOf(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kB = Number(/^VmRSS:\s+(\d+)\s+kB/m.exec(status)?.[1] ?? Number.NaN);
  return Math.round((kB / 1024) * 10) / 10;
}

/** Waits for the first stdout line of `child` that is JSON, within `timeoutMs`. */
export function firstJsonLine<T>(child: ChildProcess, timeoutMs: number): Promise<T> {
  return new Promise((resolve, reject) => {
    const lines = createInterface({ input: child.stdout! });
    const timer = setTimeout(() => reject(new Error(`child process printed nothing within ${timeoutMs} ms`)), timeoutMs);
    lines.on('line', (line) => {
      if (!line.startsWith('{')) return;
      clearTimeout(timer);
      lines.close();
      resolve(JSON.parse(line) as T);
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`child process exited with ${code} before it was ready`));
    });
  });
}

/**
 * `nodeFlags` replaces the flags the sandbox's launchers use, for comparisons (test/bench/sandbox-flags.ts).
 * `readyTimeoutMs`: how long seeding may take (a machine busy with other work seeds slower).
 */
export async function startBenchSandbox(origins: string[], options: { nodeFlags?: readonly string[]; readyTimeoutMs?: number } = {}): Promise<BenchSandbox> {
  const script = new URL('./sandbox-process.mjs', import.meta.url).pathname;
  // On the Node flags the sandbox's launchers give it (its bin, `pnpm sandbox`, `pnpm start`), not bench-only ones.
  const flags = options.nodeFlags ?? SANDBOX_NODE_FLAGS;
  const child = spawn(process.execPath, [...flags, script, ...origins.flatMap((origin) => ['--origin', origin])], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  type Ready = Pick<BenchSandbox, 'url' | 'credentials' | 'organizations' | 'syntheticOrg' | 'seedMs'>;
  let ready: Ready;
  try {
    ready = await firstJsonLine<Ready>(child, options.readyTimeoutMs ?? 120_000);
  } catch (error) {
    child.kill();
    throw error;
  }
  const lines = createInterface({ input: child.stdout! });
  const memoryAnswers: ((memory: SandboxMemory) => void)[] = [];
  const forecastAnswers: ((answer: ForecastTimes) => void)[] = [];
  lines.on('line', (line) => {
    if (line.startsWith('{"memory"')) memoryAnswers.shift()?.((JSON.parse(line) as { memory: SandboxMemory }).memory);
    if (line.startsWith('{"forecast"')) forecastAnswers.shift()?.((JSON.parse(line) as { forecast: ForecastTimes }).forecast);
  });
  const keys = new Map([...ready.organizations, ready.syntheticOrg].map((org) => [org.orgId, org.secretKey]));
  return {
    ...ready,
    pid: child.pid!,
    orgKey: (orgId) => keys.get(orgId)!,
    largestOrg: () => [...ready.organizations].sort((a, b) => b.members - a.members)[0]!,
    rssMB: () => rssOf(child.pid!),
    memory: (options = {}) =>
      new Promise<SandboxMemory>((resolve) => {
        memoryAnswers.push(resolve);
        child.stdin!.write(options.collectFirst ? 'memory gc\n' : 'memory\n');
      }),
    forecastTimes: (orgId, runs) =>
      new Promise((resolve) => {
        forecastAnswers.push(resolve);
        child.stdin!.write(`forecast ${orgId} ${runs}\n`);
      }),
    close: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
        child.once('exit', () => {
          clearTimeout(timer);
          resolve();
        });
        child.kill('SIGTERM');
      }),
  };
}
