// Browser-side helpers for the cross-package suites: the five widgets with what each needs to load, clients with
// chosen timeouts, a fetch that injects one fault at a time, and a guard that catches console errors and unhandled rejections.
import { createPartnerClient, type PartnerClient } from '@poly-partner/sdk';
import { embedToken, sandboxConfig, type Subject } from './browser/sandbox.js';

export interface WidgetSpec {
  tag: string;
  /** Attributes of a widget that loads, and the client it loads with (its requests through `fetch`). */
  setup: (fetch: typeof globalThis.fetch, timeout: number) => Promise<{ attributes: Record<string, string>; client: PartnerClient }>;
  /** Text the loaded widget shows, per language. */
  loaded: { en: RegExp; de: RegExp };
}

/** A client as a widget on a host page gets one: embed tokens (or the publishable key), no retries, no cache. */
export async function widgetClient(subject: Subject | { publishable: true }, fetch: typeof globalThis.fetch, timeout = 10_000): Promise<PartnerClient> {
  const { baseUrl, credentials } = await sandboxConfig();
  const common = { baseUrl, fetch, timeout, retry: false as const, cache: false, environment: 'sandbox' as const };
  if ('publishable' in subject) return createPartnerClient({ ...common, publishableKey: credentials.publishable[0]!.publishableKey });
  return createPartnerClient({ ...common, getToken: () => embedToken(subject) });
}

export async function reseller(about: RegExp) {
  const { credentials } = await sandboxConfig();
  const found = credentials.resellers.find((candidate) => about.test(candidate.about));
  if (!found) throw new Error(`no demo reseller is ${about}`);
  return found;
}

/** An organization of a few hundred members (the summary stays quick; lists still have rows). */
export async function organization() {
  const { credentials } = await sandboxConfig();
  return credentials.organizations.find((org) => org.kind === 'isp') ?? credentials.organizations[0]!;
}

export const WIDGETS: WidgetSpec[] = [
  {
    tag: 'partner-tier-badge',
    setup: async (fetch, timeout) => {
      const { credentials } = await sandboxConfig();
      return { attributes: { 'partner-id': credentials.publishable[0]!.partnerId }, client: await widgetClient({ publishable: true }, fetch, timeout) };
    },
    loaded: { en: /Sandbox badge, not issued by Poly/, de: /Sandbox-Abzeichen, nicht von Poly ausgestellt/ },
  },
  {
    tag: 'next-tier-checklist',
    setup: async (fetch, timeout) => {
      const { partnerId } = await reseller(/protected/i);
      return { attributes: { 'partner-id': partnerId }, client: await widgetClient({ partnerId }, fetch, timeout) };
    },
    loaded: { en: /Your partner tier/, de: /Ihre Partnerstufe/ },
  },
  {
    tag: 'deal-registration-form',
    setup: async (fetch, timeout) => {
      const { partnerId } = await reseller(/clean Gold/i);
      return { attributes: { 'partner-id': partnerId }, client: await widgetClient({ partnerId }, fetch, timeout) };
    },
    loaded: { en: /Register a deal/, de: /Deal registrieren/ },
  },
  {
    tag: 'partner-deal-list',
    setup: async (fetch, timeout) => {
      const { partnerId } = await reseller(/clean Gold/i);
      return { attributes: { 'partner-id': partnerId }, client: await widgetClient({ partnerId }, fetch, timeout) };
    },
    loaded: { en: /Your deal registrations/, de: /Ihre Deal-Registrierungen/ },
  },
  {
    tag: 'partner-member-overview',
    setup: async (fetch, timeout) => {
      const { orgId } = await organization();
      return { attributes: { 'org-id': orgId }, client: await widgetClient({ orgId }, fetch, timeout) };
    },
    loaded: { en: /Members per tier/, de: /Mitglieder je Stufe/ },
  },
];

export type FaultKind = 'timeout' | 'rate-limited' | 'status-500' | 'status-503' | 'reset' | 'malformed-json' | 'schema-breaking' | 'latency' | 'offline';

