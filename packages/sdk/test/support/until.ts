// Polling with a deadline, for the moments a test must see happen (a request reached the proxy): never a loop that
// can spin forever, never a fixed sleep. Polls on setImmediate, so it works while a test mocks setTimeout.
import { setImmediate as nextTurn } from 'node:timers/promises';

/** Resolves once `condition()` holds; rejects naming `what` when it does not within `timeoutMs` (real time). */
export async function until(condition: () => boolean, what: string, timeoutMs = 5_000): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  while (!condition()) {
    if (performance.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`);
    await nextTurn();
  }
}
