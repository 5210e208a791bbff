// Data is shown as text, never as markup: partner and organization names, customer names and notes carrying markup,
// script URLs and bidi controls, in the member overview, the deal list, the deal form and the SVG badge.
import { expect, waitUntil } from '@open-wc/testing';
import '@poly-partner/widgets';
import { createPartnerClient } from '@poly-partner/sdk';
import { renderBadgeSvg } from '../../packages/sandbox/src/badge-svg.js';
import { FetchFaults } from '../support/browser/fetch-faults.js';
import { sandboxConfig, startSandboxFirst } from '../support/browser/sandbox.js';
import { PageGuard, reseller, showWidget, visibleText, widgetClient, WIDGETS } from '../support/widgets.js';

/** A close date the API accepts whenever the tests run: close dates in the past are refused. */
const IN_SIX_MONTHS = new Date(Date.now() + 180 * 86_400_000).toISOString().slice(0, 10);

/** Each sets `window.pwned` if it ever runs, or leaves an element behind if it is ever parsed. */
const HOSTILE = [
  '<img src=x onerror="window.pwned=1">',
  '<script>window.pwned=2</script>',
  '<b class="injected">bold</b>',
  'javascript:window.pwned=3',
  '\u202Eexe.tnemucod\u202C',
  '\u2067مرحبا\u2069 & <i class="injected">x</i>',
  '"><svg onload="window.pwned=4">',
];
const hostileName = (index: number) => `${HOSTILE[index % HOSTILE.length]} #${index}`;

declare global {
  interface Window {
    pwned?: number;
  }
}

/** Nothing from the data became an element, a link or ran. */
function expectInert(el: Element): void {
  const root = el.shadowRoot!;
  expect(root.querySelectorAll('.injected, script, img[src="x"], [onerror], [onload], svg[onload]'), 'elements made from data').to.have.length(0);
  expect([...root.querySelectorAll('a[href]')].map((link) => link.getAttribute('href')).filter((href) => /^\s*javascript:/i.test(href!)), 'script links').to.deep.equal([]);
  expect(window.pwned, 'a payload ran').to.equal(undefined);
}

const WIDGET = (tag: string) => WIDGETS.find((widget) => widget.tag === tag)!;

