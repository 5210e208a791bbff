// Nothing the user typed into the deal form is lost — through every fault at submit, a token that goes bad while
// typing, and a reload — and a submission interrupted at any point ends as exactly one deal or none, checked via the API.
import { expect, fixture, fixtureCleanup, oneEvent, waitUntil } from '@open-wc/testing';
import '@poly-partner/widgets';
import { base64UrlEncode, type Deal } from '@poly-partner/contract';
import { createPartnerClient, type PartnerClient } from '@poly-partner/sdk';
import type { DealRegistrationForm } from '@poly-partner/widgets';
import { part, textOf } from '../support/browser/mount.js';
import { embedToken, sandboxConfig, startSandboxFirst } from '../support/browser/sandbox.js';
import { type FaultKind, FaultyFetch, PageGuard, reseller, widgetClient } from '../support/widgets.js';
import { control, fill } from '../support/browser/form.js';

const TAG = 'deal-registration-form';
const draftKey = (partnerId: string) => `poly-partner-widgets:deal-draft:${partnerId}`;
const unique = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
const isRegistration = (request: Request) => request.method === 'POST' && new URL(request.url).pathname.endsWith('/deals');


/** What a user types for one registration, by control id (the notes carry hostile text on purpose). */
function entries(el: Element, tag: string): Record<string, string | boolean> {
  const sku = [...control<HTMLSelectElement>(el, 'product-0-sku').options].find((option) => option.value)!.value;
  return {
    'type-project': true,
    'customer-name': `Behalten ${tag} GmbH`,
    domain: `behalten-${tag}.de`,
    'contact-name': 'Eva Muster',
    email: `eva@behalten-${tag}.de`,
    consent: true,
    'product-0-sku': sku,
    'product-0-quantity': '7',
    amount: '43210',
    'close-date': '2027-03-31',
    notes: `Zweite Zeile <b>fett</b>\nund 🎉 ${tag}`,
  };
}

/** Every entry is still in its control, as typed. */
function expectKept(el: Element, typed: Record<string, string | boolean>, when: string): void {
  for (const [id, value] of Object.entries(typed)) {
    const target = control<HTMLInputElement>(el, id);
    if (typeof value === 'boolean') expect(target.checked, `${id} ${when}`).to.equal(value);
    else expect(target.value, `${id} ${when}`).to.equal(value);
  }
}

async function mountForm(client: PartnerClient, partnerId: string): Promise<DealRegistrationForm> {
  const el = document.createElement(TAG) as DealRegistrationForm;
  el.setAttribute('partner-id', partnerId);
  el.client = client;
  const ready = oneEvent(el, 'partner-ready');
  await fixture(el);
  await ready;
  await el.updateComplete;
  return el;
}

/** The page goes away and comes back: the element is removed (its draft flushed) and a new one mounts. */
async function reload(el: DealRegistrationForm, client: PartnerClient, partnerId: string): Promise<DealRegistrationForm> {
  el.remove();
  fixtureCleanup();
  return mountForm(client, partnerId);
}

const submit = (el: Element) => (part(el, 'submit-button') as HTMLButtonElement).click();

async function submitFails(el: DealRegistrationForm): Promise<void> {
  submit(el);
  await el.updateComplete;
  // The failure of this submit, not one still shown from an earlier one: wait for the submit to be over.
  const button = () => part(el, 'submit-button') as HTMLButtonElement;
  await waitUntil(() => !button().disabled && part(el, 'submit-error'), `the failed submit is shown; text: ${textOf(el)}`, { timeout: 10_000 });
  expect(textOf(el)).to.contain('Your entries are kept.');
  expect((part(el, 'submit-button') as HTMLButtonElement).disabled, 'submit can be pressed again').to.be.false;
}

async function submitSucceeds(el: DealRegistrationForm): Promise<Deal> {
  const registered = oneEvent(el, 'partner-deal-registered');
  submit(el);
  return ((await registered) as unknown as { deal: Deal }).deal;
}

