// Holds the bearer credential: static keys as given, provider tokens fetched lazily, cached until shortly before
// they expire, and refreshed by one shared call however many requests need it at once.
import { decodeJws } from '@poly-partner/contract';

/** What a token provider may answer: the token alone (its JWS `exp` is read), or the token with its expiry. */
export type TokenProviderResult = string | { token: string; expiresAt: string | number | Date };

/** Called when the SDK needs a (new) token, typically asking the host's backend for an embed token. */
export type TokenProvider = () => TokenProviderResult | Promise<TokenProviderResult>;

export interface Credential {
  token: string;
  /** Who the token speaks for (`partner:p_123`); the response cache is cleared when it changes. */
  subject: string;
}

interface CachedToken extends Credential {
  /** Epoch ms after which the token is not used any more; Infinity when unknown. */
  refreshAt: number;
}

/** Longest head start taken before a token's expiry, so a request never leaves with a token about to lapse. */
const REFRESH_MARGIN_MS = 30_000;

function readClaims(token: string): { sub?: unknown; kind?: unknown; exp?: unknown } | undefined {
  try {
    const { payload } = decodeJws(token);
    return typeof payload === 'object' && payload !== null ? (payload as Record<string, unknown>) : undefined;
  } catch {
    return undefined; // an opaque token: fine, it is simply never refreshed early
  }
}

function toCached(result: TokenProviderResult, now: number): CachedToken {
  const token = typeof result === 'string' ? result : result.token;
  if (typeof token !== 'string' || token === '') throw new TypeError('getToken() answered no token');
  const claims = readClaims(token);
  let expiresAt = Number.POSITIVE_INFINITY;
  if (typeof result !== 'string') expiresAt = new Date(result.expiresAt).getTime();
  else if (typeof claims?.exp === 'number') expiresAt = claims.exp * 1000;
  if (Number.isNaN(expiresAt)) expiresAt = Number.POSITIVE_INFINITY;
  const margin = Math.min(REFRESH_MARGIN_MS, Math.max(0, (expiresAt - now) / 4));
  const subject =
    typeof claims?.sub === 'string' ? `${typeof claims.kind === 'string' ? claims.kind : 'subject'}:${claims.sub}` : token;
  return { token, subject, refreshAt: expiresAt - margin };
}

export class TokenCache {
  #current: CachedToken | undefined;
  #pending: Promise<CachedToken> | undefined;
  #lastSubject: string | undefined;

  constructor(
    private readonly provider: TokenProvider,
    private readonly onSubjectChange: (subject: string) => void,
    private readonly now: () => number = Date.now,
  ) {}

  /** The current token, fetching one when there is none or it is about to expire. */
  get(): Promise<Credential> {
    const current = this.#current;
    if (current && this.now() < current.refreshAt) return Promise.resolve(current);
    return this.#refresh();
  }

  /** Drops `token` after the API rejected it, unless a newer one already replaced it. */
  invalidate(token: string): void {
    if (this.#current?.token === token) this.#current = undefined;
  }

  #refresh(): Promise<CachedToken> {
    this.#pending ??= (async () => {
      try {
        const next = toCached(await this.provider(), this.now());
        if (this.#lastSubject !== undefined && this.#lastSubject !== next.subject) this.onSubjectChange(next.subject);
        this.#lastSubject = next.subject;
        this.#current = next;
        return next;
      } finally {
        this.#pending = undefined;
      }
    })();
    return this.#pending;
  }
}
