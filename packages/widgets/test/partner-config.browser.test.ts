// <partner-config>: widgets find their client, partner and language from it, and their own settings win.
import { expect, fixture, fixtureCleanup, html, oneEvent } from '@open-wc/testing';
import '../src/config/partner-config.js';
import '../src/components/partner-tier-badge/partner-tier-badge.js';
import type { PartnerConfig } from '../src/config/partner-config.js';
import type { PartnerTierBadge } from '../src/components/partner-tier-badge/partner-tier-badge.js';
import { part, textOf, waitForText } from '../../../test/support/browser/mount.js';
import { clientFor, publishableClient, sandboxConfig, startSandboxFirst } from '../../../test/support/browser/sandbox.js';

describe('<partner-config>', () => {
  before(startSandboxFirst);
  afterEach(() => fixtureCleanup());

  it('gives the widgets inside it a publishable-key client, its partner and, in sandbox mode, the sandbox verification page', async () => {
    const { baseUrl, credentials } = await sandboxConfig();
    const { partnerId, publishableKey } = credentials.publishable[0]!;
    const config = await fixture<PartnerConfig>(html`
      <partner-config environment="sandbox" api-base=${baseUrl} publishable-key=${publishableKey} partner-id=${partnerId}>
        <partner-tier-badge></partner-tier-badge>
      </partner-config>
    `);
    const badge = config.querySelector('partner-tier-badge')!;
    await oneEvent(badge, 'partner-ready');
    expect(textOf(badge)).to.contain('Sandbox badge, not issued by Poly');
    const link = badge.shadowRoot!.querySelector('a[part~="base"]') as HTMLAnchorElement;
    expect(link.href).to.equal(`${baseUrl}/verify/${partnerId}`);
  });

  it('asks the host backend\'s token endpoint for embed tokens of its partner', async () => {
    const { baseUrl, credentials } = await sandboxConfig();
    const { partnerId } = credentials.publishable[0]!;
    const requests: unknown[] = [];
    const realFetch = window.fetch;
    // Watches the page's fetch to see what the token provider sends to the host backend.
    window.fetch = async (input, init) => {
      if (String(input instanceof Request ? input.url : input).includes('/__sandbox/embed-token')) {
        requests.push(JSON.parse(String(init?.body)));
      }
      return realFetch(input, init);
    };
    try {
      const config = await fixture<PartnerConfig>(html`
        <partner-config environment="sandbox" api-base=${baseUrl} token-endpoint="/__sandbox/embed-token" partner-id=${partnerId}>
          <partner-tier-badge></partner-tier-badge>
        </partner-config>
      `);
      const badge = config.querySelector('partner-tier-badge')!;
      await oneEvent(badge, 'partner-ready');
      expect(textOf(badge)).to.contain('Sandbox badge, not issued by Poly');
      expect(requests).to.deep.include({ partnerId });
    } finally {
      window.fetch = realFetch;
    }
  });

  it('serves widgets outside it: the first config of the page, even one that comes after the widget', async () => {
    const { baseUrl, credentials } = await sandboxConfig();
    const { partnerId, publishableKey } = credentials.publishable[0]!;
    const wrapper = await fixture<HTMLElement>(html`
      <div>
        <section><partner-tier-badge></partner-tier-badge></section>
        <aside>
          <partner-config environment="sandbox" api-base=${baseUrl} publishable-key=${publishableKey} partner-id=${partnerId}></partner-config>
        </aside>
      </div>
    `);
    const badge = wrapper.querySelector('partner-tier-badge')!;
    await waitForText(badge, /Sandbox badge, not issued by Poly/);
  });

  it('lets a widget\'s own partner-id and client win over the config', async () => {
    const { credentials } = await sandboxConfig();
    const withKey = new Set(credentials.publishable.map((entry) => entry.partnerId));
    const other = credentials.resellers.find((reseller) => !withKey.has(reseller.partnerId))!;
    const client = await clientFor({ partnerId: other.partnerId });
    const config = await fixture<PartnerConfig>(html`
      <partner-config api-base="http://127.0.0.1:9/unreachable" publishable-key="pk_test_unused" partner-id="ptr_nobody">
        <partner-tier-badge partner-id=${other.partnerId} .client=${client}></partner-tier-badge>
      </partner-config>
    `);
    const badge = config.querySelector<PartnerTierBadge>('partner-tier-badge')!;
    // Loaded through the widget's own client for its own partner: the config's unreachable API is never asked.
    await waitForText(badge, /Sandbox badge, not issued by Poly/);
    expect(textOf(badge)).to.contain(other.name);
    expect(part(badge, 'error')).to.not.exist;
  });

  it('sets the language of the widgets inside it, and switching it re-renders them', async () => {
    const { client, partnerId } = await publishableClient();
    const config = await fixture<PartnerConfig>(html`
      <partner-config lang="de" partner-id=${partnerId} .client=${client}>
        <partner-tier-badge></partner-tier-badge>
      </partner-config>
    `);
    const badge = config.querySelector('partner-tier-badge')!;
    await waitForText(badge, /Sandbox-Abzeichen, nicht von Poly ausgestellt/);
    config.setAttribute('lang', 'en');
    await waitForText(badge, /Sandbox badge, not issued by Poly/);
  });
});
