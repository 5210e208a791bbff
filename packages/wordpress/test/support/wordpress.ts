// A real WordPress for the tests, offline: a tree that scripts/install-test-deps.sh unpacked from Debian, hard-linked
// into a temporary folder, on SQLite (the drop-in from npm), installed by a small PHP script and served by PHP's own
// server on 127.0.0.1.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const packageDir = fileURLToPath(new URL('../../', import.meta.url));
export const pluginSource = join(packageDir, 'plugin/poly-partner-badge');
export const pluginZip = join(packageDir, 'dist/poly-partner-badge.zip');
export const cacheDir = process.env.POLY_WP_CACHE ?? join(process.env.XDG_CACHE_HOME ?? join(homedir(), '.cache'), 'poly-partner-wordpress');

/** The WordPress versions installed by the setup script, newest first; POLY_WP_LEGS="7.1.4 6.1.9" picks some. */
export function wordpressVersions(): string[] {
  const list = join(cacheDir, 'legs.txt');
  if (!existsSync(list)) {
    throw new Error(`No WordPress to test against in ${cacheDir}: run "bash packages/wordpress/scripts/install-test-deps.sh" (.ci/run does).`);
  }
  const installed = readFileSync(list, 'utf8').split('\n').filter(Boolean);
  const picked = process.env.POLY_WP_LEGS?.split(/[\s,]+/).filter(Boolean);
  if (!picked) return installed;
  const missing = picked.filter((version) => !installed.includes(version));
  if (missing.length > 0) throw new Error(`POLY_WP_LEGS names WordPress ${missing.join(', ')}, not installed (${installed.join(', ')})`);
  return installed.filter((version) => picked.includes(version));
}

export interface WordPressSite {
  version: string;
  url: string;
  dir: string;
  admin: { user: string; password: string };
  /** Runs PHP in the site (wp-load.php loaded) and answers what it echoes. */
  php(code: string): string;
  /**
   * The PHP errors, warnings and notices WordPress logged so far, one per line. WordPress before 6.4 predates PHP 8.2
   * and logs deprecations in its own files on every request: those are left out for it, nothing else.
   */
  debugLog(): string;
  close(): Promise<void>;
}

export interface SiteOptions {
  version: string;
  /** Serve the site on this port; without one the site is not served (PHPUnit). */
  port?: number;
  /** The API the front end's CSP allows. */
  apiBase?: string;
  /** Link the plugin's sources in and activate them (PHPUnit); the end-to-end test uploads the zip instead. */
  activatePluginSource?: boolean;
}

const ADMIN = { user: 'admin', password: 'poly-admin-password' };

/** The SQLite drop-in needs WordPress 6.4; older versions run on MariaDB. */
export function usesMariaDb(version: string): boolean {
  const [major = 0, minor = 0] = version.split('.').map(Number);
  return major < 6 || (major === 6 && minor < 4);
}

