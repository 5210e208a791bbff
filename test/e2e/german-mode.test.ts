// End-to-end: every demo page in German mode speaks German. The visible text (shadow roots included), the page title
// and the texts read aloud (aria-label, placeholder, alt, title) must not contain the English text of any message of
// the widgets' catalogue where the German message should be, nor an English text of the sites themselves, nor a raw
// API code (`isp`, `systemhaus_association`).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import type { Page } from 'playwright';
import { startDemoHarness, type DemoHarness } from '../support/demo-harness.js';

const LANGUAGE_KEY = 'poly-demo-language';
const CATALOGUE = new URL('../../packages/widgets/xliff/de.xlf', import.meta.url);

let demo: DemoHarness;

before(async () => {
  demo = await startDemoHarness();
  dataNames = await loadNames();
});

after(async () => {
  await demo?.close();
});

const unescapeXml = (text: string) =>
  text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');

/** A message's literal pieces: its text split where a placeholder (a value) goes. */
function pieces(xml: string): string[] {
  return unescapeXml(xml.replace(/<x [^>]*\/>/g, '\u0000').replace(/<[^>]+>/g, ''))
    .split('\u0000')
    .map((piece) => piece.replace(/\s+/g, ' ').trim());
}

const letters = (text: string) => text.match(/\p{L}/gu)?.length ?? 0;
const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** A phrase as a whole: no letter or digit right before or after it ("Open" is not in "Opener"). */
const phrase = (text: string) => new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(text)}(?![\\p{L}\\p{N}])`, 'u');

/**
 * The English pieces to look for. Left out, and why:
 * - pieces of fewer than 3 letters ("of", "·"): too short to tell a language by;
 * - pieces that occur in the German catalogue as well: a word both languages use (tier names, "Status", "Name",
 *   "Region", "Deal", "Distributor", "Partner"), so seeing it proves nothing.
 */
function englishPieces(): { text: string; id: string; pattern: RegExp }[] {
  const xml = readFileSync(CATALOGUE, 'utf8');
  const units = [...xml.matchAll(/<trans-unit id="([^"]+)">([\s\S]*?)<\/trans-unit>/g)].map(([, id, body]) => ({
    id: id!,
    source: pieces(/<source>([\s\S]*?)<\/source>/.exec(body!)![1]!),
    target: pieces(/<target>([\s\S]*?)<\/target>/.exec(body!)?.[1] ?? ''),
  }));
  const german = units.flatMap((unit) => unit.target).join('\n');
  const seen = new Set<string>();
  return units.flatMap((unit) =>
    unit.source
      .filter((text) => letters(text) >= 3 && !phrase(text).test(german) && !seen.has(text) && seen.add(text))
      .map((text) => ({ text, id: unit.id, pattern: phrase(text) })),
  );
}

let dataNames: string[] = [];

/**
 * Names shown as data, not messages: the same in every language, and they may contain English words ("Poly CCX 400
 * Business Media Phone"). Partners, organizations, the portals' brands, Poly's products, the reseller's distributors.
 */
async function loadNames(): Promise<string[]> {
  const reseller = demo.credentials.resellers[0]!;
  const products = await demo.api<{ items: { name: string }[] }>('/v1/products', reseller.secretKey);
  const profile = await demo.api<{ distributors: { name: string }[] }>(`/v1/partners/${reseller.partnerId}`, reseller.secretKey);
  return [
    ...demo.credentials.resellers.map((candidate) => candidate.name),
    ...demo.credentials.organizations.map((organization) => organization.name),
    // The aggregator portals' brands (demo/aggregator-portal/aggregator-portal.ts).
    'TechDistri', 'NetWave Business', 'TelcoOne Partners', 'Verbund der Systemhäuser',
    ...products.items.map((product) => product.name),
    ...profile.distributors.map((distributor) => distributor.name),
  ].sort((a, b) => b.length - a.length);
}

/** What a person reads or hears on the page: all text outside <style>/<script>, shadow roots included, and attributes. */
function pageText(page: Page): Promise<{ text: string; siteEnglish: string[] }> {
  // No named inner functions here: tsx would wrap them in a helper that does not exist in the page.
  return page.evaluate(() => {
    const parts: string[] = [document.title];
    const siteEnglish: string[] = [];
    const stack: Node[] = [document.body];
    while (stack.length > 0) {
      const node = stack.pop()!;
      // Hidden text too (a closed <details>, an unopened <select>, visually hidden labels): a person meets it later.
      if (node.nodeType === Node.TEXT_NODE) {
        parts.push(node.textContent ?? '');
        continue;
      }
      if (node instanceof Element) {
        if (node.localName === 'style' || node.localName === 'script' || node.localName === 'template') continue;
        for (const name of ['aria-label', 'placeholder', 'alt', 'title']) {
          const value = node.getAttribute(name);
          if (value) parts.push(value);
        }
        // The sites' own texts: each has its German in data-de; the English must not be what shows.
        const own = node instanceof HTMLElement ? node.dataset : undefined;
        if (own?.de !== undefined && own.en !== undefined && node.textContent !== own.de) siteEnglish.push(own.en);
      }
      const children = [...(node instanceof Element && node.shadowRoot ? [node.shadowRoot] : []), ...node.childNodes];
      stack.push(...children.reverse());
    }
    return { text: parts.join('\n').replace(/[ \t]+/g, ' '), siteEnglish };
  });
}

/** Opens `path` as someone who chose German on a demo site (the choice the sites remember). */
async function openInGerman(path: string) {
  return demo.openPage(path, {
    beforeNavigation: (page) => page.addInitScript((key) => localStorage.setItem(key, 'de'), LANGUAGE_KEY),
  });
}

/** Waits until every text in `ready` shows and nothing says it is still loading. */
async function settle(page: Page, ready: string[]): Promise<void> {
  for (const text of ready) await page.getByText(text, { exact: false }).first().waitFor({ state: 'visible', timeout: 30_000 });
  for (let attempt = 0; attempt < 100; attempt++) {
    const { text } = await pageText(page);
    if (!/Wird geladen|werden geladen|Wird aktualisiert|wird aktualisiert/.test(text)) return;
    await page.waitForTimeout(100);
  }
}

function assertGerman(path: string, { text, siteEnglish }: { text: string; siteEnglish: string[] }, english: ReturnType<typeof englishPieces>) {
  let shown = text;
  for (const name of dataNames) shown = shown.split(name).join(' ');
  const leaks = english.filter(({ pattern }) => pattern.test(shown)).map(({ id, text: piece }) => `${id}: "${piece}"`);
  assert.deepEqual(leaks, [], `${path} shows English catalogue text in German mode:\n${shown.slice(0, 1500)}`);
  assert.deepEqual(siteEnglish, [], `${path} shows the site's own English text in German mode`);
  const codes = shown.match(/(?<![\p{L}/.])(isp|carrier|distributor|systemhaus[ _]association|under_review|opportunity)(?![\p{L}])/gu);
  assert.equal(codes, null, `${path} shows raw codes`);
  assert.match(shown, /[äöüßÄÖÜ]/u, `${path} shows German text at all`);
}

