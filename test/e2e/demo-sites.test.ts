// End-to-end: the three demo host sites (and the landing page) in Chromium, against a real sandbox and the built demo
// served by Vite's preview server with its token-minting backend. One browser, one sandbox, one server for all.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Deal, Member, Organization, OrganizationSummary, PartnerProfile, Tier, TierStatus } from '@poly-partner/contract';
import type { Locator, Page } from 'playwright';
import { saveElementScreenshot, saveScreenshot, startDemoHarness, widgetText, type DemoHarness, type DemoPage } from '../support/demo-harness.js';

let demo: DemoHarness;

before(async () => {
  demo = await startDemoHarness();
});

after(async () => {
  await demo?.close();
});

const TIER_NAMES: Record<Tier, string> = { register: 'Register', silver: 'Silver', gold: 'Gold', platinum: 'Platinum' };
const number = (value: number) => new Intl.NumberFormat('en-US').format(value);

/** The demo reseller the portal signs in for by default, and the only one with a publishable key. */
function demoReseller() {
  const reseller = demo.credentials.resellers[0];
  assert.ok(reseller, 'the sandbox lists a demo reseller');
  return reseller;
}

function demoOrganization(kind: string) {
  const organization = demo.credentials.organizations.find((candidate) => candidate.kind === kind);
  assert.ok(organization, `the sandbox lists a demo ${kind}`);
  return organization;
}

/** Waits until `text` shows inside `widget` (shadow roots are searched, as a user sees them). */
async function waitForText(widget: Locator, text: string): Promise<void> {
  await widget.getByText(text, { exact: false }).first().waitFor({ state: 'visible' });
}

async function assertClean(demoPage: DemoPage): Promise<void> {
  const problems = await demoPage.problems();
  assert.deepEqual(problems, { console: [], pageErrors: [], failedRequests: [], httpErrors: [], cspViolations: [] });
}

/** Clicks the site's own language button and checks each widget: German strings present, English strings gone. */
async function switchToGermanAndCheck(page: Page, widgets: Record<string, { de: string[]; en: string[] }>): Promise<void> {
  await page.getByRole('navigation', { name: /Language|Sprache/ }).getByRole('button', { name: 'Deutsch' }).click();
  for (const [selector, { de, en }] of Object.entries(widgets)) {
    await waitForText(page.locator(selector).first(), de[0]!);
    // The rest by text content: some (a country in a closed <select>) are not visible until opened.
    let shown = '';
    for (let attempt = 0; attempt < 50; attempt++) {
      shown = await widgetText(page, selector);
      if (de.every((text) => shown.includes(text))) break;
      await page.waitForTimeout(100);
    }
    for (const text of de) assert.ok(shown.includes(text), `${selector} does not show "${text}" in German: ${shown.slice(0, 400)}`);
    for (const text of en) assert.ok(!shown.includes(text), `${selector} still shows "${text}" in German: ${shown.slice(0, 400)}`);
  }
}

const CHECKLIST_LANGUAGE = {
  de: ['Ihre Partnerstufe', 'Aktuelle Stufe', 'Nächste Stufe', 'Anforderungen erfüllt'],
  en: ['Your partner tier', 'Current tier', 'Next tier', 'requirements met', 'Extra discount'],
};

/** The checklist in the member overview's detail speaks about the member, to the aggregator. */
const MEMBER_CHECKLIST_LANGUAGE = {
  de: ['Partnerstufe', 'Aktuelle Stufe', 'Nächste Stufe', 'Anforderungen erfüllt'],
  en: ['Partner tier', 'Current tier', 'Next tier', 'requirements met', 'Extra discount'],
};