/** A MariaDB of the site's own, on a socket in the site's folder, with no network port. */
async function startMariaDb(dir: string): Promise<{ socket: string; process: ChildProcess }> {
  const data = join(dir, 'mariadb');
  const socket = join(dir, 'mariadb.sock');
  execFileSync('mariadb-install-db', ['--no-defaults', `--datadir=${data}`, '--auth-root-authentication-method=normal', '--skip-test-db', '--user=root'], {
    stdio: 'ignore',
  });
  const server = spawn('mariadbd', ['--no-defaults', `--datadir=${data}`, `--socket=${socket}`, '--skip-networking', '--user=root', `--log-error=${join(dir, 'mariadb.log')}`], {
    stdio: 'ignore',
    detached: true,
  });
  const deadline = Date.now() + 20_000;
  for (;;) {
    try {
      execFileSync('php', ['-r', '$db = new mysqli("localhost", "root", "", null, 0, $argv[1]); $db->query("CREATE DATABASE wordpress");', socket], { stdio: 'ignore' });
      return { socket, process: server };
    } catch (error) {
      if (Date.now() > deadline) throw new Error(`MariaDB did not start: ${readFileSync(join(dir, 'mariadb.log'), 'utf8')}`, { cause: error });
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
}

async function stop(child: ChildProcess | undefined): Promise<void> {
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  process.kill(-child.pid!, 'SIGTERM');
  await exited;
}

export async function createSite(options: SiteOptions): Promise<WordPressSite> {
  const source = join(cacheDir, `wordpress-${options.version}`);
  const sqlite = join(cacheDir, 'sqlite-database-integration');
  const mariaDb = usesMariaDb(options.version);
  if (!existsSync(join(source, 'wp-load.php')) || !existsSync(join(sqlite, 'load.php'))) wordpressVersions();
  const dir = mkdtempSync(join(tmpdir(), `poly-wp-${options.version}-`));
  const url = `http://127.0.0.1:${options.port ?? 8099}`;
  // Hard links: a second each instead of copying 60 MB; WordPress writes only new files (uploads, plugins, database).
  execFileSync('cp', ['-al', `${source}/.`, dir]);
  const content = join(dir, 'wp-content');
  const database = mariaDb ? await startMariaDb(dir) : undefined;
  if (!database) {
    cpSync(sqlite, join(content, 'plugins/sqlite-database-integration'), { recursive: true });
    writeFileSync(
      join(content, 'db.php'),
      readFileSync(join(sqlite, 'db.copy'), 'utf8')
        .replaceAll('{SQLITE_IMPLEMENTATION_FOLDER_PATH}', join(content, 'plugins/sqlite-database-integration'))
        .replaceAll('{SQLITE_PLUGIN}', 'sqlite-database-integration/load.php'),
    );
  }
  mkdirSync(join(content, 'mu-plugins'), { recursive: true });
  cpSync(join(packageDir, 'test/support/offline.php'), join(content, 'mu-plugins/offline.php'));
  mkdirSync(join(content, 'upgrade'), { recursive: true });
  mkdirSync(join(content, 'uploads'), { recursive: true });
  if (options.activatePluginSource) execFileSync('ln', ['-s', pluginSource, join(content, 'plugins/poly-partner-badge')]);

  const salts = ['AUTH', 'SECURE_AUTH', 'LOGGED_IN', 'NONCE']
    .flatMap((name) => [`${name}_KEY`, `${name}_SALT`])
    .map((name) => `define( '${name}', '${name.toLowerCase()}-poly-test-${Math.random().toString(36).slice(2)}' );`)
    .join('\n');
  writeFileSync(
    join(dir, 'wp-config.php'),
    `<?php
define( 'DB_NAME', 'wordpress' );
define( 'DB_USER', '${database ? 'root' : ''}' );
define( 'DB_PASSWORD', '' );
define( 'DB_HOST', '${database ? `localhost:${database.socket}` : ''}' );
define( 'DB_CHARSET', 'utf8mb4' );
define( 'DB_COLLATE', '' );
define( 'DB_DIR', __DIR__ . '/wp-content/database/' );
define( 'DB_FILE', '.ht.sqlite' );
${salts}
$table_prefix = 'wp_';
define( 'WP_HOME', '${url}' );
define( 'WP_SITEURL', '${url}' );
define( 'WP_DEBUG', true );
define( 'WP_DEBUG_LOG', __DIR__ . '/debug.log' );
define( 'WP_DEBUG_DISPLAY', false );
define( 'SCRIPT_DEBUG', false );
define( 'FS_METHOD', 'direct' );
define( 'AUTOMATIC_UPDATER_DISABLED', true );
define( 'WP_AUTO_UPDATE_CORE', false );
define( 'DISABLE_WP_CRON', true );
define( 'WP_HTTP_BLOCK_EXTERNAL', true );
define( 'POLY_TEST_API', '${options.apiBase ?? ''}' );
if ( ! defined( 'ABSPATH' ) ) {
	define( 'ABSPATH', __DIR__ . '/' );
}
require_once ABSPATH . 'wp-settings.php';
`,
  );

  try {
    execFileSync('php', [join(packageDir, 'test/support/setup-site.php'), dir, url], {
      env: { ...process.env, ...(options.activatePluginSource ? { POLY_ACTIVATE_PLUGIN: 'poly-partner-badge/poly-partner-badge.php' } : {}) },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
  } catch (error) {
    await stop(database?.process);
    throw error;
  }

  let server: ChildProcess | undefined;
  if (options.port) {
    // OPcache is off for the command line by default; on, the workers (forked from the server) share compiled code,
    // and WordPress's admin screens answer several times faster.
    server = spawn('php', ['-d', 'opcache.enable_cli=1', '-d', 'opcache.validate_timestamps=1', '-S', `127.0.0.1:${options.port}`, '-t', dir], {
      cwd: dir,
      // The editor fires requests in parallel; one worker would answer them one after the other.
      env: { ...process.env, PHP_CLI_SERVER_WORKERS: '4' },
      stdio: ['ignore', 'ignore', 'pipe'],
      // Its own process group: the workers are children of the server, and closing stops them all.
      detached: true,
    });
    let stderr = '';
    server.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    await waitForServer(`${url}/wp-login.php`, () => stderr);
  }

  return {
    version: options.version,
    url,
    dir,
    admin: ADMIN,
    php(code: string) {
      return execFileSync('php', ['-r', `$_SERVER['HTTP_HOST'] = '127.0.0.1'; require '${dir}/wp-load.php'; ${code}`], { encoding: 'utf8' });
    },
    debugLog() {
      const log = join(dir, 'debug.log');
      const text = existsSync(log) ? readFileSync(log, 'utf8') : '';
      if (!mariaDb) return text;
      const core = new RegExp(`PHP Deprecated: .* in ${dir.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}/wp-(includes|admin)/`);
      return text
        .split('\n')
        .filter((line) => line && !core.test(line))
        .join('\n');
    },
    async close() {
      await stop(server);
      await stop(database?.process);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function waitForServer(url: string, stderr: () => string): Promise<void> {
  const deadline = Date.now() + 20_000;
  while (Date.now() < deadline) {
    try {
      const response = await fetch(url);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`WordPress did not answer on ${url}: ${stderr()}`);
}
