// Real key presses through the test runner (Playwright's keyboard), for keyboard-only tests. This is the browser half
// of @web/test-runner-commands' `sendKeys`, which the workspace does not list as a dependency (the runner itself
// registers the server half by default).
export type KeyPayload = { press: string } | { type: string } | { down: string } | { up: string };

interface WebSocketModule {
  sendMessageWaitForResponse(message: unknown): Promise<{ executed: boolean; result?: unknown }>;
}

export async function sendKeys(payload: KeyPayload): Promise<void> {
  const sessionId = new URL(location.href).searchParams.get('wtr-session-id');
  if (!sessionId) throw new Error('sendKeys needs a browser controlled by web-test-runner');
  const socketUrl = '/__web-dev-server__web-socket.js';
  const socket = (await import(/* @vite-ignore */ socketUrl)) as WebSocketModule;
  const response = await socket.sendMessageWaitForResponse({ type: 'wtr-command', sessionId, command: 'send-keys', payload });
  if (!response.executed) throw new Error('The test runner did not execute send-keys');
}

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
