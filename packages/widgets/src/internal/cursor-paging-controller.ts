// A cursor-paginated list (`{ items, nextCursor, total }`) loaded page by page on request: "Load more" in the deal
// list, scrolling near the end in the member overview.
import type { Page } from '@poly-partner/contract';
import type { PartnerApiError } from '@poly-partner/sdk';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { asPartnerApiError } from './state-view.js';

/** Loads the page after `cursor`. */
export type NextPage<T> = (cursor: string, signal: AbortSignal) => Promise<Page<T>>;

/**
 * Holds the rows loaded so far and loads the next page, one request at a time. The host loads the first page itself
 * (in its data task) and hands it over with `reset`; a page still on its way for an older list is dropped.
 */
export class CursorPagingController<T> implements ReactiveController {
  /** The rows loaded so far, how many there are in all, and the cursor of the next page (`null`: none left). */
  page: Page<T> = { items: [], nextCursor: null, total: 0 };
  loading = false;
  /** Why the last page did not load; cleared when it is tried again. */
  error?: PartnerApiError;

  private readonly host: ReactiveControllerHost;
  private readonly onError: (error: PartnerApiError) => void;
  private next?: NextPage<T>;
  private request?: AbortController;

  constructor(host: ReactiveControllerHost, onError: (error: PartnerApiError) => void) {
    this.host = host;
    this.onError = onError;
    host.addController(this);
  }

  hostDisconnected(): void {
    this.request?.abort();
  }

  /** Starts over from a first page (other filters, a refresh); `next` loads each page after it. */
  reset(page: Page<T>, next: NextPage<T>): void {
    this.request?.abort();
    this.request = undefined;
    this.page = page;
    this.next = next;
    this.set(false);
  }

  /** Loads the next page, unless one is loading or none is left; answers the rows it added. */
  async more(): Promise<T[]> {
    const { next, page } = this;
    if (!next || !page.nextCursor || this.loading) return [];
    const request = (this.request = new AbortController());
    this.set(true);
    let added: Page<T> | undefined;
    let error: PartnerApiError | undefined;
    try {
      added = await next(page.nextCursor, request.signal);
    } catch (failure) {
      // Cancelled (the host left the page): not a failure, and the page may be asked for again later.
      if (!request.signal.aborted) error = asPartnerApiError(failure);
    }
    // A reset meanwhile: the page belongs to a list no longer shown.
    if (request !== this.request) return [];
    if (added) this.page = { ...added, items: [...page.items, ...added.items] };
    if (error) this.onError(error);
    this.set(false, error);
    return added?.items ?? [];
  }

  private set(loading: boolean, error?: PartnerApiError): void {
    this.loading = loading;
    this.error = error;
    this.host.requestUpdate();
  }
}
