// Type tests: checked by the root `tsc`, never run. What must compile does; misuse carries @ts-expect-error.
import {
  createPartnerClient,
  isPartnerApiError,
  type BadgeVerification,
  type Deal,
  type DealInput,
  type Member,
  type PartnerApiErrorType,
  type TierStatus,
  type WalkablePage,
} from '../src/index.js';

declare const signal: AbortSignal;
const client = createPartnerClient({ baseUrl: 'https://api.example', secretKey: 'sk_test' });

const input: DealInput = {
  type: 'project',
  customer: { name: 'Beispiel AG', country: 'DE', domain: 'beispiel.de', contact: { name: 'Eva', email: 'eva@beispiel.de', consent: true } },
  products: [{ sku: 'STUDIO-X50', quantity: 3 }],
  estimatedValue: { amount: 25_000, currency: 'EUR' },
  expectedCloseDate: '2027-01-31',
  distributorId: 'd_1',
};

export async function usage(): Promise<void> {
  // Credentials: exactly one kind.
  createPartnerClient({ baseUrl: 'https://api.example', getToken: async () => ({ token: 't', expiresAt: '2027-01-01T00:00:00Z' }) });
  createPartnerClient({ baseUrl: 'https://api.example', publishableKey: 'pk_x', cache: false, retry: false, timeout: 5_000 });
  // @ts-expect-error two credentials at once
  createPartnerClient({ baseUrl: 'https://api.example', secretKey: 'sk_x', publishableKey: 'pk_x' });
  // @ts-expect-error no credential
  createPartnerClient({ baseUrl: 'https://api.example' });

  const status: TierStatus = await client.partners.tierStatus('p_1', { asOf: '2027-01-01', signal });
  const tier: 'register' | 'silver' | 'gold' | 'platinum' = status.effectiveTier;
  void tier;

  const deal: Deal = await client.deals.register('p_1', input, { idempotencyKey: 'k1', signal });
  const state: Deal['status'] = deal.status;
  void state;

  // @ts-expect-error a deal type the API does not know
  await client.deals.register('p_1', { ...input, type: 'lead' });
  // @ts-expect-error a missing required field (the end customer)
  await client.deals.register('p_1', { type: 'deal', products: input.products, estimatedValue: input.estimatedValue, expectedCloseDate: '2027-01-31', distributorId: 'd_1' });
  // @ts-expect-error registration needs the contact's consent
  await client.deals.register('p_1', { ...input, customer: { ...input.customer, contact: { name: 'Eva', email: 'e@x.de', consent: false } } });
  // @ts-expect-error a currency the program does not take
  await client.deals.register('p_1', { ...input, estimatedValue: { amount: 1, currency: 'JPY' } });

  // @ts-expect-error a member sort that does not exist
  await client.organizations.members('o_1', { sort: 'revenue' });
  // @ts-expect-error filters take known tiers only
  await client.organizations.members('o_1', { tier: 'diamond' });
  // @ts-expect-error the deal list filters by known statuses only
  await client.deals.list('p_1', { status: 'open' });

  const page: WalkablePage<Member> = await client.organizations.members('o_1', { sort: '-progress', limit: 500 }, { signal });
  const first: Member | undefined = page.items[0];
  void first;
  for await (const member of page) void member.effectiveTier;
  for await (const member of client.organizations.members('o_1')) void member.partnerId;
  const everyone: Member[] = await page.all();
  const everyDeal: Deal[] = await client.deals.list('p_1').all({ signal });
  void everyone;
  void everyDeal;

  const verification: BadgeVerification = await client.badges.verify('a.b.c', { hostname: 'example.com', now: new Date() });
  if (verification.status === 'verified') void verification.claims.tier;
  // @ts-expect-error only three outcomes
  if (verification.status === 'revoked') void 0;

  // @ts-expect-error partners.get needs an id
  await client.partners.get();
  // @ts-expect-error simulate takes known change fields only
  await client.partners.simulate('p_1', { addRevenue: 5 });

  try {
    await client.program.get({ signal });
  } catch (error) {
    if (isPartnerApiError(error)) {
      const type: PartnerApiErrorType = error.type;
      const fields: readonly { path: string; message: string }[] = error.fieldErrors;
      const wait: number | undefined = error.retryAfter;
      // @ts-expect-error not an error type
      const wrong: PartnerApiErrorType = 'server';
      void [type, fields, wait, wrong];
    }
  }
}
