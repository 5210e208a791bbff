// Puts a widget on the test page with a client, and waits for what it tells the page.
import { fixture, oneEvent, waitUntil } from '@open-wc/testing';
import type { PartnerClient } from '@poly-partner/sdk';
import type { PartnerErrorEvent } from '@poly-partner/widgets';

export interface Mounted<E extends HTMLElement> {
  el: E;
  /** Resolves with the first `partner-ready`. */
  ready: Promise<Event>;
  /** Resolves with the first `partner-error`. */
  error: Promise<PartnerErrorEvent>;
}

/**
 * Creates `<tag ...attributes>`, gives it `client` (when one is given) and `properties`, and attaches it. The event promises are
 * created before the element connects, so a fast load cannot fire before anyone listens.
 */
export async function mount<E extends HTMLElement>(
  tag: string,
  attributes: Record<string, string>,
  client?: PartnerClient,
  properties: Record<string, unknown> = {},
): Promise<Mounted<E>> {
  const el = document.createElement(tag) as E & { client?: PartnerClient };
  for (const [name, value] of Object.entries(attributes)) el.setAttribute(name, value);
  if (client) el.client = client;
  Object.assign(el, properties);
  const ready = oneEvent(el, 'partner-ready');
  const error = oneEvent(el, 'partner-error') as Promise<PartnerErrorEvent>;
  await fixture(el);
  return { el, ready, error };
}

/** The text a user reads in the widget's shadow root, whitespace collapsed. */
export function textOf(el: Element): string {
  return (el.shadowRoot ?? el).textContent?.replace(/\s+/g, ' ').trim() ?? '';
}

/** Waits until the widget's text matches (for re-renders triggered by observers). */
export async function waitForText(el: Element, pattern: RegExp, message?: string): Promise<void> {
  await waitUntil(() => pattern.test(textOf(el)), message ?? `text to match ${pattern}; it is: ${textOf(el)}`, {
    timeout: 5000,
  });
}

/** The first element in the widget's shadow root with the given part. */
export function part(el: Element, name: string): HTMLElement | null {
  return el.shadowRoot?.querySelector(`[part~="${name}"]`) ?? null;
}
