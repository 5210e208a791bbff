// createPartnerClient: one independent client per call, no globals, nothing done on import. Its resources come from
// `#resources`: built on the spot, or — under the `lazy-resources` condition, which the script-tag bundle sets —
// stand-ins that load each resource's module on its first call (see internal/resources.lazy.ts).
import { createResources } from '#resources';
import type { TokenProvider } from './internal/token-cache.js';
import type { BadgesResource } from './resources/badges.js';
import type { DealsResource } from './resources/deals.js';
import type { OrganizationsResource } from './resources/organizations.js';
import type { PartnersResource } from './resources/partners.js';
import type { ProductsResource } from './resources/products.js';
import type { ProgramResource } from './resources/program.js';
import { Transport, type RetryPolicy } from './internal/transport.js';

interface CommonOptions {
  /** The API's base URL, e.g. `https://partner-api.poly.example` or the sandbox's `http://127.0.0.1:8787`. */
  baseUrl: string | URL;
  /** A fetch to use instead of the global one (tests, proxies, instrumentation). */
  fetch?: typeof globalThis.fetch;
  /** Milliseconds one attempt may take to answer and to deliver its body (default 10 000). */
  timeout?: number;
  /**
   * Retrying of GETs (and of deal registrations, which carry an idempotency key) on network errors, timeouts,
   * 429, 502, 503 and 504 with exponential backoff and jitter, honouring `Retry-After` up to `maxRetryAfter`.
   * A number sets the limit; `false` turns retrying off.
   */
  retry?: number | false | RetryPolicy;
  /**
   * Identical concurrent GETs share one request, and GET responses are kept by `ETag` and revalidated with
   * `If-None-Match` (default `true`). `false` sends every call on its own.
   */
  cache?: boolean;
  /**
   * `production` (default): badges verify only with the keys of the Poly issuer (`BADGE_ISSUER_ORIGIN`, a constant
   * of the build), never with keys from `baseUrl`. `sandbox`: with the keys of `baseUrl`, for development against the
   * sandbox; such badges verify as `sandbox: true` and must never be shown as "Verified by Poly".
   */
  environment?: 'production' | 'sandbox';
}

/** Options of `createPartnerClient()`: exactly one of `getToken`, `secretKey`, `publishableKey`. */
export type PartnerClientOptions = CommonOptions &
  (
    | {
        /**
         * Supplies embed tokens (browser widgets): called lazily, its answer cached until shortly before it expires
         * (the JWS `exp`, or `expiresAt` when answered as `{ token, expiresAt }`), called again once on a 401.
         * Concurrent requests share one call.
         */
        getToken: TokenProvider;
        secretKey?: never;
        publishableKey?: never;
      }
    | {
        /**
         * A secret key `sk_…`: server side only. In a browser, where any visitor can read it, the client refuses it
         * (use `getToken` with embed tokens minted by your server) unless `secretKeyInBrowserForTests` says this is a test.
         */
        secretKey: string;
        /** Lets a test page use a secret key in a browser. Never set it in a site. */
        secretKeyInBrowserForTests?: boolean;
        getToken?: never;
        publishableKey?: never;
      }
    | {
        /** A publishable key `pk_…` for marketing sites: reads the partner's public badge, nothing else. */
        publishableKey: string;
        getToken?: never;
        secretKey?: never;
      }
  );

/** A client for the Poly partner API. Every method takes `{ signal }`, returns validated data, throws `PartnerApiError`. */
export interface PartnerClient {
  /** The tier-program policy. */
  readonly program: ProgramResource;
  /** The product catalogue. */
  readonly products: ProductsResource;
  /** Reseller profiles, tier status and what-if simulations. */
  readonly partners: PartnersResource;
  /** Deal registrations. */
  readonly deals: DealsResource;
  /** Aggregators and their members. */
  readonly organizations: OrganizationsResource;
  /** Signed badges and their verification. */
  readonly badges: BadgesResource;
  /** Forgets every cached response, e.g. after the user changed data elsewhere. */
  clearCache(): void;
}

const DEFAULT_RETRY: Required<RetryPolicy> = { limit: 2, maxRetryAfter: 10_000, backoffLimit: 5_000 };

function retryPolicy(retry: CommonOptions['retry']): Required<RetryPolicy> {
  if (retry === false) return { ...DEFAULT_RETRY, limit: 0 };
  if (typeof retry === 'number') return { ...DEFAULT_RETRY, limit: retry };
  return { ...DEFAULT_RETRY, ...retry };
}

/**
 * Creates a client for the Poly partner API.
 *
 * ```ts
 * const client = createPartnerClient({ baseUrl, getToken: () => fetch('/embed-token').then((r) => r.json()) });
 * const status = await client.partners.tierStatus(partnerId, { signal });
 * ```
 */
export function createPartnerClient(options: PartnerClientOptions): PartnerClient {
  return partnerClientOn(createTransport(options));
}

/** @internal The client's resources on a transport (the server client adds its own on the same one). */
export function partnerClientOn(transport: Transport): PartnerClient {
  return {
    ...createResources(transport),
    clearCache: () => transport.clearCache(),
  };
}

/** @internal The transport a client talks through, from its options (checked here). */
export function createTransport(options: PartnerClientOptions): Transport {
  const given = [options.getToken, options.secretKey, options.publishableKey].filter((value) => value !== undefined);
  if (given.length !== 1) {
    throw new TypeError('createPartnerClient needs exactly one of getToken, secretKey or publishableKey');
  }
  if (!options.baseUrl) throw new TypeError('createPartnerClient needs a baseUrl');
  // A page's script is readable by every visitor: a secret key there is a published key.
  if (options.secretKey !== undefined && typeof document !== 'undefined' && !options.secretKeyInBrowserForTests) {
    throw new TypeError('secretKey is for servers; in a browser pass getToken (embed tokens)');
  }
  return new Transport({
    baseUrl: String(options.baseUrl),
    environment: options.environment === 'sandbox' ? 'sandbox' : 'production',
    credential: options.getToken
      ? { kind: 'provider', getToken: options.getToken }
      : { kind: 'static', key: (options.secretKey ?? options.publishableKey)! },
    ...(options.fetch ? { fetch: options.fetch } : {}),
    timeout: options.timeout ?? 10_000,
    retry: retryPolicy(options.retry),
    cache: options.cache ?? true,
  });
}
