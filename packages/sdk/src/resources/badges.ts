// Signed partner badges: fetch one, and verify one against the issuer's published keys (JWKS).
import {
  BADGE_ISSUER_ORIGIN,
  BadgeClaimsSchema,
  BadgeSchema,
  JwksSchema,
  decodeJws,
  verifyJws,
  type Badge,
  type BadgeClaims,
  type Jwks,
} from '@poly-partner/contract';
import { isPartnerApiError } from '../errors/partner-api-error.js';
import { path, type CallOptions } from '../internal/call-options.js';
import type { Transport } from '../internal/transport.js';

/** Options of `badges.verify()`. */
export interface VerifyBadgeOptions extends CallOptions {
  /**
   * Host name the badge is about to be shown on. Defaults to the page's `location.hostname` in a browser;
   * in Node the domain is checked only when given.
   */
  hostname?: string | undefined;
  /** The moment to check expiry against (default: now). */
  now?: Date | undefined;
}

/** Why a badge did not verify. */
export type BadgeUnverifiedReason =
  | 'malformed' // not a compact JWS
  | 'signature' // tampered, or signed by a key the API does not publish
  | 'claims' // signed, but its claims are not a badge
  | 'domain'; // valid, but not for this site

/**
 * Outcome of `badges.verify()`; `claims` are present whenever the signature held. `sandbox` is true when the
 * signature was checked with the sandbox's keys (`environment: 'sandbox'`): never "Verified by Poly".
 */
export type BadgeVerification =
  | { status: 'verified'; claims: BadgeClaims; sandbox: boolean }
  | { status: 'expired'; reason: 'expired'; claims: BadgeClaims; sandbox: boolean }
  | { status: 'unverified'; reason: BadgeUnverifiedReason; claims?: BadgeClaims; sandbox: boolean };

/** `shop.example.com` may show a badge issued for `example.com`; `example.com.evil` may not. */
function hostAllowed(hostname: string, domains: readonly string[]): boolean {
  const host = hostname.toLowerCase().replace(/\.$/, '');
  return domains.some((domain) => {
    const allowed = domain.toLowerCase().replace(/\.$/, '');
    return host === allowed || host.endsWith(`.${allowed}`);
  });
}

/** `client.badges`: signed partner badges for marketing sites, and their verification. */
export class BadgesResource {
  #jwks: Promise<Jwks> | undefined;

  /** @internal */
  constructor(private readonly transport: Transport) {}

  /** `GET /v1/partners/{partnerId}/badge`: the signed badge (`jws`) and its claims. Publishable keys may call it. */
  get(partnerId: string, options: CallOptions = {}): Promise<Badge> {
    return this.transport.request({
      method: 'GET',
      path: path`/v1/partners/${partnerId}/badge`,
      schema: BadgeSchema,
      signal: options.signal,
    });
  }

  /**
   * The issuer's page that verifies the partner's badge for people: on the issuer origin, or the sandbox's in the
   * sandbox environment. A promise like every method, so the badge code can still load on first use.
   */
  async verificationUrl(partnerId: string): Promise<string> {
    const { environment, baseUrl } = this.transport.options;
    return `${environment === 'sandbox' ? baseUrl.replace(/\/+$/, '') : BADGE_ISSUER_ORIGIN}${path`/verify/${partnerId}`}`;
  }

  /**
   * Checks a badge JWS: its Ed25519 signature against the issuer's key set (`BADGE_ISSUER_ORIGIN`, or the base URL's
   * in the sandbox environment; fetched once and cached, fetched again for an unknown `kid`, so keys can rotate), its
   * expiry and the site's host name. Never throws for a bad badge — that is an `unverified` answer; it throws only
   * when the keys cannot be fetched.
   */
  async verify(jws: string, options: VerifyBadgeOptions = {}): Promise<BadgeVerification> {
    const sandbox = this.transport.options.environment === 'sandbox';
    let kid: string | undefined;
    try {
      kid = decodeJws(jws).header.kid;
    } catch {
      return { status: 'unverified', reason: 'malformed', sandbox };
    }
    let jwks = await this.#keys(options.signal);
    // An unknown key id may mean the issuer rotated its keys since we fetched them: look once more.
    if (kid !== undefined && !jwks.keys.some((key) => key.kid === kid)) jwks = await this.#keys(options.signal, true);

    let payload: unknown;
    try {
      payload = await verifyJws(jws, jwks);
    } catch {
      return { status: 'unverified', reason: 'malformed', sandbox };
    }
    if (payload === null) return { status: 'unverified', reason: 'signature', sandbox };
    const parsed = BadgeClaimsSchema.safeParse(payload);
    if (!parsed.success) return { status: 'unverified', reason: 'claims', sandbox };
    const claims = parsed.data;

    const now = (options.now ?? new Date()).getTime();
    if (claims.exp * 1000 <= now) return { status: 'expired', reason: 'expired', claims, sandbox };
    const hostname = options.hostname ?? (globalThis as { location?: { hostname?: string } }).location?.hostname;
    if (hostname !== undefined && !hostAllowed(hostname, claims.domains)) {
      return { status: 'unverified', reason: 'domain', claims, sandbox };
    }
    return { status: 'verified', claims, sandbox };
  }

  #keys(signal: AbortSignal | undefined, refresh = false): Promise<Jwks> {
    if (refresh || !this.#jwks) {
      const request = this.transport.request({
        method: 'GET',
        // Never from the base URL in production: a page could point it at a server that signs whatever it likes.
        path: this.transport.options.environment === 'sandbox' ? '/.well-known/jwks.json' : `${BADGE_ISSUER_ORIGIN}/.well-known/jwks.json`,
        schema: JwksSchema,
        signal,
        anonymous: true,
      });
      // A failed fetch is not remembered, so the next verify tries again.
      request.catch((error: unknown) => {
        if (isPartnerApiError(error) && this.#jwks === request) this.#jwks = undefined;
      });
      this.#jwks = request;
    }
    return this.#jwks;
  }
}
