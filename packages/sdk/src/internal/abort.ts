// Racing a promise against a caller's AbortSignal, for work the caller shares with others and so must not cancel.
import { PartnerApiError } from '../errors/partner-api-error.js';

export function abortedError(signal: AbortSignal): PartnerApiError {
  return new PartnerApiError({ type: 'aborted', message: 'The request was aborted', cause: signal.reason });
}

/** Settles with `promise`, or rejects with an `aborted` error as soon as `signal` fires; the work itself goes on. */
export function raceAbort<T>(promise: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return promise;
  if (signal.aborted) return Promise.reject(abortedError(signal));
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(abortedError(signal));
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}
