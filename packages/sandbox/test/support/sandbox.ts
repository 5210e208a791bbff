// Starts a sandbox for a test file and talks to it over real HTTP, checking every answer against the OpenAPI document.
import { after, before } from 'node:test';
import { startSandbox, type StartSandboxOptions } from '../../src/index.js';
import { assertConforms } from './conformance.js';

/** A close date the API accepts whenever the tests run: close dates in the past are refused. */
const IN_SIX_MONTHS = new Date(Date.now() + 180 * 86_400_000).toISOString().slice(0, 10);

export type Started = Awaited<ReturnType<typeof startSandbox>>;

export interface CallOptions {
  method?: string;
  credential?: string;
  body?: unknown;
  /** A raw body, sent as is (for malformed and oversized bodies). */
  raw?: string;
  headers?: Record<string, string>;
}

export interface Answer<T = any> {
  status: number;
  headers: Headers;
  body: T;
  text: string;
}

/** A sandbox started once for the file (in memory, port 0), closed after it. */
export function useSandbox(options: StartSandboxOptions = {}) {
  const state = {} as { sandbox: Started };
  before(async () => {
    state.sandbox = await startSandbox({ resellers: 2_000, quiet: true, ...options });
  });
  after(async () => {
    await state.sandbox?.close();
  });
  const call = async <T = any>(path: string, options: CallOptions = {}): Promise<Answer<T>> => {
    const headers: Record<string, string> = { ...options.headers };
    if (options.credential) headers.authorization = `Bearer ${options.credential}`;
    let body: string | undefined = options.raw;
    if (options.body !== undefined) {
      body = JSON.stringify(options.body);
      headers['content-type'] ??= 'application/json';
    }
    const method = options.method ?? (body === undefined ? 'GET' : 'POST');
    const url = state.sandbox.url + path;
    const response = await fetch(url, { method, headers, ...(body !== undefined ? { body } : {}) });
    const text = await response.text();
    const contentType = response.headers.get('content-type') ?? '';
    const parsed = contentType.includes('json') && text ? JSON.parse(text) : text;
    if (method !== 'OPTIONS') assertConforms(method, url, response.status, contentType, parsed);
    return { status: response.status, headers: response.headers, body: parsed as T, text };
  };
  return {
    get sandbox() {
      return state.sandbox;
    },
    get credentials() {
      return state.sandbox.credentials;
    },
    call,
  };
}

/** A clock the test moves: `clock.now` feeds the sandbox, `clock.advance(days)` moves it forward. */
export function movableClock(start = new Date()) {
  let current = start.getTime();
  return {
    now: () => new Date(current),
    advance(ms: number) {
      current += ms;
    },
  };
}

export const DAY = 86_400_000;

/** A valid deal registration body, customised per test. */
export function dealInput(overrides: Record<string, unknown> = {}, customer: Record<string, unknown> = {}) {
  return {
    type: 'deal',
    customer: {
      name: 'Beispiel AG',
      country: 'DE',
      domain: 'beispiel-test.de',
      contact: { name: 'Eva Muster', email: 'eva@beispiel-test.de', consent: true },
      ...customer,
    },
    products: [{ sku: '2200-86260-101', quantity: 3 }],
    estimatedValue: { amount: 25_000, currency: 'EUR' },
    expectedCloseDate: IN_SIX_MONTHS,
    distributorId: 'REPLACE',
    ...overrides,
  };
}
