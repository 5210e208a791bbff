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

/** The WordPress versions installed by the setup script, newest first. */
export function wordpressVersions(): string[] {
  const list = join(cacheDir, 'legs.txt');
  if (!existsSync(list)) {
    throw new Error(`No WordPress to test against in ${cacheDir}: run "bash packages/wordpress/scripts/install-test-deps.sh" (.ci/run does).`);
  }
  return readFileSync(list, 'utf8').split('\n').filter(Boolean);
}

export interface WordPressSite {
  version: string;
  url: string;
  dir: string;
  admin: { user: string; password: string };
  /** Runs PHP in the site (wp-load.php loaded) and answers what it echoes. */
  php(code: string): string;
  /** The PHP errors, warnings and notices WordPress logged so far. */
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

export async function createSite(options: SiteOptions): Promise<WordPressSite> {
  const source = join(cacheDir, `wordpress-${options.version}`);
  const sqlite = join(cacheDir, 'sqlite-database-integration');
  if (!existsSync(join(source, 'wp-load.php')) || !existsSync(join(sqlite, 'load.php'))) wordpressVersions();
  const dir = mkdtempSync(join(tmpdir(), `poly-wp-${options.version}-`));
  const url = `http://127.0.0.1:${options.port ?? 8099}`;
  // Hard links: a second each instead of copying 60 MB; WordPress writes only new files (uploads, plugins, database).
  execFileSync('cp', ['-al', `${source}/.`, dir]);
  const content = join(dir, 'wp-content');
  cpSync(sqlite, join(content, 'plugins/sqlite-database-integration'), { recursive: true });
  writeFileSync(
    join(content, 'db.php'),
    readFileSync(join(sqlite, 'db.copy'), 'utf8')
      .replaceAll('{SQLITE_IMPLEMENTATION_FOLDER_PATH}', join(content, 'plugins/sqlite-database-integration'))
      .replaceAll('{SQLITE_PLUGIN}', 'sqlite-database-integration/load.php'),
  );
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
define( 'DB_USER', '' );
define( 'DB_PASSWORD', '' );
define( 'DB_HOST', '' );
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

  execFileSync('php', [join(packageDir, 'test/support/setup-site.php'), dir, url], {
    env: { ...process.env, ...(options.activatePluginSource ? { POLY_ACTIVATE_PLUGIN: 'poly-partner-badge/poly-partner-badge.php' } : {}) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });

  let server: ChildProcess | undefined;
  if (options.port) {
    server = spawn('php', ['-S', `127.0.0.1:${options.port}`, '-t', dir], {
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
      return existsSync(log) ? readFileSync(log, 'utf8') : '';
    },
    async close() {
      if (server && server.exitCode === null) {
        const exited = new Promise((resolve) => server!.once('exit', resolve));
        process.kill(-server.pid!, 'SIGTERM');
        await exited;
      }
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
