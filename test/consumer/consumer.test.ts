// The packages as an integrator gets them: `pnpm pack` each (as a publish would), `npm install` the tarballs into a
// project of its own outside the workspace, and use them from there — lint the tarballs (publint, attw), run the SDK
// against the installed sandbox (command and library), type-check on the oldest and newest TypeScript, bundle a
// widget and the React wrappers with Vite, and render `dist/embed.js` from node_modules in Chromium.
// Needs `pnpm build` first (as `pnpm test` runs it). CONSUMER_KEEP=1 keeps the temporary project for a look.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, extname, join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { promisify } from 'node:util';
import { chromium } from 'playwright';

const run = promisify(execFile);
const workspace = new URL('../../', import.meta.url).pathname;
const fixtures = new URL('./project/', import.meta.url).pathname;
const PACKAGES = ['contract', 'sdk', 'widgets', 'sandbox'] as const;
/** The oldest TypeScript the published declarations compile with (stated in the root README), and the newest. */
export const OLDEST_TYPESCRIPT = '5.4.5';
const NEWEST_TYPESCRIPT = 'latest';

const root = mkdtempSync(join(tmpdir(), 'poly-consumer-'));
const project = join(root, 'project');
const tarballs: Record<string, string> = {};

async function sh(command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv = {}): Promise<string> {
  try {
    const { stdout, stderr } = await run(command, args, { cwd, env: { ...process.env, ...env }, maxBuffer: 64 * 1024 * 1024 });
    return stdout + stderr;
  } catch (error) {
    const failed = error as { stdout?: string; stderr?: string; message: string };
    throw new Error(`${command} ${args.join(' ')} failed in ${cwd}:\n${failed.stdout ?? ''}${failed.stderr ?? failed.message}`, { cause: error });
  }
}
const bin = (name: string) => join(project, 'node_modules', '.bin', name);

before(async () => {
  mkdirSync(project);
  for (const name of PACKAGES) {
    // pnpm, not npm: the prepack guard refuses npm (scripts/prepack-guard.mjs).
    await sh('pnpm', ['pack', '--pack-destination', root], join(workspace, 'packages', name));
  }
  for (const file of readdirSync(root).filter((entry) => entry.endsWith('.tgz'))) {
    const name = /^poly-partner-(\w+)-/.exec(file)![1]!;
    tarballs[name] = join(root, file);
  }
  const versionOf = (name: string) => JSON.parse(readFileSync(createRequire(join(workspace, 'packages/sandbox/package.json')).resolve(`${name}/package.json`), 'utf8')).version as string;
  const fromWorkspace = (name: string) => JSON.parse(readFileSync(createRequire(join(workspace, 'packages/widgets/package.json')).resolve(`${name}/package.json`), 'utf8')).version as string;
  writeFileSync(
    join(project, 'package.json'),
    JSON.stringify(
      {
        name: 'integrator-project',
        private: true,
        type: 'module',
        dependencies: Object.fromEntries(PACKAGES.map((name) => [`@poly-partner/${name}`, `file:${tarballs[name]}`])),
        devDependencies: {
          '@arethetypeswrong/cli': '^0.18.5',
          '@types/node': '^20.19.0',
          '@types/react': `^${fromWorkspace('@types/react')}`,
          publint: '^0.3.25',
          react: `^${fromWorkspace('react')}`,
          'react-dom': `^${fromWorkspace('react')}`,
          typescript: NEWEST_TYPESCRIPT,
          'typescript-oldest': `npm:typescript@${OLDEST_TYPESCRIPT}`,
          vite: '^8.3.8',
        },
        // The better-sqlite3 the workspace built: its addon is copied in below instead of compiled again.
        overrides: { 'better-sqlite3': versionOf('better-sqlite3') },
      },
      null,
      2,
    ),
  );
  for (const file of readdirSync(fixtures)) cpSync(join(fixtures, file), join(project, file));
  // Scripts off: better-sqlite3 would compile its addon for a minute (node-gyp, no prebuilt binaries offline).
  await sh('npm', ['install', '--ignore-scripts', '--no-audit', '--no-fund', '--loglevel=error'], project);
  const built = join(dirname(createRequire(join(workspace, 'packages/sandbox/package.json')).resolve('better-sqlite3/package.json')), 'build');
  cpSync(built, join(project, 'node_modules/better-sqlite3/build'), { recursive: true });
});

after(() => {
  if (!process.env.CONSUMER_KEEP) rmSync(root, { recursive: true, force: true });
  else console.log(`consumer project kept in ${project}`);
});

