// End-to-end, per WordPress version the setup script installed: a site owner installs the plugin's zip through
// WordPress's own "Upload plugin" screen, saves the settings form, puts the block on a page in the editor and
// publishes it; a visitor sees the verified badge (block and shortcode), and without JavaScript the badge image that
// links to the verification. Real WordPress on PHP's server, a real sandbox API, Chromium.
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { startSandbox } from '@poly-partner/sandbox';
import { chromium, type Browser, type BrowserContext, type FrameLocator, type Page } from 'playwright';
// @ts-expect-error -- a plain ESM config without type declarations; it exports the launch options every suite shares.
import { chromiumLaunchOptions } from '../../../web-test-runner.config.mjs';
import { createSite, packageDir, pluginZip, wordpressVersions, type WordPressSite } from './support/wordpress.js';

const versions = wordpressVersions();
const newest = versions[0];
const repoRoot = join(packageDir, '../..');

/** A free port on loopback; POLY_WP_PORT pins the first one (the rest follow it). */
async function freePort(index: number): Promise<number> {
  if (process.env.POLY_WP_PORT) return Number(process.env.POLY_WP_PORT) + index;
  const server = createServer();
  await new Promise<void>((resolve, reject) => server.once('error', reject).listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (!address || typeof address === 'string') throw new Error('No port');
  return address.port;
}

let browser: Browser;
let sandbox: Awaited<ReturnType<typeof startSandbox>>;
const ports: number[] = [];

before(async () => {
  for (let index = 0; index < versions.length; index++) ports.push(await freePort(index));
  const launching = chromium.launch(chromiumLaunchOptions);
  sandbox = await startSandbox({
    port: 0,
    db: ':memory:',
    resellers: 200,
    quiet: true,
    allowedOrigins: ports.map((port) => `http://127.0.0.1:${port}`),
  });
  browser = await launching;
});

after(async () => {
  await browser?.close();
  await sandbox?.close();
});

interface Problems {
  console: string[];
  pageErrors: string[];
  httpErrors: string[];
  failedRequests: string[];
  cspViolations: string[];
  /** Requests to any host but the site and the API. */
  foreignRequests: string[];
  requests: string[];
}

/** A browser context whose pages record every error, failed request, CSP violation and request to a foreign host. */
async function openContext(site: WordPressSite, options: { javaScriptEnabled?: boolean } = {}) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'de-DE', ...options });
  const problems: Problems = { console: [], pageErrors: [], httpErrors: [], failedRequests: [], cspViolations: [], foreignRequests: [], requests: [] };
  const allowed = [new URL(site.url).origin, new URL(sandbox.url).origin];
  await context.exposeBinding('__reportCspViolation', (_source, text: string) => problems.cspViolations.push(text));
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      const report = (window as unknown as { __reportCspViolation(text: string): void }).__reportCspViolation;
      report(`${event.violatedDirective} blocked ${event.blockedURI || 'inline'} (${event.sourceFile}:${event.lineNumber})`);
    });
  });
  context.on('page', (page) => watch(page, problems, allowed));
  return { context, problems };
}

function watch(page: Page, problems: Problems, allowed: string[]) {
  page.setDefaultTimeout(20_000);
  page.on('console', (message) => {
    if (message.type() === 'error') problems.console.push(`${message.text()} (${message.location().url})`);
  });
  page.on('pageerror', (error) => problems.pageErrors.push(String(error)));
  page.on('request', (request) => {
    problems.requests.push(request.url());
    const origin = new URL(request.url()).origin;
    if (/^https?:/.test(request.url()) && !allowed.includes(origin)) problems.foreignRequests.push(request.url());
  });
  page.on('response', (response) => {
    if (response.status() >= 400) problems.httpErrors.push(`${response.request().method()} ${response.url()}: HTTP ${response.status()}`);
  });
  page.on('requestfailed', (request) => problems.failedRequests.push(`${request.url()}: ${request.failure()?.errorText}`));
}

