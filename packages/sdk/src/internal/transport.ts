// Every HTTP call of the SDK goes through here. ky sends it: base URL, timeout per attempt (and for the body), retries
// with backoff and jitter, `Retry-After`, abort. What the SDK adds sits around it: the credential and one token
// refresh on 401, shared in-flight GETs, the ETag cache, validation of every answer, and `PartnerApiError` for every
// failure (ky's `beforeError` hook for HTTP errors, toPartnerApiError() for the rest).
import { PARSE_IN_ENGLISH } from '@poly-partner/contract';
import ky, { type HTTPError, type KyInstance } from 'ky';
import { errorFromResponse, parseRetryAfter, toPartnerApiError } from '../errors/from-failure.js';
import { PartnerApiError, isPartnerApiError } from '../errors/partner-api-error.js';
import { raceAbort } from './abort.js';
import { InFlightRequests } from './dedup.js';
import { ResponseCache } from './response-cache.js';
import { TokenCache, type Credential, type TokenProvider } from './token-cache.js';

/** How failed requests are retried; delays in milliseconds. */
export interface RetryPolicy {
  /** Retries after the first attempt (default 2; 0 turns retrying off). */
  limit?: number;
  /** Longest `Retry-After` the SDK waits out (default 10 000 ms); a longer one fails at once with `retryAfter` set. */
  maxRetryAfter?: number;
  /** Cap of one backoff delay (default 5 000 ms). */
  backoffLimit?: number;
}

export interface TransportOptions {
  baseUrl: string;
  /** Whose badge keys to trust: the issuer's (production) or the base URL's (sandbox); see `badges.verify()`. */
  environment: 'production' | 'sandbox';
  credential: { kind: 'provider'; getToken: TokenProvider } | { kind: 'static'; key: string };
  fetch?: typeof globalThis.fetch;
  timeout: number;
  retry: Required<RetryPolicy>;
  cache: boolean;
}

/** What the SDK needs of a contract schema (zod's `safeParse`); keeps zod a dependency of the contract only. */
export interface ResponseSchema<T> {
  safeParse(data: unknown, options?: typeof PARSE_IN_ENGLISH): { success: true; data: T } | { success: false; error: { issues: readonly Issue[] } };
}
interface Issue {
  path: readonly PropertyKey[];
  code: string;
  message: string;
}

export type QueryValue = string | number | boolean | undefined;

export interface RequestSpec<T> {
  method: 'GET' | 'POST' | 'DELETE';
  /** Path below the base URL, segments already encoded; or an absolute `https://` URL (the issuer's keys). */
  path: string;
  query?: Readonly<Record<string, QueryValue>> | undefined;
  body?: unknown;
  schema: ResponseSchema<T>;
  signal?: AbortSignal | undefined;
  /** Makes a POST safe to retry: the API replays the first response for a repeated key. */
  idempotencyKey?: string | undefined;
  /** Public resources (the JWKS) go without credentials. */
  anonymous?: boolean;
}

/** Statuses whose `Retry-After` sets the wait (other retried statuses back off exponentially). */
const RETRY_AFTER_STATUS_CODES = [429, 503];
const ANONYMOUS: Credential = { token: '', subject: 'anonymous' };

