// The event outbox: `recordEvent` writes an event in the caller's transaction (with the change it tells of), and the
// events that time produces — deal approvals and expiries, tier changes, protection notices — are recorded here.
import { randomBytes } from 'node:crypto';
import type Database from 'better-sqlite3';
import {
  addDays,
  type DealEventData,
  type DealStatus,
  EVENT_RETENTION_DAYS,
  type EventType,
  type PartnerEvent,
  type PartnerTierSnapshot,
  PROTECTION_NOTICE_DAYS,
  type Tier,
} from '@poly-partner/contract';
import type { Sandbox } from '../context.js';
import { getMeta, setMeta } from '../db/schema.js';
import { prepared } from '../db/statements.js';
import { type DealRow, dealReference } from '../deals-store.js';

export interface EventRow {
  seq: number;
  id: string;
  type: EventType;
  occurred_at: string;
  partner_id: string;
  distributor_id: string | null;
  data: string;
  recorded_ms: number;
}

/** Called after an event is written (the delivery loop's wake-up), per database. */
const listeners = new WeakMap<Database.Database, () => void>();

export function onEventRecorded(db: Database.Database, listener: (() => void) | undefined): void {
  if (listener) listeners.set(db, listener);
  else listeners.delete(db);
}

export function newEventId(): string {
  return `evt_${randomBytes(12).toString('base64url').replace(/[^A-Za-z0-9]/g, '0')}`;
}

/**
 * Writes one event, in the caller's transaction: the outbox row commits or rolls back with the change. Others may
 * call it too, e.g. where a badge is revoked: `recordEvent(db, { type: 'badge.revoked', partnerId, data })`.
 */
export function recordEvent<T extends EventType>(
  db: Database.Database,
  event: { type: T; occurredAt: string; partnerId: string; distributorId?: string | null; data: Extract<PartnerEvent, { type: T }>['data'] },
): string {
  const id = newEventId();
  prepared(db, `INSERT INTO events (id, type, occurred_at, partner_id, distributor_id, data, recorded_ms)
      VALUES (?, ?, ?, ?, ?, ?, ?)`)
    .run(id, event.type, event.occurredAt, event.partnerId, event.distributorId ?? null, JSON.stringify(event.data), Date.now());
  // The loop reads the outbox after this transaction commits: a wake-up is a timer, never a read now.
  listeners.get(db)?.();
  return id;
}

/** The API's event from its row, as JSON text: the feed's items and the delivery bodies are the same text. */
export function eventText(row: EventRow): string {
  return `{"id":${JSON.stringify(row.id)},"type":${JSON.stringify(row.type)},"occurredAt":${JSON.stringify(row.occurred_at)},"data":${row.data}}`;
}

export function dealEventData(row: DealRow, previousStatus: DealStatus | null): DealEventData {
  const customer = JSON.parse(row.customer) as { name: string; country: string; domain: string };
  return {
    id: row.id,
    reference: dealReference(row),
    partnerId: row.partner_id,
    type: row.type,
    status: row.status,
    previousStatus,
    conflict: row.conflict === 1,
    customer: { name: customer.name, country: customer.country, domain: customer.domain },
    products: JSON.parse(row.products) as DealEventData['products'],
    estimatedValue: { amount: row.amount, currency: row.currency },
    distributorId: row.distributor_id,
    updatedAt: row.updated_at,
    expiresAt: row.expires_at,
  };
}

/** Records `deal.status.changed` for a registration whose row already holds the new state (caller's transaction). */
export function recordDealEvent(db: Database.Database, dealId: string, previousStatus: DealStatus | null): void {
  const row = prepared(db, 'SELECT * FROM deals WHERE id = ?').get(dealId) as DealRow | undefined;
  if (!row) return;
  recordEvent(db, {
    type: 'deal.status.changed',
    occurredAt: row.updated_at,
    partnerId: row.partner_id,
    distributorId: row.distributor_id,
    data: dealEventData(row, previousStatus),
  });
}

export interface TierColumns {
  id: string;
  name: string;
  earned_tier: Tier;
  effective_tier: Tier;
  protected_tier: Tier | null;
  protected_until: string | null;
  protection_active: number;
}

export function tierSnapshot(row: TierColumns): PartnerTierSnapshot {
  return {
    partnerId: row.id,
    name: row.name,
    earnedTier: row.earned_tier,
    effectiveTier: row.effective_tier,
    protectedTier: row.protected_tier,
    protectedUntil: row.protected_until,
  };
}

/**
 * Records `partner.tier.changed` when a re-evaluation moved the earned or the effective tier (caller's
 * transaction). A fall from a protected tier at the end of its protection happened the day after `protectedUntil`.
 */
