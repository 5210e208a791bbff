// <deal-registration-form> against the real sandbox: keyboard-only registration that shows up in <partner-deal-list>,
// validation with a focused error summary, server field errors, the conflict pre-check, the stored draft (reload,
// failed submit), a submit that is never doubled, hostile strings, English and German, accessibility in every state.
import { expect, fixtureCleanup, oneEvent, waitUntil } from '@open-wc/testing';
import type { Deal } from '@poly-partner/contract';
import type { PartnerClient } from '@poly-partner/sdk';
import '../src/components/deal-registration-form/deal-registration-form.js';
import type { DealRegistrationForm } from '../src/components/deal-registration-form/deal-registration-form.js';
import '../src/components/partner-deal-list/partner-deal-list.js';
import type { PartnerDealList } from '../src/components/partner-deal-list/partner-deal-list.js';
import type { PartnerDealRegisteredEvent } from '../src/events/partner-deal-registered-event.js';
import type { PartnerOpenDealEvent } from '../src/events/partner-open-deal-event.js';
import { FetchFaults } from '../../../test/support/browser/fetch-faults.js';
import { focusedIn, sendKeys, tabTo } from './support/keyboard.js';
import { mount, part, textOf, waitForText } from '../../../test/support/browser/mount.js';
import { clientFor, demoReseller, sandboxConfig } from '../../../test/support/browser/sandbox.js';
import { runWidgetBaseTests } from './support/widget-base-tests.js';
import { control, fill } from '../../../test/support/browser/form.js';

/** A close date the API accepts whenever the tests run: close dates in the past are refused. */
const IN_SIX_MONTHS = new Date(Date.now() + 180 * 86_400_000).toISOString().slice(0, 10);

const TAG = 'deal-registration-form';
const reseller = () => demoReseller(/protected Gold/i);
const draftKey = (partnerId: string) => `poly-partner-widgets:deal-draft:${partnerId}`;

// The sandbox seeds its 15,000 resellers on first use; wait for that here rather than inside the first test's timeout.
before(async function () {
  this.timeout(120000);
  await sandboxConfig();
});

runWidgetBaseTests({
  tag: TAG,
  attributes: async () => ({ 'partner-id': (await reseller()).partnerId }),
  client: async (fetch) => clientFor({ partnerId: (await reseller()).partnerId }, { fetch }),
  loadedText: { en: /Register a deal/, de: /Deal registrieren/ },
  size: 'reserved',
});

const unique = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;


/** The first product offered in line `index`. */
function firstSku(el: Element, index = 0): string {
  return [...control<HTMLSelectElement>(el, `product-${index}-sku`).options].find((option) => option.value)!.value;
}

function validEntries(el: Element, name: string, domain: string): Record<string, string | boolean> {
  return {
    'type-deal': true,
    'customer-name': name,
    domain,
    'contact-name': 'Eva Muster',
    email: `eva@${domain}`,
    consent: true,
    'product-0-sku': firstSku(el),
    'product-0-quantity': '3',
    amount: '25000',
    'close-date': IN_SIX_MONTHS,
  };
}

async function mountForm(client: PartnerClient, partnerId: string) {
  const mounted = await mount<DealRegistrationForm>(TAG, { 'partner-id': partnerId }, client);
  await mounted.ready;
  await mounted.el.updateComplete;
  return mounted;
}

/** Registrations of the partner for this end-customer domain, as the API has them. */
async function dealsFor(client: PartnerClient, partnerId: string, domain: string): Promise<Deal[]> {
  const all = await client.deals.list(partnerId, { limit: 200 }).all();
  return all.filter((deal) => deal.customer.domain === domain);
}

function submitButton(el: Element): HTMLButtonElement {
  return part(el, 'submit-button') as HTMLButtonElement;
}