function encodeQuery(query: Readonly<Record<string, QueryValue>> | undefined): string {
  const params = new URLSearchParams();
  // Sorted so equal queries share one cache key. A plain code-unit comparison: `localeCompare` would start up ICU's
  // collation (55–67 ms on the bench machine, in the task that sends a widget's first request) for ASCII names.
  for (const [name, value] of Object.entries(query ?? {}).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    if (value !== undefined) params.set(name, String(value));
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

/** Where the first contract violations are and what was expected there, for a message a developer can act on. */
function describeIssues(issues: readonly Issue[]): string {
  const shown = issues.slice(0, 3).map((issue) => `${issue.path.map(String).join('.') || '(root)'}: ${issue.message}`);
  return shown.join('; ') + (issues.length > 3 ? `; and ${issues.length - 3} more` : '');
}

/** By name, so no class of ky's is kept in the bundle for an `instanceof`. */
const isHttpError = (error: Error): error is HTTPError => error.name === 'HTTPError';

/** The ky instance of one client: everything but the per-request headers, body and retry methods. */
function createKy(options: TransportOptions): KyInstance {
  const { limit, maxRetryAfter, backoffLimit } = options.retry;
  return ky.create({
    prefix: options.baseUrl,
    timeout: options.timeout,
    // Read lazily, so a fetch patched after the client was made (instrumentation, tests) is the one used.
    fetch: options.fetch ?? ((input, init) => fetch(input, init)),
    // A 304 is the answer to our If-None-Match, not a failure.
    throwHttpErrors: (status) => status !== 304,
    retry: {
      limit,
      statusCodes: [429, 502, 503, 504],
      afterStatusCodes: RETRY_AFTER_STATUS_CODES,
      maxRetryAfter,
      backoffLimit,
      retryOnTimeout: true,
      // Exponential backoff from 300 ms with equal jitter: spreads retries of many widgets apart, never at once.
      delay: (attempt) => 300 * 2 ** (attempt - 1),
      jitter: (delay) => delay / 2 + (Math.random() * delay) / 2,
      // Waiting out a `Retry-After` longer than the bound is the caller's decision: fail now, telling them how long.
      shouldRetry: ({ error }) => {
        if (!isHttpError(error) || !RETRY_AFTER_STATUS_CODES.includes(error.response.status)) return undefined;
        const wait = parseRetryAfter(error.response.headers.get('retry-after'));
        return wait !== undefined && wait * 1000 > maxRetryAfter ? false : undefined;
      },
    },
    hooks: {
      // ky has read the error body already (`data`: JSON when it is JSON, else text).
      beforeError: [({ error }) => (isHttpError(error) ? errorFromResponse(error.response, error.data) : error)],
    },
  });
}

export class Transport {
  readonly #options: TransportOptions;
  readonly #ky: KyInstance;
  readonly #tokens: TokenCache | undefined;
  readonly #cache = new ResponseCache();
  readonly #inFlight = new InFlightRequests();

  get options(): Readonly<TransportOptions> {
    return this.#options;
  }

  constructor(options: TransportOptions) {
    this.#options = options;
    this.#ky = createKy(options);
    if (options.credential.kind === 'provider') {
      // A token for someone else must never be answered from the previous subject's responses.
      this.#tokens = new TokenCache(options.credential.getToken, () => this.#cache.clear());
    }
  }

  /** Drops every cached response (the next GETs go out without If-None-Match). */
  clearCache(): void {
    this.#cache.clear();
  }

  async request<T>(spec: RequestSpec<T>): Promise<T> {
    const { signal } = spec;
    try {
      if (signal?.aborted) throw signal.reason;
      let credential = await this.#credential(spec, signal);
      try {
        return await this.#attempt(spec, credential);
      } catch (error) {
        // An embed token may lapse or be revoked between our expiry check and the API's: fetch a new one, once.
        if (!this.#tokens || !isPartnerApiError(error) || error.type !== 'auth' || spec.anonymous) throw error;
        this.#tokens.invalidate(credential.token);
        credential = await this.#credential(spec, signal);
        return await this.#attempt(spec, credential);
      }
    } catch (error) {
      throw toPartnerApiError(error, signal);
    }
  }

  async #credential(spec: RequestSpec<unknown>, signal: AbortSignal | undefined): Promise<Credential> {
    if (spec.anonymous) return ANONYMOUS;
    const source = this.#options.credential;
    if (source.kind === 'static') return { token: source.key, subject: source.key };
    try {
      return await raceAbort(this.#tokens!.get(), signal);
    } catch (error) {
      if (isPartnerApiError(error)) throw error;
      throw new PartnerApiError({ type: 'auth', code: 'token_provider_failed', message: 'getToken() failed', cause: error });
    }
  }

  #attempt<T>(spec: RequestSpec<T>, credential: Credential): Promise<T> {
    const url = spec.path + encodeQuery(spec.query);
    if (spec.method !== 'GET' || !this.#options.cache) {
      return this.#send(spec, url, credential, spec.signal, undefined);
    }
    const key = `${credential.subject} ${url}`;
    return this.#inFlight
      .run(key, (sharedSignal) => this.#send(spec, url, credential, sharedSignal, key), spec.signal);
  }

  async #send<T>(
    spec: RequestSpec<T>,
    url: string,
    credential: Credential,
    signal: AbortSignal | undefined,
    cacheKey: string | undefined,
  ): Promise<T> {
    try {
      return await this.#sendOnce(spec, url, credential, signal, cacheKey);
    } catch (error) {
      throw toPartnerApiError(error, signal);
    }
  }

  async #sendOnce<T>(
    spec: RequestSpec<T>,
    url: string,
    credential: Credential,
    signal: AbortSignal | undefined,
    cacheKey: string | undefined,
  ): Promise<T> {
    const cached = cacheKey === undefined ? undefined : this.#cache.get(cacheKey);
    const headers: Record<string, string> = { accept: 'application/json' };
    if (credential.token) headers.authorization = `Bearer ${credential.token}`;
    if (cached) headers['if-none-match'] = cached.etag;
    if (spec.idempotencyKey) headers['idempotency-key'] = spec.idempotencyKey;
    // POSTs are retried only when an idempotency key makes a repeat harmless.
    const retriable = spec.method === 'GET' || spec.idempotencyKey !== undefined;
    // An absolute URL (the issuer's keys) goes as a URL object: ky puts its prefix, the base URL, before strings only.
    const call = this.#ky(/^https?:\/\//.test(url) ? new URL(url) : url, {
      method: spec.method,
      headers,
      json: spec.body,
      signal,
      retry: { methods: retriable ? [spec.method.toLowerCase()] : [] },
    });
    // The body is read even for a 304 (empty): left unread, Chromium reports the request as aborted. ky's `text()`
    // holds the body to the timeout too, so a body that trickles in slower fails.
    let text = await call.text();
    const response = await call;
    if (response.status === 304) {
      if (!cached) throw new PartnerApiError({ type: 'invalid_response', message: `304 for ${spec.method} ${url} without a cached body` });
      // The cache keeps the text, not the answer a caller got (and may edit): parsed again, it is a fresh answer.
      text = cached.text;
    }

    // No content (a deletion): nothing to parse or validate.
    if (response.status === 204) return undefined as T;
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (cause) {
      throw new PartnerApiError({
        type: 'invalid_response',
        status: response.status,
        requestId: response.headers.get('x-request-id') ?? undefined,
        message: `Response of ${spec.method} ${url} is not JSON`,
        cause,
      });
    }
    const parsed = spec.schema.safeParse(json, PARSE_IN_ENGLISH);
    if (!parsed.success) {
      throw new PartnerApiError({
        type: 'invalid_response',
        status: response.status,
        requestId: response.headers.get('x-request-id') ?? undefined,
        message: `Response of ${spec.method} ${url} breaks the contract at ${describeIssues(parsed.error.issues)}`,
        cause: parsed.error,
      });
    }
    const etag = response.headers.get('etag');
    if (cacheKey !== undefined && etag) this.#cache.set(cacheKey, { etag, text });
    return parsed.data as T;
  }
}