describe('the tarballs', () => {
  test('hold dist, README and LICENSE, and no sources or tests', async () => {
    const sizes: string[] = [];
    for (const name of PACKAGES) {
      const listing = (await sh('tar', ['-tzf', tarballs[name]!], root)).split('\n').filter(Boolean);
      assert.ok(listing.includes('package/LICENSE') && listing.includes('package/README.md'), `${name}: LICENSE and README`);
      assert.ok(listing.some((file) => file.startsWith('package/dist/') && file.endsWith('.js')), `${name}: dist/`);
      assert.deepEqual(listing.filter((file) => /^package\/(src|test|scripts)\//.test(file)), [], `${name}: no sources, tests or scripts`);
      const manifest = JSON.parse(readFileSync(join(project, 'node_modules/@poly-partner', name, 'package.json'), 'utf8'));
      assert.doesNotMatch(JSON.stringify(manifest.exports), /\/src\/|(?<!\.d)\.ts"/, `${name}: exports point at dist`);
      assert.doesNotMatch(JSON.stringify(manifest.dependencies ?? {}), /workspace:/, `${name}: versions, not workspace:*`);
      assert.equal(manifest.license, 'MIT');
      sizes.push(`${name} ${(statSync(tarballs[name]!).size / 1024).toFixed(1)} kB`);
    }
    console.log(`tarballs: ${sizes.join(', ')}`);
  });

  test('relative links in the READMEs and docs lead to files in the package', () => {
    for (const name of PACKAGES) {
      const folder = join(project, 'node_modules/@poly-partner', name);
      const pages = ['README.md', ...(existsSync(join(folder, 'docs')) ? readdirSync(join(folder, 'docs')).map((file) => `docs/${file}`) : [])];
      for (const page of pages.filter((file) => file.endsWith('.md'))) {
        const text = readFileSync(join(folder, page), 'utf8');
        for (const [, target] of text.matchAll(/\]\(([^)#\s]+)(?:#[^)]*)?\)/g)) {
          if (/^[a-z]+:/.test(target!)) continue;
          assert.ok(existsSync(join(folder, dirname(page), target!)), `${name}/${page} links to ${target}, which the package lacks`);
        }
      }
    }
  });

  test("each package's dependencies are exactly the packages its dist imports", () => {
    for (const name of PACKAGES) {
      const folder = join(project, 'node_modules/@poly-partner', name);
      const manifest = JSON.parse(readFileSync(join(folder, 'package.json'), 'utf8'));
      const imported = new Set<string>();
      const walk = (dir: string) => {
        for (const entry of readdirSync(dir, { withFileTypes: true })) {
          const path = join(dir, entry.name);
          if (entry.isDirectory()) walk(path);
          else if (/\.(m?js|d\.ts)$/.test(entry.name)) {
            const text = readFileSync(path, 'utf8');
            // Import and export statements (at the start of a line, as esbuild, tsc and Vite emit them, so that text in
            // strings and comments of bundled code does not count), and in declarations `import("…")` types too.
            // node: builtins and the package's own `#imports` are no packages.
            const statements = /^\s*(?:(?:import|export)\b[^;"']*?\bfrom|import)\s*["']([^"'./#][^"']*)["']/gm;
            const typeImports = /\bimport\(\s*["']([^"'./#][^"']*)["']\s*\)/g;
            const found = [...text.matchAll(statements), ...(entry.name.endsWith('.d.ts') ? text.matchAll(typeImports) : [])];
            for (const [, specifier] of found) {
              if (specifier!.startsWith('node:')) continue;
              const parts = specifier!.split('/');
              imported.add(specifier!.startsWith('@') ? `${parts[0]}/${parts[1]}` : parts[0]!);
            }
          }
        }
      };
      walk(join(folder, 'dist'));
      // A declaration's `import 'better-sqlite3'` is served by @types/better-sqlite3.
      const declared = new Set([...Object.keys(manifest.dependencies ?? {}), ...Object.keys(manifest.peerDependencies ?? {})]);
      const needed = new Set([...imported].map((specifier) => (declared.has(`@types/${specifier}`) && !declared.has(specifier) ? `@types/${specifier}` : specifier)));
      if (declared.has('@types/better-sqlite3')) needed.add('@types/better-sqlite3');
      assert.deepEqual([...needed].sort(), [...declared].sort(), `${name}: dependencies`);
    }
  });

  for (const name of PACKAGES) {
    test(`${name}: publint and attw (esm-only) find nothing`, async () => {
      await sh(bin('publint'), ['--strict', '--pack', 'false', join(project, 'node_modules/@poly-partner', name)], project);
      await sh(bin('attw'), ['--profile', 'esm-only', '--format', 'table-flipped', tarballs[name]!], project);
    });
  }
});

describe('an integrator project', () => {
  const expectSandboxAnswers = (output: string) => {
    const result = JSON.parse(output.trim().split('\n').at(-1)!);
    assert.deepEqual(result.tiers, ['register', 'silver', 'gold', 'platinum']);
    assert.ok(['register', 'silver', 'gold', 'platinum'].includes(result.effectiveTier));
    assert.ok(result.deals > 0 && result.members > 0, output);
    assert.equal(result.otherPartner, 'not_found');
    // The server entry installs and works: the event feed, webhook endpoints, and verifyWebhook refusing an unsigned body.
    assert.equal(result.serverEntry, 'true 0 missing_headers');
    assert.match(result.servedServer, /^http:\/\/127\.0\.0\.1:\d+$/);
    assert.equal(result.sameDocument, true);
    assert.equal(result.engine, 'register,silver,gold,platinum beispiel.de');
  };

  test('runs the SDK against the sandbox started as a command', async () => {
    expectSandboxAnswers(await sh(process.execPath, ['use-sdk.mjs', 'command'], project));
    assert.ok(existsSync(join(project, '.sandbox/credentials.json')), 'credentials.json in the project, not in node_modules');
  });

  test('runs the SDK against the sandbox started as a library', async () => {
    expectSandboxAnswers(await sh(process.execPath, ['use-sdk.mjs', 'library'], project));
  });

  test("the sandbox command's help names the command", async () => {
    assert.match(await sh(bin('poly-partner-sandbox'), ['--help'], project), /^Usage: poly-partner-sandbox /);
  });

  for (const [label, typescript] of [
    [`TypeScript ${OLDEST_TYPESCRIPT}`, 'typescript-oldest/bin/tsc'],
    ['the newest TypeScript', 'typescript/bin/tsc'],
  ] as const) {
    for (const resolution of ['node16', 'bundler']) {
      test(`type-checks with ${label}, moduleResolution ${resolution}`, async () => {
        await sh(process.execPath, [join(project, 'node_modules', typescript), '-p', `tsconfig.${resolution}.json`], project);
      });
    }
  }

  test('bundles a widget page and a React page with Vite', async () => {
    await sh(bin('vite'), ['build'], project);
    const assets = join(project, 'vite-dist/assets');
    const scripts = readdirSync(assets).filter((file) => file.endsWith('.js')).map((file) => readFileSync(join(assets, file), 'utf8')).join('\n');
    assert.match(scripts, /partner-tier-badge/);
    assert.match(scripts, /createRoot|react-dom/i);
    assert.ok(existsSync(join(project, 'vite-dist/index.html')) && existsSync(join(project, 'vite-dist/react.html')));
  });

  test('a static page loads dist/embed.js from node_modules and shows a verified badge in Chromium', async () => {
    const { startSandbox } = (await import(join(project, 'node_modules/@poly-partner/sandbox/dist/index.js'))) as typeof import('@poly-partner/sandbox');
    const server: Server = createServer((request, response) => {
      const path = join(project, decodeURIComponent(new URL(request.url!, 'http://x').pathname));
      if (!path.startsWith(project) || !existsSync(path) || statSync(path).isDirectory()) return void response.writeHead(404).end();
      const types: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.json': 'application/json' };
      response.writeHead(200, { 'content-type': types[extname(path)] ?? 'application/octet-stream' }).end(readFileSync(path));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const sandbox = await startSandbox({ resellers: 200, quiet: true, allowedOrigins: [origin] });
    const browser = await chromium.launch({
      ...(existsSync(process.env.CHROMIUM_PATH ?? '/usr/bin/chromium') ? { executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium' } : {}),
      args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run'],
    });
    try {
      const key = sandbox.credentials.publishable[0]!;
      const reseller = sandbox.credentials.resellers.find((candidate) => candidate.partnerId === key.partnerId)!;
      const page = readFileSync(join(project, 'embed.html'), 'utf8')
        .replace('{{API_BASE}}', sandbox.url)
        .replace('{{PUBLISHABLE_KEY}}', key.publishableKey)
        .replace('{{PARTNER_ID}}', key.partnerId);
      writeFileSync(join(project, 'embed-page.html'), page);
      const tab = await browser.newPage();
      const errors: string[] = [];
      tab.on('pageerror', (error) => errors.push(error.message));
      await tab.goto(`${origin}/embed-page.html`);
      await tab.locator('partner-tier-badge').getByText(reseller.name).waitFor({ timeout: 15_000 });
      assert.deepEqual(errors, []);
    } finally {
      await browser.close();
      await sandbox.close();
      server.close();
    }
  });
});