describe('landing page', () => {
  test('links to every demo site and lists the demo credentials without errors', async () => {
    const landing = await demo.openPage('/');
    try {
      const { page } = landing;
      for (const reseller of demo.credentials.resellers) await waitForText(page.locator('#credentials'), reseller.partnerId);
      for (const organization of demo.credentials.organizations) await waitForText(page.locator('#credentials'), organization.orgId);
      const links = await page.locator('main a').evaluateAll((anchors) => anchors.map((anchor) => {
        const url = new URL((anchor as HTMLAnchorElement).href);
        return url.pathname + url.search;
      }));
      assert.deepEqual(links.sort(), [
        '/aggregator-portal/?kind=carrier',
        '/aggregator-portal/?kind=distributor',
        '/aggregator-portal/?kind=isp',
        '/aggregator-portal/?kind=systemhaus_association',
        '/marketing-site/',
        '/reseller-portal/',
      ]);
      // Every link leads to a page that loads.
      for (const path of links) {
        const response = await page.request.get(`${demo.origin}${path}`);
        assert.equal(response.status(), 200, path);
      }
      await saveScreenshot(page, 'landing');
      await assertClean(landing);
    } finally {
      await landing.close();
    }
  });

  test('the language chosen on the landing page carries over to the sites', async () => {
    const landing = await demo.openPage('/');
    try {
      const { page } = landing;
      await page.getByRole('button', { name: 'Deutsch' }).click();
      // The landing page's list is translated too, its links included.
      await page.getByRole('link', { name: 'Reseller-Portal' }).click();
      await waitForText(page.locator('partner-tier-badge'), 'Sandbox-Abzeichen, nicht von Poly ausgestellt');
      assert.equal(await page.getByRole('button', { name: 'Deutsch' }).getAttribute('aria-pressed'), 'true');
      await assertClean(landing);
    } finally {
      await landing.close();
    }
  });
});