describe('demo sites in German mode', () => {
  const english = () => englishPieces();

  test('the catalogue gives enough English to look for', () => {
    // 379 messages when written; a few hundred distinct pieces remain after the exclusions.
    assert.ok(english().length > 250, `${english().length} pieces`);
  });

  const pages: { path: string; ready: string[]; then?: (page: Page) => Promise<void> }[] = [
    { path: '/', ready: ['Demo-Zugangsdaten', 'Gold durch Statusschutz, erreicht Silver', 'Systemhaus-Verband'] },
    {
      path: '/reseller-portal/',
      ready: ['Ihre Partnerstufe', 'Sandbox-Abzeichen, nicht von Poly ausgestellt', 'Art der Registrierung', 'Ihre Deal-Registrierungen', 'Gold durch Statusschutz'],
      // The what-if panel and the form's error summary are texts a person meets on this page too.
      then: async (page) => {
        await page.locator('next-tier-checklist').getByText('Was wäre, wenn', { exact: false }).first().click();
        await page.locator('deal-registration-form').getByRole('button', { name: 'Deal registrieren', exact: true }).click();
        await page.locator('deal-registration-form').getByText('Bitte korrigieren Sie', { exact: false }).first().waitFor();
        // A registration's detail: its status history and Poly's words about it.
        await page.locator('partner-deal-list').getByRole('button', { name: 'Öffnen' }).first().click();
        await page.locator('partner-deal-list').getByText('Verlauf', { exact: true }).first().waitFor();
      },
    },
    ...['distributor', 'isp', 'carrier', 'systemhaus_association'].map((kind) => ({
      path: `/aggregator-portal/?kind=${kind}`,
      ready: ['Mitglieder je Stufe', 'Deal-Pipeline', 'Mitgliedsunternehmen', 'Wenn der Statusschutz endet'],
      // A member's detail: its tier story in the third person.
      then: async (page: Page) => {
        // The list renders only rows in view: scroll to it as a user would.
        await page.locator('partner-member-overview [part~="grid"]').scrollIntoViewIfNeeded();
        await page.locator('partner-member-overview [part~="row"][data-index="0"]').click();
        await page.locator('partner-member-overview [part~="detail"] next-tier-checklist').getByText('Partnerstufe').first().waitFor();
      },
    })),
    { path: '/marketing-site/', ready: ['Offizieller Poly Partner', 'Sandbox-Abzeichen, nicht von Poly ausgestellt'] },
  ];

  for (const { path, ready, then } of pages) {
    test(`${path} shows only German messages`, async () => {
      const site = await openInGerman(path);
      try {
        const { page } = site;
        await settle(page, ready);
        assert.equal(await page.evaluate(() => document.documentElement.lang), 'de');
        assertGerman(path, await pageText(page), english());
        if (then) {
          await then(page);
          await settle(page, []);
          assertGerman(`${path} (after use)`, await pageText(page), english());
        }
      } finally {
        await site.close();
      }
    });
  }

  test('the check finds an English message planted in a German page', async () => {
    const site = await openInGerman('/');
    try {
      const { page } = site;
      await settle(page, ['Demo-Zugangsdaten']);
      await page.evaluate(() => document.querySelector('main')!.append(Object.assign(document.createElement('p'), { textContent: 'Protections ending soon' })));
      assert.throws(() => assertGerman('/', { text: '', siteEnglish: [] }, english()), /German text at all/);
      const planted = await pageText(page);
      assert.throws(() => assertGerman('/', planted, english()), /memberOverview\.protections: "Protections ending soon"/);
    } finally {
      await site.close();
    }
  });
});
