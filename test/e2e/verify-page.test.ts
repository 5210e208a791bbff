// The issuer's verification page (`GET /verify/{partnerId}`) in a real Chromium, as a visitor who clicked a badge sees
// it: in English and German, complete with JavaScript off, axe-clean, and refusing to be framed by a spoofing page.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { after, before, describe, test } from 'node:test';
import { startSandbox } from '@poly-partner/sandbox';
import { chromium, type Browser, type Page } from 'playwright';
// @ts-expect-error -- a plain ESM config without type declarations; it exports the launch options every suite shares.
import { chromiumLaunchOptions } from '../../web-test-runner.config.mjs';

let sandbox: Awaited<ReturnType<typeof startSandbox>>;
let browser: Browser;
let axeSource: string;

before(async () => {
  [sandbox, browser] = await Promise.all([startSandbox({ port: 0, db: ':memory:', resellers: 2_000, quiet: true }), chromium.launch(chromiumLaunchOptions)]);
  // axe-core as @open-wc/testing brings it (through chai-a11y-axe), read to inject into the page.
  const fromRoot = createRequire(new URL('../../package.json', import.meta.url));
  const fromAxePlugin = createRequire(createRequire(fromRoot.resolve('@open-wc/testing')).resolve('chai-a11y-axe'));
  axeSource = await readFile(fromAxePlugin.resolve('axe-core/axe.min.js'), 'utf8');
});

after(async () => {
  await browser?.close();
  await sandbox?.close();
});

const partner = () => sandbox.credentials.publishable[0]!;
const verifyUrl = () => `${sandbox.url}/verify/${partner().partnerId}`;

async function axeViolations(page: Page): Promise<string[]> {
  return page.evaluate(async (source) => {
    // eslint-disable-next-line no-eval -- axe's own source, injected past the page's CSP by the test (bypassCSP)
    (0, eval)(source);
    const axe = (window as unknown as { axe: { run(context: Document, options: unknown): Promise<{ violations: { id: string; help: string; nodes: unknown[] }[] }> } }).axe;
    const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] } });
    return result.violations.map((violation) => `${violation.id}: ${violation.help} (${violation.nodes.length})`);
  }, axeSource);
}

describe('the verification page', () => {
  test('works with JavaScript off, in English and German, with a language switch that is a plain link', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false, locale: 'de-DE', extraHTTPHeaders: { 'accept-language': 'de-DE,de;q=0.9,en;q=0.5' } });
    try {
      const page = await context.newPage();
      const response = await page.goto(verifyUrl());
      assert.equal(response?.status(), 200);
      assert.equal(await page.getAttribute('html', 'lang'), 'de');
      const name = (await sandbox.db.prepare('SELECT name FROM partners WHERE id = ?').pluck().get(partner().partnerId)) as string;
      assert.equal(await page.locator('h1').textContent(), name);
      const german = await page.locator('main').innerText();
      assert.match(german, /Mitglied im Poly-Partnerprogramm/);
      assert.match(german, /Gold-Partner/);
      assert.match(german, /15 Minuten/);
      assert.match(german, /localhost/, 'the websites the badge is issued for');
      // The switch: a link, followed without any script.
      await page.getByRole('link', { name: 'English' }).click();
      await page.waitForURL(/\?lang=en$/);
      assert.equal(await page.getAttribute('html', 'lang'), 'en');
      const english = await page.locator('main').innerText();
      assert.match(english, /Member of the Poly partner program/);
      assert.match(english, /Partner · Gold/);
      assert.match(english, /not issued by Poly/, 'the sandbox says its badges are not Poly’s');
    } finally {
      await context.close();
    }
  });

  test('is axe-clean in both languages and on its "no such partner" page', async () => {
    // bypassCSP only so that the test can inject axe; the page itself loads no script.
    const context = await browser.newContext({ bypassCSP: true });
    try {
      const page = await context.newPage();
      for (const url of [`${verifyUrl()}?lang=en`, `${verifyUrl()}?lang=de`, `${sandbox.url}/verify/ptr_nosuchpartner`]) {
        await page.goto(url);
        assert.deepEqual(await axeViolations(page), [], url);
      }
    } finally {
      await context.close();
    }
  });

  test('refuses to be framed: frame-ancestors and X-Frame-Options, and an iframe attempt stays empty', async () => {
    const context = await browser.newContext();
    try {
      const page = await context.newPage();
      const response = await page.goto(verifyUrl());
      const headers = response!.headers();
      assert.match(headers['content-security-policy']!, /frame-ancestors 'none'/);
      assert.match(headers['content-security-policy']!, /default-src 'none'/);
      assert.equal(headers['x-frame-options'], 'DENY');

      // A spoofing page (here: any other origin) frames it; Chromium refuses and says why.
      await page.goto(`${sandbox.url}/healthz`);
      const refused = page.waitForEvent('console', { predicate: (message) => /frame-ancestors|X-Frame-Options|Refused to (display|frame)/i.test(message.text()) });
      await page.setContent(`<iframe id="frame" src="${verifyUrl()}" width="600" height="400"></iframe>`);
      await refused;
      const frame = page.frames().find((candidate) => candidate !== page.mainFrame());
      const framedText = await frame?.evaluate(() => document.body?.innerText ?? '').catch(() => '');
      assert.ok(!framedText?.includes('Poly partner program'), `the framed page must not render: ${framedText}`);
    } finally {
      await context.close();
    }
  });
});
