// End-to-end on phones: every demo page at 320 CSS px in English and German scrolls in one direction only (WCAG 1.4.10
// Reflow), the three sites are photographed at 390 px, and the layout shift while a page loads at 390 px stays under
// 0.1 (the Cumulative Layout Shift goal), measured with a `layout-shift` PerformanceObserver.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Page } from 'playwright';
import { saveScreenshot, startDemoHarness, type DemoHarness } from '../support/demo-harness.js';

let demo: DemoHarness;

before(async () => {
  demo = await startDemoHarness();
});

after(async () => {
  await demo?.close();
});

const PAGES = [
  { path: '/', name: 'landing' },
  { path: '/reseller-portal/', name: 'reseller-portal' },
  { path: '/aggregator-portal/?kind=distributor', name: 'aggregator-portal-distributor' },
  { path: '/aggregator-portal/?kind=isp', name: 'aggregator-portal-isp' },
  { path: '/aggregator-portal/?kind=carrier', name: 'aggregator-portal-carrier' },
  { path: '/aggregator-portal/?kind=systemhaus_association', name: 'aggregator-portal-systemhaus-association' },
  { path: '/marketing-site/', name: 'marketing-site' },
] as const;

/** The three sites whose phone screenshots the README shows. */
const SITES = new Set(['reseller-portal', 'aggregator-portal-distributor', 'marketing-site']);

/**
 * Waits until every widget on the page shows its content (no skeleton left, data on screen) and the page has painted
 * twice since: what a visitor sees once the page has settled. The landing page embeds no widget, so only the other
 * pages must show at least one (an empty page must not pass as settled).
 */
async function widgetsSettled(page: Page): Promise<void> {
  await page.waitForLoadState('networkidle');
  const expectWidgets = new URL(page.url()).pathname !== '/';
  await page.waitForFunction((expectWidgets) => {
    const hosts = [...document.querySelectorAll('*')].filter((element) => element.shadowRoot && element.localName.includes('-'));
    return (hosts.length > 0 || !expectWidgets) && hosts.every((host) => {
      const root = host.shadowRoot!;
      if (host.localName === 'partner-config') return true;
      return root.querySelector('[part~="loading"]') === null && root.querySelector('[part~="base"]') !== null;
    });
  }, expectWidgets);
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
}

/** How far the document scrolls sideways (0 when it fits the viewport), and what sticks out when it does. */
async function sidewaysScroll(page: Page): Promise<{ overflow: number; culprits: string[] }> {
  return page.evaluate(() => {
    const viewport = document.documentElement.clientWidth;
    const overflow = document.documentElement.scrollWidth - viewport;
    // Shadow roots too: a widget's part can stick out of a host that fits.
    const all: Element[] = [];
    const stack: ParentNode[] = [document.body];
    while (stack.length > 0) {
      for (const element of stack.pop()!.querySelectorAll('*')) {
        all.push(element);
        if (element.shadowRoot) stack.push(element.shadowRoot);
      }
    }
    const culprits = all
      .filter((element) => element.getBoundingClientRect().right > viewport + 0.5)
      .slice(0, 8)
      .map((element) => `<${element.localName}${element.id ? `#${element.id}` : ''} class="${element.getAttribute('class') ?? ''}"> ends at ${element.getBoundingClientRect().right.toFixed(0)} px`);
    return { overflow, culprits };
  });
}

async function chooseLanguage(page: Page, lang: 'en' | 'de'): Promise<void> {
  if ((await page.evaluate(() => document.documentElement.lang)) !== lang) await page.locator(`[data-set-lang="${lang}"]`).first().click();
  await page.waitForFunction((wanted) => document.documentElement.lang === wanted, lang);
  await widgetsSettled(page);
}

describe('demo pages at 320 px', () => {
  for (const { path, name } of PAGES) {
    for (const lang of ['en', 'de'] as const) {
      test(`${name} in ${lang} does not scroll sideways`, async () => {
        const opened = await demo.openPage(path, { width: 320, height: 640 });
        try {
          const { page } = opened;
          await widgetsSettled(page);
          await chooseLanguage(page, lang);
          const { overflow, culprits } = await sidewaysScroll(page);
          assert.equal(overflow, 0, `${name} (${lang}) scrolls ${overflow} px sideways at 320 px:\n${culprits.join('\n')}`);

          // Opening a member puts its detail (and its checklist) under the list, full width: still no sideways scroll.
          if (name.startsWith('aggregator-portal')) {
            // Rows render once the list is in the window's viewport, as when the user scrolls down to it.
            await page.locator('partner-member-overview [part~="grid"]').scrollIntoViewIfNeeded();
            const row = page.locator('partner-member-overview [role="row"][data-index="0"]');
            await row.click();
            await page.locator('partner-member-overview').getByRole('button', { name: /Close|Schließen/ }).waitFor();
            await widgetsSettled(page);
            const opened = await sidewaysScroll(page);
            assert.equal(opened.overflow, 0, `${name} (${lang}) with a member open scrolls ${opened.overflow} px sideways:\n${opened.culprits.join('\n')}`);
          }
        } finally {
          await opened.close();
        }
      });
    }
  }
});

describe('demo pages at 390 px', () => {
  for (const { path, name } of PAGES) {
    test(`${name} shifts its layout by less than 0.1 while it loads`, async () => {
      const opened = await demo.openPage(path, {
        width: 390,
        height: 844,
        beforeNavigation: (page) =>
          page.addInitScript(() => {
            const shifts = { total: 0, count: 0, sources: [] as string[] };
            (window as unknown as { __layoutShift: typeof shifts }).__layoutShift = shifts;
            new PerformanceObserver((list) => {
              for (const entry of list.getEntries() as (PerformanceEntry & { value: number; hadRecentInput: boolean })[]) {
                // Shifts right after the user's own input are expected (and CLS leaves them out too).
                if (entry.hadRecentInput) continue;
                shifts.total += entry.value;
                shifts.count += 1;
                // What moved, for the message: the first few nodes with their old and new top edge.
                for (const source of (entry as unknown as { sources: { node?: Node; previousRect: DOMRect; currentRect: DOMRect }[] }).sources.slice(0, 3)) {
                  const node = source.node as Element | undefined;
                  shifts.sources.push(`${entry.value.toFixed(3)} <${node?.localName ?? '?'}${node?.id ? `#${node.id}` : ''}> top ${source.previousRect.top.toFixed(0)} -> ${source.currentRect.top.toFixed(0)}, height ${source.previousRect.height.toFixed(0)} -> ${source.currentRect.height.toFixed(0)}`);
                }
              }
            }).observe({ type: 'layout-shift', buffered: true });
          }),
      });
      try {
        const { page } = opened;
        await widgetsSettled(page);
        const shifts = await page.evaluate(() => (window as unknown as { __layoutShift: { total: number; count: number; sources: string[] } }).__layoutShift);
        console.log(`[measure] ${name} at 390 px: layout shift ${shifts.total.toFixed(4)} in ${shifts.count} shift(s): ${shifts.sources.join('; ')}`);
        assert.ok(shifts.total < 0.1, `${name} shifted its layout by ${shifts.total.toFixed(3)} (${shifts.count} shifts) at 390 px: ${shifts.sources.join('; ')}`);
        if (SITES.has(name)) await saveScreenshot(page, `${name}-phone`, 390);
      } finally {
        await opened.close();
      }
    });
  }
});
