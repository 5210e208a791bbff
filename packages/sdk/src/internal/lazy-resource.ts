// Resources whose code (and the schemas they validate with) loads on their first call, so a page that only shows a
// badge does not download the deal, member and program code. Every method already answers a promise (or a page
// promise), so the wait for the module hides inside it.
import { isPartnerApiError, PartnerApiError } from '../errors/partner-api-error.js';
import { pagePromise } from './pagination.js';

type Method = (...args: never[]) => unknown;

/**
 * How each public method of a resource answers: a promise (`0`, a call) or a page promise that walks (`1`, pages).
 * Numbers rather than words: this table is in the code of every page.
 */
export type MethodKinds<R> = { readonly [name in keyof R]: 0 | 1 };

/**
 * A stand-in for the resource `load` resolves to: each method loads the module once (a failed load is tried again
 * on the next call) and calls the real method. `kinds` must name every public method (the type checks it).
 */
export function lazyResource<R extends object>(load: () => Promise<R>, kinds: MethodKinds<R>): R {
  let loading: Promise<R> | undefined;
  const resource = () =>
    (loading ??= load().catch((error: unknown) => {
      loading = undefined;
      // A chunk that did not arrive is a network failure like any other: callers branch on PartnerApiError alone.
      throw isPartnerApiError(error)
        ? error
        : new PartnerApiError({ type: 'network', message: `Could not load the SDK's code: ${String(error)}`, cause: error });
    }));
  const stand = {} as Record<string, Method>;
  for (const [name, kind] of Object.entries<0 | 1>(kinds)) {
    stand[name] = (...args: never[]) => {
      const answer = resource().then((loaded) => (loaded[name as keyof R] as Method)(...args));
      return kind ? pagePromise(answer as never) : answer;
    };
  }
  return stand as R;
}