describe('reseller portal', () => {
  test('shows the demo reseller’s badge, checklist, deal form and deal list from the sandbox', async () => {
    const reseller = demoReseller();
    const [status, profile, deals] = await Promise.all([
      demo.api<TierStatus>(`/v1/partners/${reseller.partnerId}/tier-status`, reseller.secretKey),
      demo.api<PartnerProfile>(`/v1/partners/${reseller.partnerId}`, reseller.secretKey),
      demo.api<{ items: Deal[]; total: number }>(`/v1/partners/${reseller.partnerId}/deals?limit=20`, reseller.secretKey),
    ]);
    // The demo's point: a partner whose status protection holds it above what it earns.
    assert.notEqual(status.effectiveTier, status.earnedTier, 'the first demo reseller is protected above what it earns');

    const portal = await demo.openPage('/reseller-portal/');
    try {
      const { page } = portal;
      const badge = page.locator('partner-tier-badge');
      await waitForText(badge, 'Sandbox badge, not issued by Poly');
      const badgeText = await widgetText(page, 'partner-tier-badge');
      assert.match(badgeText, new RegExp(`^Partner · ${TIER_NAMES[status.effectiveTier]} ${reseller.name} Sandbox badge, not issued by Poly`));

      const checklist = page.locator('next-tier-checklist');
      await waitForText(checklist, 'Your partner tier');
      const checklistText = await widgetText(page, 'next-tier-checklist');
      assert.ok(checklistText.includes(`Current tier ${TIER_NAMES[status.effectiveTier]}`), checklistText);
      assert.ok(checklistText.includes(`Earned by your results ${TIER_NAMES[status.earnedTier]}`), checklistText);
      assert.ok(checklistText.includes('Status protection'), checklistText);
      assert.ok(status.checklist, 'the demo reseller is below Platinum');
      assert.ok(checklistText.includes(`Next tier: ${TIER_NAMES[status.checklist.tier]}`), checklistText);
      assert.ok(checklistText.includes(`${status.checklist.metCount} of ${status.checklist.requiredCount} requirements met`), checklistText);

      const form = page.locator('deal-registration-form');
      await form.getByLabel('Legal name').waitFor();
      const distributorChoices = await form.getByLabel('Distributor').locator('option').evaluateAll((options) =>
        options.map((option) => (option as HTMLOptionElement).value).filter(Boolean),
      );
      assert.deepEqual(distributorChoices, profile.distributorIds);

      const list = page.locator('partner-deal-list');
      await waitForText(list, `Showing ${number(Math.min(20, deals.total))} of ${number(deals.total)}`);
      const rows = list.locator('[part~="row"]');
      assert.equal(await rows.count(), Math.min(20, deals.total));
      assert.equal(await rows.first().getAttribute('data-deal-id'), deals.items[0]?.id);
      assert.ok((await rows.first().innerText()).includes(deals.items[0]!.customer.name));

      await saveScreenshot(page, 'reseller-portal');
      // The checklist leads with what keeps the protected tier (the README shows it on its own).
      assert.ok(status.keepChecklist, 'the demo reseller is protected above what it earns');
      const keepHeading = `To keep ${TIER_NAMES[status.keepChecklist.tier]} after`;
      assert.ok((await checklist.locator('[part~="keep"]').innerText()).includes(keepHeading));
      assert.ok(checklistText.indexOf(keepHeading) < checklistText.indexOf('Next tier:'), 'the keep section comes first');
      // From the widget's top to the end of the keep section (the next tier's part follows below it).
      await saveElementScreenshot(checklist, 'next-tier-checklist-keep', checklist.locator('[part~="keep"]'));
      await assertClean(portal);
    } finally {
      await portal.close();
    }
  });

  test('a deal registered through the form shows in the deal list and in the distributor’s pipeline', async () => {
    const reseller = demoReseller();
    const distributor = demoOrganization('distributor');
    const profile = await demo.api<PartnerProfile>(`/v1/partners/${reseller.partnerId}`, reseller.secretKey);
    assert.ok(profile.distributorIds.includes(distributor.orgId), 'the demo reseller buys through the demo distributor');
    const before = await demo.api<OrganizationSummary>(`/v1/organizations/${distributor.orgId}/summary`, distributor.secretKey);
    // Time moves deals between states (auto-approval, expiry), never in or out of the pipeline: compare the total.
    const pipelineTotal = (summary: OrganizationSummary) => summary.pipeline.reduce((sum, entry) => sum + entry.count, 0);

    const customer = 'Testlauf Konferenztechnik AG';
    const closeDate = new Date(Date.now() + 60 * 86_400_000).toISOString().slice(0, 10);
    const portal = await demo.openPage('/reseller-portal/');
    let dealId: string;
    try {
      const { page } = portal;
      const form = page.locator('deal-registration-form');
      await form.getByLabel('Legal name').waitFor();
      await form.getByRole('radio', { name: 'Deal', exact: true }).check();
      await form.getByLabel('Legal name').fill(customer);
      await form.getByLabel('Country').selectOption('DE');
      const domain = form.getByLabel('Web domain');
      await domain.click();
      await domain.pressSequentially('testlauf-konferenz.de');
      await page.keyboard.press('Tab');
      await form.getByLabel('Name', { exact: true }).fill('Eva Muster');
      await form.getByLabel('Email').fill('eva.muster@testlauf-konferenz.de');
      await form.getByLabel('Phone').fill('+49 30 1234567');
      await form.getByRole('checkbox', { name: /agreed to be named/ }).check();
      const product = form.getByLabel('Product', { exact: true });
      const sku = await product.locator('option[value]:not([value=""])').first().getAttribute('value');
      assert.ok(sku, 'the catalogue offers a product');
      await product.selectOption(sku);
      await form.getByLabel('Quantity').fill('3');
      await form.getByLabel('Estimated value').fill('25000');
      await form.getByLabel('Currency').selectOption('EUR');
      await form.getByLabel('Expected close date').fill(closeDate);
      await form.getByLabel('Distributor').selectOption(distributor.orgId);
      await form.getByLabel('Notes').fill('Zwei Besprechungsräume mit Videokonferenz.');
      await form.getByRole('button', { name: 'Register deal' }).click();

      await waitForText(form, 'Registration received');
      const formText = await widgetText(page, 'deal-registration-form');
      // The success view names the registration by its reference, which a person can quote.
      const match = /Reference (R-\d{2}-\d{6})/.exec(formText);
      assert.ok(match, formText);
      const reference = match[1]!;
      const found = await demo.api<{ items: Deal[] }>(`/v1/partners/${reseller.partnerId}/deals?q=${reference}`, reseller.secretKey);
      assert.equal(found.items.length, 1, `one registration ${reference}`);
      dealId = found.items[0]!.id;

      // The list on the same page refreshes itself after the registration.
      const row = page.locator(`partner-deal-list [part~="row"][data-deal-id="${dealId}"]`);
      await row.waitFor();
      const rowText = await row.innerText();
      assert.ok(rowText.includes(customer) && rowText.includes('testlauf-konferenz.de') && rowText.includes('€25,000'), rowText);
      await assertClean(portal);
    } finally {
      await portal.close();
    }

    const deal = await demo.api<Deal>(`/v1/deals/${dealId}`, reseller.secretKey);
    assert.equal(deal.customer.name, customer);
    assert.equal(deal.distributorId, distributor.orgId);
    assert.deepEqual(deal.products, [{ sku: deal.products[0]!.sku, quantity: 3 }]);
    assert.equal(deal.expectedCloseDate, closeDate);

    const aggregator = await demo.openPage('/aggregator-portal/?kind=distributor');
    try {
      const { page } = aggregator;
      const pipeline = page.locator('partner-member-overview [part~="pipeline"]');
      await pipeline.locator('tbody tr').first().waitFor();
      const counts = await pipeline
        .locator('tbody tr td.number:first-of-type')
        .evaluateAll((cells) => cells.map((cell) => Number(cell.textContent!.replace(/[^\d]/g, ''))));
      assert.equal(counts.length, 8, 'one pipeline row per deal state');
      assert.equal(counts.reduce((sum, count) => sum + count, 0), pipelineTotal(before) + 1);
      await assertClean(aggregator);
    } finally {
      await aggregator.close();
    }
  });

  test('signing in for another reseller shows that reseller’s data', async () => {
    const other = demo.credentials.resellers[1];
    assert.ok(other, 'the sandbox lists a second demo reseller');
    const [status, deals] = await Promise.all([
      demo.api<TierStatus>(`/v1/partners/${other.partnerId}/tier-status`, other.secretKey),
      demo.api<{ total: number }>(`/v1/partners/${other.partnerId}/deals?limit=1`, other.secretKey),
    ]);
    const portal = await demo.openPage('/reseller-portal/');
    try {
      const { page } = portal;
      await waitForText(page.locator('next-tier-checklist'), 'Your partner tier');
      await page.getByRole('combobox', { name: 'Signed in for' }).selectOption({ label: other.name });
      await page.waitForURL(`**/reseller-portal/?partner=${other.partnerId}`);
      await waitForText(page.locator('next-tier-checklist'), `Current tier ${TIER_NAMES[status.effectiveTier]}`);
      await waitForText(page.locator('partner-deal-list'), `of ${number(deals.total)}`);
      await page.locator('deal-registration-form').getByLabel('Legal name').waitFor();
      assert.equal(await page.locator('.site-header .brand').innerText(), `▦ ${other.name} Intranet`);
      await assertClean(portal);
    } finally {
      await portal.close();
    }
  });

  test(
    'every demo reseller’s badge reads verified on its own portal',
    // Every demo reseller has the demo origins among its registered websites (seeded so), not from its token.
    async () => {
      for (const reseller of demo.credentials.resellers) {
        const portal = await demo.openPage(`/reseller-portal/?partner=${reseller.partnerId}`);
        try {
          const badge = portal.page.locator('partner-tier-badge');
          await badge.locator('[part~="status"]').waitFor();
          const text = await widgetText(portal.page, 'partner-tier-badge');
          assert.ok(text.includes(`${reseller.name} Sandbox badge, not issued by Poly`), `${reseller.name}: ${text}`);
        } finally {
          await portal.close();
        }
      }
    },
  );

  test('the language switch turns every widget German', async () => {
    const portal = await demo.openPage('/reseller-portal/');
    try {
      const { page } = portal;
      await waitForText(page.locator('partner-tier-badge'), 'Sandbox badge, not issued by Poly');
      await waitForText(page.locator('next-tier-checklist'), 'Your partner tier');
      await page.locator('deal-registration-form').getByLabel('Legal name').waitFor();
      await waitForText(page.locator('partner-deal-list'), 'Your deal registrations');
      await switchToGermanAndCheck(page, {
        'partner-tier-badge': { de: ['Sandbox-Abzeichen, nicht von Poly ausgestellt', '-Partner'], en: ['Sandbox badge, not issued by Poly', ' partner '] },
        'next-tier-checklist': CHECKLIST_LANGUAGE,
        'deal-registration-form': {
          de: ['Deal registrieren', 'Endkunde', 'Firmenname', 'Kontaktperson beim Endkunden', 'Geschätzter Wert', 'Deutschland'],
          en: ['Register a deal', 'End customer', 'Legal name', 'Contact at the end customer', 'Estimated value', 'Germany', 'Choose a distributor'],
        },
        'partner-deal-list': {
          de: ['Ihre Deal-Registrierungen', 'Alle Status', 'angezeigt'],
          en: ['Your deal registrations', 'All statuses', 'Showing', 'Estimated value', 'Extra discount'],
        },
      });
      await assertClean(portal);
    } finally {
      await portal.close();
    }
  });
});

