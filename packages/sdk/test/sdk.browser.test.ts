// The SDK in Chromium against the sandbox the test server starts: CORS preflights (Authorization, Idempotency-Key,
// If-None-Match), exposed ETag, embed tokens from a host-backend endpoint, the publishable badge for this page's host.
import { expect } from '@open-wc/testing';
import { createPartnerClient, isPartnerApiError, type PartnerClient, type TokenProvider } from '../src/index.js';

/** A close date the API accepts whenever the tests run: close dates in the past are refused. */
const IN_SIX_MONTHS = new Date(Date.now() + 180 * 86_400_000).toISOString().slice(0, 10);

// Mocha's globals, defined by web-test-runner in the page; the workspace has no @types/mocha.
declare const describe: (name: string, body: () => void) => void;
declare const it: (name: string, body: () => Promise<void>) => void;
declare const before: (body: (this: { timeout(ms: number): void }) => Promise<void> | void) => void;

interface SandboxConfig {
  baseUrl: string;
  credentials: {
    resellers: { partnerId: string; secretKey: string }[];
    organizations: { orgId: string; secretKey: string }[];
    publishable: { partnerId: string; publishableKey: string; origins: string[] }[];
  };
}

let config: SandboxConfig;

/** What a host page does: ask its own backend for an embed token for this page's origin. */
function tokenFrom(subject: { partnerId: string } | { orgId: string }, calls = { count: 0 }): TokenProvider {
  return async () => {
    calls.count += 1;
    const response = await fetch('/__sandbox/embed-token', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(subject),
    });
    if (!response.ok) throw new Error(`embed-token endpoint answered ${response.status}`);
    return (await response.json()) as { token: string; expiresAt: string };
  };
}

/** A fetch that records the status of every response the SDK receives. */
function recordingFetch() {
  const statuses: number[] = [];
  const wrapped: typeof fetch = async (input, init) => {
    const response = await fetch(input, init);
    statuses.push(response.status);
    return response;
  };
  return { fetch: wrapped, statuses };
}

before(async function () {
  // The first request for the config seeds the sandbox's world, which takes longer than one test may.
  this.timeout(120_000);
  config = (await (await fetch('/__sandbox/config.json')).json()) as SandboxConfig;
});

