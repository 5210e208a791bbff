// <partner-tier-badge> as a visitor sees it, against the real sandbox: what it says in sandbox mode and in production
// mode, and every way of faking a badge we tried — a page whose api-base signs its own badges, a forged claim, a badge
// for another website, a public suffix as a website, key rotation, revocation — plus layout and variants.
import { createPartnerClient } from '@poly-partner/sdk';
import { expect, fixture, fixtureCleanup, html, waitUntil } from '@open-wc/testing';
import { BADGE_ISSUER_ORIGIN, BADGE_LIFETIME_SECONDS, base64UrlDecode, base64UrlEncode } from '@poly-partner/contract';
import '../src/config/partner-config.js';
import '../src/components/partner-tier-badge/partner-tier-badge.js';
import type { PartnerTierBadge } from '../src/components/partner-tier-badge/partner-tier-badge.js';
import { FetchFaults } from '../../../test/support/browser/fetch-faults.js';
import { IssuerStandIn } from './support/issuer-stand-in.js';
import { mount, part, textOf, waitForText } from '../../../test/support/browser/mount.js';
import { publishableClient, sandboxConfig, startSandboxFirst } from '../../../test/support/browser/sandbox.js';
import { runWidgetBaseTests } from './support/widget-base-tests.js';

const TAG = 'partner-tier-badge';
const SANDBOX = { en: 'Sandbox badge, not issued by Poly', de: 'Sandbox-Abzeichen, nicht von Poly ausgestellt' };

runWidgetBaseTests({
  tag: TAG,
  attributes: async () => ({ 'partner-id': (await publishableClient()).partnerId }),
  client: async (fetch) => (await publishableClient({ fetch })).client,
  loadedText: { en: /Sandbox badge, not issued by Poly/, de: /Sandbox-Abzeichen, nicht von Poly ausgestellt/ },
  size: 'fixed',
});

/** The badge's JWS with its tier claim changed (still valid JSON, signature intact): a forged claim. */
function forgeTier(body: unknown): unknown {
  const badge = body as { jws: string; claims: Record<string, unknown> };
  const [header, payload, signature] = badge.jws.split('.') as [string, string, string];
  const claims = JSON.parse(new TextDecoder().decode(base64UrlDecode(payload))) as Record<string, unknown>;
  const forged = { ...claims, tier: claims.tier === 'platinum' ? 'gold' : 'platinum' };
  return { jws: `${header}.${base64UrlEncode(new TextEncoder().encode(JSON.stringify(forged)))}.${signature}`, claims: forged };
}

/** A marketing page's markup: `<partner-config>` (production unless `environment` says otherwise) and the badge. */
async function marketingPage(environment?: 'sandbox'): Promise<PartnerTierBadge> {
  const { baseUrl, credentials } = await sandboxConfig();
  const { partnerId, publishableKey } = credentials.publishable[0]!;
  const config = await fixture(html`<partner-config api-base=${baseUrl} publishable-key=${publishableKey} partner-id=${partnerId} environment=${environment ?? 'production'}>
    <partner-tier-badge></partner-tier-badge>
  </partner-config>`);
  const badge = config.querySelector('partner-tier-badge') as PartnerTierBadge;
  await waitUntil(() => part(badge, 'status') || part(badge, 'error'), 'the badge to load', { timeout: 8000 });
  return badge;
}

/** Calls the sandbox's operator route through the test server (the operator key never goes to a browser). */
async function operator(partnerId: string, change: { websites?: string[]; leftProgram?: boolean }): Promise<{ status: number; body: any }> {
  const response = await fetch('/__sandbox/operator', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ partnerId, ...change }) });
  return { status: response.status, body: await response.json() };
}

/** Records every status text the badge shows from now on. */
function watchStatuses(el: PartnerTierBadge): { seen: string[]; stop(): void } {
  const seen: string[] = [];
  const record = () => {
    const status = part(el, 'status')?.textContent?.replace(/\s+/g, ' ').trim();
    if (status && seen.at(-1) !== status) seen.push(status);
  };
  const observer = new MutationObserver(record);
  observer.observe(el.shadowRoot!, { subtree: true, childList: true, characterData: true, attributes: true });
  record();
  return { seen, stop: () => observer.disconnect() };
}