describe('aggregator portal', () => {
  for (const kind of ['distributor', 'isp', 'carrier', 'systemhaus_association']) {
    test(`${kind}: the member overview shows the summary and members, and a member’s checklist; German on switch`, async () => {
      const organization = demoOrganization(kind);
      const [details, summary, members] = await Promise.all([
        demo.api<Organization>(`/v1/organizations/${organization.orgId}`, organization.secretKey),
        demo.api<OrganizationSummary>(`/v1/organizations/${organization.orgId}/summary`, organization.secretKey),
        demo.api<{ items: Member[]; total: number }>(`/v1/organizations/${organization.orgId}/members?sort=name&limit=5`, organization.secretKey),
      ]);
      assert.ok(members.total > 0, `the demo ${kind} has members`);

      const portal = await demo.openPage(`/aggregator-portal/?kind=${kind}`);
      try {
        const { page } = portal;
        const overview = page.locator('partner-member-overview');
        await waitForText(overview, `Members of ${details.name}`);
        const chart = overview.locator('[part~="tier-chart"]');
        assert.ok((await chart.innerText()).includes(`${number(summary.memberCount)} members`));
        const bars = await chart.locator('[part~="tier-bar"]').allInnerTexts();
        assert.deepEqual(
          bars.map((bar) => bar.replace(/\s+/g, ' ').trim()),
          (['register', 'silver', 'gold', 'platinum'] as const).map((tier) => `${TIER_NAMES[tier]} ${number(summary.tiers[tier])}`),
        );
        assert.ok((await overview.locator('[part~="protections"]').innerText()).includes(`${number(summary.protectionsEndingSoon.count)} within`));
        assert.ok((await overview.locator('[part~="close-to-next"]').innerText()).includes(`${number(summary.closeToNextTier.count)} members`));
        await overview.locator('[part~="pipeline"]').waitFor();
        await waitForText(overview.locator('[part~="count"]'), `${number(members.total)} members`);

        // The list renders only rows in view: scroll to it as a user would.
        await overview.locator('[part~="grid"]').scrollIntoViewIfNeeded();
        const rows = overview.locator('[part~="row"]');
        await rows.first().waitFor();
        const shown = await rows.evaluateAll((elements) =>
          elements
            .map((row) => ({ index: Number((row as HTMLElement).dataset.index), name: row.querySelector('.cell--name')!.textContent!.trim() }))
            .sort((a, b) => a.index - b.index),
        );
        const compared = Math.min(shown.length, members.items.length);
        assert.deepEqual(
          shown.slice(0, compared),
          members.items.slice(0, compared).map((member, index) => ({ index, name: member.name })),
        );

        // Open a member below the top tier, so its checklist has a next tier to show.
        const index = members.items.findIndex((member) => member.nextTier !== null);
        assert.ok(index >= 0, `one of the first members of the ${kind} is below Platinum`);
        const member = members.items[index]!;
        await overview.locator(`[part~="row"][data-index="${index}"]`).click();
        const detail = overview.locator('[part~="detail"]');
        await waitForText(detail.locator('#detail-heading'), member.name);
        const checklist = detail.locator('next-tier-checklist');
        await waitForText(checklist, 'Partner tier');
        const status = await demo.api<TierStatus>(`/v1/partners/${member.partnerId}/tier-status`, organization.secretKey);
        assert.ok(status.checklist, 'a member below Platinum has a checklist');
        const checklistText = await widgetText(page, 'partner-member-overview [part~="detail"] next-tier-checklist');
        assert.ok(checklistText.includes(`Current tier ${TIER_NAMES[status.effectiveTier]}`), checklistText);
        assert.ok(checklistText.includes(`Next tier: ${TIER_NAMES[status.checklist.tier]}`), checklistText);
        assert.ok(checklistText.includes(`${status.checklist.metCount} of ${status.checklist.requiredCount} requirements met`), checklistText);
        await saveScreenshot(page, `aggregator-portal-${kind.replace('_', '-')}`);
        if (kind === 'distributor') {
          // "When protection ends", on its own for the README: today's tier mix beside the mix after each end date.
          const forecast = overview.locator('[part~="forecast"]');
          const first = summary.protectionForecast[0]!;
          assert.ok(first, 'protections end in the distributor');
          assert.ok((await forecast.innerText()).includes(`${number(first.falling.count)} of ${number(first.endingCount)} members`));
          await saveElementScreenshot(forecast, 'forecast-panel');
        }

        await switchToGermanAndCheck(page, {
          'partner-member-overview': {
            de: [`${details.name}: Mitglieder`, 'Mitglieder je Stufe', 'Statusschutz endet bald', 'Deal-Pipeline', 'Mitgliedsunternehmen', 'Nach Namen suchen', 'Schließen', 'Partnerstufe'],
            en: ['Members of', 'Members per tier', 'Protections ending soon', 'Close to the next tier', 'Deal pipeline', 'Member resellers', 'Search by name', 'Progress to next tier'],
          },
          'partner-member-overview [part~="detail"] next-tier-checklist': MEMBER_CHECKLIST_LANGUAGE,
        });
        await assertClean(portal);
      } finally {
        await portal.close();
      }
    });
  }
});

