// Identical GETs in flight at the same time share one request. Each caller may abort on its own; the shared
// request is cancelled only when every caller has left, so no retry or timer outlives its last caller.
import { raceAbort } from './abort.js';

interface Flight {
  promise: Promise<unknown>;
  controller: AbortController;
  callers: number;
}

export class InFlightRequests {
  readonly #flights = new Map<string, Flight>();

  run<T>(key: string, start: (signal: AbortSignal) => Promise<T>, callerSignal: AbortSignal | undefined): Promise<T> {
    let flight = this.#flights.get(key);
    if (!flight) {
      const controller = new AbortController();
      const created: Flight = { controller, callers: 0, promise: Promise.resolve() };
      created.promise = start(controller.signal).finally(() => {
        if (this.#flights.get(key) === created) this.#flights.delete(key);
      });
      // Callers who all aborted never see the shared promise's own rejection.
      created.promise.catch(() => undefined);
      this.#flights.set(key, created);
      flight = created;
    }
    const joined = flight;
    joined.callers += 1;
    const leave = () => {
      joined.callers -= 1;
      if (joined.callers === 0 && callerSignal?.aborted) {
        if (this.#flights.get(key) === joined) this.#flights.delete(key);
        joined.controller.abort(callerSignal.reason);
      }
    };
    return raceAbort(joined.promise as Promise<T>, callerSignal).finally(leave);
  }
}
