// Cursor pages that can walk on: `for await` over a page (or over the call itself) and `.all()` fetch later pages lazily
// (the walking itself is in page-walk.ts, which only the list resources import).
import type { Page } from '@poly-partner/contract';

/** Options that every page walk accepts. */
export interface WalkOptions {
  signal?: AbortSignal | undefined;
}

/** Every item from a page onwards: iterate it with `for await`, or `await` it for one array. */
export interface PageWalk<T> extends AsyncIterable<T>, PromiseLike<T[]> {}

/** One page of a list, which also walks the pages after it. */
export interface WalkablePage<T> extends Page<T>, AsyncIterable<T> {
  /** Every item from this page to the last, fetching each next page only when iteration reaches it. */
  all(options?: WalkOptions): PageWalk<T>;
}

/** The answer of a list method: await it for one page; `for await` it, or `.all()`, to walk every item. */
export type PagePromise<T> = Promise<WalkablePage<T>> &
  AsyncIterable<T> & {
    /** Every item from the first page to the last, as a lazy async iterable or (awaited) one array. */
    all(options?: WalkOptions): PageWalk<T>;
  };

// Array.fromAsync is missing from Node 20.
export async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const all: T[] = [];
  for await (const item of items) all.push(item);
  return all;
}

/** Makes the promise of a first page iterable too, so `for await (const x of client.….list())` works. */
export function pagePromise<T>(first: Promise<WalkablePage<T>>): PagePromise<T> {
  // Someone who only iterates never awaits `first` directly; its rejection reaches them through the iterator.
  first.catch(() => undefined);
  const items = async function* (signal?: AbortSignal) {
    const page = await first;
    yield* signal ? page.all({ signal }) : page;
  };
  return Object.assign(first, {
    [Symbol.asyncIterator]: () => items(),
    all: (options?: WalkOptions): PageWalk<T> => ({
      [Symbol.asyncIterator]: () => items(options?.signal),
      then: (onFulfilled, onRejected) => collect(items(options?.signal)).then(onFulfilled, onRejected),
    }),
  });
}
