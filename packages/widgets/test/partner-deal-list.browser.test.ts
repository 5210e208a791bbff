// <partner-deal-list> against the real sandbox: what each row says, the status filter, "load more" (and its failure),
// the empty states, hostile customer names, German, and accessibility in every state.
import { expect, fixtureCleanup, oneEvent, waitUntil } from '@open-wc/testing';
import { DEAL_STATUSES, type Deal, type DealList, type DealStatus } from '@poly-partner/contract';
import type { PartnerClient } from '@poly-partner/sdk';
import '../src/components/partner-deal-list/partner-deal-list.js';
import '../src/components/deal-registration-form/deal-registration-form.js';
import type { DealRegistrationForm } from '../src/components/deal-registration-form/deal-registration-form.js';
import { control, fill } from '../../../test/support/browser/form.js';
import type { PartnerDealList } from '../src/components/partner-deal-list/partner-deal-list.js';
import { PartnerDealRegisteredEvent } from '../src/events/partner-deal-registered-event.js';
import type { PartnerErrorEvent } from '../src/events/partner-error-event.js';
import { FetchFaults } from '../../../test/support/browser/fetch-faults.js';
import { focusedIn, sendKeys } from './support/keyboard.js';
import { mount, part, textOf, waitForText } from '../../../test/support/browser/mount.js';
import { clientFor, demoReseller, sandboxConfig } from '../../../test/support/browser/sandbox.js';
import { runWidgetBaseTests } from './support/widget-base-tests.js';

const TAG = 'partner-deal-list';
const reseller = () => demoReseller(/protected Gold/i);

// The sandbox seeds its 15,000 resellers on first use; wait for that here rather than inside the first test's timeout.
before(async function () {
  this.timeout(120000);
  await sandboxConfig();
});

runWidgetBaseTests({
  tag: TAG,
  attributes: async () => ({ 'partner-id': (await reseller()).partnerId }),
  client: async (fetch) => clientFor({ partnerId: (await reseller()).partnerId }, { fetch }),
  loadedText: { en: /Your deal registrations/, de: /Ihre Deal-Registrierungen/ },
  size: 'reserved',
});

const STATUS_NAMES: Record<DealStatus, string> = {
  submitted: 'Submitted',
  under_review: 'Under review',
  approved: 'Approved',
  rejected: 'Rejected',
  won: 'Won',
  lost: 'Lost',
  expired: 'Expired',
  withdrawn: 'Withdrawn',
};

const rows = (el: Element) => [...el.shadowRoot!.querySelectorAll<HTMLTableRowElement>('tbody tr')];

async function mountList(client: PartnerClient, partnerId: string, attributes: Record<string, string> = {}) {
  const mounted = await mount<PartnerDealList>(TAG, { 'partner-id': partnerId, ...attributes }, client);
  await mounted.ready;
  await mounted.el.updateComplete;
  return mounted;
}

async function chooseStatus(el: PartnerDealList, status: string): Promise<void> {
  const select = part(el, 'filter') as HTMLSelectElement;
  select.value = status;
  select.dispatchEvent(new Event('change', { bubbles: true }));
  await el.updateComplete;
}

