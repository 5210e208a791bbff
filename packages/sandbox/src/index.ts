// @poly-partner/sandbox: start the reference Poly partner API on SQLite, seeded with a deterministic world.
import type { AddressInfo } from 'node:net';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { serve } from '@hono/node-server';
import BetterSqlite3 from 'better-sqlite3';
import { addDays, DEFAULT_POLICY, parsePolicy, policyWithLaunchDate } from '@poly-partner/contract';
import { createApp } from './app.js';
import { deriveSigningKey } from './auth/signing-key.js';
import type { Sandbox } from './context.js';
import { createIndexes, dropAll, getMeta, migrate } from './db/schema.js';
import type { Credentials } from './credentials-file.js';
import { seedWorld } from './db/seed.js';
import { seedInWorker } from './db/seed-file.js';
import { ensureEvaluated } from './evaluation.js';

export type { Credentials } from './credentials-file.js';

export interface StartSandboxOptions {
  port?: number;
  host?: string;
  /**
   * The database file, or `':memory:'`. Without it, a throwaway file in a folder of its own under the system's
   * temporary folder, removed on `close()` (and when the process exits): unlike `':memory:'`, its rows are not held
   * in the process's memory, so a sandbox that registers thousands of deals does not grow.
   */
  db?: string;
  reset?: boolean;
  resellers?: number;
  seed?: number;
  launchDate?: string;
  allowedOrigins?: string[];
  now?: () => Date;
  rateLimit?: { windowMs: number; max: number };
  quiet?: boolean;
  /** Seconds after which a registration without conflict is approved (default 60). */
  autoApproveSeconds?: number;
}

export const DEFAULT_SEED = 20260901;
export const DEFAULT_RESELLERS = 15_000;
/** From this many resellers on, a file database is seeded in a worker thread. */
export const WORKER_SEED_RESELLERS = 5_000;
/**
 * SQLite's page cache of a file database, in KiB (better-sqlite3 compiles in 16 MB). The pages a request needs are
 * few (one partner row, a walk along one member index); the rest of the file stays in the OS's file cache, outside the
 * process's resident memory. A database in memory lives in that cache whatever the limit says.
 */
export const PAGE_CACHE_KIB = 4_000;
export const DEMO_ORIGINS = ['http://127.0.0.1:5173', 'http://localhost:5173'];
export const ISSUER = 'https://sandbox.partners.poly.example';

/** Throwaway database folders of sandboxes not closed yet; whatever is left is removed when the process exits. */
const temporaryFolders = new Set<string>();
let removeOnExit = false;

function removeTemporary(folder: string): void {
  temporaryFolders.delete(folder);
  rmSync(folder, { recursive: true, force: true });
}

