// Real key presses through the test runner (Playwright's keyboard) for keyboard-only tests: `sendKeys` from
// @web/test-runner-commands, whose server half the runner registers by default.
import { sendKeys } from '@web/test-runner-commands';

export { sendKeys };

/** The element focused inside `host`'s shadow root (or the document's, when the host has none). */
export function focusedIn(host: Element): Element | null {
  return host.shadowRoot ? host.shadowRoot.activeElement : document.activeElement;
}

/**
 * Presses Tab (or Shift+Tab) until the control with `id` inside `host` has focus, as a keyboard user would reach it.
 * Fails when it is not reachable within `limit` presses.
 */
export async function tabTo(host: Element, id: string, options: { backwards?: boolean; limit?: number } = {}): Promise<HTMLElement> {
  const limit = options.limit ?? 80;
  for (let presses = 0; presses <= limit; presses += 1) {
    const focused = focusedIn(host);
    if (focused?.id === id) return focused as HTMLElement;
    await sendKeys({ press: options.backwards ? 'Shift+Tab' : 'Tab' });
  }
  throw new Error(`#${id} was not reached with ${limit} presses of Tab; focus is on ${focusedIn(host)?.outerHTML.slice(0, 120)}`);
}