describe('<partner-deal-list>', () => {
  afterEach(() => {
    document.documentElement.lang = 'en';
    fixtureCleanup();
  });

  it('shows each registration with customer, type, status in words, value, expiry and discount', async () => {
    const { partnerId } = await reseller();
    const client = await clientFor({ partnerId });
    const { el } = await mountList(client, partnerId);
    const page = await client.deals.list(partnerId, { limit: 20 });
    expect(rows(el)).to.have.length(page.items.length);
    expect(textOf(part(el, 'count')!)).to.equal(`Showing ${page.items.length} of ${page.total}`);

    const withExpiry = page.items.find((deal) => deal.expiresAt) ?? page.items[0]!;
    const row = rows(el).find((candidate) => candidate.dataset['dealId'] === withExpiry.id)!;
    const text = textOf(row);
    expect(text).to.contain(withExpiry.customer.name);
    expect(text).to.contain(STATUS_NAMES[withExpiry.status]);
    expect(text).to.contain(
      new Intl.NumberFormat('en', { style: 'currency', currency: withExpiry.estimatedValue.currency, maximumFractionDigits: 0 }).format(
        withExpiry.estimatedValue.amount,
      ),
    );
    if (withExpiry.expiresAt) {
      expect(text).to.contain(new Intl.DateTimeFormat('en', { dateStyle: 'medium' }).format(new Date(withExpiry.expiresAt)));
    }
    expect(text).to.match(/\d+% (expected|granted)|None/);
    // Status in words with a shape beside it, not colour alone.
    const status = row.querySelector('[part~="status"]')!;
    expect(status.textContent?.trim()).to.equal(STATUS_NAMES[withExpiry.status]);
    expect(status.querySelector('svg[aria-hidden="true"]')).to.exist;
    await expect(el).to.be.accessible();
  });

  it('filters by status, says so when a status has no registrations, and keeps the filter in reach', async () => {
    // A demo reseller with registrations in some states but not in all.
    const { credentials } = await sandboxConfig();
    let partnerId = '';
    let client: PartnerClient | undefined;
    let all: Deal[] = [];
    for (const candidate of credentials.resellers) {
      client = await clientFor({ partnerId: candidate.partnerId });
      all = await client.deals.list(candidate.partnerId, { limit: 200 }).all();
      partnerId = candidate.partnerId;
      if (all.length > 0 && DEAL_STATUSES.some((status) => !all.some((deal) => deal.status === status))) break;
    }
    const present = DEAL_STATUSES.find((status) => all.some((deal) => deal.status === status))!;
    const absent = DEAL_STATUSES.find((status) => !all.some((deal) => deal.status === status));
    const { el } = await mountList(client!, partnerId);

    await chooseStatus(el, present);
    const expected = all.filter((deal) => deal.status === present).length;
    await waitForText(el, new RegExp(`Showing ${expected} of ${expected}`));
    expect(rows(el).map((row) => row.querySelector('[part~="status"]')!.textContent!.trim())).to.deep.equal(
      Array(expected).fill(STATUS_NAMES[present]),
    );
    await expect(el).to.be.accessible();

    if (!absent) throw new Error('every demo reseller has registrations in every state; the empty filter cannot be shown');
    await chooseStatus(el, absent);
    await waitForText(el, new RegExp(`No registrations with the status “${STATUS_NAMES[absent]}”`));
    expect(part(el, 'filter'), 'the filter stays to pick another status').to.exist;
    expect(rows(el)).to.have.length(0);
    await expect(el).to.be.accessible();

    document.documentElement.lang = 'de';
    await waitForText(el, /Keine Registrierungen mit dem Status/);
    await expect(el).to.be.accessible();
  });

  it('loads more pages until all registrations are shown; the keyboard lands on the first new row', async () => {
    const { partnerId } = await reseller();
    const client = await clientFor({ partnerId });
    const { el } = await mountList(client, partnerId, { 'page-size': '3' });
    const total = (await client.deals.list(partnerId, { limit: 1 })).total;
    expect(total, 'enough registrations for several pages').to.be.greaterThan(3);
    expect(rows(el)).to.have.length(3);

    let pages = 1;
    while (part(el, 'load-more-button')) {
      expect(pages, 'Load more ends').to.be.lessThan(total);
      const before = rows(el).length;
      (part(el, 'load-more-button') as HTMLButtonElement).click();
      await waitUntil(() => rows(el).length > before, 'more rows', { timeout: 5000 });
      pages += 1;
      await el.updateComplete;
    }
    expect(pages).to.equal(Math.ceil(total / 3));
    const ids = rows(el).map((row) => row.dataset['dealId']);
    expect(new Set(ids).size, 'every registration once').to.equal(total);
    expect(textOf(part(el, 'count')!)).to.equal(`Showing ${total} of ${total}`);
    const firstOfLastPage = rows(el)[(pages - 1) * 3]!;
    expect(focusedIn(el), 'focus on the first row of the last page').to.equal(firstOfLastPage.querySelector('th'));
    await expect(el).to.be.accessible();
  });

  it('shows a failed "load more" with partner-error and lets the user try again', async () => {
    const { partnerId } = await reseller();
    const faults = new FetchFaults();
    const { el } = await mountList(await clientFor({ partnerId }, { fetch: faults.fetch }), partnerId, { 'page-size': '2' });
    faults.failWith(503);
    const failed = oneEvent(el, 'partner-error') as Promise<PartnerErrorEvent>;
    (part(el, 'load-more-button') as HTMLButtonElement).click();
    expect((await failed).error.status).to.equal(503);
    await el.updateComplete;
    expect(textOf(part(el, 'load-more-error')!)).to.contain('The partner service had a problem');
    expect(rows(el), 'the rows already shown stay').to.have.length(2);
    expect(part(el, 'load-more-button')!.textContent?.trim()).to.equal('Try loading more again');
    await expect(el).to.be.accessible();

    faults.pass();
    (part(el, 'load-more-button') as HTMLButtonElement).click();
    await waitUntil(() => rows(el).length === 4, 'the next page after trying again', { timeout: 5000 });
    expect(part(el, 'load-more-error')).to.not.exist;
  });

  it('says when the partner has no registrations at all', async () => {
    const { partnerId } = await reseller();
    const faults = new FetchFaults();
    faults.rewriteJson(/\/deals$/, (body) => ({ ...(body as DealList), items: [], nextCursor: null, total: 0 }));
    const { el } = await mountList(await clientFor({ partnerId }, { fetch: faults.fetch }), partnerId);
    expect(part(el, 'empty')).to.exist;
    expect(textOf(el)).to.contain('You have not registered any deals yet.');
    await expect(el).to.be.accessible();
    document.documentElement.lang = 'de';
    await waitForText(el, /Sie haben noch keine Deals registriert/);
  });

  it('renders hostile customer names from the API as text', async () => {
    const { partnerId } = await reseller();
    const hostile = '<img src=x onerror="window.__dealListHacked=1"><script>alert(1)</script>Evil & Co';
    const faults = new FetchFaults();
    faults.rewriteJson(/\/deals$/, (body) => {
      const list = body as DealList;
      const [first, ...rest] = list.items as [Deal, ...Deal[]];
      return { ...list, items: [{ ...first, customer: { ...first.customer, name: hostile } }, ...rest] };
    });
    const { el } = await mountList(await clientFor({ partnerId }, { fetch: faults.fetch }), partnerId);
    expect(rows(el)[0]!.querySelector('.customer')!.textContent).to.equal(hostile);
    expect(el.shadowRoot!.querySelector('img, script'), 'no markup from the API').to.not.exist;
    expect((window as { __dealListHacked?: number }).__dealListHacked).to.equal(undefined);
  });

  it('shows statuses, money and dates in German', async () => {
    const { partnerId } = await reseller();
    const client = await clientFor({ partnerId });
    document.documentElement.lang = 'de';
    const { el } = await mountList(client, partnerId);
    const page = await client.deals.list(partnerId, { limit: 20 });
    const approved = page.items.find((deal) => deal.status === 'approved' && deal.expiresAt);
    const german: Partial<Record<DealStatus, string>> = { approved: 'Genehmigt', submitted: 'Eingereicht', under_review: 'In Prüfung', won: 'Gewonnen' };
    const first = page.items[0]!;
    const row = rows(el)[0]!;
    if (german[first.status]) expect(textOf(row)).to.contain(german[first.status]!);
    expect(textOf(row)).to.contain(
      new Intl.NumberFormat('de', { style: 'currency', currency: first.estimatedValue.currency, maximumFractionDigits: 0 })
        .format(first.estimatedValue.amount)
        .replace(/\s/g, ' '),
    );
    if (approved) {
      const approvedRow = rows(el).find((candidate) => candidate.dataset['dealId'] === approved.id)!;
      expect(textOf(approvedRow)).to.contain(new Intl.DateTimeFormat('de', { dateStyle: 'medium' }).format(new Date(approved.expiresAt!)));
    }
    expect(textOf(el)).to.contain('Kunde');
    expect(textOf(el)).to.not.contain('Customer');
    await expect(el).to.be.accessible();
  });

  it('refreshes when a registration of its partner is announced on the page, and only then', async () => {
    const { partnerId } = await reseller();
    const faults = new FetchFaults();
    const client = await clientFor({ partnerId }, { fetch: faults.fetch });
    const { el } = await mountList(client, partnerId);
    const page = await client.deals.list(partnerId, { limit: 1 });
    const before = faults.seen.length;

    document.body.dispatchEvent(new PartnerDealRegisteredEvent({ ...page.items[0]!, partnerId: 'ptr_someoneelse' }));
    await el.updateComplete;
    expect(faults.seen.length, 'another partner’s registration is none of its business').to.equal(before);

    document.body.dispatchEvent(new PartnerDealRegisteredEvent(page.items[0]!));
    await waitUntil(() => faults.seen.length > before, 'the list asks the API again', { timeout: 5000 });
    await waitForText(el, /Showing \d+ of \d+/);
  });
});