describe('<deal-registration-form>', () => {
  beforeEach(async () => {
    localStorage.removeItem(draftKey((await reseller()).partnerId));
  });
  afterEach(() => {
    document.documentElement.lang = 'en';
    fixtureCleanup();
  });

  it('can be completed with the keyboard alone, and the real deal then appears in the deal list', async function () {
    this.timeout(40000);
    const { partnerId } = await reseller();
    const client = await clientFor({ partnerId });
    const list = (await mount<PartnerDealList>('partner-deal-list', { 'partner-id': partnerId }, client)).el;
    const { el } = await mountForm(client, partnerId);
    // The form comes first on the page for the keyboard; the list sits below it.
    el.after(list);
    await waitForText(list, /Your deal registrations/);
    const id = unique();
    const name = `Tastatur GmbH ${id}`;
    const domain = `tastatur-${id}.de`;

    await tabTo(el, 'type-opportunity');
    await sendKeys({ press: 'ArrowRight' }); // radios: the arrow keys choose
    expect(control(el, 'type-deal').checked, 'type chosen with an arrow key').to.be.true;
    await tabTo(el, 'customer-name');
    await sendKeys({ type: name });
    await tabTo(el, 'domain');
    await sendKeys({ type: domain });
    await tabTo(el, 'contact-name');
    await sendKeys({ type: 'Eva Muster' });
    await tabTo(el, 'email');
    await sendKeys({ type: `eva@${domain}` });
    await tabTo(el, 'consent');
    await sendKeys({ press: 'Space' });
    await tabTo(el, 'product-0-sku');
    await sendKeys({ press: 'ArrowDown' });
    expect(control<HTMLSelectElement>(el, 'product-0-sku').value, 'product chosen with an arrow key').to.equal(firstSku(el));
    await tabTo(el, 'product-0-quantity');
    await sendKeys({ press: 'Control+a' });
    await sendKeys({ type: '3' });
    await tabTo(el, 'add-product');
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(focusedIn(el)?.id, 'focus moves to the new line').to.equal('product-1-sku');
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'ArrowDown' });
    await tabTo(el, 'amount');
    await sendKeys({ type: '25000' });
    await tabTo(el, 'close-date');
    // A date field takes the digits of its segments in the order of the browser's locale (en-US: month, day, year).
    const segments = new Intl.DateTimeFormat(navigator.language, { year: 'numeric', month: '2-digit', day: '2-digit' })
      .formatToParts(new Date(2027, 11, 31))
      .filter((segment) => segment.type !== 'literal');
    await sendKeys({ type: segments.map((segment) => segment.value).join('') });
    expect(control(el, 'close-date').value).to.equal('2027-12-31');
    await tabTo(el, 'notes');
    await sendKeys({ type: 'Rollout in two phases' });

    const registered = oneEvent(el, 'partner-deal-registered') as Promise<PartnerDealRegisteredEvent>;
    // The submit button has no id: reach it with Tab like the rest, then press Enter.
    for (let presses = 0; focusedIn(el) !== submitButton(el) && presses < 10; presses += 1) await sendKeys({ press: 'Tab' });
    expect(focusedIn(el), 'submit button reached with Tab').to.equal(submitButton(el));
    await sendKeys({ press: 'Enter' });
    const event = await registered;
    expect(event.bubbles && event.composed, 'partner-deal-registered leaves the shadow root').to.be.true;

    const deal = event.deal;
    await el.updateComplete;
    expect(focusedIn(el)?.id, 'the success heading takes focus').to.equal('success-heading');
    expect(textOf(el)).to.contain('Registration received');
    expect(textOf(el), 'a reference one can quote, not the technical id').to.contain(`Reference ${deal.reference}`).and.not.contain(deal.id);
    expect(textOf(el)).to.match(/Status (Submitted|Under review)/);
    expect(textOf(el)).to.contain('Set when Poly approves the registration');
    expect(textOf(el)).to.contain(`${deal.discount.percent}% expected`);
    await expect(el).to.be.accessible();

    const stored = await client.deals.get(deal.id);
    expect(stored.type).to.equal('deal');
    expect(stored.customer.name).to.equal(name);
    expect(stored.customer.contact?.consent).to.be.true;
    expect(stored.products.map((line) => line.quantity)).to.deep.equal([3, 1]);
    expect(stored.estimatedValue).to.deep.equal({ amount: 25000, currency: 'EUR' });
    expect(stored.expectedCloseDate).to.equal('2027-12-31');
    expect(stored.notes).to.equal('Rollout in two phases');

    await waitForText(list, new RegExp(name), 'the deal list refreshes with the new registration');
    expect(localStorage.getItem(draftKey(partnerId)), 'draft cleared after success').to.equal(null);
  });

  it('validates with the contract: a focused error summary linking to each field, messages beside the fields', async () => {
    const { partnerId } = await reseller();
    const faults = new FetchFaults();
    const { el } = await mountForm(await clientFor({ partnerId }, { fetch: faults.fetch }), partnerId);
    await fill(el, { domain: 'https://not a domain', email: 'not-an-email' });
    submitButton(el).click();
    await el.updateComplete;

    const summary = part(el, 'error-summary')!;
    expect(summary, 'error summary').to.exist;
    expect(focusedIn(el), 'the summary takes focus').to.equal(summary);
    const text = textOf(summary);
    expect(text).to.contain('Choose whether this is an opportunity, a deal or a project.');
    expect(text).to.contain('Enter the end customer’s legal name.');
    expect(text).to.contain('Enter a web domain such as beispiel.de, without https:// or a path.');
    expect(text).to.contain('Enter an email address such as name@example.com.');
    expect(text).to.contain('Confirm that the contact agreed to be named to Poly.');
    expect(text).to.contain('Choose a product.');
    expect(text).to.contain('Enter an estimated value greater than 0.');
    expect(text).to.contain('Enter the expected close date.');
    expect(text, 'never zod’s own English').to.not.match(/Invalid (input|email|string)|Too (small|big)|expected (string|number|int|true)/i);
    expect(faults.seen.filter((path) => /deals/.test(path)), 'nothing was sent').to.deep.equal([]);

    const name = control(el, 'customer-name');
    expect(name.getAttribute('aria-invalid')).to.equal('true');
    const describedBy = name.getAttribute('aria-describedby')!.split(' ');
    const message = describedBy.map((id) => el.shadowRoot!.getElementById(id)?.textContent?.trim()).join(' ');
    expect(message).to.contain('Enter the end customer’s legal name.');
    await expect(el).to.be.accessible();

    const link = [...summary.querySelectorAll('a')].find((anchor) => anchor.textContent?.includes('legal name'))!;
    link.click();
    expect(focusedIn(el), 'the summary link moves focus to the field').to.equal(name);

    // Corrections are re-checked as the user types.
    await fill(el, { 'customer-name': 'Beispiel AG' });
    expect(name.hasAttribute('aria-invalid')).to.be.false;
    expect(textOf(part(el, 'error-summary')!)).to.not.contain('legal name');

    document.documentElement.lang = 'de';
    await waitForText(el, /Bitte korrigieren Sie \d+ Angaben/);
    const german = textOf(part(el, 'error-summary')!);
    expect(german).to.contain('Geben Sie eine E-Mail-Adresse wie name@beispiel.de ein.');
    expect(german).to.contain('Bestätigen Sie, dass die Kontaktperson der Nennung gegenüber Poly zugestimmt hat.');
    expect(german).to.not.contain('Enter');
    await expect(el).to.be.accessible();
  });

  it('shows the API’s field errors beside the fields, and renders hostile catalogue strings as text', async () => {
    const { partnerId } = await reseller();
    const hostile = '<img src=x onerror="window.__dealFormHacked=1">Studio <b>Evil</b>';
    const faults = new FetchFaults();
    faults.rewriteJson('/v1/products', (body) => {
      const list = body as { items: { sku: string; name: string; family: string }[] };
      return { ...list, items: [{ ...list.items[0]!, sku: 'FAKE-SKU-1', name: hostile, family: '<script>alert(1)</script>' }, ...list.items] };
    });
    faults.rewriteJson(/\/v1\/partners\/[^/]+$/, (body) => {
      const profile = body as { distributorIds: string[]; distributors: { id: string; name: string }[] };
      return {
        ...profile,
        distributorIds: ['org_notadistributor', ...profile.distributorIds],
        distributors: [{ id: 'org_notadistributor', name: hostile }, ...profile.distributors],
      };
    });
    const { el } = await mountForm(await clientFor({ partnerId }, { fetch: faults.fetch }), partnerId);

    const option = [...control<HTMLSelectElement>(el, 'product-0-sku').options].find((entry) => entry.value === 'FAKE-SKU-1')!;
    expect(option.textContent).to.contain(hostile);
    const distributorOption = [...control<HTMLSelectElement>(el, 'distributor').options].find((entry) => entry.value === 'org_notadistributor')!;
    expect(distributorOption.textContent).to.contain(hostile);
    expect(el.shadowRoot!.querySelector('img, b, script'), 'no markup from the API').to.not.exist;
    expect((window as { __dealFormHacked?: number }).__dealFormHacked).to.equal(undefined);

    const domain = `felder-${unique()}.de`;
    await fill(el, { ...validEntries(el, 'Felder AG', domain), 'product-0-sku': 'FAKE-SKU-1', distributor: 'org_notadistributor' });
    submitButton(el).click();
    await waitUntil(() => part(el, 'error-summary'), 'the API’s 422 shows in the summary', { timeout: 5000 });
    expect(focusedIn(el)).to.equal(part(el, 'error-summary'));
    expect(textOf(el)).to.contain('This product is not in the Poly catalogue. Choose another.');
    expect(textOf(el)).to.contain('Choose one of your Poly distributors.');
    expect(control(el, 'product-0-sku').getAttribute('aria-invalid')).to.equal('true');
    expect(control(el, 'distributor').getAttribute('aria-invalid')).to.equal('true');
    await expect(el).to.be.accessible();
  });

  it('warns, without blocking, when another partner has registered the customer, on leaving the domain field', async function () {
    this.timeout(20000);
    const { partnerId } = await reseller();
    // Another partner registers the customer first, through the API.
    const other = await demoReseller(/clean Gold/i);
    const otherClient = await clientFor({ partnerId: other.partnerId });
    const [profile, products] = await Promise.all([otherClient.partners.get(other.partnerId), otherClient.products.list()]);
    const domain = `vergeben-${unique()}.de`;
    await otherClient.deals.register(other.partnerId, {
      type: 'project',
      customer: { name: 'Vergeben GmbH', country: 'DE', domain, contact: { name: 'Jo Beispiel', email: `jo@${domain}`, consent: true } },
      products: [{ sku: products.items[0]!.sku, quantity: 1 }],
      estimatedValue: { amount: 1000, currency: 'EUR' },
      expectedCloseDate: IN_SIX_MONTHS,
      distributorId: profile.distributorIds[0]!,
    });

    const { el } = await mountForm(await clientFor({ partnerId }), partnerId);
    const notice = part(el, 'conflict-notice')!;
    expect(notice.getAttribute('role'), 'announced politely').to.equal('status');
    expect(textOf(notice)).to.equal('');
    await fill(el, { domain: `WWW.${domain}` });
    await waitForText(notice, /Another partner has registered this customer; your registration will be reviewed\./);
    await expect(el).to.be.accessible();

    document.documentElement.lang = 'de';
    await waitForText(notice, /Ein anderer Partner hat diesen Kunden bereits registriert/);
    document.documentElement.lang = 'en';

    await fill(el, validEntries(el, 'Zweiter Versuch AG', domain));
    submitButton(el).click();
    const { deal } = (await oneEvent(el, 'partner-deal-registered')) as PartnerDealRegisteredEvent;
    expect(deal.status).to.equal('under_review');
    expect(deal.conflict).to.be.true;
    await el.updateComplete;
    expect(textOf(el)).to.contain('Under review');
    expect(textOf(el)).to.contain('your registration will be reviewed');
    await expect(el).to.be.accessible();
  });

  it('flags the partner’s own registration of the customer by its reference, and offers to open it instead', async function () {
    this.timeout(20000);
    const { partnerId } = await reseller();
    const client = await clientFor({ partnerId });
    const [profile, products] = await Promise.all([client.partners.get(partnerId), client.products.list()]);
    const domain = `eigen-${unique()}.de`;
    // A colleague at the same reseller registered the customer already.
    const first = await client.deals.register(partnerId, {
      type: 'deal',
      customer: { name: 'Eigen GmbH', country: 'DE', domain, contact: { name: 'Jo Beispiel', email: `jo@${domain}`, consent: true } },
      products: [{ sku: products.items[0]!.sku, quantity: 1 }],
      estimatedValue: { amount: 1000, currency: 'EUR' },
      expectedCloseDate: IN_SIX_MONTHS,
      distributorId: profile.distributorIds[0]!,
    });
    const list = (await mount<PartnerDealList>('partner-deal-list', { 'partner-id': partnerId }, client)).el;
    const { el } = await mountForm(client, partnerId);
    el.after(list);
    const notice = part(el, 'own-registration')!;
    expect(textOf(notice)).to.equal('');
    await fill(el, { domain });
    await waitForText(notice, new RegExp(`You have already registered this customer: ${first.reference} \\(Submitted\\)`));
    expect(textOf(part(el, 'conflict-notice')!), 'not another partner’s conflict').to.equal('');
    await expect(el).to.be.accessible();
    document.documentElement.lang = 'de';
    await waitForText(notice, new RegExp(`Sie haben diesen Kunden bereits registriert: ${first.reference}`));
    document.documentElement.lang = 'en';
    await waitForText(notice, /Open R-/);

    const opened = oneEvent(el, 'partner-open-deal') as Promise<PartnerOpenDealEvent>;
    (part(el, 'open-own-registration-button') as HTMLButtonElement).click();
    const event = await opened;
    expect(event.dealId).to.equal(first.id);
    expect(event.bubbles && event.composed, 'the host page hears it').to.be.true;
    await waitUntil(() => list.shadowRoot!.querySelector('dialog[open]'), 'a deal list on the page opens it', { timeout: 5000 });
    expect(textOf(list.shadowRoot!.querySelector('dialog')!)).to.contain(first.reference);
  });

  it('follows the chosen country in its examples and the chosen type in heading and button, in en and de', async () => {
    const { partnerId } = await reseller();
    const { el } = await mountForm(await clientFor({ partnerId }), partnerId);
    const hints = () => `${el.shadowRoot!.getElementById('domain-hint')!.textContent} | ${el.shadowRoot!.getElementById('vat-id-hint')!.textContent}`;
    const expected: Record<string, [string, string]> = {
      DE: ['beispiel.de', 'DE123456789'], AT: ['beispiel.at', 'ATU12345678'], CH: ['beispiel.ch', 'CHE123456789'],
      GB: ['example.co.uk', 'GB123456789'], FR: ['exemple.fr', 'FR12345678901'], ES: ['ejemplo.es', 'ESB12345678'],
      IT: ['esempio.it', 'IT12345678901'], NL: ['voorbeeld.nl', 'NL123456789B01'], PL: ['przyklad.pl', 'PL1234567890'],
    };
    for (const [country, [domain, vatId]] of Object.entries(expected)) {
      await fill(el, { country });
      expect(hints()).to.contain(domain).and.to.contain(vatId);
    }
    await fill(el, { country: 'PL', domain: 'nicht eine domain' });
    submitButton(el).click();
    await waitUntil(() => part(el, 'error-summary'), 'summary', { timeout: 5000 });
    expect(textOf(el)).to.contain('Enter a web domain such as przyklad.pl, without https:// or a path.');

    await fill(el, { 'type-project': true });
    expect(textOf(el.shadowRoot!.getElementById('heading')!)).to.equal('Register a project');
    expect(textOf(submitButton(el))).to.equal('Register project');
    await fill(el, { 'type-opportunity': true });
    expect(textOf(el.shadowRoot!.getElementById('heading')!)).to.equal('Register an opportunity');
    document.documentElement.lang = 'de';
    await waitForText(el, /Verkaufschance registrieren/);
    expect(textOf(submitButton(el))).to.equal('Verkaufschance registrieren');
    expect(hints()).to.contain('Zum Beispiel przyklad.pl');
    await expect(el).to.be.accessible();
  });

  it('shows the new registration’s reference on success and offers to show it in the list', async function () {
    this.timeout(20000);
    const { partnerId } = await reseller();
    const client = await clientFor({ partnerId });
    const list = (await mount<PartnerDealList>('partner-deal-list', { 'partner-id': partnerId }, client)).el;
    const { el } = await mountForm(client, partnerId);
    el.after(list);
    await fill(el, validEntries(el, 'Erfolg AG', `erfolg-${unique()}.de`));
    submitButton(el).click();
    const { deal } = (await oneEvent(el, 'partner-deal-registered')) as PartnerDealRegisteredEvent;
    await el.updateComplete;
    expect(deal.reference).to.match(/^R-\d{2}-\d{6}$/);
    expect(textOf(part(el, 'reference')!)).to.equal(deal.reference);
    // No empty half box below the content: the box ends where its last line (the buttons) ends, plus its padding.
    const box = part(el, 'success')!.getBoundingClientRect();
    const buttons = part(el, 'register-another-button')!.getBoundingClientRect();
    const padding = parseFloat(getComputedStyle(part(el, 'success')!).paddingBlockEnd);
    expect(box.bottom - buttons.bottom, 'space below the last line').to.be.at.most(padding + 2);
    expect(textOf(el)).to.not.contain(deal.id);
    const opened = oneEvent(el, 'partner-open-deal') as Promise<PartnerOpenDealEvent>;
    (part(el, 'show-in-list-button') as HTMLButtonElement).click();
    expect((await opened).dealId).to.equal(deal.id);
    await waitUntil(() => list.shadowRoot!.querySelector('dialog[open]'), 'the list opens it', { timeout: 5000 });
    await waitUntil(
      () => list.shadowRoot!.querySelector(`[data-deal-id="${deal.id}"]`)?.getAttribute('part')?.includes('row-new'),
      'the new row is highlighted in the list',
      { timeout: 5000 },
    );
  });

  it("offers the partner's distributors by name, sending the chosen one's id", async () => {
    const { partnerId } = await reseller();
    const client = await clientFor({ partnerId });
    const profile = await client.partners.get(partnerId);
    const { el } = await mountForm(client, partnerId);
    const options = [...control<HTMLSelectElement>(el, 'distributor').options].filter((option) => option.value);
    expect(options.map((option) => [option.value, option.textContent!.trim()])).to.deep.equal(
      profile.distributors.map(({ id, name }) => [id, name]),
    );
    // The demo distributor (its name known from the demo credentials) is among them, shown by its name.
    const { organizations } = (await sandboxConfig()).credentials;
    const demo = organizations.find((org) => org.kind === 'distributor' && profile.distributorIds.includes(org.orgId));
    expect(demo, 'the demo reseller buys through the demo distributor').to.exist;
    expect(options.find((option) => option.value === demo!.orgId)!.textContent!.trim(), 'a name, not an id').to.equal(demo!.name);
  });

  it('shows the partner\'s country at once and every country, by name, once the user reaches the select', async () => {
    const { partnerId } = await reseller();
    const client = await clientFor({ partnerId });
    const chosen = (await client.partners.get(partnerId)).country;
    const { el } = await mountForm(client, partnerId);
    const select = control<HTMLSelectElement>(el, 'country');
    expect(select.value, "the partner's own country").to.equal(chosen);
    // At once, as a quick user would (the list is built on focus, if idle time has not built it before).
    select.focus();
    await el.updateComplete;
    expect(select.value, 'still chosen').to.equal(chosen);
    const names = [...select.options].map((option) => option.textContent!.trim());
    expect(names.length, 'every country').to.be.greaterThan(240);
    expect(names).to.include('Germany').and.include('Austria');
    const collator = new Intl.Collator('en');
    expect([...names].sort(collator.compare), 'sorted by name').to.deep.equal(names);
  });

  it('keeps a draft while the user types (never the token or the client config), restored after a reload', async () => {
    const { partnerId } = await reseller();
    const tokens: string[] = [];
    const client = await clientFor({ partnerId }, {
      fetch: (input, init) => {
        const request = new Request(input, init);
        const auth = request.headers.get('authorization');
        if (auth) tokens.push(auth.replace(/^Bearer /, ''));
        return fetch(request);
      },
    });
    const { el } = await mountForm(client, partnerId);
    expect(part(el, 'draft-notice'), 'nothing to restore yet').to.not.exist;
    await fill(el, { 'type-project': true, 'customer-name': 'Entwurf KG', domain: 'entwurf.de', 'product-0-sku': firstSku(el), 'product-0-quantity': '7' });

    await waitUntil(() => localStorage.getItem(draftKey(partnerId))?.includes('Entwurf KG'), 'draft stored while typing', { timeout: 5000 });
    const stored = localStorage.getItem(draftKey(partnerId))!;
    expect(tokens.length, 'requests carried a token').to.be.greaterThan(0);
    for (const token of tokens) expect(stored, 'no token in the draft').to.not.contain(token);
    const { baseUrl } = await (await fetch('/__sandbox/config.json')).json();
    expect(stored, 'no client config in the draft').to.not.contain(baseUrl);
    expect(stored).to.not.match(/sk_|pk_|Bearer/);

    // "Reload": the element goes away and a new one comes.
    el.remove();
    fixtureCleanup();
    const again = (await mountForm(client, partnerId)).el;
    expect(part(again, 'draft-notice')?.textContent).to.contain('We restored the entries you had not sent yet.');
    expect(control(again, 'type-project').checked).to.be.true;
    expect(control(again, 'customer-name').value).to.equal('Entwurf KG');
    expect(control(again, 'domain').value).to.equal('entwurf.de');
    expect(control<HTMLSelectElement>(again, 'product-0-sku').value).to.equal(firstSku(again));
    expect(control(again, 'product-0-quantity').value).to.equal('7');
    await expect(again).to.be.accessible();

    (part(again, 'discard-draft-button') as HTMLButtonElement).click();
    await again.updateComplete;
    expect(control(again, 'customer-name').value, 'an empty form').to.equal('');
    expect(part(again, 'draft-notice')).to.not.exist;
    expect(localStorage.getItem(draftKey(partnerId)), 'the draft is gone').to.equal(null);
  });

  it('after a failed submit keeps the entries, restores them after a reload, and the retry makes one deal only', async function () {
    this.timeout(20000);
    const { partnerId } = await reseller();
    const faults = new FetchFaults();
    // The worst failure: the API registers the deal, but its answer never reaches the browser.
    let loseNextRegistrationAnswer = true;
    const fetchLosingAnswer: typeof fetch = async (input, init) => {
      const request = new Request(input, init);
      const response = await faults.fetch(request);
      if (loseNextRegistrationAnswer && request.method === 'POST' && new URL(request.url).pathname.endsWith('/deals')) {
        loseNextRegistrationAnswer = false;
        throw new TypeError('Failed to fetch');
      }
      return response;
    };
    const client = await clientFor({ partnerId }, { fetch: fetchLosingAnswer });
    const { el, error } = await mountForm(client, partnerId);
    const domain = `einmal-${unique()}.de`;
    await fill(el, validEntries(el, 'Einmal GmbH', domain));
    submitButton(el).click();

    expect((await error).error.type).to.equal('network');
    await waitUntil(() => part(el, 'submit-error'), 'the failure is shown', { timeout: 5000 });
    expect(focusedIn(el), 'the failure takes focus').to.equal(part(el, 'submit-error'));
    expect(textOf(el)).to.contain('The partner service cannot be reached.');
    expect(textOf(el)).to.contain('Your entries are kept.');
    expect(control(el, 'customer-name').value).to.equal('Einmal GmbH');
    expect(submitButton(el).disabled).to.be.false;
    await expect(el).to.be.accessible();
    expect(await dealsFor(client, partnerId, domain), 'the API did register it').to.have.length(1);

    el.remove();
    fixtureCleanup();
    const again = (await mountForm(client, partnerId)).el;
    expect(control(again, 'customer-name').value, 'restored after the failure').to.equal('Einmal GmbH');
    expect(control(again, 'domain').value).to.equal(domain);
    submitButton(again).click();
    const { deal } = (await oneEvent(again, 'partner-deal-registered')) as PartnerDealRegisteredEvent;
    const deals = await dealsFor(client, partnerId, domain);
    expect(deals, 'still one deal').to.have.length(1);
    expect(deal.id).to.equal(deals[0]!.id);
  });

  it('disables the submit button while submitting, so a second press sends nothing', async () => {
    const { partnerId } = await reseller();
    const faults = new FetchFaults();
    const { el } = await mountForm(await clientFor({ partnerId }, { fetch: faults.fetch }), partnerId);
    await fill(el, validEntries(el, 'Geduld AG', `geduld-${unique()}.de`));
    faults.hold();
    submitButton(el).click();
    await el.updateComplete;
    expect(submitButton(el).disabled).to.be.true;
    expect(submitButton(el).textContent?.trim()).to.equal('Registering…');
    el.shadowRoot!.querySelector('form')!.requestSubmit();
    await expect(el).to.be.accessible();
    faults.pass();
    await oneEvent(el, 'partner-deal-registered');
    expect(faults.seen.filter((path) => path.endsWith('/deals')), 'one registration request').to.have.length(1);
  });

  it('shows expiry and discount of the registration in German, and "register another" starts afresh', async () => {
    const { partnerId } = await reseller();
    document.documentElement.lang = 'de';
    const faults = new FetchFaults();
    // An approved registration, as the API answers once Poly approved it: its expiry is set.
    faults.rewriteJson(/\/deals$/, (body) => ({
      ...(body as Deal),
      status: 'approved',
      expiresAt: '2027-03-31T10:00:00.000Z',
      discount: { ...(body as Deal).discount, state: 'granted' },
    }));
    const { el } = await mountForm(await clientFor({ partnerId }, { fetch: faults.fetch }), partnerId);
    expect(textOf(el)).to.contain('Deal registrieren');
    await fill(el, validEntries(el, 'Ablauf AG', `ablauf-${unique()}.de`));
    await waitUntil(() => localStorage.getItem(draftKey(partnerId))?.includes('Ablauf AG'), 'draft stored', { timeout: 5000 });
    const firstKey = JSON.parse(localStorage.getItem(draftKey(partnerId))!).draft.idempotencyKey;
    submitButton(el).click();
    await oneEvent(el, 'partner-deal-registered');
    await el.updateComplete;
    const text = textOf(el);
    expect(text).to.contain('Registrierung eingegangen');
    expect(text).to.contain('Genehmigt');
    expect(text).to.contain('31.03.2027');
    expect(text).to.match(/\d+ % gewährt/);
    await expect(el).to.be.accessible();

    (part(el, 'register-another-button') as HTMLButtonElement).click();
    await el.updateComplete;
    expect(focusedIn(el)?.id).to.equal('type-opportunity');
    expect(control(el, 'customer-name').value).to.equal('');
    await fill(el, { 'customer-name': 'Neu AG' });
    await waitUntil(() => localStorage.getItem(draftKey(partnerId))?.includes('Neu AG'), 'new draft stored', { timeout: 5000 });
    expect(JSON.parse(localStorage.getItem(draftKey(partnerId))!).draft.idempotencyKey, 'a new draft, a new key').to.not.equal(firstKey);
  });
});

