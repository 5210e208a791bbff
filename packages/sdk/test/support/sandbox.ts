// Starts the real sandbox for the SDK's Node tests (small world, in memory) and builds valid requests against it.
// The sandbox is a dev dependency only: the SDK itself never imports it.
import { startSandbox } from '@poly-partner/sandbox';
import type { DealInput } from '@poly-partner/contract';

/** A close date the API accepts whenever the tests run: close dates in the past are refused. */
const IN_SIX_MONTHS = new Date(Date.now() + 180 * 86_400_000).toISOString().slice(0, 10);

export type Sandbox = Awaited<ReturnType<typeof startSandbox>>;

/** The origin our Node "pages" claim; embed tokens are bound to it. */
export const TEST_ORIGIN = 'http://127.0.0.1:5173';

export function startTestSandbox(options: Parameters<typeof startSandbox>[0] = {}): Promise<Sandbox> {
  return startSandbox({ port: 0, db: ':memory:', resellers: 600, quiet: true, ...options });
}

/** The demo reseller and organization credentials the tests use. */
export function demo(sandbox: Sandbox) {
  const [reseller, other] = sandbox.credentials.resellers;
  const organization = sandbox.credentials.organizations[0];
  const publishable = sandbox.credentials.publishable[0];
  if (!reseller || !other || !organization || !publishable) throw new Error('sandbox credentials incomplete');
  return { reseller, other, organization, publishable };
}

/** Mints an embed token the way a host portal's backend does. */
export async function mintEmbedToken(
  sandbox: Sandbox,
  secretKey: string,
  subject: { partnerId: string } | { orgId: string },
  ttlSeconds?: number,
): Promise<{ token: string; expiresAt: string }> {
  const response = await fetch(`${sandbox.url}/v1/embed-tokens`, {
    method: 'POST',
    headers: { authorization: `Bearer ${secretKey}`, 'content-type': 'application/json' },
    body: JSON.stringify({ origin: TEST_ORIGIN, subject, ...(ttlSeconds ? { ttlSeconds } : {}) }),
  });
  if (!response.ok) throw new Error(`embed token: ${response.status} ${await response.text()}`);
  return (await response.json()) as { token: string; expiresAt: string };
}

/** A fetch that sends the `Origin` a browser page on TEST_ORIGIN would send (Node's fetch sends none). */
export const fetchFromTestOrigin: typeof fetch = (input, init) => {
  const request = new Request(input, init);
  request.headers.set('origin', TEST_ORIGIN);
  return fetch(request);
};

/** A valid registration for a distinct end customer (`n` makes domain and name unique). */
export function dealInput(n: number, sku: string, distributorId: string, unique = 'sdk'): DealInput {
  return {
    type: 'deal',
    customer: {
      name: `Kunde ${unique} ${n} GmbH`,
      country: 'DE',
      domain: `kunde-${unique}-${n}.example`,
      contact: { name: 'Eva Muster', email: `eva${n}@kunde-${unique}.example`, consent: true },
    },
    products: [{ sku, quantity: 1 + (n % 5) }],
    estimatedValue: { amount: 10_000 + n, currency: 'EUR' },
    expectedCloseDate: IN_SIX_MONTHS,
    distributorId,
    notes: `registration ${n}`,
  };
}

/** Counts the requests a client sends and what came back, by wrapping its fetch. */
export function countingFetch(base: typeof fetch = fetch) {
  const log: { method: string; url: string; status: number; bytes: number; ifNoneMatch: boolean }[] = [];
  const wrapped: typeof fetch = async (input, init) => {
    const request = new Request(input, init);
    const response = await base(request);
    const bytes = Number(response.headers.get('content-length') ?? (await response.clone().arrayBuffer()).byteLength);
    log.push({
      method: request.method,
      url: new URL(request.url).pathname,
      status: response.status,
      bytes,
      ifNoneMatch: request.headers.has('if-none-match'),
    });
    return response;
  };
  return { fetch: wrapped, log };
}