describe('<partner-deal-list> as a work list', () => {
  afterEach(() => {
    document.documentElement.lang = 'en';
    fixtureCleanup();
  });

  const inDialog = (dialog: Element, name: string) => dialog.querySelector<HTMLElement>(`[part~="${name}"]`);
  const IN_SIX_MONTHS = new Date(Date.now() + 180 * 86_400_000).toISOString().slice(0, 10);
  const unique = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;

  const words = {
    en: { heading: /Your deal registrations/, withdrawn: 'Withdrawn', submitted: 'Submitted', history: 'History' },
    de: { heading: /Ihre Deal-Registrierungen/, withdrawn: 'Zurückgezogen', submitted: 'Eingereicht', history: 'Verlauf' },
  } as const;

  for (const lang of ['en', 'de'] as const) {
    it(`${lang}: a registration appears highlighted in the list, opens in detail, and is withdrawn there`, async function () {
      this.timeout(30000);
      const { partnerId } = await reseller();
      document.documentElement.lang = lang;
      localStorage.removeItem(`poly-partner-widgets:deal-draft:${partnerId}`);
      const client = await clientFor({ partnerId });
      const list = (await mountList(client, partnerId)).el;
      const formMounted = await mount<DealRegistrationForm>('deal-registration-form', { 'partner-id': partnerId }, client);
      await formMounted.ready;
      const form = formMounted.el;
      await form.updateComplete;
      list.before(form);
      await waitForText(list, words[lang].heading);

      const domain = `liste-${unique()}.de`;
      const sku = [...control<HTMLSelectElement>(form, 'product-0-sku').options].find((option) => option.value)!.value;
      await fill(form, {
        'type-deal': true, 'customer-name': `Liste ${lang} GmbH`, domain, 'contact-name': 'Eva Muster', email: `eva@${domain}`,
        consent: true, 'product-0-sku': sku, 'product-0-quantity': '2', amount: '5000', 'close-date': IN_SIX_MONTHS,
      });
      const registered = oneEvent(form, 'partner-deal-registered') as Promise<PartnerDealRegisteredEvent>;
      (form.shadowRoot!.querySelector('[part~="submit-button"]') as HTMLButtonElement).click();
      const { deal } = await registered;

      await waitUntil(() => rows(list)[0]?.dataset['dealId'] === deal.id, 'the new registration heads the list', { timeout: 5000 });
      const row = rows(list)[0]!;
      expect(row.getAttribute('part'), 'highlighted').to.contain('row-new');
      expect(textOf(row)).to.contain(deal.reference);
      expect(textOf(row)).to.contain(new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeZone: 'UTC' }).format(Date.parse(`${IN_SIX_MONTHS}T00:00:00Z`)));

      (row.querySelector('[part~="open-button"]') as HTMLButtonElement).click();
      await waitUntil(() => list.shadowRoot!.querySelector('dialog[open]'), 'the detail opens', { timeout: 5000 });
      const dialog = list.shadowRoot!.querySelector('dialog')!;
      expect(textOf(dialog)).to.contain(deal.reference);
      expect(textOf(dialog)).to.contain(domain);
      expect(textOf(inDialog(dialog, 'history')!)).to.contain(words[lang].submitted);
      await expect(list).to.be.accessible();

      (inDialog(dialog, 'withdraw-button') as HTMLButtonElement).click();
      await list.updateComplete;
      expect(await client.deals.get(deal.id).then((fresh) => fresh.status), 'nothing happens before the confirmation').to.equal('submitted');
      expect(focusedIn(list)).to.equal(inDialog(dialog, 'confirm-withdraw-button'));
      (inDialog(dialog, 'confirm-withdraw-button') as HTMLButtonElement).click();
      await waitUntil(() => textOf(inDialog(dialog, 'history')!).includes(words[lang].withdrawn), 'the history shows the withdrawal', { timeout: 5000 });
      expect(inDialog(dialog, 'withdraw-button'), 'no second withdrawal').to.not.exist;
      expect(textOf(rows(list)[0]!.querySelector('[part~="status"]')!), 'the row updates in place').to.equal(words[lang].withdrawn);
      expect((await client.deals.get(deal.id)).status).to.equal('withdrawn');
      await expect(list).to.be.accessible();

      (inDialog(dialog, 'close-button') as HTMLButtonElement).click();
      await waitUntil(() => !list.shadowRoot!.querySelector('dialog'), 'closed', { timeout: 5000 });
      expect(focusedIn(list)).to.equal(rows(list)[0]!.querySelector('[part~="open-button"]'));
    });
  }

  it('shows Poly’s reason for a rejection, the expiry and discount in the detail, and offers no withdrawal once decided', async () => {
    const { partnerId } = await reseller();
    const faults = new FetchFaults();
    // A rejected registration as the API answers it once Poly decided, with the reason it gave.
    faults.rewriteJson(/\/deals$/, (body) => {
      const page = body as DealList;
      const [first, ...rest] = page.items;
      return {
        ...page,
        items: [
          {
            ...first!,
            status: 'rejected',
            decisionReason: 'The customer is already served by Poly directly.',
            history: [...first!.history, { status: 'rejected', at: '2026-05-04T09:30:00.000Z' }],
          },
          ...rest,
        ],
      };
    });
    const { el } = await mountList(await clientFor({ partnerId }, { fetch: faults.fetch }), partnerId);
    (rows(el)[0]!.querySelector('[part~="open-button"]') as HTMLButtonElement).click();
    await waitUntil(() => el.shadowRoot!.querySelector('dialog[open]'), 'the detail opens', { timeout: 5000 });
    const dialog = el.shadowRoot!.querySelector('dialog')!;
    expect(textOf(dialog)).to.contain('Reason given by Poly');
    expect(textOf(dialog)).to.contain('The customer is already served by Poly directly.');
    expect(textOf(dialog)).to.match(/Expires/).and.to.match(/Extra discount/);
    expect(textOf(dialog.querySelector('[part~="history"]')!)).to.contain(
      `${new Intl.DateTimeFormat('en', { dateStyle: 'medium' }).format(Date.parse('2026-05-04T09:30:00.000Z'))} Rejected`,
    );
    expect(dialog.querySelector('[part~="withdraw-button"]'), 'a decided registration cannot be withdrawn').to.not.exist;
    await expect(el).to.be.accessible();
    await sendKeys({ press: 'Escape' });
    await waitUntil(() => !el.shadowRoot!.querySelector('dialog'), 'Escape closes the detail', { timeout: 5000 });
  });

  it('searches by reference and customer, and sorts by a column', async function () {
    this.timeout(20000);
    const { partnerId } = await reseller();
    const client = await clientFor({ partnerId });
    const { el } = await mountList(client, partnerId);
    const all = await client.deals.list(partnerId, { limit: 200 }).all();
    const target = all[all.length - 1]!;

    const search = part(el, 'search') as HTMLInputElement;
    search.focus();
    await sendKeys({ type: target.reference });
    await waitUntil(() => rows(el).length === 1, 'one match', { timeout: 5000 });
    expect(rows(el)[0]!.dataset['dealId']).to.equal(target.id);
    await sendKeys({ press: 'Control+a' });
    await sendKeys({ type: 'zz-nothing-matches-this' });
    await waitForText(el, /No registrations match “zz-nothing-matches-this”/);
    await sendKeys({ press: 'Control+a' });
    await sendKeys({ press: 'Backspace' });
    await waitUntil(() => rows(el).length === Math.min(20, all.length), 'all again', { timeout: 5000 });

    const header = [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('[part~="sort-button"]')].find(
      (button) => button.dataset['sort'] === 'expectedCloseDate',
    )!;
    header.click();
    const expected = (await client.deals.list(partnerId, { sort: '-expectedCloseDate', limit: 20 })).items.map((deal) => deal.id);
    await waitUntil(() => rows(el).map((row) => row.dataset['dealId']).join() === expected.join(), 'sorted by close date, latest first', { timeout: 5000 });
    expect(header.closest('th')!.getAttribute('aria-sort')).to.equal('descending');
    header.click();
    await waitUntil(() => header.closest('th')!.getAttribute('aria-sort') === 'ascending', 'and the other way', { timeout: 5000 });
    // The header turns at once; the rows stay dimmed (aria-busy) until the sorted page is in. Check what then shows.
    const list = el.shadowRoot!.querySelector('[part~="base"]')!;
    await waitUntil(() => list.getAttribute('aria-busy') === 'false', 'the sorted page is in', { timeout: 5000 });
    await expect(el).to.be.accessible();
  });
});