describe('marketing site', () => {
  test('the badge reads verified in German and English, and the SVG badge image loads', async () => {
    const reseller = demo.credentials.resellers.find((candidate) => candidate.partnerId === demo.credentials.publishable[0]?.partnerId);
    assert.ok(reseller, 'the publishable key belongs to a demo reseller');
    const status = await demo.api<TierStatus>(`/v1/partners/${reseller.partnerId}/tier-status`, reseller.secretKey);
    const site = await demo.openPage('/marketing-site/');
    try {
      const { page } = site;
      const badge = page.locator('partner-tier-badge');
      // The site is German by default.
      await waitForText(badge, 'Sandbox-Abzeichen, nicht von Poly ausgestellt');
      assert.match(await widgetText(page, 'partner-tier-badge'), new RegExp(`^${TIER_NAMES[status.effectiveTier]}-Partner ${reseller.name} Sandbox-Abzeichen, nicht von Poly ausgestellt geprüft am`));

      const image = page.locator('img.static-badge');
      await page.waitForFunction((img) => (img as HTMLImageElement).complete, await image.elementHandle());
      assert.ok((await image.evaluate((img) => (img as HTMLImageElement).naturalWidth)) > 0, 'badge.svg loaded');
      await saveScreenshot(page, 'marketing-site');

      await page.getByRole('button', { name: 'English' }).click();
      await waitForText(badge, 'Sandbox badge, not issued by Poly');
      const english = await widgetText(page, 'partner-tier-badge');
      assert.match(english, new RegExp(`^Partner · ${TIER_NAMES[status.effectiveTier]} ${reseller.name} Sandbox badge, not issued by Poly checked`));
      assert.ok(!english.includes('bestätigt'), english);
      await assertClean(site);
    } finally {
      await site.close();
    }
  });

  test('a badge altered on the way reads not verified and does not show its claims', async () => {
    const reseller = demo.credentials.resellers.find((candidate) => candidate.partnerId === demo.credentials.publishable[0]?.partnerId)!;
    let altered = 0;
    const tampered = await demo.openPage('/marketing-site/', {
      // Inject the fault between the API and the page: one byte of the signed payload flipped.
      beforeNavigation: (page) =>
        page.route(
          (url) => url.pathname.endsWith(`/v1/partners/${reseller.partnerId}/badge`),
          async (route) => {
            const response = await route.fetch();
            const body = (await response.json()) as { jws: string };
            const [header, payload, signature] = body.jws.split('.');
            const bytes = Buffer.from(payload!, 'base64url');
            // Flip the case of one letter of the partner's name: the payload stays valid JSON, the signature breaks.
            const at = bytes.indexOf(Buffer.from(reseller.name.slice(0, 4))) + 1;
            assert.ok(at > 0, 'the payload names the partner');
            bytes.writeUInt8(bytes.readUInt8(at) ^ 0x20, at);
            body.jws = [header, bytes.toString('base64url'), signature].join('.');
            altered += 1;
            await route.fulfill({ response, json: body });
          },
        ),
    });
    try {
      const { page } = tampered;
      const badge = page.locator('partner-tier-badge');
      await waitForText(badge, 'Nicht bestätigt');
      assert.ok(altered >= 1, 'the badge went through the fault');
      const text = await widgetText(page, 'partner-tier-badge');
      assert.ok(text.includes('verändert oder nicht von Poly ausgestellt'), text);
      assert.ok(text.includes('Poly-Partnerabzeichen'), text);
      assert.ok(!text.includes(reseller.name.slice(0, 4)) && !text.includes('Sandbox-Abzeichen, nicht von Poly ausgestellt'), text);

      await page.getByRole('button', { name: 'English' }).click();
      await waitForText(badge, 'Not verified');
      assert.ok((await widgetText(page, 'partner-tier-badge')).includes('altered or not issued by Poly'));
      await assertClean(tampered);
    } finally {
      await tampered.close();
    }
  });
});
