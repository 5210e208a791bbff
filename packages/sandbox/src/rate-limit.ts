// Fixed-window rate limits with bounded memory and amortized pruning. The app keeps two: requests per verified
// credential (or per client address when there is none), and failed authentications per client address.
export interface RateLimitOptions {
  windowMs: number;
  /** Requests per window of one verified credential, or of one address without a credential. */
  max: number;
  /** Failed authentications per window of one client address (default: a tenth of `max`, at least 10). */
  failedMax?: number;
  /** Windows kept at most; past it the oldest are dropped (default 100,000). */
  maxEntries?: number;
}

interface Window {
  start: number;
  count: number;
}

/** Windows dropped from the front (the oldest) per counted request: pruning keeps pace without ever scanning. */
const PRUNE_PER_HIT = 2;

export class RateLimiter {
  /**
   * In order of window start: a window that restarts is moved to the end, so the expired ones are always at the
   * front, and pruning looks at a few entries per request instead of scanning the map.
   */
  private readonly windows = new Map<string, Window>();
  private readonly maxEntries: number;
  /** Entries looked at by pruning, for tests that check it stays proportional to the requests. */
  entriesVisited = 0;

  constructor(
    private readonly windowMs: number,
    private readonly max: number,
    private readonly clock: () => number,
    maxEntries = 100_000,
  ) {
    this.maxEntries = maxEntries;
  }

  get size(): number {
    return this.windows.size;
  }

  /** Counts one request; answers the seconds to wait when over the limit, else `null`. */
  hit(key: string): number | null {
    const now = this.clock();
    this.prune(now);
    let window = this.windows.get(key);
    if (!window || now - window.start >= this.windowMs) {
      if (window) this.windows.delete(key);
      window = { start: now, count: 0 };
      this.windows.set(key, window);
      // A flood of new keys (addresses) must not grow memory without end: the oldest windows go first.
      if (this.windows.size > this.maxEntries) this.dropOldest();
    }
    window.count += 1;
    return this.retryAfter(window, now);
  }

  /** The seconds to wait when `key` is already over the limit, without counting a request; else `null`. */
  check(key: string): number | null {
    const window = this.windows.get(key);
    if (!window) return null;
    const now = this.clock();
    if (now - window.start >= this.windowMs) return null;
    return this.retryAfter(window, now);
  }

  private retryAfter(window: Window, now: number): number | null {
    if (window.count <= this.max) return null;
    return Math.max(1, Math.ceil((window.start + this.windowMs - now) / 1000));
  }

  private prune(now: number): void {
    let dropped = 0;
    for (const [key, window] of this.windows) {
      this.entriesVisited++;
      if (now - window.start < this.windowMs || dropped === PRUNE_PER_HIT) return;
      this.windows.delete(key);
      dropped++;
    }
  }

  private dropOldest(): void {
    for (const key of this.windows.keys()) {
      this.entriesVisited++;
      this.windows.delete(key);
      return;
    }
  }
}
