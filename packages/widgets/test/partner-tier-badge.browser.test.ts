// <partner-tier-badge> against the real sandbox: verified, expired, altered and wrong-site badges, sizes, variants.
import { createPartnerClient } from '@poly-partner/sdk';
import { expect, fixtureCleanup } from '@open-wc/testing';
import { base64UrlDecode, base64UrlEncode } from '@poly-partner/contract';
import '../src/components/partner-tier-badge/partner-tier-badge.js';
import type { PartnerTierBadge } from '../src/components/partner-tier-badge/partner-tier-badge.js';
import { FetchFaults } from './support/fetch-faults.js';
import { mount, part, textOf, waitForText } from './support/mount.js';
import { clientFor, publishableClient, sandboxConfig, startSandboxFirst } from './support/sandbox.js';
import { runWidgetBaseTests } from './support/widget-base-tests.js';

const TAG = 'partner-tier-badge';

runWidgetBaseTests({
  tag: TAG,
  attributes: async () => ({ 'partner-id': (await publishableClient()).partnerId }),
  client: async (fetch) => (await publishableClient({ fetch })).client,
  loadedText: { en: /Verified by Poly/, de: /Von Poly bestätigt/ },
  size: 'fixed',
});

/** The badge's JWS with one byte of its payload changed (the partner's name), still valid JSON, signature intact. */
function tamper(body: unknown): unknown {
  const badge = body as { jws: string; claims: Record<string, unknown> };
  const [header, payload, signature] = badge.jws.split('.') as [string, string, string];
  const bytes = base64UrlDecode(payload);
  const text = new TextDecoder().decode(bytes);
  const at = text.indexOf('"name":"') + '"name":"'.length;
  const flipped = new TextEncoder().encode(text);
  flipped[at] = flipped[at]! ^ 0x01;
  return { ...badge, jws: `${header}.${base64UrlEncode(flipped)}.${signature}` };
}

describe('<partner-tier-badge>', () => {
  before(startSandboxFirst);
  afterEach(() => fixtureCleanup());

  it('shows a verified badge: tier by name and shape, the partner, and the link to verify it', async () => {
    const { client, partnerId } = await publishableClient();
    const { el, ready } = await mount<PartnerTierBadge>(
      TAG,
      { 'partner-id': partnerId, 'verify-url': 'https://partners.poly.example/verify' },
      client,
    );
    await ready;
    const badge = await client.badges.get(partnerId);
    const tierNames = { register: 'Register', silver: 'Silver', gold: 'Gold', platinum: 'Platinum' };
    expect(textOf(el)).to.contain(`${tierNames[badge.claims.tier]} partner`);
    expect(part(el, 'name')?.textContent).to.equal(badge.claims.name);
    expect(el.shadowRoot!.querySelector(`svg.tier-icon--${badge.claims.tier}`), 'tier shape').to.exist;
    const link = el.shadowRoot!.querySelector('a[part~="base"]') as HTMLAnchorElement;
    expect(link.href).to.equal('https://partners.poly.example/verify');
    expect(part(el, 'status')?.classList.contains('status--verified')).to.be.true;
    await expect(el).to.be.accessible();
  });

  it('shows an expired badge as expired, in English and German', async () => {
    const { client, partnerId } = await publishableClient();
    const later = new Date(Date.now() + 3 * 24 * 3600 * 1000);
    const { el, ready } = await mount<PartnerTierBadge>(TAG, { 'partner-id': partnerId }, client, { now: later });
    await ready;
    await waitForText(el, /Expired on/);
    expect(textOf(el)).to.not.contain('Verified');
    expect(part(el, 'status')?.classList.contains('status--expired')).to.be.true;
    expect(el.shadowRoot!.querySelector('.icon--clock')).to.exist;
    await expect(el).to.be.accessible();
    el.lang = 'de';
    await waitForText(el, /Abgelaufen am/);
    await expect(el).to.be.accessible();
  });

  it('shows an altered badge as not verified, and none of what it claims', async () => {
    const faults = new FetchFaults();
    faults.rewriteJson(/\/badge$/, tamper);
    const { client, partnerId } = await publishableClient({ fetch: faults.fetch });
    const genuine = await (await publishableClient()).client.badges.get(partnerId);
    const { el, ready } = await mount<PartnerTierBadge>(TAG, { 'partner-id': partnerId }, client);
    await ready;
    expect(textOf(el)).to.contain('Not verified');
    expect(textOf(el)).to.contain('altered or not issued by Poly');
    expect(textOf(el)).to.not.contain(genuine.claims.name);
    expect(el.shadowRoot!.querySelector('.tier-icon'), 'no tier shown').to.not.exist;
    expect(part(el, 'status')?.classList.contains('status--unverified')).to.be.true;
    expect(el.shadowRoot!.querySelector('.icon--warning')).to.exist;
    await expect(el).to.be.accessible();
  });

  it('shows a badge not issued for this website as not verified, saying so', async () => {
    const { baseUrl, credentials } = await sandboxConfig();
    const withKey = new Set(credentials.publishable.map((entry) => entry.partnerId));
    // A reseller without a publishable key, asking with its secret key (as a server rendering the page would): the
    // badge lists no website, so not this test page's host either. (An embed token's badge names the token's origin.)
    const reseller = credentials.resellers.find((candidate) => !withKey.has(candidate.partnerId))!;
    const client = createPartnerClient({ baseUrl, secretKey: reseller.secretKey, secretKeyInBrowserForTests: true });
    const badge = await client.badges.get(reseller.partnerId);
    expect(badge.claims.domains).to.not.include(location.hostname);

    const { el, ready } = await mount<PartnerTierBadge>(TAG, { 'partner-id': reseller.partnerId }, client);
    await ready;
    expect(textOf(el)).to.contain('Not verified');
    expect(textOf(el)).to.contain('not issued for this website');
    await expect(el).to.be.accessible();
    document.documentElement.lang = 'de';
    try {
      await waitForText(el, /nicht für diese Website ausgestellt/);
    } finally {
      document.documentElement.lang = 'en';
    }
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
