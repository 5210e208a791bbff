// Every HTTP call of the SDK goes through here: credentials, fetch with timeouts and retries, response validation,
// shared in-flight GETs, the ETag cache, one token refresh on 401, and error mapping.
// Plain fetch rather than ky: the retry and timeout rules below are all the SDK used of it, and ky cost 8 kB gzip of
// a 12 kB budget for the badge's script tag.
import { PARSE_IN_ENGLISH } from '@poly-partner/contract';
import { errorFromResponse, TimeoutFailure, toPartnerApiError } from '../errors/from-failure.js';
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
  method: 'GET' | 'POST';
  /** Path below the base URL, segments already encoded. */
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

const RETRY_STATUS_CODES = [429, 502, 503, 504];
/** Statuses whose `Retry-After` sets the wait (other statuses back off exponentially). */
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

/** `base` and `path` with exactly one slash between them (a base URL may carry a path of its own). */
function joinUrl(base: string, path: string): string {
  return `${base.replace(/\/+$/, '')}/${path.replace(/^\/+/, '')}`;
}

/** An error body as JSON when it is JSON (a problem document), else its text (a proxy's HTML page). */
function parseBody(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** Waits `ms`, or rejects with the signal's reason as soon as it aborts. */
function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal!.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

export class Transport {
  readonly #options: TransportOptions;
  readonly #tokens: TokenCache | undefined;
  readonly #cache = new ResponseCache();
  readonly #inFlight = new InFlightRequests();

  constructor(options: TransportOptions) {
    this.#options = options;
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

    const init: RequestInit = { method: spec.method, headers };
    if (spec.body !== undefined) {
      headers['content-type'] = 'application/json';
      init.body = JSON.stringify(spec.body);
    }
    const fullUrl = joinUrl(this.#options.baseUrl, url);
    // POSTs are retried only when an idempotency key makes a repeat harmless.
    const retriable = spec.method === 'GET' || spec.idempotencyKey !== undefined;
    const { limit } = this.#options.retry;
    let response: Response;
    let text: string;
    for (let attempt = 1; ; attempt++) {
      let failure: unknown;
      try {
        ({ response, text } = await this.#fetchOnce(fullUrl, init, signal));
        if (response.ok || response.status === 304) break;
        failure = errorFromResponse(response, parseBody(text));
      } catch (error) {
        failure = error;
      }
      const delay = signal?.aborted || !retriable || attempt > limit ? undefined : this.#retryDelay(failure, attempt);
      if (delay === undefined) throw failure;
      await sleep(delay, signal);
    }
    if (response.status === 304) {
      if (!cached) throw new PartnerApiError({ type: 'invalid_response', message: `304 for ${spec.method} ${url} without a cached body` });
      // The cache keeps the text, not the answer a caller got (and may edit): parsed again, it is a fresh answer.
      text = cached.text;
    }

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

  /**
   * One attempt: the response and its whole body, within the timeout (a body that trickles in slower fails too).
   * The body is read even for a 304 (empty): left unread, Chromium reports the request as aborted.
   */
  async #fetchOnce(url: string, init: RequestInit, signal: AbortSignal | undefined): Promise<{ response: Response; text: string }> {
    const controller = new AbortController();
    const onAbort = () => controller.abort(signal!.reason);
    signal?.addEventListener('abort', onAbort, { once: true });
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, this.#options.timeout);
    const fetchImplementation = this.#options.fetch ?? ((input, options) => fetch(input, options));
    try {
      const response = await fetchImplementation(url, { ...init, signal: controller.signal });
      return { response, text: await response.text() };
    } catch (error) {
      if (timedOut && !signal?.aborted) throw new TimeoutFailure(`Request timed out: ${init.method} ${url}`);
      throw error;
    } finally {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
    }
  }

  /** Milliseconds to wait before attempt `attempt + 1`, or undefined when this failure is not worth retrying. */
  #retryDelay(failure: unknown, attempt: number): number | undefined {
    const { backoffLimit, maxRetryAfter } = this.#options.retry;
    if (isPartnerApiError(failure)) {
      // Only answers that say "try again" are retried; a broken body or a 4xx would fail the same way again.
      if (failure.status === undefined || !RETRY_STATUS_CODES.includes(failure.status)) return undefined;
      const wait = failure.retryAfter;
      if (wait !== undefined && RETRY_AFTER_STATUS_CODES.includes(failure.status)) {
        // Waiting longer than the bound is the caller's decision: fail now and tell them how long.
        return wait * 1000 > maxRetryAfter ? undefined : wait * 1000;
      }
    } else if (!(failure instanceof TimeoutFailure) && !(failure instanceof TypeError)) {
      // fetch and body reads fail with TypeError when the network does; anything else is a bug, not retried.
      return undefined;
    }
    // Exponential backoff from 300 ms with equal jitter: spreads retries of many widgets apart, never at once.
    const delay = 300 * 2 ** (attempt - 1);
    return Math.min(backoffLimit, delay / 2 + (Math.random() * delay) / 2);
  }
}
