// Where the delivery loop runs. On a database file: in a worker thread with a connection of its own, so that fan-out,
// signing, fetch and the writing of attempts never take the API's thread (with the loop beside the API, tier-status
// p95 went from 5 ms to 13-18 ms while 10,000 deliveries went out). A database in memory cannot be shared with
// another thread: there the same loop (delivery.ts) runs beside the API on its connection.
import { extname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Sandbox } from '../context.js';
import { onEventRecorded } from '../events/store.js';
import { letTimePass } from '../events/time.js';
import { type Lookup, systemLookup, type WebhookMode } from './address.js';
import { WebhookDeliverer } from './delivery.js';
import type { DeliveryWorkerData, FromWorker, ToWorker } from './delivery-worker.js';
import type { WebhookOptions } from './options.js';

/**
 * The worker's `synchronous`: OFF where the API's connection is OFF (a throwaway database), else NORMAL. In WAL mode
 * NORMAL loses no commit when the process dies (`kill -9`), only on power loss, and then at worst the latest results
 * and fan-outs, which are sent again: at least once still holds. FULL synced the WAL at each of the loop's thousands
 * of small commits, while holding the write lock the API's writes wait for.
 */
function workerSynchronous(api: number): string {
  return api === 0 ? 'OFF' : 'NORMAL';
}

export class WebhookDelivery {
  readonly mode: WebhookMode;
  readonly lookup: Lookup;
  private worker: Worker | undefined;
  private inThread: WebhookDeliverer | undefined;
  private scheduled = false;
  private stopped = false;
  private ticker: NodeJS.Timeout | undefined;
  private exited: Promise<void> | undefined;

  /** `file`: the database file, or null for a database in memory (the loop then runs on this thread). */
  constructor(private readonly sandbox: Sandbox, private readonly file: string | null, private readonly options: WebhookOptions = {}) {
    this.mode = options.mode ?? 'sandbox';
    this.lookup = options.lookup ?? systemLookup;
  }

  /** Where the loop runs now (for tests and figures). */
  get host(): 'worker' | 'thread' {
    return this.worker ? 'worker' : 'thread';
  }

  start(): void {
    onEventRecorded(this.sandbox.db, () => this.wake());
    if (this.file) this.startWorker(this.file);
    else this.startInThread();
    // Time passes without requests too: approvals, expiries, protection notices and endings happen on their own.
    // It changes what the API answers (and its caches), so it stays on the API's thread; the events it records wake
    // the loop.
    this.ticker = setInterval(() => {
      if (this.stopped) return;
      try {
        letTimePass(this.sandbox);
      } catch {
        // A busy or closing database: the next tick tries again.
      }
      this.wake();
    }, 1_000);
    this.ticker.unref();
  }

  /** Runs the loop soon: after the current transaction has committed, so that the loop sees what it wrote. */
  wake(): void {
    if (this.scheduled || this.stopped) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      if (this.stopped) return;
      if (this.worker) this.post({ type: 'wake', offsetMs: this.sandbox.now().getTime() - Date.now() });
      else this.inThread?.wake();
    });
  }

  async stop(): Promise<void> {
    this.stopped = true;
    onEventRecorded(this.sandbox.db, undefined);
    clearInterval(this.ticker);
    const worker = this.worker;
    if (worker) {
      // The worker aborts what is in flight (left pending: sent again after a restart) and closes its connection.
      this.post({ type: 'stop' });
      const forced = setTimeout(() => void worker.terminate(), 5_000);
      await this.exited;
      clearTimeout(forced);
    }
    await this.inThread?.stop();
  }

  private post(message: ToWorker): void {
    this.worker?.postMessage(message);
  }

  private startInThread(): void {
    this.inThread = new WebhookDeliverer(this.sandbox.db, { ...this.options, now: this.sandbox.now });
    this.inThread.start();
  }

  private startWorker(file: string): void {
    const moduleUrl = new URL(`./delivery-worker${extname(fileURLToPath(import.meta.url))}`, import.meta.url).href;
    const { lookup, ...options } = this.options;
    const workerData: DeliveryWorkerData = {
      moduleUrl,
      file,
      options,
      proxyLookup: lookup !== undefined,
      synchronous: workerSynchronous(this.sandbox.db.pragma('synchronous', { simple: true }) as number),
      offsetMs: this.sandbox.now().getTime() - Date.now(),
    };
    const worker = new Worker(new URL('./delivery-worker.mjs', import.meta.url), { workerData });
    // Like the loop's timers before it: delivery alone does not keep a process alive that has nothing else to do.
    worker.unref();
    this.worker = worker;
    this.exited = new Promise((resolve) => worker.once('exit', () => resolve()));
    worker.on('message', (message: FromWorker) => {
      // Its connection is closed: nothing it holds (idle keep-alive sockets) needs to end on its own time.
      if (message.type === 'stopped') void worker.terminate();
      else if (message.type === 'lookup') {
        this.lookup(message.host).then(
          (addresses) => this.post({ type: 'looked-up', id: message.id, addresses: addresses.map(({ address, family }) => ({ address, family })) }),
          (error: Error) => this.post({ type: 'looked-up', id: message.id, error: error.message }),
        );
      }
    });
    worker.once('error', (error) => {
      // A worker that could not load (no tsx where it looks) or died: deliveries still pending in the database are
      // sent from this thread instead. Nothing is lost: a delivery is pending until its success is written.
      if (this.worker !== worker) return;
      this.worker = undefined;
      if (this.stopped) return;
      console.error(`[sandbox] webhook delivery worker failed (${error.message}); delivering on the main thread`);
      this.startInThread();
    });
  }
}
