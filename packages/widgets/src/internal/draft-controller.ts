// Keeps a form's unsent entries in localStorage while the user types (debounced), so they survive a reload, a closed
// tab or a failed submit. Only what the caller hands to `save()` is stored: never pass credentials or client config.
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { whenIdle } from './idle.js';

export interface DraftControllerOptions<T> {
  /** The storage key, or undefined while the draft has no owner yet (say, no partner id). */
  key: () => string | undefined;
  /** Checks what storage holds (it may come from an older version, or have been edited); undefined discards it. */
  parse: (stored: unknown) => T | undefined;
  /** Wait after the last change before writing (default 400 ms): typing does not write on every key. */
  delayMs?: number;
}

export class DraftController<T> implements ReactiveController {
  private readonly options: DraftControllerOptions<T>;
  private pending?: { key: string; draft: T };
  private timer?: ReturnType<typeof setTimeout>;
  private cancelOpen?: () => void;

  constructor(host: ReactiveControllerHost, options: DraftControllerOptions<T>) {
    this.options = options;
    host.addController(this);
  }

  /** The stored draft, if there is a valid one. */
  load(): T | undefined {
    const key = this.options.key();
    if (!key) return undefined;
    try {
      const raw = storage()?.getItem(key);
      return raw ? this.options.parse(JSON.parse(raw)) : undefined;
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
      storage()?.setItem(pending.key, JSON.stringify(pending.draft));
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

  hostDisconnected(): void {
    this.cancelOpen?.();
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
