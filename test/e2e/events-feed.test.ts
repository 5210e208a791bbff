// End-to-end: the aggregator portal's "What changed" feed in Chromium. The sandbox's clock moves by the page's own
// button, the sandbox tells the demo backend by signed webhooks, and the page shows each change as a sentence, in
// English and in German; no secret of the backend reaches the browser on the way.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Page } from 'playwright';
import { saveElementScreenshot, startDemoHarness, type DemoHarness, type DemoPage } from '../support/demo-harness.js';

const LANGUAGE_KEY = 'poly-demo-language';
/** A protection notice, as the feed words it in each language. */
const NOTICE = { en: / protection ends in (30|7) days$/, de: /Statusschutz endet in (30|7) Tagen$/ };

let demo: DemoHarness;

before(async () => {
  demo = await startDemoHarness();
});

after(async () => {
  await demo?.close();
});

const feedItems = (page: Page) => page.getByRole('log', { name: 'What changed' }).getByRole('listitem');

async function sentences(page: Page): Promise<string[]> {
  return (await page.locator('#event-list li span').allTextContents()).map((text) => text.trim());
}

/** Every /api/ answer the page got, to look for secrets in. */
function recordApiAnswers(page: Page): string[] {
  const bodies: string[] = [];
  page.on('response', (response) => {
    if (new URL(response.url()).pathname.startsWith('/api/')) void response.text().then((text) => bodies.push(text), () => undefined);
  });
  return bodies;
}

async function assertClean(demoPage: DemoPage): Promise<void> {
  const problems = await demoPage.problems();
  assert.deepEqual(problems, { console: [], pageErrors: [], failedRequests: [], httpErrors: [], cspViolations: [] });
}

describe('aggregator portal: what changed', () => {
  test('moving the sandbox clock makes the feed show what changed, until a protection notice', async () => {
    const portal = await demo.openPage('/aggregator-portal/?kind=distributor');
    const answers = recordApiAnswers(portal.page);
    try {
      const { page } = portal;
      await page.getByText('No changes yet.', { exact: false }).waitFor();
      assert.equal(await feedItems(page).count(), 0);

      // By keyboard, as the button's first user may press it.
      const button = page.getByRole('button', { name: 'Move the sandbox clock 30 days forward' });
      await button.focus();
      await page.keyboard.press('Enter');
      const status = page.locator('section.what-changed').getByRole('status');
      await status.getByText('The sandbox clock now reads', { exact: false }).waitFor();
      // The first month: deals routed through the distributor expire; each is a sentence of its own.
      await feedItems(page).first().waitFor({ timeout: 20_000 });
      const first = await sentences(page);
      assert.ok(first.length > 0);
      assert.ok(first.some((sentence) => / is now (approved|expired|won|lost|rejected) \(was [a-z ]+\)$/.test(sentence)), first.slice(0, 5).join('\n'));
      const dated = await feedItems(page).first().locator('time').getAttribute('datetime');
      assert.ok(dated && !Number.isNaN(Date.parse(dated)));

      // Protections end a year after launch, 90 days before the seed: their notices come some months on.
      let presses = 1;
      let notice: string | undefined;
      for (; presses <= 12 && !notice; presses++) {
        const before = await status.textContent();
        await button.click();
        await page.waitForFunction((text) => document.getElementById('clock-status')?.textContent !== text, before);
        const deadline = Date.now() + 4000;
        while (!notice && Date.now() < deadline) {
          notice = (await sentences(page)).find((sentence) => NOTICE.en.test(sentence));
          if (!notice) await page.waitForTimeout(250);
        }
      }
      assert.ok(notice, `no protection notice after ${presses} presses`);
      console.log(`[measure] first protection notice after ${presses} presses of the clock button: "${notice}"`);
      assert.match(notice, /^.+: (Register|Silver|Gold|Platinum)|status protection for the Register tier/);
      await saveElementScreenshot(page.locator('section.what-changed'), 'aggregator-portal-what-changed', feedItems(page).nth(5));

      // The page's language switch turns the feed's sentences German, dates included.
      await page.getByRole('navigation', { name: 'Language' }).getByRole('button', { name: 'Deutsch' }).click();
      await page.getByRole('log', { name: 'Was sich geändert hat' }).waitFor();
      const german = await sentences(page);
      assert.ok(german.some((sentence) => NOTICE.de.test(sentence)), german.slice(0, 5).join('\n'));
      assert.ok(german.every((sentence) => !/ (is now|protection ends|ends in|days)\b/.test(sentence)), german.join('\n'));
      assert.ok(german.every((sentence) => !/\b(opportunity|under review|approved|expired)\b/.test(sentence)), german.join('\n'));
      assert.ok(await page.getByRole('button', { name: 'Sandbox-Uhr 30 Tage vorstellen' }).isVisible());

      const secrets = [demo.credentials.operatorKey, ...demo.credentials.organizations.map((organization) => organization.secretKey)];
      for (const body of answers) {
        assert.ok(!/whsec_|\bsk_|\bop_/.test(body) && secrets.every((secret) => !body.includes(secret)), `a secret in an answer to the page: ${body.slice(0, 200)}`);
      }
      await assertClean(portal);
    } finally {
      await portal.close();
    }
  });

  test('a page opened in German shows the feed in German, and it fits 320 px', async () => {
    const portal = await demo.openPage('/aggregator-portal/?kind=distributor', {
      width: 320,
      beforeNavigation: (page) => page.addInitScript((key) => localStorage.setItem(key, 'de'), LANGUAGE_KEY),
    });
    try {
      const { page } = portal;
      // The events of the test before, from the backend's store: a page opened later sees them at once.
      await page.getByRole('log', { name: 'Was sich geändert hat' }).getByRole('listitem').first().waitFor();
      const german = await sentences(page);
      assert.ok(german.some((sentence) => NOTICE.de.test(sentence) || / ist jetzt /.test(sentence)), german.slice(0, 5).join('\n'));
      assert.ok(german.every((sentence) => !/ (is now|protection ends|days|was) /.test(sentence)), german.join('\n'));
      const dates = await page.locator('#event-list time').allTextContents();
      assert.ok(dates.every((date) => /^\d{2}\.\d{2}\.\d{4}$/.test(date)), dates.slice(0, 3).join(', '));
      assert.equal(await page.evaluate(() => document.documentElement.scrollWidth), 320, 'nothing wider than the screen');
      await assertClean(portal);
    } finally {
      await portal.close();
    }
  });
});
