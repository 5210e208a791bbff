// The shared machinery under every widget: registration, token endpoint, cancelling superseded loads.
import { expect, fixtureCleanup, waitUntil } from '@open-wc/testing';
import '../src/components/partner-tier-badge/partner-tier-badge.js';
import type { PartnerTierBadge } from '../src/components/partner-tier-badge/partner-tier-badge.js';
import { createTokenEndpointProvider } from '../src/config/token-endpoint-provider.js';
import { define } from '../src/internal/define.js';
import { FetchFaults } from '../../../test/support/browser/fetch-faults.js';
import { mount, textOf, waitForText } from '../../../test/support/browser/mount.js';
import { clientFor, sandboxConfig, startSandboxFirst } from '../../../test/support/browser/sandbox.js';

describe('widget foundation', () => {
  before(startSandboxFirst);
  afterEach(() => fixtureCleanup());

  it('warns instead of throwing when a second copy defines a tag that is taken', () => {
    const warnings: unknown[][] = [];
    const warn = console.warn;
    console.warn = (...args: unknown[]) => warnings.push(args);
    try {
      expect(() => define('partner-tier-badge', class extends HTMLElement {})).to.not.throw();
    } finally {
      console.warn = warn;
    }
    expect(String(warnings[0]?.[0])).to.contain('<partner-tier-badge> is already defined');
  });

  it('refuses a token endpoint on another origin, so the page session never leaves it', async () => {
    const getToken = createTokenEndpointProvider('https://evil.example/token', { partnerId: 'ptr_1' });
    let error: unknown;
    try {
      await getToken();
    } catch (caught) {
      error = caught;
    }
    expect(String(error)).to.contain("must be on this page's origin");
  });

  it('answers a failing token endpoint with an error the widget shows and reports', async () => {
    const { baseUrl } = await sandboxConfig();
    const { createPartnerClient } = await import('@poly-partner/sdk');
    const client = createPartnerClient({
      baseUrl,
      retry: false,
      getToken: createTokenEndpointProvider('/__sandbox/embed-token', { partnerId: 'ptr_not_a_demo_partner' }),
    });
    const { el, error } = await mount<PartnerTierBadge>('partner-tier-badge', { 'partner-id': 'ptr_not_a_demo_partner' }, client);
    const event = await error;
    expect(event.error.type).to.equal('auth');
    await waitForText(el, /Your session has expired or is not valid/);
  });

  it('cancels the request of a superseded load when the partner changes, and shows only the new partner', async () => {
    const { credentials } = await sandboxConfig();
    const [first, second] = credentials.resellers as [(typeof credentials.resellers)[number], (typeof credentials.resellers)[number]];
    const faults = new FetchFaults();
    faults.hold();
    // The first partner's badge is never answered (held); switching to the second must cancel that request.
    const client = await clientFor({ partnerId: second.partnerId }, { fetch: faults.fetch });
    const { el } = await mount<PartnerTierBadge>('partner-tier-badge', { 'partner-id': first.partnerId }, client);
    await waitUntil(() => faults.seen.length > 0, 'the first load to start');
    el.partnerId = second.partnerId;
    await waitUntil(() => faults.aborted.length > 0, 'the first load to be aborted');
    expect(faults.aborted[0]).to.contain(first.partnerId);
    faults.pass();
    await waitForText(el, /Not verified|Sandbox badge, not issued by Poly/);
    expect(textOf(el)).to.not.contain('could not be found');
  });
});