function assertClean(problems: Problems, what: string) {
  const { requests: _requests, ...rest } = problems;
  assert.deepEqual(rest, { console: [], pageErrors: [], httpErrors: [], failedRequests: [], cspViolations: [], foreignRequests: [] }, what);
}

/** Text a visitor reads in an element, shadow roots included. */
function shownText(page: Page, selector: string): Promise<string> {
  return page.locator(selector).first().evaluate((host) => {
    let text = '';
    const stack: Node[] = [host];
    while (stack.length > 0) {
      const node = stack.pop()!;
      if (node.nodeType === Node.TEXT_NODE) text += ` ${node.textContent ?? ''}`;
      else if (node instanceof Element && (node.localName === 'style' || node.localName === 'script')) continue;
      else stack.push(...[...(node instanceof Element && node.shadowRoot ? [node.shadowRoot] : []), ...node.childNodes].reverse());
    }
    return text.replace(/\s+/g, ' ').trim();
  });
}

/**
 * Waits for the badge to show the partner as verified, in German. A sandbox badge (the settings' sandbox mode, once
 * the widgets show it) says so instead of "Von Poly bestätigt", and that it was checked ("geprüft").
 */
async function waitForVerifiedBadge(page: Page, partnerName: string): Promise<string> {
  const verified = (text: string) => /Von Poly bestätigt/.test(text) || (/Sandbox-Abzeichen/.test(text) && /geprüft/.test(text));
  let text = '';
  for (let attempt = 0; attempt < 100; attempt++) {
    text = await shownText(page, 'partner-tier-badge');
    if (text.includes(partnerName) && verified(text)) break;
    await page.waitForTimeout(100);
  }
  assert.ok(text.includes(partnerName), `the badge names ${partnerName}: "${text}"`);
  assert.ok(verified(text), `the badge says it is verified, in German: "${text}"`);
  assert.doesNotMatch(text, /nicht bestätigt|nicht geprüft|abgelaufen|ungültig/i, `the badge is neither unverified nor expired: "${text}"`);
  return text;
}

/** The editor's canvas: an iframe (always from WordPress 7, and wherever all blocks are apiVersion 3), else the page. */
async function editorCanvas(page: Page): Promise<FrameLocator | Page> {
  const frame = page.locator('iframe[name="editor-canvas"]');
  await frame.or(page.locator('.editor-post-title__input')).first().waitFor();
  return (await frame.count()) > 0 ? page.frameLocator('iframe[name="editor-canvas"]') : page;
}

async function screenshot(page: Page, name: string) {
  const folder = process.env.UPDATE_SCREENSHOTS === '1' ? join(repoRoot, 'docs/screenshots') : join(repoRoot, 'test-results/screenshots');
  mkdirSync(folder, { recursive: true });
  await page.screenshot({ path: join(folder, `${name}.png`), animations: 'disabled' });
}