describe('<partner-tier-badge>', () => {
  let issuer: IssuerStandIn | undefined;
  before(startSandboxFirst);
  afterEach(() => {
    issuer?.uninstall();
    issuer = undefined;
    fixtureCleanup();
  });

  async function standInIssuer(...kids: string[]): Promise<IssuerStandIn> {
    issuer = new IssuerStandIn();
    for (const kid of kids) await issuer.addKey(kid);
    issuer.published = [...kids];
    issuer.install();
    return issuer;
  }

  describe('sandbox mode (<partner-config environment="sandbox">)', () => {
    it('says it is a sandbox badge, in English and German, never "Verified by Poly", and links to the sandbox verification page', async () => {
      const { baseUrl, credentials } = await sandboxConfig();
      const { partnerId } = credentials.publishable[0]!;
      const badge = await marketingPage('sandbox');
      const genuine = await (await publishableClient()).client.badges.get(partnerId);
      const tierNames = { register: 'Register', silver: 'Silver', gold: 'Gold', platinum: 'Platinum' };
      expect(textOf(badge)).to.contain(`Partner · ${tierNames[genuine.claims.tier]}`);
      expect(part(badge, 'name')?.textContent).to.equal(genuine.claims.name);
      expect(textOf(badge)).to.contain(SANDBOX.en);
      expect(textOf(badge)).to.not.contain('Verified by Poly');
      // "checked <today>": the moment it was verified, not when the signature runs out.
      const today = new Intl.DateTimeFormat('en', { dateStyle: 'medium' }).format(new Date());
      expect(textOf(badge)).to.contain(`checked ${today}`);
      expect(textOf(badge)).to.not.match(/until|valid/i);
      const link = badge.shadowRoot!.querySelector('a[part~="base"]') as HTMLAnchorElement;
      expect(link.href).to.equal(`${baseUrl}/verify/${partnerId}`);
      expect(badge.shadowRoot!.querySelector(`svg.tier-icon--${genuine.claims.tier}`), 'tier shape').to.exist;
      await expect(badge).to.be.accessible();

      badge.closest('partner-config')!.setAttribute('lang', 'de');
      await waitForText(badge, new RegExp(SANDBOX.de));
      expect(textOf(badge)).to.contain('geprüft am');
      expect(textOf(badge)).to.not.contain('Von Poly bestätigt');
      await expect(badge).to.be.accessible();
    });
  });

  describe('production mode: trust only the issuer built into the widgets', () => {
    it('a page whose api-base signs its own badges shows "Not verified", and never asks api-base for keys', async () => {
      const { baseUrl, credentials } = await sandboxConfig();
      const { partnerId } = credentials.publishable[0]!;
      // The issuer is up and publishes its keys; the page's api-base (the sandbox) signs with a key of its own.
      const standIn = await standInIssuer('poly-2026-1');
      const badge = await marketingPage();
      await waitForText(badge, /Not verified/);
      expect(textOf(badge)).to.contain('altered or not issued by Poly');
      expect(textOf(badge)).to.not.match(/Verified by Poly|Sandbox/);
      const genuine = await (await publishableClient()).client.badges.get(partnerId);
      expect(textOf(badge), 'no claim shown as fact').to.not.contain(genuine.claims.name);
      expect(badge.shadowRoot!.querySelector('.tier-icon')).to.not.exist;
      expect(standIn.requested).to.include(`${BADGE_ISSUER_ORIGIN}/.well-known/jwks.json`);
      expect(standIn.requested.filter((url) => url.startsWith(baseUrl) && url.includes('jwks')), 'keys from api-base').to.deep.equal([]);
      // Its link goes to the issuer's verification page, which tells the truth, not to the page's api-base.
      expect((badge.shadowRoot!.querySelector('a[part~="base"]') as HTMLAnchorElement).href).to.equal(`${BADGE_ISSUER_ORIGIN}/verify/${partnerId}`);
      await expect(badge).to.be.accessible();
    });

    it('a badge the issuer signed shows "Verified by Poly", checked today, linking to the issuer', async () => {
      const standIn = await standInIssuer('poly-2026-1');
      standIn.signingKid = 'poly-2026-1';
      const badge = await marketingPage();
      await waitForText(badge, /Verified by Poly/);
      expect(textOf(badge)).to.contain(`checked ${new Intl.DateTimeFormat('en', { dateStyle: 'medium' }).format(new Date())}`);
      expect(textOf(badge)).to.not.contain('Sandbox');
      expect(part(badge, 'status')?.classList.contains('status--verified')).to.be.true;
      await expect(badge).to.be.accessible();
      badge.closest('partner-config')!.setAttribute('lang', 'de');
      await waitForText(badge, /Von Poly bestätigt/);
      await expect(badge).to.be.accessible();
    });

    it('a forged claim (the tier changed in a signed badge) shows "Not verified" and none of what it claims', async () => {
      const standIn = await standInIssuer('poly-2026-1');
      standIn.signingKid = 'poly-2026-1';
      const faults = new FetchFaults();
      faults.rewriteJson(/\/badge$/, forgeTier);
      const { baseUrl, credentials } = await sandboxConfig();
      const { partnerId, publishableKey } = credentials.publishable[0]!;
      // Production, the default environment: the badge is checked with the issuer's keys.
      const production = createPartnerClient({ baseUrl, publishableKey, fetch: faults.fetch, retry: false, cache: false });
      const { el, ready } = await mount<PartnerTierBadge>(TAG, { 'partner-id': partnerId }, production);
      await ready;
      expect(textOf(el)).to.contain('Not verified');
      expect(textOf(el)).to.contain('altered or not issued by Poly');
      expect(textOf(el)).to.not.match(/Platinum|Gold|Verified by Poly/);
      expect(part(el, 'status')?.classList.contains('status--unverified')).to.be.true;
      expect(el.shadowRoot!.querySelector('.icon--warning')).to.exist;
      await expect(el).to.be.accessible();
    });

    it('keys rotate without a visitor ever seeing "Not verified"', async () => {
      // The widget has cached a key set with key 1; the issuer then publishes key 2 and signs with it.
      const standIn = await standInIssuer('poly-2026-1', 'poly-2026-2');
      standIn.published = ['poly-2026-1'];
      standIn.signingKid = 'poly-2026-1';
      const badge = await marketingPage();
      await waitForText(badge, /Verified by Poly/);
      const watch = watchStatuses(badge);
      standIn.published = ['poly-2026-1', 'poly-2026-2'];
      standIn.signingKid = 'poly-2026-2';
      // A refresh, as the widget makes one before its badge runs out (a minute later, without waiting for it).
      const before = standIn.requested.length;
      badge.now = new Date(Date.now() + 60_000);
      await waitUntil(() => standIn.requested.slice(before).some((url) => url.endsWith('/badge')), 'a new badge to be fetched');
      await waitUntil(() => part(badge, 'status')?.classList.contains('status--verified') && standIn.requested.slice(before).some((url) => url.endsWith('jwks.json')), 'the new key to be fetched');
      await badge.updateComplete;
      // Badges signed with the old key, still published while they live, verify too.
      const oldKeyBadge = createPartnerClient({ baseUrl: (await sandboxConfig()).baseUrl, publishableKey: 'pk_unused' });
      const { claims } = await (await publishableClient()).client.badges.get((await sandboxConfig()).credentials.publishable[0]!.partnerId);
      const signedWithOld = await standIn.sign({ ...claims, iss: BADGE_ISSUER_ORIGIN }, 'poly-2026-1');
      const signedWithNew = await standIn.sign({ ...claims, iss: BADGE_ISSUER_ORIGIN }, 'poly-2026-2');
      expect((await oldKeyBadge.badges.verify(signedWithOld)).status).to.equal('verified');
      expect((await oldKeyBadge.badges.verify(signedWithNew)).status).to.equal('verified');
      watch.stop();
      expect(watch.seen.length, watch.seen.join(' | ')).to.be.greaterThan(0);
      expect(watch.seen.filter((status) => !/Verified by Poly/.test(status)), 'every status shown during the rotation').to.deep.equal([]);
    });
  });

  describe('domains and revocation (sandbox mode, the real sandbox)', () => {
    it('a badge for domain A shown on domain B is "Not verified: not issued for this website"', async () => {
      const { credentials } = await sandboxConfig();
      const { partnerId } = credentials.publishable[0]!;
      const saved = (await (await publishableClient()).client.badges.get(partnerId)).claims.domains;
      expect((await operator(partnerId, { websites: ['partner-a.example'] })).status).to.equal(200);
      try {
        const badge = await marketingPage('sandbox');
        await waitForText(badge, /Not verified/);
        expect(textOf(badge)).to.contain('not issued for this website');
        expect(textOf(badge)).to.not.contain(SANDBOX.en);
        await expect(badge).to.be.accessible();
        document.documentElement.lang = 'de';
        try {
          await waitForText(badge, /nicht für diese Website ausgestellt/);
        } finally {
          document.documentElement.lang = 'en';
        }
      } finally {
        await operator(partnerId, { websites: saved });
      }
    });

    it('a public suffix is refused as a website: the badge stays for the partner’s own sites only', async () => {
      const { credentials } = await sandboxConfig();
      const { partnerId } = credentials.publishable[0]!;
      const saved = (await (await publishableClient()).client.badges.get(partnerId)).claims.domains;
      expect((await operator(partnerId, { websites: ['partner-a.example'] })).status).to.equal(200);
      try {
        // "localhost" would be accepted by the sandbox; the suffixes beside it make the whole change refused.
        for (const suffix of ['com', 'co.uk', 'github.io']) {
          const refused = await operator(partnerId, { websites: ['localhost', suffix] });
          expect(refused.status, suffix).to.equal(422);
          expect(refused.body.errors.map((error: { path: string; code: string }) => `${error.path} ${error.code}`)).to.deep.equal(['websites.1 not_registrable']);
        }
        const badge = await marketingPage('sandbox');
        await waitForText(badge, /Not verified/);
        expect(textOf(badge)).to.contain('not issued for this website');
        expect((await (await publishableClient()).client.badges.get(partnerId)).claims.domains).to.deep.equal(['partner-a.example']);
      } finally {
        await operator(partnerId, { websites: saved });
      }
    });

    it(`revocation: a partner that leaves stops verifying within the badge's ${BADGE_LIFETIME_SECONDS / 60} minutes`, async () => {
      const { client, partnerId } = await publishableClient();
      const { el, ready } = await mount<PartnerTierBadge>(TAG, { 'partner-id': partnerId }, client);
      await ready;
      await waitForText(el, new RegExp(SANDBOX.en));
      const issuedBefore = await client.badges.get(partnerId);
      expect((await operator(partnerId, { leftProgram: true })).status).to.equal(200);
      try {
        // A badge issued before the partner left, replayed (a cache, a copy) once its lifetime is over: expired.
        const replay: typeof fetch = async (input, init) =>
          new URL(input instanceof Request ? input.url : String(input)).pathname.endsWith('/badge') ? Response.json(issuedBefore) : fetch(input, init);
        const replayed = await mount<PartnerTierBadge>(TAG, { 'partner-id': partnerId }, (await publishableClient({ fetch: replay })).client, {
          now: new Date((issuedBefore.claims.iat + BADGE_LIFETIME_SECONDS + 1) * 1000),
        });
        await replayed.ready;
        await waitForText(replayed.el, /Expired/);
        expect(textOf(replayed.el)).to.not.contain(SANDBOX.en);
        // The badge on the page refreshes (here: now, rather than in 14 minutes): no badge is issued any more.
        el.now = new Date(Date.now() + 60_000);
        await waitUntil(() => part(el, 'error'), 'the refreshed badge to be refused');
        expect(textOf(el)).to.not.match(/Sandbox badge|Verified|partner/);
        await expect(el).to.be.accessible();
      } finally {
        await operator(partnerId, { leftProgram: false });
      }
    });
  });

  it('an expired badge says so, in English and German, without a date it could be mistaken for', async () => {
    const { client, partnerId } = await publishableClient();
    const later = new Date(Date.now() + 3 * 24 * 3600 * 1000);
    const { el, ready } = await mount<PartnerTierBadge>(TAG, { 'partner-id': partnerId }, client, { now: later });
    await ready;
    await waitForText(el, /Expired/);
    expect(textOf(el)).to.not.contain('Sandbox badge');
    expect(part(el, 'status')?.classList.contains('status--expired')).to.be.true;
    expect(el.shadowRoot!.querySelector('.icon--clock')).to.exist;
    await expect(el).to.be.accessible();
    el.lang = 'de';
    await waitForText(el, /Abgelaufen/);
    await expect(el).to.be.accessible();
  });

  it('lays itself out by its own width: never wider than its container, nothing cut off, long names wrap', async () => {
    const { client, partnerId } = await publishableClient();
    const longName = `${'Systemhaus Kommunikationstechnik '.repeat(4)}GmbH & Co. KG`;
    for (const width of [160, 240, 400]) {
      const host = await fixture<HTMLDivElement>(html`<div style="width: ${width}px"></div>`);
      const el = document.createElement(TAG) as PartnerTierBadge;
      el.setAttribute('partner-id', partnerId);
      (el as unknown as { client: unknown }).client = client;
      host.append(el);
      await waitForText(el, new RegExp(SANDBOX.en));
      const base = part(el, 'base')!;
      expect(el.getBoundingClientRect().width, `badge at ${width}px`).to.be.at.most(width);
      // Nothing cut off: no part of the text overflows its box.
      for (const name of ['tier', 'name', 'status']) {
        const node = part(el, name)!;
        expect(node.scrollWidth, `${name} at ${width}px`).to.be.at.most(node.clientWidth + 1);
      }
      expect(base.scrollWidth).to.be.at.most(base.clientWidth + 1);
      fixtureCleanup();
    }
    // A long name (as the partner registered it) wraps and is read out whole.
    const { el, ready } = await mount<PartnerTierBadge>(TAG, { 'partner-id': partnerId }, client);
    await ready;
    const name = part(el, 'name')!;
    name.textContent = longName;
    expect(name.scrollWidth).to.be.at.most(name.clientWidth + 1);
    expect(getComputedStyle(name).textOverflow).to.not.equal('ellipsis');
    expect(el.shadowRoot!.querySelector('a[part~="base"]')!.textContent).to.contain(longName);
  });

  it('the compact layout puts "checked" on a line of its own; layout="full" keeps it beside the status', async () => {
    const { client, partnerId } = await publishableClient();
    const detailDisplay = async (width: number, layout?: string) => {
      const host = await fixture<HTMLDivElement>(html`<div style="width: ${width}px"></div>`);
      const el = document.createElement(TAG) as PartnerTierBadge;
      el.setAttribute('partner-id', partnerId);
      if (layout) el.setAttribute('layout', layout);
      (el as unknown as { client: unknown }).client = client;
      host.append(el);
      await waitForText(el, /checked/);
      const display = getComputedStyle(el.shadowRoot!.querySelector('.status__detail')!).display;
      fixtureCleanup();
      return display;
    };
    expect(await detailDisplay(200)).to.equal('block');
    expect(await detailDisplay(400)).to.equal('inline');
    expect(await detailDisplay(400, 'compact')).to.equal('block');
    expect(await detailDisplay(200, 'full')).to.equal('inline');
  });

  it('has an issuer-mark slot: a neutral mark by default, the issuer’s artwork when given', async () => {
    const { client, partnerId } = await publishableClient();
    const { el, ready } = await mount<PartnerTierBadge>(TAG, { 'partner-id': partnerId }, client);
    await ready;
    const slot = el.shadowRoot!.querySelector('slot[name="issuer-mark"]') as HTMLSlotElement;
    expect(slot.querySelector('svg[aria-hidden="true"]'), 'neutral default mark').to.exist;
    const art = document.createElement('img');
    art.slot = 'issuer-mark';
    art.alt = '';
    art.src = 'data:image/svg+xml,%3Csvg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1"/%3E';
    el.append(art);
    expect(slot.assignedElements()).to.deep.equal([art]);
    await expect(el).to.be.accessible();
  });

  it('keeps a fixed box per size, loading and loaded, and small < medium < large', async () => {
    const widths: number[] = [];
    for (const size of ['small', 'medium', 'large']) {
      const faults = new FetchFaults();
      faults.hold();
      const { client, partnerId } = await publishableClient({ fetch: faults.fetch });
      const { el, ready } = await mount<PartnerTierBadge>(TAG, { 'partner-id': partnerId, size }, client);
      const loading = el.getBoundingClientRect();
      faults.pass();
      await ready;
      await el.updateComplete;
      const loaded = el.getBoundingClientRect();
      expect([loaded.width, loaded.height], `${size} box`).to.deep.equal([loading.width, loading.height]);
      widths.push(loaded.width);
      fixtureCleanup();
    }
    expect(widths[0]).to.be.lessThan(widths[1]!);
    expect(widths[1]).to.be.lessThan(widths[2]!);
  });

  it('has a dark variant that is accessible', async () => {
    const { client, partnerId } = await publishableClient();
    const { el, ready } = await mount<PartnerTierBadge>(TAG, { 'partner-id': partnerId, variant: 'dark' }, client);
    await ready;
    const background = getComputedStyle(part(el, 'base')!).backgroundColor;
    const [r, g, b] = background.match(/\d+/g)!.map(Number) as [number, number, number];
    expect(r + g + b, `dark background, got ${background}`).to.be.lessThan(150);
    await expect(el).to.be.accessible();
  });
});
