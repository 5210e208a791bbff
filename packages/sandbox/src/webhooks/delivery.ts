// The delivery loop: fans events out of the outbox to webhook endpoints and sends them, at least once, with
// exponential backoff and jitter. It needs only a database connection and a clock, so that the same code runs in a
// worker thread on a connection of its own (a database file) or beside the API on the API's connection (in memory):
// see host.ts.
import { randomBytes } from 'node:crypto';
import type Database from 'better-sqlite3';
import type { EventType } from '@poly-partner/contract';
import { getMeta, setMeta } from '../db/schema.js';
import { prepared } from '../db/statements.js';
import { type EventRow, eventText, pruneEvents, seesEvent } from '../events/store.js';
import { type Lookup, systemLookup, urlRefusal, type WebhookMode } from './address.js';
import type { WebhookOptions } from './options.js';
import { webhookHeaders } from './signing.js';

/** Retries: 5 s, then four times longer each time, at most 10 h apart; the tenth attempt is the last (~28 h). */
export const FIRST_RETRY_MS = 5_000;
export const MAX_RETRY_MS = 10 * 3_600_000;
export const MAX_ATTEMPTS = 10;
/** An endpoint without a success for this long is disabled. */
export const DISABLE_AFTER_MS = 5 * 86_400_000;
/**
 * Events fanned out per transaction. On its own thread the loop's write transactions still hold SQLite's one write
 * lock, which the API's writes wait for: in the bench (shared 2-core machine, load 6) a fan-out transaction took 3 ms
 * on average (up to 200 rows), a transaction writing up to 8 results 1 ms.
 */
const DISPATCH_BATCH = 200;
/** Old events and deliveries are dropped this often. */
const PRUNE_EVERY_MS = 60_000;

interface DueRow {
  id: string;
  endpoint_id: string;
  event_id: string;
  body: string;
  attempt_count: number;
  url: string;
  secret: string;
  previous_secret: string | null;
  previous_secret_expires_at: string | null;
}

interface EndpointRow {
  id: string;
  subject_kind: 'partner' | 'organization';
  subject_id: string;
  events: string;
  org_kind: string | null;
}

export function newDeliveryId(): string {
  return `dlv_${randomBytes(12).toString('base64url').replace(/[^A-Za-z0-9]/g, '0')}`;
}

/** The wait before attempt `attempt + 1`, with ±25 % jitter so that failed deliveries do not come back in step. */
export function retryDelayMs(attempt: number, timeFactor: number, random = Math.random): number {
  const base = Math.min(FIRST_RETRY_MS * 4 ** (attempt - 1), MAX_RETRY_MS);
  return (base * (0.75 + random() * 0.5)) / timeFactor;
}

export interface DelivererOptions extends WebhookOptions {
  /** The sandbox clock (it may run ahead of the wall clock): creation times, secret expiry, pruning. */
  now: () => Date;
}

export class WebhookDeliverer {
  readonly mode: WebhookMode;
  readonly timeFactor: number;
  private readonly maxInFlight: number;
  private readonly timeoutMs: number;
  readonly lookup: Lookup;
  private readonly now: () => Date;
  private readonly inFlight = new Map<string, Promise<void>>();
  private readonly results: [DueRow, Date, number, number | null, string | null][] = [];
  private readonly aborts = new Set<AbortController>();
  private scheduled = false;
  private stopped = false;
  private timer: NodeJS.Timeout | undefined;
  private ticker: NodeJS.Timeout | undefined;
  private prunedAt = 0;

  constructor(private readonly db: Database.Database, options: DelivererOptions) {
    this.mode = options.mode ?? 'sandbox';
    this.timeFactor = options.timeFactor ?? (this.mode === 'sandbox' ? 60 : 1);
    this.maxInFlight = options.maxInFlight ?? 8;
    this.timeoutMs = options.timeoutMs ?? 10_000;
    this.lookup = options.lookup ?? systemLookup;
    this.now = options.now;
  }

  start(): void {
    this.ticker = setInterval(() => this.wake(), 1_000);
    this.ticker.unref();
    this.wake();
  }

