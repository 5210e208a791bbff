// End-to-end, the snippet generator (issue 25): in a reseller's portal (one origin), <partner-badge-snippet> creates
// a publishable key and registers the reseller's website (another origin: another local port); the HTML it copies
// goes into a fresh page served on that website, next to the built embed.js, and shows a verified badge.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { createRequire } from 'node:module';
import { extname } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { startSandbox } from '@poly-partner/sandbox';
import { chromium, type Browser } from 'playwright';
// @ts-expect-error -- a plain ESM config without type declarations; it exports the launch options every suite shares.
import { chromiumLaunchOptions } from '../../web-test-runner.config.mjs';

const widgets = new URL('../../packages/widgets/', import.meta.url);
/** Ports of this suite's two local sites (the range this suite may use). */
const PORTAL_PORT = Number(process.env.SNIPPET_E2E_PORT ?? 46020);
const WEBSITE_PORT = PORTAL_PORT + 1;
const PORTAL = `http://127.0.0.1:${PORTAL_PORT}`;
const WEBSITE = `http://127.0.0.1:${WEBSITE_PORT}`;

let sandbox: Awaited<ReturnType<typeof startSandbox>>;
let browser: Browser;
const servers: Server[] = [];
/** What the reseller's website serves as its page: set to the copied snippet. */
let websiteBody = '';

function listen(port: number, handler: Parameters<typeof createServer>[1]): Promise<void> {
  const server = createServer(handler);
  servers.push(server);
  return new Promise((resolve, reject) => server.once('error', reject).listen(port, '127.0.0.1', () => resolve()));
}

const TYPES: Record<string, string> = { '.js': 'text/javascript', '.map': 'application/json', '.html': 'text/html' };

/** The portal's script: <partner-config> and <partner-badge-snippet> bundled as a portal's own build would. */
async function portalScript(): Promise<string> {
  // The widgets package's own esbuild (a dev dependency there, not here).
  const esbuild = createRequire(new URL('package.json', widgets))('esbuild') as { build(options: object): Promise<{ outputFiles: { text: string }[] }> };
  const result = await esbuild.build({
    stdin: { contents: "import './src/config/partner-config.ts'; import './src/components/partner-badge-snippet/partner-badge-snippet.ts';", resolveDir: fileURLToPath(widgets), loader: 'ts' },
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    write: false,
    tsconfig: fileURLToPath(new URL('tsconfig.build.json', widgets)),
    logLevel: 'silent',
  });
  return result.outputFiles[0]!.text;
}

before(async () => {
  [sandbox, browser] = await Promise.all([startSandbox({ port: 0, db: ':memory:', resellers: 2_000, quiet: true }), chromium.launch(chromiumLaunchOptions)]);
  const reseller = sandbox.credentials.resellers.find((candidate) => /Register, new to the program/.test(candidate.about))!;
  const script = await portalScript();
  // The reseller's portal: its page, its own build, and its backend's token endpoint (secret key stays here).
  await listen(PORTAL_PORT, async (request, response) => {
    if (request.method === 'POST' && request.url === '/token') {
      const minted = await fetch(`${sandbox.url}/v1/embed-tokens`, {
        method: 'POST',
        headers: { authorization: `Bearer ${reseller.secretKey}`, 'content-type': 'application/json' },
        body: JSON.stringify({ origin: PORTAL, subject: { partnerId: reseller.partnerId } }),
      });
      response.writeHead(minted.status, { 'content-type': 'application/json' }).end(await minted.text());
    } else if (request.url === '/portal.js') {
      response.writeHead(200, { 'content-type': 'text/javascript' }).end(script);
    } else {
      response.writeHead(200, { 'content-type': 'text/html' }).end(`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Portal</title>
        <script type="module" src="/portal.js"></script></head><body><main><h1>Your badge</h1>
        <partner-config api-base="${sandbox.url}" token-endpoint="/token" partner-id="${reseller.partnerId}" environment="sandbox">
          <partner-badge-snippet></partner-badge-snippet>
        </partner-config></main></body></html>`);
    }
  });
  // The reseller's website: the copied snippet as its page, and dist/embed.js with its chunks where the snippet says.
  await listen(WEBSITE_PORT, async (request, response) => {
    const path = new URL(request.url ?? '/', WEBSITE).pathname;
    if (path.startsWith('/poly-partner-widgets/')) {
      const file = path.slice('/poly-partner-widgets/'.length);
      if (!/^(embed\.js|embed-chunks\/[\w.-]+\.js)$/.test(file)) return void response.writeHead(404).end();
      try {
        const body = await readFile(new URL(`dist/${file}`, widgets));
        response.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(body);
      } catch {
        response.writeHead(404).end();
      }
      return;
    }
    response.writeHead(200, { 'content-type': 'text/html' }).end(`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Reseller</title></head>
      <body><main><h1>Official Poly partner</h1>\n${websiteBody}\n</main></body></html>`);
  });
});

after(async () => {
  await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))));
  await browser?.close();
  await sandbox?.close();
});

describe('the snippet generator, from portal to website', () => {
  test('adds the website, copies the snippet into a fresh page on that origin, and the page shows a verified badge', async () => {
    const context = await browser.newContext({ permissions: ['clipboard-read', 'clipboard-write'] });
    try {
      const portal = await context.newPage();
      const problems: string[] = [];
      portal.on('pageerror', (error) => problems.push(String(error)));
      await portal.goto(PORTAL);
      const generator = portal.locator('partner-badge-snippet');
      await generator.getByRole('button', { name: 'Create a publishable key' }).click();
      await generator.getByRole('textbox', { name: 'Add a website' }).fill(WEBSITE);
      await generator.getByRole('button', { name: 'Add website' }).click();
      await generator.getByRole('status').filter({ hasText: `Website added: ${WEBSITE}` }).waitFor();
      assert.deepEqual(await generator.locator('[part="websites"] li').allTextContents(), [WEBSITE]);

      await generator.getByRole('button', { name: 'Copy HTML', exact: true }).click();
      await generator.getByText('Copied to the clipboard.').waitFor();
      const copied = await portal.evaluate(() => navigator.clipboard.readText());
      assert.match(copied, /<partner-tier-badge partner-id="ptr_/);
      assert.deepEqual(problems, []);

      // A fresh page on the website's origin, holding nothing but the copied HTML.
      websiteBody = copied;
      const website = await context.newPage();
      const consoleErrors: string[] = [];
      website.on('console', (message) => {
        if (message.type() === 'error') consoleErrors.push(message.text());
      });
      await website.goto(WEBSITE);
      const status = website.locator('partner-tier-badge [part~="status"]');
      await status.waitFor({ timeout: 15_000 });
      // Verified with the sandbox's keys: the sandbox's wording for a verified badge, never "Not verified".
      assert.match(await status.innerText(), /Sandbox badge, not issued by Poly/);
      assert.equal(await website.locator('partner-tier-badge .status--sandbox').count(), 1);
      const name = sandbox.db.prepare('SELECT name FROM partners WHERE id = ?').pluck().get(/partner-id="([^"]+)"/.exec(copied)![1]) as string;
      assert.equal(await website.locator('partner-tier-badge [part="name"]').innerText(), name);
      assert.deepEqual(consoleErrors, []);
    } finally {
      await context.close();
    }
  });
});