describe('nothing lost: the deal form and interrupted submissions', function () {
  const guard = new PageGuard();
  let partnerId = '';
  /** Reads the API with the partner's secret key, as Poly's back office would: the source of truth here. */
  let truth: PartnerClient;
  const dealsFor = async (domain: string) => (await truth.deals.list(partnerId, { limit: 200 }).all()).filter((deal) => deal.customer.domain === domain);

  before(startSandboxFirst);
  before(async () => {
    const found = await reseller(/Register, new/i);
    partnerId = found.partnerId;
    truth = createPartnerClient({ baseUrl: (await sandboxConfig()).baseUrl, secretKey: found.secretKey, secretKeyInBrowserForTests: true, retry: false, cache: false });
    guard.install();
  });
  after(() => guard.uninstall());
  beforeEach(() => {
    localStorage.removeItem(draftKey(partnerId));
    guard.take();
  });
  afterEach(() => {
    fixtureCleanup();
    expect(guard.take(), 'console errors and unhandled rejections').to.deep.equal([]);
  });

  const submitFaults: FaultKind[] = ['status-500', 'status-503', 'rate-limited', 'reset', 'offline', 'malformed-json', 'schema-breaking', 'timeout'];
  for (const fault of submitFaults) {
    it(`keeps every entry when the submit meets ${fault}, and after a reload; then registers once`, async function () {
      this.timeout(30_000);
      const faults = new FaultyFetch(fault);
      faults.end(); // loading passes; only the registration meets the fault
      const fetchWithFault: typeof fetch = (input, init) => {
        const request = new Request(input, init);
        faults.active = isRegistration(request) && faultOn;
        return faults.fetch(request);
      };
      let faultOn = true;
      const client = await widgetClient({ partnerId }, fetchWithFault, fault === 'timeout' ? 1_500 : 5_000);
      let el = await mountForm(client, partnerId);
      const typed = entries(el, unique());
      await fill(el, typed);
      await submitFails(el);
      expectKept(el, typed, `after ${fault}`);

      el = await reload(el, client, partnerId);
      expect(part(el, 'draft-notice'), 'restored after the reload').to.exist;
      expectKept(el, typed, 'after the reload');
      faultOn = false;
      const deal = await submitSucceeds(el);
      const stored = await dealsFor(typed.domain as string);
      expect(stored.map((one) => one.id), 'exactly one deal').to.deep.equal([deal.id]);
      expect(stored[0]!.notes, 'notes as typed').to.equal(typed.notes);
    });
  }

  it('keeps every entry when the token goes bad while typing (rejected, then the provider failing), then registers once', async function () {
    this.timeout(30_000);
    let tokenState: 'good' | 'expired' | 'failing' = 'good';
    // Every answer is due for renewal as it arrives, so the client asks the provider again on its next call: the token
    // can "expire" while the user types, with no time to wait out (the SDK renews from `expiresAt`, token-cache.ts).
    const shortLived = (token: string) => ({ token, expiresAt: new Date().toISOString() });
    const getToken = async () => {
      if (tokenState === 'failing') throw new Error('The host backend is down');
      const minted = await embedToken({ partnerId });
      if (tokenState === 'good') return shortLived(minted.token);
      // An expired token: its expiry moved into the past (so its signature no longer holds either) — the API refuses it.
      const [head, payload, signature] = minted.token.split('.') as [string, string, string];
      const claims = JSON.parse(atob(payload.replace(/-/g, '+').replace(/_/g, '/')));
      const expired = base64UrlEncode(new TextEncoder().encode(JSON.stringify({ ...claims, exp: claims.exp - 3600 })));
      return shortLived(`${head}.${expired}.${signature}`);
    };
    const client = createPartnerClient({ baseUrl: (await sandboxConfig()).baseUrl, getToken, retry: false, cache: false });
    let el = await mountForm(client, partnerId);
    const typed = entries(el, unique());
    const [firstHalf, secondHalf] = [Object.fromEntries(Object.entries(typed).slice(0, 4)), Object.fromEntries(Object.entries(typed).slice(4))];
    await fill(el, firstHalf);
    tokenState = 'expired';
    await fill(el, secondHalf);
    await submitFails(el);
    expect(textOf(el)).to.contain('Your session has expired or is not valid.');
    expectKept(el, typed, 'after the expired token');

    tokenState = 'failing';
    await submitFails(el);
    expectKept(el, typed, 'while the token provider fails');

    // The host's backend recovers; the user reloads the page.
    tokenState = 'good';
    el = await reload(el, client, partnerId);
    expectKept(el, typed, 'after the reload');
    const deal = await submitSucceeds(el);
    expect((await dealsFor(typed.domain as string)).map((one) => one.id)).to.deep.equal([deal.id]);
  });

  // Where a submission can break off, and what the user does next: the API ends with one deal or none, never two.
  type Interruption = 'request lost before the sandbox' | 'answer lost after the sandbox' | 'answer too slow (timeout) after the sandbox' | 'proxy error page after the sandbox';
  const interruptions: Interruption[] = ['request lost before the sandbox', 'answer lost after the sandbox', 'answer too slow (timeout) after the sandbox', 'proxy error page after the sandbox'];
  const followUps = ['gives up', 'presses submit again', 'reloads, then submits'] as const;
  for (const interruption of interruptions) {
    for (const followUp of followUps) {
      it(`${interruption}, user ${followUp}: ${interruption.startsWith('request lost') && followUp === 'gives up' ? 'no deal' : 'exactly one deal'}`, async function () {
        this.timeout(30_000);
        let interrupt = true;
        const fetchInterrupted: typeof fetch = async (input, init) => {
          const request = new Request(input, init);
          if (!interrupt || !isRegistration(request)) return fetch(request);
          interrupt = false;
          if (interruption === 'request lost before the sandbox') throw new TypeError('Failed to fetch');
          const response = await fetch(request);
          await response.text();
          if (interruption === 'answer lost after the sandbox') throw new TypeError('Failed to fetch');
          if (interruption === 'proxy error page after the sandbox') return new Response('<html>502 Bad Gateway</html>', { status: 502, headers: { 'content-type': 'text/html' } });
          // Too slow: the answer never comes before the client gives up.
          return new Promise<Response>((_, reject) => request.signal.addEventListener('abort', () => reject(request.signal.reason), { once: true }));
        };
        const client = await widgetClient({ partnerId }, fetchInterrupted, 2_000);
        let el = await mountForm(client, partnerId);
        const typed = entries(el, unique());
        await fill(el, typed);
        await submitFails(el);
        expectKept(el, typed, 'after the interruption');

        let deal: Deal | undefined;
        if (followUp === 'presses submit again') deal = await submitSucceeds(el);
        if (followUp === 'reloads, then submits') {
          el = await reload(el, client, partnerId);
          expectKept(el, typed, 'after the reload');
          deal = await submitSucceeds(el);
        }
        const stored = await dealsFor(typed.domain as string);
        const expected = interruption === 'request lost before the sandbox' && followUp === 'gives up' ? 0 : 1;
        expect(stored, `${expected} deal(s) in the API`).to.have.length(expected);
        if (deal) expect(stored[0]!.id, 'the form shows the deal the API holds').to.equal(deal.id);
      });
    }
  }
});
