// Keeps a form's unsent entries in localStorage while the user types (debounced), so they survive a reload, a closed
// tab or a failed submit. Only what the caller hands to `save()` is stored: never pass credentials or client config.
// Entries may hold personal data (the deal form's end-customer contact), so they do not stay: each carries the time
// it was saved and is dropped when read after `maxAgeMs` (7 days), and expired drafts under the same prefix are swept
// once per page in idle time; the caller clears its draft after a successful submit.
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { whenIdle } from './idle.js';

export interface DraftControllerOptions<T> {
  /** The storage key, or undefined while the draft has no owner yet (say, no partner id). */
  key: () => string | undefined;
  /** Checks what storage holds (it may come from an older version, or have been edited); undefined discards it. */
  parse: (stored: unknown) => T | undefined;
  /** Wait after the last change before writing (default 400 ms): typing does not write on every key. */
  delayMs?: number;
  /** How long a draft is kept after its last save (default 7 days). */
  maxAgeMs?: number;
  /**
   * Keys starting with this hold drafts of this kind (other owners'), whose expired entries are swept. Default: the
   * key up to its last `:` (`poly-partner-widgets:deal-draft:` for `poly-partner-widgets:deal-draft:<partner>`).
   */
  sweepPrefix?: string;
  /** The clock (tests). */
  now?: () => number;
}

export const DRAFT_MAX_AGE_MS = 7 * 24 * 3600 * 1000;

/** What storage holds: the draft and when it was saved. An entry without `savedAt` (an older format) counts as expired. */
interface StoredDraft {
  savedAt: number;
  draft: unknown;
}

function savedAtOf(stored: unknown): number | undefined {
  const savedAt = (stored as Partial<StoredDraft> | null)?.savedAt;
  return typeof savedAt === 'number' && Number.isFinite(savedAt) ? savedAt : undefined;
}

export class DraftController<T> implements ReactiveController {
  private readonly options: DraftControllerOptions<T>;
  private pending?: { key: string; draft: T };
  private timer?: ReturnType<typeof setTimeout>;
  private cancelOpen?: () => void;
  private cancelSweep?: () => void;
  private swept = false;

  constructor(host: ReactiveControllerHost, options: DraftControllerOptions<T>) {
    this.options = options;
    host.addController(this);
  }

  /** The stored draft, if there is a valid one. */
  load(): T | undefined {
    const key = this.options.key();
    if (!key) return undefined;
    // The owner is known now: the other owners' expired drafts go too, once per element, in idle time.
    if (!this.swept) {
      this.swept = true;
      this.cancelSweep = whenIdle(() => this.sweep());
    }
    try {
      const raw = storage()?.getItem(key);
      if (!raw) return undefined;
      const stored = JSON.parse(raw) as unknown;
      if (this.expired(stored)) {
        storage()?.removeItem(key);
        return undefined;
      }
      return this.options.parse((stored as StoredDraft).draft);
    } catch {
      return undefined; // unreadable JSON: start afresh rather than fail the form
    }
  }

  /** Stores `draft` once the user pauses. */
  save(draft: T): void {
    const key = this.options.key();
    if (!key) return;
    this.pending = { key, draft };
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.flush(), this.options.delayMs ?? 400);
  }

  /** Writes a pending draft now (before a submit, or when the element leaves the page). */
  flush(): void {
    clearTimeout(this.timer);
    const pending = this.pending;
    this.pending = undefined;
    if (!pending) return;
    try {
      const stored: StoredDraft = { savedAt: this.now(), draft: pending.draft };
      storage()?.setItem(pending.key, JSON.stringify(stored));
    } catch {
      // Storage full or disabled (private mode, sandboxed frame): the form still works, only without a draft.
    }
  }

  /** Forgets the draft (after a successful submit). */
  clear(): void {
    clearTimeout(this.timer);
    this.pending = undefined;
    const key = this.options.key();
    if (!key) return;
    try {
      storage()?.removeItem(key);
    } catch {
      // as in flush()
    }
  }

  hostConnected(): void {
    // The first use of localStorage on a page opens the origin's storage (~40 ms in a trace on the bench machine):
    // done in idle time while the form's data is on its way, not in the task that renders the restored draft.
    this.cancelOpen = whenIdle(() => void storage()?.length);
  }

  /** Removes expired (and unreadable) drafts under the sweep prefix, whoever they belong to. */
  sweep(): void {
    const key = this.options.key();
    const prefix = this.options.sweepPrefix ?? (key?.includes(':') ? key.slice(0, key.lastIndexOf(':') + 1) : undefined);
    const store = storage();
    if (!store || !prefix) return;
    try {
      const keys: string[] = [];
      for (let index = 0; index < store.length; index++) {
        const key = store.key(index);
        if (key?.startsWith(prefix)) keys.push(key);
      }
      for (const key of keys) {
        let stored: unknown;
        try {
          stored = JSON.parse(store.getItem(key) ?? 'null');
        } catch {
          stored = null;
        }
        if (this.expired(stored)) store.removeItem(key);
      }
    } catch {
      // Storage blocked or failing: nothing to sweep.
    }
  }

  private expired(stored: unknown): boolean {
    const savedAt = savedAtOf(stored);
    return savedAt === undefined || this.now() - savedAt > (this.options.maxAgeMs ?? DRAFT_MAX_AGE_MS);
  }

  private now(): number {
    return this.options.now?.() ?? Date.now();
  }

  hostDisconnected(): void {
    this.cancelOpen?.();
    this.cancelSweep?.();
    this.flush();
  }
}

// Reading `localStorage` itself throws where storage is blocked (third-party frames with cookies disabled).
function storage(): Storage | undefined {
  try {
    return globalThis.localStorage;
  } catch {
    return undefined;
  }
}