export async function startSandbox(options: StartSandboxOptions = {}): Promise<{
  url: string;
  credentials: Credentials;
  db: BetterSqlite3.Database;
  close(): Promise<void>;
}> {
  const now = options.now ?? (() => new Date());
  const seed = options.seed ?? DEFAULT_SEED;
  const temporary = options.db === undefined ? mkdtempSync(join(tmpdir(), 'poly-sandbox-')) : undefined;
  if (temporary) {
    temporaryFolders.add(temporary);
    if (!removeOnExit) {
      removeOnExit = true;
      process.once('exit', () => {
        for (const folder of temporaryFolders) rmSync(folder, { recursive: true, force: true });
      });
    }
  }
  const file = options.db ?? join(temporary!, 'sandbox.db');
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const db = new BetterSqlite3(file);
  if (file !== ':memory:') db.pragma(`cache_size = -${PAGE_CACHE_KIB}`);
  // Nobody reopens a throwaway database after a crash, so it need not survive one: no waiting for the disk.
  if (temporary) db.pragma('synchronous = OFF');
  if (options.reset) dropAll(db);
  migrate(db);
  const origins = [...new Set([...DEMO_ORIGINS, ...(options.allowedOrigins ?? [])])];

  let launchDate = getMeta(db, 'launchDate');
  let seeded: Omit<Credentials, 'baseUrl'>;
  const justSeeded = launchDate === undefined;
  let seededInWorker = false;
  const log = (line: string) => {
    if (!options.quiet) console.log(line);
  };
  if (launchDate === undefined) {
    launchDate = options.launchDate ?? addDays(now().toISOString().slice(0, 10), -90);
    const started = performance.now();
    const seedOptions = {
      resellers: options.resellers ?? DEFAULT_RESELLERS,
      seed,
      policy: parsePolicy(policyWithLaunchDate(DEFAULT_POLICY, launchDate)),
      now: now(),
      origins,
    };
    // A large world seeds in a worker thread: its tens of MB of garbage go with the worker instead of leaving the
    // server's heap grown for good. Small worlds (tests) seed here, which starts faster.
    seededInWorker = file !== ':memory:' && seedOptions.resellers >= WORKER_SEED_RESELLERS;
    if (seededInWorker) {
      try {
        seeded = await seedInWorker(file, seedOptions);
      } catch (error) {
        // A worker that could not load the sources (no tsx where it looks) or died: seed here, unless its world
        // was committed (its one transaction holds the meta rows too).
        if (getMeta(db, 'launchDate') !== undefined) throw error;
        log(`[sandbox] seeding in a worker thread failed (${(error as Error).message}); seeding here`);
        seededInWorker = false;
        seeded = seedWorld(db, seedOptions);
      }
    } else {
      seeded = seedWorld(db, seedOptions);
    }
    log(`[sandbox] seeded ${options.resellers ?? DEFAULT_RESELLERS} resellers in ${Math.round(performance.now() - started)} ms`);
  } else {
    seeded = JSON.parse(getMeta(db, 'credentials')!) as Omit<Credentials, 'baseUrl'>;
  }
  // Indexes come after a bulk seed (faster than maintaining them row by row); then statistics for the planner.
  createIndexes(db);
  if (justSeeded && !seededInWorker) db.exec('ANALYZE');
  if (options.launchDate && options.launchDate !== launchDate) {
    throw new Error(`The database was seeded with launch date ${launchDate}; start with reset to use ${options.launchDate}.`);
  }
  // Origins given now join the publishable key's origins, also on a database seeded earlier.
  for (const key of seeded.publishable) {
    const merged = [...new Set([...key.origins, ...origins])];
    if (merged.length !== key.origins.length) {
      key.origins = merged;
      db.prepare('UPDATE api_keys SET origins = ? WHERE key = ?').run(JSON.stringify(merged), key.publishableKey);
    }
  }

  const policy = parsePolicy(policyWithLaunchDate(DEFAULT_POLICY, launchDate));
  ensureEvaluated(db, policy, now().toISOString().slice(0, 10));
  // Nothing else opens a throwaway database (the seeding worker has finished): holding its locks saves the lock and
  // shared-memory calls of every transaction.
  if (temporary) db.pragma('locking_mode = EXCLUSIVE');
  const sandbox: Sandbox = {
    db,
    policy,
    now,
    signingKey: await deriveSigningKey(seed),
    issuer: ISSUER,
    allowedOrigins: new Set(origins),
    autoApproveSeconds: options.autoApproveSeconds ?? 60,
    dataVersion: 0,
    summaryCache: new Map(),
    tierStatusCache: new Map(),
  };
  const app = createApp(sandbox, { rateLimit: options.rateLimit ?? { windowMs: 60_000, max: 1200 }, quiet: options.quiet ?? false });

  const host = options.host ?? '127.0.0.1';
  const server = await new Promise<ReturnType<typeof serve>>((resolve, reject) => {
    const instance = serve({ fetch: app.fetch, port: options.port ?? 0, hostname: host }, () => resolve(instance));
    instance.once('error', reject);
  });
  const { port } = server.address() as AddressInfo;
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  return {
    url,
    credentials: { baseUrl: url, ...seeded },
    db,
    close: () =>
      new Promise<void>((resolve, reject) => {
        if ('closeAllConnections' in server) server.closeAllConnections();
        server.close((error) => {
          db.close();
          if (temporary) removeTemporary(temporary);
          if (error) reject(error);
          else resolve();
        });
      }),
  };
}
