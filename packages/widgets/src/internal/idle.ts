// Runs work the first render can do without (building long option lists, say) when the browser is idle, so it does not
// lengthen the task that paints a widget's content.

/** Calls `work` in idle time (at the latest after `timeoutMs`); returns a function that cancels it. */
export function whenIdle(work: () => void, timeoutMs = 1000): () => void {
  if (typeof requestIdleCallback === 'function') {
    const handle = requestIdleCallback(() => work(), { timeout: timeoutMs });
    return () => cancelIdleCallback(handle);
  }
  // Safari has no requestIdleCallback: after the next frames have had their turn.
  const handle = setTimeout(work, 50);
  return () => clearTimeout(handle);
}
