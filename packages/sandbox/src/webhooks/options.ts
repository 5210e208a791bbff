// How the sandbox delivers webhooks: `startSandbox({ webhooks })`. Its own file, so that the package's public types
// need nothing of the delivery loop.
import type { Lookup, WebhookMode } from './address.js';

export interface WebhookOptions {
  /** `production`: https to public addresses only; `sandbox` (default) also loopback, over http too. */
  mode?: WebhookMode;
  /**
   * How many times faster than real time the retry schedule and the disabling run (default 60 in the sandbox: the
   * 5-second first retry comes after 83 ms, and an endpoint failing for 5 days is disabled after 2 hours).
   */
  timeFactor?: number;
  /**
   * Deliveries in flight at once, over all endpoints (default 8, measured: with the loop on the API's thread 64 gave
   * the same throughput with seven times the tier-status p95; in the worker 32 gave no more throughput and a longer
   * change-to-delivery p95, 35-62 ms against 12-18 ms).
   */
  maxInFlight?: number;
  /** Per attempt (default 10 s; not scaled). */
  timeoutMs?: number;
  lookup?: Lookup;
}