describe('<deal-registration-form> amounts and dates', () => {
  beforeEach(async () => {
    localStorage.removeItem(draftKey((await reseller()).partnerId));
  });
  afterEach(() => {
    document.documentElement.lang = 'en';
    fixtureCleanup();
  });

  const plainText = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');

  /** Types `typed` into the amount field with real keys, as a user would, and leaves the field. */
  async function typeAmount(el: DealRegistrationForm, typed: string): Promise<void> {
    control(el, 'amount').focus();
    await sendKeys({ press: 'Control+a' });
    await sendKeys({ press: 'Backspace' });
    await sendKeys({ type: typed });
    await el.updateComplete;
  }

  const cases: { lang: string; typed: string; sent?: number; echo: RegExp }[] = [
    { lang: 'de', typed: '38.500', sent: 38500, echo: /Ergibt 38\.500,00 €/ },
    { lang: 'de', typed: '38.500,00', sent: 38500, echo: /Ergibt 38\.500,00 €/ },
    { lang: 'de', typed: "38'500", sent: 38500, echo: /Ergibt 38\.500,00 €/ },
    { lang: 'de', typed: '38,500.00', echo: /Punkt oder das Komma/ },
    { lang: 'en', typed: '38,500.00', sent: 38500, echo: /Reads as €38,500\.00/ },
    { lang: 'en', typed: "38'500", sent: 38500, echo: /Reads as €38,500\.00/ },
    { lang: 'en', typed: '38.500', echo: /point or the comma/ },
    { lang: 'en', typed: '38.500,00', echo: /point or the comma/ },
  ];
  for (const { lang, typed, sent, echo } of cases) {
    it(`${lang}: "${typed}" typed is ${sent === undefined ? 'refused before any request' : `sent as ${sent}`}`, async function () {
      this.timeout(20000);
      const { partnerId } = await reseller();
      document.documentElement.lang = lang;
      const faults = new FetchFaults();
      const { el } = await mountForm(await clientFor({ partnerId }, { fetch: faults.fetch }), partnerId);
      const entries = validEntries(el, `Betrag ${lang} GmbH`, `betrag-${unique()}.de`);
      delete entries['amount'];
      await fill(el, { ...entries, currency: 'EUR' });
      await typeAmount(el, typed);
      expect(plainText(part(el, 'amount-echo')!.textContent!), 'the echo beside the field').to.match(echo);
      const before = faults.seen.filter((path) => path.endsWith('/deals')).length;
      if (sent === undefined) {
        submitButton(el).click();
        await waitUntil(() => part(el, 'error-summary'), 'refused with a summary', { timeout: 5000 });
        expect(control(el, 'amount').getAttribute('aria-invalid')).to.equal('true');
        expect(faults.seen.filter((path) => path.endsWith('/deals')).length, 'nothing sent').to.equal(before);
        await expect(el).to.be.accessible();
      } else {
        const registered = oneEvent(el, 'partner-deal-registered') as Promise<PartnerDealRegisteredEvent>;
        submitButton(el).click();
        const { deal } = await registered;
        expect(deal.estimatedValue).to.deep.equal({ amount: sent, currency: 'EUR' });
      }
    });
  }

  it('hints when the amount is far from the products’ list price times quantity', async () => {
    const { partnerId } = await reseller();
    const { el } = await mountForm(await clientFor({ partnerId }), partnerId);
    await fill(el, { currency: 'EUR', 'product-0-sku': firstSku(el), 'product-0-quantity': '10' });
    await typeAmount(el, '5');
    expect(textOf(el)).to.match(/The products list at .* in total\. Please check the amount\./);
    await typeAmount(el, '0');
    await fill(el, { 'product-0-quantity': '1' });
    const listPrice = (await (await clientFor({ partnerId })).products.list()).items.find((product) => product.sku === firstSku(el))!.listPrice;
    await typeAmount(el, String(listPrice.amount));
    expect(textOf(el)).to.not.match(/Please check the amount/);
  });

  for (const lang of ['en', 'de']) {
    it(`${lang}: a close date in the past is refused in the widget; one beyond the horizon by the API, on the field`, async function () {
      this.timeout(20000);
      const { partnerId } = await reseller();
      document.documentElement.lang = lang;
      const faults = new FetchFaults();
      const { el } = await mountForm(await clientFor({ partnerId }, { fetch: faults.fetch }), partnerId);
      await fill(el, { ...validEntries(el, 'Datum AG', `datum-${unique()}.de`), 'close-date': '2020-01-01' });
      const posts = () => faults.seen.filter((path) => path.endsWith('/deals')).length;
      submitButton(el).click();
      await waitUntil(() => part(el, 'error-summary'), 'refused', { timeout: 5000 });
      expect(textOf(el)).to.contain(lang === 'de' ? 'Geben Sie ein Abschlussdatum ab heute an.' : 'Enter a close date from today on.');
      expect(control(el, 'close-date').getAttribute('aria-invalid')).to.equal('true');
      expect(posts(), 'no registration sent').to.equal(0);

      // The policy could not be read: the API's 422 field error shows on the field.
      const blind = new FetchFaults();
      blind.rewriteJson('/v1/program', () => {
        throw new Error('policy unavailable');
      });
      fixtureCleanup();
      localStorage.removeItem(draftKey(partnerId));
      const again = (await mountForm(await clientFor({ partnerId }, { fetch: blind.fetch }), partnerId)).el;
      await fill(again, { ...validEntries(again, 'Weit AG', `weit-${unique()}.de`), 'close-date': '2099-01-01' });
      submitButton(again).click();
      await waitUntil(() => part(again, 'error-summary'), 'refused', { timeout: 5000 });
      expect(control(again, 'close-date').getAttribute('aria-invalid')).to.equal('true');
      expect(again.shadowRoot!.getElementById('close-date-error')!.textContent).to.match(lang === 'de' ? /Abschlussdatum/ : /close date/);
      await expect(again).to.be.accessible();
    });
  }
});
