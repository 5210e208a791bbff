// @poly-partner/sandbox: start the reference Poly partner API on SQLite, seeded with a deterministic world.
import type { AddressInfo } from 'node:net';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { serve } from '@hono/node-server';
import BetterSqlite3 from 'better-sqlite3';
import { addDays, DEFAULT_POLICY, parsePolicy, policyWithLaunchDate } from '@poly-partner/contract';
import { createApp } from './app.js';
import { hashKey, updateKeyOrigins } from './auth/api-keys.js';
import { insertPublishableKey } from './routes/publishable-keys.js';
import { loadSigningKeys, rotateSigningKey, SIGNING_KEY_ENV } from './auth/signing-key.js';
import type { Sandbox } from './context.js';
import { createIndexes, dropAll, getMeta, migrate, setMeta } from './db/schema.js';
import { registrableWebsite } from './websites.js';
import type { Credentials } from './credentials-file.js';
import { seedWorld } from './db/seed.js';
import { seedInWorker } from './db/seed-file.js';
import { ensureEvaluated } from './evaluation.js';
import { recordProtectionNotices } from './events/store.js';
import { WebhookDelivery } from './webhooks/host.js';
import { BUSY_TIMEOUT_MS, immediateTransactions } from './db/statements.js';
import type { WebhookOptions } from './webhooks/options.js';
import { protectionForecast } from './protection-forecast.js';
import { canonicalOrigin, OriginAllowList } from './origin-allow-list.js';
import { RateLimiter, type RateLimitOptions } from './rate-limit.js';

export type { Credentials } from './credentials-file.js';
/** For tools that add keys of their own (the bench): keys are stored hashed. */
export { keyPrefix, storeApiKey } from './auth/api-keys.js';

/**
 * For the bench: computes the organization summary's protection forecast at `asOf` as the summary does when its cache
 * misses, and answers its number of end days.
 */
export function protectionForecastDays(db: BetterSqlite3.Database, orgId: string, asOf: string): number {
  return protectionForecast(db, orgId, asOf).length;
}

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
  rateLimit?: RateLimitOptions;
  quiet?: boolean;
  /** Seconds after which a registration without conflict is approved (default 60). */
  autoApproveSeconds?: number;
  /**
   * Runs the sandbox clock this many days ahead of the wall clock (default: as far as it was moved last time, kept
   * in the database). It only moves forward afterwards, through the operator route `POST /operator/clock`.
   */
  clockOffsetDays?: number;
  /** Webhook delivery: mode (SSRF rules), time factor of the retry schedule, concurrency. */
  webhooks?: WebhookOptions;
  /**
   * Signing key material (PEM PKCS #8, or a 32-byte Ed25519 seed in hex or base64url) to sign with instead of the
   * database's own random keys; `POLY_SANDBOX_SIGNING_KEY` when not given.
   */
  signingKey?: string;
  /**
   * Honour secret keys on requests that carry a browser's `Origin` (default `false`: `403 forbidden`, saying to use
   * embed tokens). Only for test pages that build their fixtures with a secret key.
   */
  secretKeysFromBrowsers?: boolean;
}