export function recordTierChange(db: Database.Database, before: TierColumns, after: TierColumns, occurredAt: string): void {
  if (before.earned_tier === after.earned_tier && before.effective_tier === after.effective_tier) return;
  const protectionEnded = before.protection_active === 1 && after.protection_active === 0;
  recordEvent(db, {
    type: 'partner.tier.changed',
    occurredAt: protectionEnded && after.protected_until ? `${addDays(after.protected_until, 1)}T00:00:00.000Z` : occurredAt,
    partnerId: after.id,
    data: {
      ...tierSnapshot(after),
      previousEarnedTier: before.earned_tier,
      previousEffectiveTier: before.effective_tier,
      reason: protectionEnded ? 'protection_ended' : 'reevaluated',
    },
  });
}

/**
 * Records `partner.protection.ending` for every protection whose notice day (30 and 7 days before
 * `protectedUntil`) the clock has passed since the last call, as long as the protection has not ended yet. The
 * first call on a database only notes the day: a new sandbox does not announce what it was seeded with.
 */
export function recordProtectionNotices(db: Database.Database, today: string): number {
  const through = getMeta(db, 'protection_notices_through');
  if (through !== undefined && through >= today) return 0;
  let recorded = 0;
  db.transaction(() => {
    if (through !== undefined) {
      for (const days of PROTECTION_NOTICE_DAYS) {
        const rows = prepared(db, `SELECT id, name, earned_tier, effective_tier, protected_tier, protected_until, protection_active
            FROM partners WHERE protected_until > @today AND protected_until > date(@through, '+${days} days')
            AND protected_until <= date(@today, '+${days} days') AND protected_tier IS NOT NULL`)
          .all({ today, through }) as TierColumns[];
        for (const row of rows) {
          recordEvent(db, {
            type: 'partner.protection.ending',
            occurredAt: `${addDays(row.protected_until!, -days)}T00:00:00.000Z`,
            partnerId: row.id,
            data: { ...tierSnapshot(row), daysLeft: days },
          });
          recorded++;
        }
      }
    }
    setMeta(db, 'protection_notices_through', today);
  })();
  return recorded;
}

/** Drops events older than the feed keeps, and deliveries as old. */
export function pruneEvents(db: Database.Database, now: Date): void {
  const cutoff = new Date(now.getTime() - EVENT_RETENTION_DAYS * 86_400_000).toISOString();
  // Never an event the delivery loop has not fanned out yet: it is still owed to the endpoints.
  const dispatched = Number(getMeta(db, 'events_dispatched') ?? 0);
  prepared(db, 'DELETE FROM events WHERE occurred_at < ? AND seq <= ?').run(cutoff, dispatched);
  const cutoffMs = Date.now() - EVENT_RETENTION_DAYS * 86_400_000;
  prepared(db, 'DELETE FROM webhook_attempts WHERE delivery_id IN (SELECT id FROM webhook_deliveries WHERE recorded_ms < ?)').run(cutoffMs);
  prepared(db, 'DELETE FROM webhook_deliveries WHERE recorded_ms < ?').run(cutoffMs);
}

/** Which events a credential's subject sees: SQL over `events e` and its parameters. */
export function visibleEventsWhere(sandbox: Sandbox, subjectKind: 'partner' | 'organization', subjectId: string): { sql: string; params: Record<string, unknown> } {
  if (subjectKind === 'partner') return { sql: 'e.partner_id = @subject', params: { subject: subjectId } };
  const kind = prepared(sandbox.db, 'SELECT kind FROM organizations WHERE id = ?').pluck().get(subjectId) as string | undefined;
  // Members' tier and protection events; deal events as far as the organization sees deals: a distributor those
  // routed through it. Other kinds see pipelines as aggregates only, so no single deal's events.
  const members = `(e.type IN ('partner.tier.changed', 'partner.protection.ending')
    AND EXISTS (SELECT 1 FROM memberships m WHERE m.org_id = @subject AND m.partner_id = e.partner_id))`;
  const deals = kind === 'distributor' ? ` OR (e.type = 'deal.status.changed' AND e.distributor_id = @subject)` : '';
  return { sql: `(${members}${deals})`, params: { subject: subjectId } };
}

/** Whether a subject sees one event (the same rules as `visibleEventsWhere`, for fan-out). */
export function seesEvent(db: Database.Database, subject: { kind: 'partner' | 'organization'; id: string; orgKind?: string }, event: EventRow): boolean {
  if (subject.kind === 'partner') return event.partner_id === subject.id;
  if (event.type === 'deal.status.changed') return subject.orgKind === 'distributor' && event.distributor_id === subject.id;
  if (event.type === 'badge.revoked') return false;
  return prepared(db, 'SELECT 1 FROM memberships WHERE org_id = ? AND partner_id = ?').get(subject.id, event.partner_id) !== undefined;
}