const problem = (status: number, code: string, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify({ type: `https://developer.poly.example/problems/${code}`, title: 'Injected', status, code, requestId: 'req_injected_fault' }), {
    status,
    headers: { 'content-type': 'application/problem+json', 'x-request-id': 'req_injected_fault', ...headers },
  });

/** A fetch for `createPartnerClient({ fetch })` that answers every request with `fault` until `end()`, then passes through. */
export class FaultyFetch {
  active = true;
  /** Requests that reached the real sandbox. */
  passed = 0;
  /** Every request made through it, faulted or passed. */
  calls = 0;
  constructor(readonly fault: FaultKind, readonly latencyMs = 3_000) {}

  end(): void {
    this.active = false;
  }

  readonly fetch: typeof globalThis.fetch = async (input, init) => {
    const signal = init?.signal ?? (input instanceof Request ? input.signal : undefined);
    this.calls++;
    if (this.active) {
      switch (this.fault) {
        case 'timeout':
          // Never answers; only the client's own timeout (an abort) ends it.
          return new Promise<Response>((_, reject) => signal?.addEventListener('abort', () => reject(signal.reason), { once: true }));
        case 'rate-limited':
          return problem(429, 'rate_limited', { 'retry-after': '1' });
        case 'status-500':
          return problem(500, 'internal_error');
        case 'status-503':
          return problem(503, 'service_unavailable');
        case 'reset':
        case 'offline':
          throw new TypeError('Failed to fetch');
        case 'malformed-json':
          return new Response('{"items": [{"id": "deal_1", "status": ', { status: 200, headers: { 'content-type': 'application/json' } });
        case 'schema-breaking':
          return new Response(JSON.stringify({ unexpected: true, items: 'not a list', tiers: null }), { status: 200, headers: { 'content-type': 'application/json' } });
        case 'latency':
          await new Promise((resolve) => setTimeout(resolve, this.latencyMs));
          break;
      }
    }
    this.passed++;
    return globalThis.fetch(input, init);
  };
}

/** Console errors and unhandled rejections on the page, from `install()` on. */
export class PageGuard {
  readonly problems: string[] = [];
  private original = console.error;
  private readonly onRejection = (event: PromiseRejectionEvent) => {
    this.problems.push(`unhandled rejection: ${String(event.reason?.stack ?? event.reason)}`);
  };
  private readonly onError = (event: ErrorEvent) => {
    this.problems.push(`uncaught error: ${event.message}`);
  };

  install(): void {
    this.original = console.error;
    console.error = (...args: unknown[]) => {
      this.problems.push(`console.error: ${args.map(String).join(' ')}`);
      this.original.apply(console, args);
    };
    window.addEventListener('unhandledrejection', this.onRejection);
    window.addEventListener('error', this.onError);
  }

  uninstall(): void {
    console.error = this.original;
    window.removeEventListener('unhandledrejection', this.onRejection);
    window.removeEventListener('error', this.onError);
  }

  take(): string[] {
    return this.problems.splice(0);
  }
}

/** The text a user reads in a widget, whitespace collapsed. */
export function visibleText(el: Element): string {
  return (el.shadowRoot ?? el).textContent?.replace(/\s+/g, ' ').trim() ?? '';
}

/**
 * Puts a loaded widget on the page the way a host page does (appended, no test fixture rendering) and waits for its
 * content. Remove it with `el.remove()`.
 */
export async function showWidget(spec: WidgetSpec, options: { lang?: 'en' | 'de'; fetch?: typeof globalThis.fetch; container?: Element } = {}): Promise<HTMLElement> {
  const lang = options.lang ?? 'en';
  const { attributes, client } = await spec.setup(options.fetch ?? ((input, init) => globalThis.fetch(input, init)), 10_000);
  const el = document.createElement(spec.tag) as HTMLElement & { client: PartnerClient };
  for (const [name, value] of Object.entries(attributes)) el.setAttribute(name, value);
  if (options.lang) el.setAttribute('lang', options.lang);
  el.client = client;
  (options.container ?? document.body).append(el);
  const deadline = Date.now() + 15_000;
  while (!spec.loaded[lang].test(visibleText(el))) {
    if (Date.now() > deadline) throw new Error(`<${spec.tag}> did not load; it shows: ${visibleText(el).slice(0, 300)}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return el;
}