/** Whether `host` is reachable from this machine only. */
export function isLoopbackHost(host: string): boolean {
  return host === 'localhost' || host === '::1' || host === '[::1]' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
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

/**
 * The demo partners' websites: their own domain plus the hosts of the demo origins (and `allowedOrigins`), so their
 * badges verify on the demo sites and in tests. Every other partner keeps the domain of its profile's website.
 */
function seedListings(db: BetterSqlite3.Database, seeded: Omit<Credentials, 'baseUrl'>, origins: string[]): void {
  const hosts = [...new Set(origins.map((origin) => new URL(origin).hostname))];
  const ids = new Set([...seeded.resellers.map((reseller) => reseller.partnerId), ...seeded.publishable.map((key) => key.partnerId)]);
  const website = db.prepare('SELECT website FROM partners WHERE id = ?').pluck();
  const insert = db.prepare('INSERT OR REPLACE INTO partner_listings (partner_id, websites, left_at) VALUES (?, ?, NULL)');
  db.transaction(() => {
    for (const id of ids) {
      const own = website.get(id) as string | null;
      const domain = own ? registrableWebsite(own)?.replace(/^www\./, '') : undefined;
      insert.run(id, JSON.stringify([...(domain ? [domain] : []), ...hosts]));
    }
  })();
}

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
  /**
   * Makes a new random signing key that signs from now on; earlier keys stay in the key set (tokens and badges they
   * signed still verify) unless `retirePrevious`. Answers the new key's `kid`.
   */
  rotateSigningKey(options?: { retirePrevious?: boolean }): Promise<string>;
  close(): Promise<void>;
}> {
  const wallNow = options.now ?? (() => new Date());
  const clock = { offsetMs: 0 };
  const now = () => (clock.offsetMs === 0 ? wallNow() : new Date(wallNow().getTime() + clock.offsetMs));
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
  const db = new BetterSqlite3(file, { timeout: BUSY_TIMEOUT_MS });
  immediateTransactions(db);
  if (file !== ':memory:') db.pragma(`cache_size = -${PAGE_CACHE_KIB}`);
  // Nobody reopens a throwaway database after a crash, so it need not survive one: no waiting for the disk.
  if (temporary) db.pragma('synchronous = OFF');
  if (options.reset) dropAll(db);
  migrate(db);
  for (const origin of options.allowedOrigins ?? []) {
    if (canonicalOrigin(origin) === null) throw new Error(`Not an origin as browsers send it (http(s)://host[:port], lower case, no path): ${origin}`);
  }
  clock.offsetMs = options.clockOffsetDays !== undefined ? Math.round(options.clockOffsetDays * 86_400_000) : Number(getMeta(db, 'clock_offset_ms') ?? 0);
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
  if (justSeeded) seedListings(db, seeded, origins);
  // A database seeded before the operator key existed gets one now, kept with its credentials.
  if (!seeded.operatorKey) {
    seeded.operatorKey = `op_${randomBytes(24).toString('base64url')}`;
    setMeta(db, 'credentials', JSON.stringify(seeded));
  }
  const { operatorKey } = seeded;
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
      updateKeyOrigins(db, key.publishableKey, merged);
    }
    // The demo key is listed by the publishable-keys routes like one made through them (also on older databases).
    insertPublishableKey({ db }, { id: `pkey_${hashKey(key.publishableKey).slice(0, 12)}`, partnerId: key.partnerId, key: key.publishableKey, createdAt: now().toISOString() });
  }
  // Origins registered for publishable keys through the API on an earlier run are allowed for CORS again.
  const keyOrigins = (db.prepare("SELECT origins FROM api_keys WHERE kind = 'publishable'").pluck().all() as string[]).flatMap((text) => JSON.parse(text) as string[]);

  const policy = parsePolicy(policyWithLaunchDate(DEFAULT_POLICY, launchDate));
  if (options.clockOffsetDays !== undefined) setMeta(db, 'clock_offset_ms', String(clock.offsetMs));
  ensureEvaluated(db, policy, now().toISOString().slice(0, 10));
  recordProtectionNotices(db, now().toISOString().slice(0, 10));
  const limits = options.rateLimit ?? { windowMs: 60_000, max: 1200 };
  const millis = () => now().getTime();
  const sandbox: Sandbox = {
    db,
    policy,
    now,
    clock,
    signingKey: await loadSigningKeys(db, now(), options.signingKey ?? process.env[SIGNING_KEY_ENV]),
    issuer: ISSUER,
    rateLimits: {
      requests: new RateLimiter(limits.windowMs, limits.max, millis, limits.maxEntries),
      failures: new RateLimiter(limits.windowMs, limits.failedMax ?? Math.max(10, Math.ceil(limits.max / 10)), millis, limits.maxEntries),
    },
    allowedOrigins: new OriginAllowList([...origins, ...keyOrigins]),
    autoApproveSeconds: options.autoApproveSeconds ?? 60,
    secretKeysFromBrowsers: options.secretKeysFromBrowsers ?? false,
    dataVersion: 0,
    summaryCache: new Map(),
    tierStatusCache: new Map(),
    operatorKey,
  };
  const app = createApp(sandbox, { quiet: options.quiet ?? false });

  const host = options.host ?? '127.0.0.1';
  if (!isLoopbackHost(host)) {
    // Its demo keys are printed and written to a file, and it is meant for development: say so when others can reach it.
    console.warn(`[sandbox] warning: listening on ${host} exposes the sandbox beyond this machine; its demo keys are test keys, printed and written to credentials.json. Use 127.0.0.1 unless others must reach it.`);
  }
  const server = await new Promise<ReturnType<typeof serve>>((resolve, reject) => {
    const instance = serve({ fetch: app.fetch, port: options.port ?? 0, hostname: host }, () => resolve(instance));
    instance.once('error', reject);
  });
  const { port } = server.address() as AddressInfo;
  // After listening: events recorded while starting are delivered from the outbox like any others.
  sandbox.webhooks = new WebhookDelivery(sandbox, file === ':memory:' ? null : file, options.webhooks);
  sandbox.webhooks.start();
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  return {
    url,
    credentials: { baseUrl: url, ...seeded },
    db,
    rotateSigningKey: (rotation = {}) => rotateSigningKey(db, sandbox.signingKey, now(), rotation),
    close: async () => {
      await sandbox.webhooks?.stop();
      return new Promise<void>((resolve, reject) => {
        if ('closeAllConnections' in server) server.closeAllConnections();
        server.close((error) => {
          db.close();
          if (temporary) removeTemporary(temporary);
          if (error) reject(error);
          else resolve();
        });
      });
    },
  };
}