  /** Runs the loop soon (after the current transaction and request have finished). */
  wake(): void {
    if (this.scheduled || this.stopped) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      this.pump();
    });
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    clearInterval(this.ticker);
    for (const controller of this.aborts) controller.abort();
    await Promise.allSettled(this.inFlight.values());
  }

  private pump(): void {
    if (this.stopped) return;
    try {
      if (Date.now() - this.prunedAt >= PRUNE_EVERY_MS) {
        this.prunedAt = Date.now();
        pruneEvents(this.db, this.now());
      }
      this.dispatch();
      this.sendDue();
    } catch (error) {
      if (!this.db.open) return;
      throw error;
    }
  }

  /** Turns new outbox events into one pending delivery per endpoint that wants and may see them. */
  dispatch(): void {
    const db = this.db;
    const after = Number(getMeta(db, 'events_dispatched') ?? 0);
    // One batch per turn of the loop: thousands of events at once must not hold requests up; the rest comes next turn.
    const events = prepared(db, `SELECT * FROM events WHERE seq > ? ORDER BY seq LIMIT ${DISPATCH_BATCH}`).all(after) as EventRow[];
    if (events.length === 0) return;
    if (events.length === DISPATCH_BATCH) this.wake();
    const endpoints = (prepared(db, `SELECT w.id, w.subject_kind, w.subject_id, w.events, o.kind AS org_kind FROM webhook_endpoints w
        LEFT JOIN organizations o ON o.id = w.subject_id WHERE w.status = 'enabled'`).all() as EndpointRow[])
      .map((row) => ({ ...row, wanted: new Set(JSON.parse(row.events) as EventType[]) }));
    const insert = prepared(db, `INSERT INTO webhook_deliveries (id, endpoint_id, event_id, event_type, body, next_attempt_ms, recorded_ms, created_at)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?)`);
    const now = Date.now();
    const createdAt = this.now().toISOString();
    // The rows are made before the transaction: it holds SQLite's one write lock, which the API's writes wait for.
    const rows: unknown[][] = [];
    for (const event of events) {
      let body: string | undefined;
      for (const endpoint of endpoints) {
        if (!endpoint.wanted.has(event.type)) continue;
        const subject = { kind: endpoint.subject_kind, id: endpoint.subject_id, ...(endpoint.org_kind ? { orgKind: endpoint.org_kind } : {}) };
        if (!seesEvent(db, subject, event)) continue;
        body ??= eventText(event);
        rows.push([newDeliveryId(), endpoint.id, event.id, event.type, body, now, event.recorded_ms, createdAt]);
      }
    }
    db.transaction(() => {
      // Another connection may have fanned these out since the read above (a second sandbox on the same file):
      // only the one that moves the mark inserts.
      if (Number(getMeta(db, 'events_dispatched') ?? 0) !== after) return;
      for (const row of rows) insert.run(...row);
      setMeta(db, 'events_dispatched', String(events[events.length - 1]!.seq));
    }).immediate();
  }

  private sendDue(): void {
    const db = this.db;
    const now = Date.now();
    const room = this.maxInFlight - this.inFlight.size;
    if (room > 0) {
      const due = prepared(db, `SELECT d.id, d.endpoint_id, d.event_id, d.body, d.attempt_count, w.url, w.secret, w.previous_secret,
          w.previous_secret_expires_at FROM webhook_deliveries d JOIN webhook_endpoints w ON w.id = d.endpoint_id
          WHERE d.status = 'pending' AND d.next_attempt_ms <= ? AND w.status = 'enabled' ORDER BY d.next_attempt_ms LIMIT ?`)
        .all(now, room + this.inFlight.size) as DueRow[];
      for (const row of due) {
        if (this.inFlight.size >= this.maxInFlight) break;
        if (this.inFlight.has(row.id)) continue;
        this.inFlight.set(row.id, this.attempt(row));
      }
    }
    // Sleep until the next retry falls due (new events and finished attempts wake the loop earlier).
    clearTimeout(this.timer);
    const next = prepared(db, `SELECT MIN(next_attempt_ms) FROM webhook_deliveries d JOIN webhook_endpoints w ON w.id = d.endpoint_id
        WHERE d.status = 'pending' AND w.status = 'enabled' AND d.next_attempt_ms > ?`).pluck().get(now) as number | null;
    if (next !== null) {
      this.timer = setTimeout(() => this.wake(), Math.min(Math.max(next - Date.now(), 0), 60_000));
      this.timer.unref();
    }
  }

  private async attempt(row: DueRow): Promise<void> {
    const startedAt = new Date();
    const started = performance.now();
    let statusCode: number | null = null;
    let error: string | null = null;
    const controller = new AbortController();
    this.aborts.add(controller);
    const timeout = setTimeout(() => controller.abort(), this.timeoutMs);
    try {
      // Checked again at each delivery: a name may resolve elsewhere now than when the endpoint was made.
      const refusal = await urlRefusal(row.url, this.mode, this.lookup);
      if (refusal) {
        error = `refused: ${refusal}`;
      } else {
        const secrets = [row.secret];
        if (row.previous_secret && row.previous_secret_expires_at && row.previous_secret_expires_at > this.now().toISOString()) {
          secrets.push(row.previous_secret);
        }
        const response = await fetch(row.url, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            'user-agent': 'PolyPartnerWebhooks/1 (sandbox)',
            ...webhookHeaders(secrets, row.event_id, Math.floor(Date.now() / 1000), row.body),
          },
          body: row.body,
          // A redirect could lead anywhere, including inside; it counts as a failure.
          redirect: 'manual',
          signal: controller.signal,
        });
        statusCode = response.status;
        await response.arrayBuffer().catch(() => undefined);
      }
    } catch (cause) {
      error = controller.signal.aborted ? (this.stopped ? 'stopped' : `timed out after ${this.timeoutMs} ms`) : String((cause as Error).cause ?? (cause as Error).message);
    } finally {
      clearTimeout(timeout);
      this.aborts.delete(controller);
    }
    // A sandbox shut down mid-flight leaves the delivery pending: it is sent again after the restart.
    if (this.stopped || !this.db.open) return;
    // Results are written together, one transaction (one disk sync) per turn of the loop rather than per delivery;
    // a delivery stays "in flight" until its result is written, so it is never picked up twice.
    this.results.push([row, startedAt, performance.now() - started, statusCode, error]);
    if (this.results.length === 1) setImmediate(() => this.flush());
  }

  private flush(): void {
    const results = this.results.splice(0);
    if (results.length === 0) return;
    if (!this.stopped && this.db.open) {
      this.db.transaction(() => {
        for (const result of results) this.record(...result);
      }).immediate();
    }
    for (const [row] of results) this.inFlight.delete(row.id);
    this.wake();
  }

  private record(row: DueRow, at: Date, durationMs: number, statusCode: number | null, error: string | null): void {
    const db = this.db;
    const ok = statusCode !== null && statusCode >= 200 && statusCode < 300;
    const attempts = row.attempt_count + 1;
    const now = Date.now();
    db.transaction(() => {
      prepared(db, 'INSERT INTO webhook_attempts (delivery_id, at, status_code, duration_ms, error) VALUES (?, ?, ?, ?, ?)')
        .run(row.id, at.toISOString(), statusCode, Math.round(durationMs * 10) / 10, error ?? (ok ? null : `HTTP ${statusCode}`));
      if (ok) {
        prepared(db, `UPDATE webhook_deliveries SET status = 'succeeded', attempt_count = ?, next_attempt_ms = NULL WHERE id = ?`).run(attempts, row.id);
        prepared(db, 'UPDATE webhook_endpoints SET failing_since_ms = NULL WHERE id = ?').run(row.endpoint_id);
        return;
      }
      const last = attempts >= MAX_ATTEMPTS;
      prepared(db, `UPDATE webhook_deliveries SET status = ?, attempt_count = ?, next_attempt_ms = ? WHERE id = ?`)
        .run(last ? 'failed' : 'pending', attempts, last ? null : now + retryDelayMs(attempts, this.timeFactor), row.id);
      prepared(db, 'UPDATE webhook_endpoints SET failing_since_ms = COALESCE(failing_since_ms, ?) WHERE id = ?').run(now, row.endpoint_id);
      const since = prepared(db, 'SELECT failing_since_ms FROM webhook_endpoints WHERE id = ?').pluck().get(row.endpoint_id) as number;
      if (now - since >= DISABLE_AFTER_MS / this.timeFactor) {
        prepared(db, `UPDATE webhook_endpoints SET status = 'disabled', disabled_reason = ? WHERE id = ? AND status = 'enabled'`)
          .run(`No successful delivery since ${new Date(since).toISOString()}`, row.endpoint_id);
      }
    })();
  }
}
