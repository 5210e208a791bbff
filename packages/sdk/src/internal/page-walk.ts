// Walking on from a fetched page: `for await` over it and `.all()` fetch each next page when iteration reaches it. The
// list resources (deals, members) use it; the client's core (pagination.ts) does not, so bundles split into chunks
// keep it out of what every page loads.
import type { Page } from '@poly-partner/contract';
import { collect, type PageWalk, type WalkablePage, type WalkOptions } from './pagination.js';

export type FetchPage<T> = (cursor: string, signal: AbortSignal | undefined) => Promise<Page<T>>;

async function* walk<T>(first: Page<T>, fetchPage: FetchPage<T>, signal: AbortSignal | undefined): AsyncGenerator<T> {
  let page: Page<T> = first;
  for (;;) {
    yield* page.items;
    if (page.nextCursor === null) return;
    page = await fetchPage(page.nextCursor, signal);
  }
}

function walkOf<T>(first: Page<T>, fetchPage: FetchPage<T>, signal: AbortSignal | undefined): PageWalk<T> {
  return {
    [Symbol.asyncIterator]: () => walk(first, fetchPage, signal),
    then(onFulfilled, onRejected) {
      return collect(walk(first, fetchPage, signal)).then(onFulfilled, onRejected);
    },
  };
}

/** Adds the walking methods to a fetched page, non-enumerable so the page still reads (and clones) as plain data. */
export function walkable<T>(page: Page<T>, fetchPage: FetchPage<T>, signal: AbortSignal | undefined): WalkablePage<T> {
  Object.defineProperties(page, {
    all: { value: (options?: WalkOptions) => walkOf(page, fetchPage, options?.signal ?? signal) },
    [Symbol.asyncIterator]: { value: () => walk(page, fetchPage, signal) },
  });
  return page as WalkablePage<T>;
}

