// A fixed-window rate limit per credential (or per client address when there is none).
export interface RateLimitOptions {
  windowMs: number;
  max: number;
}

export class RateLimiter {
  private readonly windows = new Map<string, { start: number; count: number }>();

  constructor(
    private readonly options: RateLimitOptions,
    private readonly clock: () => number,
  ) {}

  /** Counts one request; answers the seconds to wait when over the limit, else `null`. */
  hit(key: string): number | null {
    const now = this.clock();
    let window = this.windows.get(key);
    if (!window || now - window.start >= this.options.windowMs) {
      window = { start: now, count: 0 };
      this.windows.set(key, window);
      if (this.windows.size > 50_000) this.prune(now);
    }
    window.count += 1;
    if (window.count <= this.options.max) return null;
    return Math.max(1, Math.ceil((window.start + this.options.windowMs - now) / 1000));
  }

  private prune(now: number): void {
    for (const [key, window] of this.windows) if (now - window.start >= this.options.windowMs) this.windows.delete(key);
  }
}