describe('hostile data is shown as text', function () {
  const guard = new PageGuard();
  before(startSandboxFirst);
  before(() => guard.install());
  after(() => guard.uninstall());
  afterEach(() => {
    expect(guard.take()).to.deep.equal([]);
  });

  it('partner and organization names in the member overview: summary, rows, detail, heading', async function () {
    this.timeout(30_000);
    const faults = new FetchFaults();
    faults.rewriteJson(/\/v1\/organizations\/[^/]+$/, (body) => ({ ...(body as object), name: HOSTILE[1] }));
    const rename = (members: { name: string }[], offset = 0) => members.map((member, index) => ({ ...member, name: hostileName(offset + index) }));
    faults.rewriteJson('/summary', (body) => {
      const summary = body as { protectionsEndingSoon: { members: { name: string }[] }; closeToNextTier: { members: { name: string }[] } };
      return {
        ...summary,
        protectionsEndingSoon: { ...summary.protectionsEndingSoon, members: rename(summary.protectionsEndingSoon.members) },
        // Each summary list shows a few members: the second list continues the hostile names where the first stops.
        closeToNextTier: { ...summary.closeToNextTier, members: rename(summary.closeToNextTier.members, 4) },
      };
    });
    faults.rewriteJson('/members', (body) => ({ ...(body as object), items: rename((body as { items: { name: string }[] }).items) }));
    const el = await showWidget(WIDGET('partner-member-overview'), { fetch: faults.fetch });
    await waitUntil(() => visibleText(el).includes(hostileName(6)), `hostile member names shown; text: ${visibleText(el).slice(0, 300)}`, { timeout: 10_000 });
    const text = visibleText(el);
    expect(text, 'organization name as text').to.contain(HOSTILE[1]);
    for (let index = 0; index < HOSTILE.length; index++) expect(text).to.contain(hostileName(index));
    // Open a member's detail: its heading carries the name too.
    const row = el.shadowRoot!.querySelector<HTMLElement>('[role="row"][tabindex], [part~="row"]');
    row?.click();
    await (el as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
    expectInert(el);
    el.remove();
  });

  it('customer names in the deal list, and notes in the deal form, as typed and stored', async function () {
    this.timeout(30_000);
    const owner = await reseller(/Platinum/i);
    const { baseUrl } = await sandboxConfig();
    const api = createPartnerClient({ baseUrl, secretKey: owner.secretKey, secretKeyInBrowserForTests: true, retry: false, cache: false });
    const products = await api.products.list();
    const profile = await api.partners.get(owner.partnerId);
    const names: string[] = [];
    for (let index = 0; index < HOSTILE.length; index++) {
      const name = `${HOSTILE[index]} ${Date.now().toString(36)}${index}`;
      names.push(name);
      await api.deals.register(owner.partnerId, {
        type: 'deal',
        customer: { name, country: 'DE', domain: `hostile-${Date.now().toString(36)}-${index}.de`, contact: { name, email: `x${index}@hostile.de`, consent: true } },
        products: [{ sku: products.items[0]!.sku, quantity: 1 }],
        estimatedValue: { amount: 1000, currency: 'EUR' },
        expectedCloseDate: IN_SIX_MONTHS,
        distributorId: profile.distributorIds[0]!,
        notes: HOSTILE.join('\n'),
      });
    }
    const list = document.createElement('partner-deal-list') as HTMLElement & { client: unknown };
    list.setAttribute('partner-id', owner.partnerId);
    list.client = createPartnerClient({ baseUrl, getToken: async () => (await (await fetch('/__sandbox/embed-token', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ partnerId: owner.partnerId }) })).json()), retry: false, cache: false });
    document.body.append(list);
    await waitUntil(() => names.every((name) => visibleText(list).includes(name)), `every hostile customer name shown; text: ${visibleText(list).slice(0, 300)}`, { timeout: 10_000 });
    expectInert(list);
    list.remove();

    // Notes come back into the form from a stored draft exactly as typed, as the textarea's value.
    // (As the form stores it: the draft with the time it was saved; drafts expire 7 days after that.)
    localStorage.setItem(`poly-partner-widgets:deal-draft:${owner.partnerId}`, JSON.stringify({ savedAt: Date.now(), draft: { version: 1, idempotencyKey: 'hostile-draft-1', type: 'deal', customerName: HOSTILE[0], country: 'DE', domain: '', vatId: '', contactName: HOSTILE[3], email: '', phone: '', consent: false, products: [{ key: 'a', sku: '', quantity: '1' }], amount: '', currency: 'EUR', expectedCloseDate: '', distributorId: '', notes: HOSTILE.join('\n') } }));
    const form = await showWidget({ ...WIDGET('deal-registration-form'), setup: async (fetch, timeout) => ({ attributes: { 'partner-id': owner.partnerId }, client: await widgetClient({ partnerId: owner.partnerId }, fetch, timeout) }) });
    try {
      expect(form.shadowRoot!.querySelector<HTMLTextAreaElement>('#notes')!.value).to.equal(HOSTILE.join('\n'));
      expect(form.shadowRoot!.querySelector<HTMLInputElement>('#customer-name')!.value).to.equal(HOSTILE[0]);
      expectInert(form);
    } finally {
      form.remove();
      localStorage.removeItem(`poly-partner-widgets:deal-draft:${owner.partnerId}`);
    }
  });

  it('the SVG badge escapes every name: a strict XML parse finds only the badge and the name as text', async () => {
    const parse = (svg: string) => new DOMParser().parseFromString(svg, 'image/svg+xml');
    const allowed = new Set(['svg', 'title', 'a', 'rect', 'g', 'circle', 'path', 'text', 'tspan']);
    const verifyUrl = 'https://partners.poly.example/verify/p1';
    for (const [index, hostile] of [...HOSTILE, ']]><x/>', '&amp; &lt;', '\u0000\u0007 control', `${'A'.repeat(55)}<b>cut</b>`].entries()) {
      const svg = renderBadgeSvg({ name: hostile, tier: (['register', 'silver', 'gold', 'platinum'] as const)[index % 4]!, checkedAt: new Date(), language: 'en', verifyUrl, sandbox: false });
      const doc = parse(svg);
      expect(doc.querySelector('parsererror'), `well-formed for ${JSON.stringify(hostile)}`).to.equal(null);
      const names = [...doc.querySelectorAll('*')].map((node) => node.localName);
      expect(names.filter((name) => !allowed.has(name)), `elements for ${JSON.stringify(hostile)}`).to.deep.equal([]);
      const attributes = [...doc.querySelectorAll('*')].flatMap((node) => [...node.attributes].map((attribute) => [attribute.name, attribute.value]));
      expect(attributes.filter(([name]) => /^on/i.test(name!))).to.deep.equal([]);
      // The one link is the verification page's.
      expect(attributes.filter(([name]) => name === 'href' || name!.endsWith(':href'))).to.deep.equal([['href', verifyUrl]]);
      // The name reads back as text, whole (control characters XML cannot carry are dropped; long names wrap).
      // eslint-disable-next-line no-control-regex
      const expected = hostile.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/g, '').split(/\s+/).filter(Boolean).join('');
      const shown = [...doc.querySelectorAll('text[data-part="name"]')].map((line) => line.textContent!.replace(/\s+/g, '')).join('');
      expect(shown, `name lines for ${JSON.stringify(hostile)}`).to.equal(expected);
    }

    // And the badge the sandbox actually serves parses the same way.
    const { baseUrl, credentials } = await sandboxConfig();
    const { partnerId, publishableKey } = credentials.publishable[0]!;
    const response = await fetch(`${baseUrl}/v1/partners/${partnerId}/badge.svg?key=${publishableKey}`);
    expect(response.headers.get('content-type')).to.match(/^image\/svg\+xml/);
    const served = parse(await response.text());
    expect(served.querySelector('parsererror')).to.equal(null);
    expect([...served.querySelectorAll('*')].map((node) => node.localName).filter((name) => !allowed.has(name))).to.deep.equal([]);
  });
});
