// Identical GETs in flight at the same time share one request. Each caller may abort on its own; the shared
// request is cancelled only when every caller has left, so no retry or timer outlives its last caller. Each caller
// gets an answer of its own: the first the one the request made, the others copies, so one caller's edits never reach
// another's (the usual single caller pays for no copy).
import { raceAbort } from './abort.js';

interface Flight {
  promise: Promise<unknown>;
  controller: AbortController;
  callers: number;
  /** Set once the answer itself went to a caller; the others get copies. */
  handedOut?: true;
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
    // Every caller's reaction to the answer runs in the same microtask turn, before any caller's own code sees it:
    // the copies are taken from an answer nobody has touched yet. (The flight leaves the map before it settles, so
    // nobody joins later.)
    const answer = joined.promise.then((value) => {
      if (joined.handedOut) return structuredClone(value);
      joined.handedOut = true;
      return value;
    });
    // A caller whose signal had already fired never reads `answer`: its rejection is handled here.
    answer.catch(() => undefined);
    return raceAbort(answer as Promise<T>, callerSignal).finally(leave);
  }
}
