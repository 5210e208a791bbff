// GET responses kept by ETag so a repeat request is revalidated with If-None-Match and a 304 costs no body.

export interface CachedResponse {
  etag: string;
  /** The body as it came, validated then; a 304 parses and validates it again into an answer of its own. */
  text: string;
}

/** A small LRU: widgets re-request a handful of resources, so a few hundred entries bound memory without losing hits. */
export class ResponseCache {
  readonly #entries = new Map<string, CachedResponse>();

  constructor(private readonly maxEntries = 300) {}

  get(key: string): CachedResponse | undefined {
    const entry = this.#entries.get(key);
    if (entry) {
      this.#entries.delete(key);
      this.#entries.set(key, entry);
    }
    return entry;
  }

  set(key: string, entry: CachedResponse): void {
    this.#entries.delete(key);
    this.#entries.set(key, entry);
    if (this.#entries.size > this.maxEntries) {
      const oldest = this.#entries.keys().next().value;
      if (oldest !== undefined) this.#entries.delete(oldest);
    }
  }

  clear(): void {
    this.#entries.clear();
  }

  get size(): number {
    return this.#entries.size;
  }
}
