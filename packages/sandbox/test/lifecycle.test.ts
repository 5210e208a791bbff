// Starting, restarting and resetting the sandbox: a deterministic world, a persistent file database, and the CLI.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { SANDBOX_NODE_FLAGS } from '../scripts/node-flags.mjs';
import { PAGE_CACHE_KIB, startSandbox, WORKER_SEED_RESELLERS } from '../src/index.js';

const directory = mkdtempSync(join(tmpdir(), 'poly-sandbox-'));
after(() => rmSync(directory, { recursive: true, force: true }));

function withoutBaseUrl<T extends { baseUrl: string }>(credentials: T): Omit<T, 'baseUrl'> {
  const { baseUrl, ...rest } = credentials;
  void baseUrl;
  return rest;
}

describe('a deterministic world', () => {
  test('the same seed gives the same resellers and credentials; another seed does not', async () => {
    const a = await startSandbox({ resellers: 400, quiet: true });
    const b = await startSandbox({ resellers: 400, quiet: true });
    const c = await startSandbox({ resellers: 400, quiet: true, seed: 7 });
    try {
      assert.deepEqual(withoutBaseUrl(a.credentials), withoutBaseUrl(b.credentials));
      const ids = (sandbox: typeof a) => sandbox.db.prepare('SELECT id, name, effective_tier FROM partners ORDER BY id').all();
      assert.deepEqual(ids(a), ids(b));
      assert.notDeepEqual(withoutBaseUrl(a.credentials), withoutBaseUrl(c.credentials));
      const small = await startSandbox({ resellers: 50, quiet: true });
      assert.deepEqual(withoutBaseUrl(small.credentials), withoutBaseUrl(a.credentials), 'credentials do not depend on the number of resellers');
      await small.close();
      assert.ok(a.credentials.resellers.length >= 3);
      assert.equal(new Set(a.credentials.organizations.map((org) => org.kind)).size, 4);
      assert.ok(a.credentials.publishable[0]!.origins.includes('http://127.0.0.1:5173'));
      const countries = a.db.prepare('SELECT COUNT(DISTINCT country) FROM partners').pluck().get() as number;
      assert.ok(countries >= 25, `${countries} countries`);
    } finally {
      await Promise.all([a.close(), b.close(), c.close()]);
    }
  });

  test('a launch date given at seeding is the program launch date', async () => {
    const sandbox = await startSandbox({ resellers: 100, quiet: true, launchDate: '2025-01-01' });
    try {
      const reseller = sandbox.credentials.resellers[0]!;
      const program = await (await fetch(`${sandbox.url}/v1/program`, { headers: { authorization: `Bearer ${reseller.secretKey}` } })).json();
      assert.equal(program.statusProtection.launchDate, '2025-01-01');
      const status = await (await fetch(`${sandbox.url}/v1/partners/${reseller.partnerId}/tier-status`, { headers: { authorization: `Bearer ${reseller.secretKey}` } })).json();
      assert.equal(status.protectionActive, false, 'protection of 12 months from 2025-01-01 is over');
    } finally {
      await sandbox.close();
    }
  });
});

describe('a file database', () => {
  test('keeps its world across restarts and reseeds on reset', async () => {
    const db = join(directory, 'restart', 'sandbox.db');
    const first = await startSandbox({ db, resellers: 300, quiet: true });
    const partnerCount = first.db.prepare('SELECT COUNT(*) FROM partners').pluck().get();
    first.db.prepare(`UPDATE partners SET city = 'Changed' WHERE id = ?`).run(first.credentials.resellers[0]!.partnerId);
    const credentials = withoutBaseUrl(first.credentials);
    await first.close();

    const second = await startSandbox({ db, resellers: 999, quiet: true });
    assert.deepEqual(withoutBaseUrl(second.credentials), credentials);
    assert.equal(second.db.prepare('SELECT COUNT(*) FROM partners').pluck().get(), partnerCount, 'not reseeded');
    assert.equal(second.db.prepare('SELECT city FROM partners WHERE id = ?').pluck().get(credentials.resellers[0]!.partnerId), 'Changed');
    await second.close();

    const third = await startSandbox({ db, resellers: 300, quiet: true, reset: true });
    assert.deepEqual(withoutBaseUrl(third.credentials), credentials);
    assert.notEqual(third.db.prepare('SELECT city FROM partners WHERE id = ?').pluck().get(credentials.resellers[0]!.partnerId), 'Changed');
    await third.close();
  });
});

