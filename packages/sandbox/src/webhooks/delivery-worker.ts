// The delivery loop in a worker thread (see host.ts): fan-out queries, signing, fetch and the writing of attempts
// run here, on a connection of its own to the sandbox's database file, so none of it takes the API's thread.
import { readlinkSync } from 'node:fs';
import { constants, setPriority } from 'node:os';
import { parentPort, workerData } from 'node:worker_threads';
import BetterSqlite3 from 'better-sqlite3';
import { BUSY_TIMEOUT_MS } from '../db/statements.js';
import type { Lookup } from './address.js';
import { WebhookDeliverer } from './delivery.js';
import type { WebhookOptions } from './options.js';

export interface DeliveryWorkerData {
  moduleUrl: string;
  file: string;
  options: Omit<WebhookOptions, 'lookup'>;
  /** The caller injected a resolver (tests): it cannot cross threads, so the worker asks the API's thread. */
  proxyLookup: boolean;
  /** OFF where the API's connection is OFF (a throwaway database), else NORMAL: see host.ts. */
  synchronous: string;
  offsetMs: number;
}

/** From the API's thread: wake up (an event was recorded, a delivery was queued by hand, a second passed), stop. */
export type ToWorker =
  | { type: 'wake'; offsetMs: number }
  | { type: 'stop' }
  | { type: 'looked-up'; id: number; addresses?: { address: string; family: number }[]; error?: string };

export type FromWorker = { type: 'stopped' } | { type: 'lookup'; id: number; host: string };

/**
 * Gives this thread a lower CPU priority than the API's (nice 10), so that when the cores are busy the API's answers
 * go first and delivery waits: on the shared 2-core machine (load 6) tier-status p95 during the bench's fan-out was
 * 1.9 and 3.4 ms with it, 7.7 and 7.8 ms without, and the fan-out took 27-35 s instead of 14 s. On Linux a thread has
 * a nice value of its own (`setpriority` on its thread id); elsewhere, or where it is not allowed, the thread keeps
 * the process's.
 */
function yieldToTheApi(): void {
  try {
    const threadId = Number(readlinkSync('/proc/thread-self').split('/').pop());
    if (Number.isInteger(threadId) && threadId !== process.pid) setPriority(threadId, constants.priority.PRIORITY_BELOW_NORMAL);
  } catch {
    // Not Linux, or not allowed.
  }
}

/** @public The worker entry (delivery-worker.mjs) imports this module by URL and calls it. */
export function runDeliveryWorker(): void {
  const data = workerData as DeliveryWorkerData;
  yieldToTheApi();
  const port = parentPort!;
  const post = (message: FromWorker) => port.postMessage(message);
  const db = new BetterSqlite3(data.file, { timeout: BUSY_TIMEOUT_MS });
  db.pragma(`synchronous = ${data.synchronous}`);
  let offsetMs = data.offsetMs;
  const pending = new Map<number, { resolve: (value: { address: string; family: number }[]) => void; reject: (error: Error) => void }>();
  let lookupId = 0;
  const lookup: Lookup = (host) =>
    new Promise((resolve, reject) => {
      const id = ++lookupId;
      pending.set(id, { resolve, reject });
      post({ type: 'lookup', id, host });
    });
  const deliverer = new WebhookDeliverer(db, {
    ...data.options,
    ...(data.proxyLookup ? { lookup } : {}),
    now: () => new Date(Date.now() + offsetMs),
  });
  port.on('message', (message: ToWorker) => {
    if (message.type === 'wake') {
      offsetMs = message.offsetMs;
      deliverer.wake();
    } else if (message.type === 'looked-up') {
      const waiter = pending.get(message.id);
      pending.delete(message.id);
      if (message.addresses) waiter?.resolve(message.addresses);
      else waiter?.reject(new Error(message.error ?? 'lookup failed'));
    } else {
      for (const waiter of pending.values()) waiter.reject(new Error('stopped'));
      pending.clear();
      void deliverer.stop().finally(() => {
        db.close();
        post({ type: 'stopped' });
        port.close();
      });
    }
  });
  deliverer.start();
}