for (const [index, version] of versions.entries()) {
  describe(`WordPress ${version}`, () => {
    let site: WordPressSite;
    let admin: { context: BrowserContext; problems: Problems };
    let page: Page;
    let blockPageUrl = '';
    let blockPageId = 0;
    const partner = () => sandbox.credentials.publishable[0]!;
    const partnerName = () => sandbox.credentials.resellers.find((reseller) => reseller.partnerId === partner().partnerId)!.name;

    before(async () => {
      const started = Date.now();
      site = await createSite({ version, port: ports[index]!, apiBase: sandbox.url.replace(/\/$/, '') });
      console.log(`# WordPress ${version} booted in ${((Date.now() - started) / 1000).toFixed(1)} s`);
      admin = await openContext(site);
      page = await admin.context.newPage();
    });

    after(async () => {
      await admin?.context.close();
      const log = site?.debugLog() ?? '';
      await site?.close();
      assert.equal(log, '', `WordPress ${version} logged no PHP error, warning or notice`);
    });

    test('the administrator logs in', async () => {
      await page.goto(`${site.url}/wp-login.php`);
      await page.locator('#user_login').fill(site.admin.user);
      await page.locator('#user_pass').fill(site.admin.password);
      await page.locator('#wp-submit').click();
      await page.waitForURL(/\/wp-admin\/?/);
    });

    test('installs the zip through "Upload plugin" and activates it', async () => {
      await page.goto(`${site.url}/wp-admin/plugin-install.php?tab=upload`);
      await page.locator('input[name="pluginzip"]').setInputFiles(pluginZip);
      await page.locator('#install-plugin-submit').click();
      await page.getByText('Plugin installed successfully.').waitFor();
      await page.getByRole('link', { name: 'Activate Plugin' }).click();
      await page.getByText('Plugin activated.').waitFor();
      await page.getByRole('row', { name: /Poly partner badge/ }).getByRole('link', { name: 'Settings' }).click();
      await page.waitForURL(/options-general\.php\?page=poly-partner-badge/);
    });

    test('saves the settings through the form, refusing a secret key', async () => {
      await page.getByLabel('Partner id').fill(partner().partnerId);
      await page.getByLabel('Publishable key').fill(sandbox.credentials.resellers[0]!.secretKey);
      await page.getByLabel('API address').fill(sandbox.url.replace(/\/$/, ''));
      await page.getByLabel("Use Poly's sandbox API").check();
      await page.getByRole('button', { name: 'Save Changes' }).click();
      await page.getByText('A secret key (sk_…) must never be used on a website.').waitFor();
      assert.equal(await page.getByLabel('Publishable key').inputValue(), '', 'the secret key was not stored');

      await page.getByLabel('Publishable key').fill(partner().publishableKey);
      await page.getByRole('button', { name: 'Save Changes' }).click();
      await page.getByText('Settings saved.').waitFor();
      await page.reload();
      assert.equal(await page.getByLabel('Partner id').inputValue(), partner().partnerId);
      assert.equal(await page.getByLabel('Publishable key').inputValue(), partner().publishableKey);
      assert.equal(await page.getByLabel("Use Poly's sandbox API").isChecked(), true);
    });

    test('inserts the block in the editor, which previews the badge, and publishes the page', async () => {
      await page.goto(`${site.url}/wp-admin/post-new.php?post_type=page`);
      const canvas = await editorCanvas(page);
      await canvas.getByRole('textbox', { name: 'Add title' }).fill('Unser Poly Partner-Abzeichen');
      await page.getByRole('button', { name: /^(Toggle block inserter|Block Inserter|Add block)$/ }).first().click();
      await page.getByRole('searchbox', { name: /Search/ }).fill('Poly partner');
      await page.getByRole('option', { name: 'Poly partner badge' }).click();
      // The preview is the server's rendering: the badge image from the API.
      const preview = canvas.locator('.wp-block-poly-partner-badge img[alt="Poly partner badge"]').first();
      await preview.waitFor();
      await assert.doesNotReject(preview.evaluate((image: HTMLImageElement) => image.decode()), 'the preview image loads');
      await page.getByRole('region', { name: 'Editor top bar' }).getByRole('button', { name: 'Publish', exact: true }).click();
      await page.getByRole('region', { name: 'Editor publish' }).getByRole('button', { name: 'Publish', exact: true }).click();
      await page.getByRole('region', { name: 'Editor publish' }).getByText(/is now live/).waitFor();
      const post = await page.evaluate(() => {
        const editor = (window as unknown as { wp: { data: { select(store: string): { getCurrentPost(): { id: number; link: string } } } } }).wp.data.select('core/editor');
        return editor.getCurrentPost();
      });
      blockPageUrl = post.link;
      blockPageId = post.id;
      assert.match(blockPageUrl, /page_id=\d+/);
    });

    test('a visitor sees the verified badge in German, with no error and no CSP violation', async () => {
      const visitor = await openContext(site);
      try {
        const view = await visitor.context.newPage();
        await view.goto(blockPageUrl);
        const config = view.locator('.wp-block-poly-partner-badge partner-config');
        assert.equal(await config.getAttribute('environment'), 'sandbox');
        await waitForVerifiedBadge(view, partnerName());
        const embed = `${site.url}/wp-content/plugins/poly-partner-badge/assets/widgets/embed.js`;
        assert.ok(visitor.problems.requests.some((url) => url.startsWith(embed)), 'embed.js comes from the site itself');
        assert.equal(await view.locator('script[type="module"][src*="assets/widgets/embed.js"]').count(), 1);
        if (version === newest) await screenshot(view, 'wordpress-page');
        assertClean(visitor.problems, 'the block page');
      } finally {
        await visitor.context.close();
      }
    });

    test('the shortcode shows the badge; a page without one loads no widget script', async () => {
      const shortcodePage = Number(
        site.php(
          "echo wp_insert_post(array('post_type'=>'page','post_status'=>'publish','post_title'=>'Shortcode','post_content'=>'<!-- wp:shortcode -->[poly_partner_badge layout=\"full\"]<!-- /wp:shortcode -->'));",
        ),
      );
      const visitor = await openContext(site);
      try {
        const view = await visitor.context.newPage();
        await view.goto(`${site.url}/?page_id=${shortcodePage}`);
        assert.equal(await view.locator('partner-tier-badge').getAttribute('layout'), 'full');
        await waitForVerifiedBadge(view, partnerName());
        assertClean(visitor.problems, 'the shortcode page');

        visitor.problems.requests.length = 0;
        await view.goto(`${site.url}/?p=1`);
        await view.locator('h1').first().waitFor();
        assert.deepEqual(visitor.problems.requests.filter((url) => url.includes('poly-partner-badge')), [], 'no plugin file on a page without a badge');
        assertClean(visitor.problems, 'a page without a badge');
      } finally {
        await visitor.context.close();
      }
    });

    test('without JavaScript, the badge image links to the verification', async () => {
      const visitor = await openContext(site, { javaScriptEnabled: false });
      try {
        const view = await visitor.context.newPage();
        await view.goto(blockPageUrl);
        const image = view.locator('.wp-block-poly-partner-badge noscript a img');
        await image.waitFor();
        const loaded = await image.evaluate((element: HTMLImageElement) => element.complete && element.naturalWidth > 0);
        assert.ok(loaded, 'badge.svg loaded');
        const href = await view.locator('.wp-block-poly-partner-badge noscript a').getAttribute('href');
        const base = sandbox.url.replace(/\/$/, '');
        const id = encodeURIComponent(partner().partnerId);
        assert.ok([`${base}/verify/${id}`, `${base}/v1/partners/${id}/badge.svg`].includes(href ?? ''), `links to the verification: ${href}`);
        assert.deepEqual(visitor.problems.foreignRequests, []);
      } finally {
        await visitor.context.close();
      }
    });

    if (version === newest) {
      test('the editor in German shows the block under its German name', async () => {
        site.php("update_user_meta(1, 'locale', 'de_DE');");
        await page.goto(`${site.url}/wp-admin/post.php?post=${blockPageId}&action=edit`);
        const canvas = await editorCanvas(page);
        await canvas.locator('.wp-block-poly-partner-badge img[alt="Poly Partner-Abzeichen"]').first().waitFor();
        await canvas.locator('[data-type="poly/partner-badge"]').first().click();
        await page.getByRole('region', { name: /Editor-Einstellungen|Editor settings/ }).getByText('Poly Partner-Abzeichen').first().waitFor();
        await screenshot(page, 'wordpress-editor');
      });
    }

    test('the administrator screens ran without script errors', () => {
      assert.deepEqual(admin.problems.pageErrors, []);
      assert.deepEqual(admin.problems.foreignRequests, []);
    });
  });
}