describe('SDK in the browser', () => {
  let reseller: SandboxConfig['credentials']['resellers'][number];
  let client: PartnerClient;
  let recorded: ReturnType<typeof recordingFetch>;
  const tokenCalls = { count: 0 };

  before(() => {
    reseller = config.credentials.resellers[0]!;
    recorded = recordingFetch();
    client = createPartnerClient({
      baseUrl: config.baseUrl,
      getToken: tokenFrom({ partnerId: reseller.partnerId }, tokenCalls),
      fetch: recorded.fetch,
    });
  });

  it('reads the tier status cross-origin with an embed token fetched once for concurrent widgets', async () => {
    const [status, program, profile] = await Promise.all([
      client.partners.tierStatus(reseller.partnerId),
      client.program.get(),
      client.partners.get(reseller.partnerId),
    ]);
    expect(status.partnerId).to.equal(reseller.partnerId);
    expect(program.tiers).to.deep.equal(['register', 'silver', 'gold', 'platinum']);
    expect(profile.id).to.equal(reseller.partnerId);
    expect(tokenCalls.count).to.equal(1);
  });

  it('revalidates with If-None-Match across origins and gets the body from its cache on 304', async () => {
    const before = recorded.statuses.length;
    const first = await client.products.list();
    const second = await client.products.list();
    expect(recorded.statuses.slice(before)).to.deep.equal([200, 304]);
    expect(second).to.deep.equal(first);
  });

  it('registers a deal with an Idempotency-Key through the CORS preflight', async () => {
    const products = await client.products.list();
    const profile = await client.partners.get(reseller.partnerId);
    const unique = `${Date.now()}`;
    const input = {
      type: 'opportunity' as const,
      customer: {
        name: `Browser Kunde ${unique}`,
        country: 'AT',
        domain: `browser-${unique}.example`,
        contact: { name: 'Max Muster', email: 'max@browser.example', consent: true as const },
      },
      products: [{ sku: products.items[0]!.sku, quantity: 2 }],
      estimatedValue: { amount: 12_000, currency: 'EUR' as const },
      expectedCloseDate: IN_SIX_MONTHS,
      distributorId: profile.distributorIds[0]!,
    };
    const deal = await client.deals.register(reseller.partnerId, input, { idempotencyKey: `browser-${unique}` });
    const replay = await client.deals.register(reseller.partnerId, input, { idempotencyKey: `browser-${unique}` });
    expect(replay.id).to.equal(deal.id);
    expect((await client.deals.get(deal.id)).customer.domain).to.equal(input.customer.domain);
  });

  it('answers a validation failure with field errors readable from the browser', async () => {
    const error = await client.deals
      .checkConflict(reseller.partnerId, { domain: 'not a domain' })
      .then(() => undefined, (caught: unknown) => caught);
    expect(isPartnerApiError(error)).to.equal(true);
    if (!isPartnerApiError(error)) return;
    expect(error.type).to.equal('validation');
    expect(error.fieldErrors.map((field) => field.path)).to.include('customer.domain');
  });

  it('aborts a request with type aborted', async () => {
    const controller = new AbortController();
    const call = client.partners.tierStatus(reseller.partnerId, { asOf: '2031-01-01', signal: controller.signal });
    controller.abort();
    const error = await call.then(() => undefined, (caught: unknown) => caught);
    expect(isPartnerApiError(error) && error.type).to.equal('aborted');
  });

  it('walks an organization’s members page by page with an organization token', async () => {
    // The smallest aggregator, walked in about four pages (the largest has thousands of members).
    const clients = config.credentials.organizations.map((org) => ({
      org,
      client: createPartnerClient({ baseUrl: config.baseUrl, getToken: tokenFrom({ orgId: org.orgId }) }),
    }));
    const sizes = await Promise.all(clients.map(({ org, client }) => client.organizations.get(org.orgId)));
    const smallest = sizes.reduce((best, org) => (org.memberCount < best.memberCount ? org : best));
    const { client: orgClient } = clients.find(({ org }) => org.orgId === smallest.id)!;
    const limit = Math.min(500, Math.max(1, Math.ceil(smallest.memberCount / 4)));

    const page = await orgClient.organizations.members(smallest.id, { limit, sort: '-progress' });
    expect(page.total).to.equal(smallest.memberCount);
    const everyone = await page.all();
    expect(everyone.length).to.equal(page.total);
    expect(new Set(everyone.map((member) => member.partnerId)).size).to.equal(everyone.length);
    // Progress towards the next tier, highest first; top-tier members, with no next tier, come last.
    const belowTop = everyone.filter((member) => member.nextTier !== null);
    const progress = belowTop.map((member) => member.progress);
    expect(progress).to.deep.equal([...progress].sort((a, b) => b - a));
    expect(everyone.length, 'top-tier members after the others').to.be.greaterThan(belowTop.length);
    expect(everyone.slice(belowTop.length).every((member) => member.nextTier === null)).to.equal(true);
  });

  it('shows a publishable badge that verifies for this page’s host and not for another', async () => {
    const publishable = config.credentials.publishable[0]!;
    const badgeClient = createPartnerClient({ baseUrl: config.baseUrl, publishableKey: publishable.publishableKey, environment: 'sandbox' });
    const badge = await badgeClient.badges.get(publishable.partnerId);
    expect(badge.claims.domains).to.include(location.hostname);
    expect((await badgeClient.badges.verify(badge.jws)).status).to.equal('verified');
    const elsewhere = await badgeClient.badges.verify(badge.jws, { hostname: 'copycat.example' });
    expect(elsewhere).to.include({ status: 'unverified', reason: 'domain' });
  });
});