describe('the default database', () => {
  test('is a throwaway file of its own, removed on close', async () => {
    const a = await startSandbox({ resellers: 200, quiet: true });
    const b = await startSandbox({ resellers: 200, quiet: true });
    const fileOf = (sandbox: typeof a) => sandbox.db.name;
    try {
      assert.notEqual(fileOf(a), ':memory:');
      assert.notEqual(fileOf(a), fileOf(b), 'each sandbox has its own file');
      assert.ok(existsSync(fileOf(a)));
      // The page cache is part of the process's resident memory: bounded, not better-sqlite3's 16 MB.
      assert.equal(a.db.pragma('cache_size', { simple: true }), -PAGE_CACHE_KIB);
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
    assert.ok(!existsSync(fileOf(a)) && !existsSync(dirname(fileOf(a))), 'the file and its folder are gone');
    assert.ok(!existsSync(dirname(fileOf(b))));
  });

  test(`a world of ${WORKER_SEED_RESELLERS} resellers or more is seeded in a worker thread and is the same world`, async () => {
    const inWorker = await startSandbox({ resellers: WORKER_SEED_RESELLERS, quiet: true, now: () => new Date('2026-10-01T12:00:00Z') });
    const here = await startSandbox({ resellers: WORKER_SEED_RESELLERS, quiet: true, db: ':memory:', now: () => new Date('2026-10-01T12:00:00Z') });
    try {
      assert.deepEqual(withoutBaseUrl(inWorker.credentials), withoutBaseUrl(here.credentials));
      for (const table of ['partners', 'memberships', 'deals', 'api_keys', 'organizations']) {
        const rows = (sandbox: typeof here) => sandbox.db.prepare(`SELECT * FROM ${table} ORDER BY 1, 2`).all();
        assert.deepEqual(rows(inWorker), rows(here), table);
      }
      const indexes = (sandbox: typeof here) => sandbox.db.prepare(`SELECT name FROM sqlite_master WHERE type IN ('index', 'trigger') ORDER BY name`).pluck().all();
      assert.deepEqual(indexes(inWorker), indexes(here));
      assert.ok((inWorker.db.prepare('SELECT COUNT(*) FROM sqlite_stat1').pluck().get() as number) > 0, 'planner statistics are there');
    } finally {
      await Promise.all([inWorker.close(), here.close()]);
    }
  });
});

describe('the CLI', () => {
  test('starts, writes credentials.json beside the database, serves, and stops cleanly on SIGTERM', async () => {
    await runCli(process.execPath, ['--import', 'tsx', fileURLToPath(new URL('../src/cli.ts', import.meta.url))], 'cli', 300);
  });

  // What `pnpm sandbox` and `pnpm start` run: the esbuild bundle in dist/ (made by `pnpm build`), whose seeding worker
  // finds its modules by URLs relative to the bundle's chunks. 5,000 resellers is the smallest world seeded in it.
  // Started as the bin is, through its shebang, which must give Node the flags every launcher uses.
  const built = fileURLToPath(new URL('../dist/cli.js', import.meta.url));
  test('as built (dist/cli.js), runs on the launch flags, seeds a large world in its worker thread and serves', { skip: !existsSync(built) && 'no dist/: run `pnpm build`' }, async () => {
    let commandLine: string[] = [];
    const output = await runCli(built, [], 'cli-built', WORKER_SEED_RESELLERS, (pid) => {
      commandLine = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
    });
    assert.doesNotMatch(output, /seeding in a worker thread failed/);
    assert.deepEqual(commandLine.slice(1, 1 + SANDBOX_NODE_FLAGS.length), [...SANDBOX_NODE_FLAGS]);
  });

  async function runCli(executable: string, args: string[], folder: string, resellers: number, whileRunning?: (pid: number) => void): Promise<string> {
    const db = join(directory, folder, 'sandbox.db');
    // A world-readable credentials.json left by an older sandbox must end up 0600 too.
    mkdirSync(join(directory, folder), { recursive: true });
    writeFileSync(join(directory, folder, 'credentials.json'), '{}');
    chmodSync(join(directory, folder, 'credentials.json'), 0o644);
    const child = spawn(executable, [...args, '--port', '0', '--db', db, '--resellers', String(resellers)], { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const url = await new Promise<string>((resolve, reject) => {
      child.stdout.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        const match = /API on (http:\/\/\S+)/.exec(output);
        if (match) resolve(match[1]!);
      });
      child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
      child.once('exit', (code) => reject(new Error(`CLI exited with ${code}: ${output}`)));
    });
    const file = join(directory, folder, 'credentials.json');
    assert.ok(existsSync(file));
    assert.equal(statSync(file).mode & 0o777, 0o600, 'credentials.json is readable by its owner only');
    assert.match(output, /TEST KEYS for this sandbox only/);
    const credentials = JSON.parse(readFileSync(file, 'utf8'));
    assert.equal(credentials.baseUrl, url);
    assert.match(output, new RegExp(credentials.resellers[0].secretKey));
    const health = await fetch(`${url}/healthz`);
    assert.equal(health.status, 200);
    const status = await fetch(`${url}/v1/partners/${credentials.resellers[0].partnerId}/tier-status`, { headers: { authorization: `Bearer ${credentials.resellers[0].secretKey}` } });
    assert.equal(status.status, 200);
    whileRunning?.(child.pid!);
    const exit = new Promise<number | null>((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    assert.equal(await exit, 0);
    return output;
  }
});

describe('stored evaluations', () => {
  test('follow the clock: once protection ends, the member list shows what partners earn', async () => {
    let now = Date.now();
    const sandbox = await startSandbox({ resellers: 300, quiet: true, now: () => new Date(now) });
    try {
      const org = sandbox.credentials.organizations.find((candidate) => candidate.kind === 'distributor')!;
      const protectedOne = sandbox.credentials.resellers.find((reseller) => /protected Gold/.test(reseller.about))!;
      const find = async () => {
        const query = `q=${encodeURIComponent(protectedOne.name)}`;
        const page = await (await fetch(`${sandbox.url}/v1/organizations/${org.orgId}/members?${query}`, { headers: { authorization: `Bearer ${org.secretKey}` } })).json();
        return page.items.find((member: { partnerId: string }) => member.partnerId === protectedOne.partnerId);
      };
      const before = await find();
      assert.equal(before.effectiveTier, 'gold');
      assert.equal(before.earnedTier, 'silver');
      now = Date.parse(before.protectedUntil) + 2 * 86_400_000;
      const after = await find();
      assert.equal(after.effectiveTier, 'silver');
    } finally {
      await sandbox.close();
    }
  });
});
