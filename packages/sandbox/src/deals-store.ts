// Deal rows to API deals, and the lazy state changes of time: automatic approval and expiry, evaluated against `now()`.
import type Database from 'better-sqlite3';
import type { Deal, DealHistoryEntry, DealStatus, Tier } from '@poly-partner/contract';
import type { Principal, Sandbox } from './context.js';
import { prepared } from './db/statements.js';
import { reevaluatePartners } from './evaluation.js';
import { recordDealEvent } from './events/store.js';

export interface DealRow {
  seq: number;
  id: string;
  partner_id: string;
  type: Deal['type'];
  status: DealStatus;
  conflict: number;
  customer: string;
  products: string;
  amount: number;
  currency: string;
  expected_close_date: string;
  distributor_id: string;
  notes: string | null;
  discount_percent: number;
  discount_tier: Tier;
  created_at: string;
  updated_at: string;
  decided_at: string | null;
  expires_at: string | null;
  decision_reason: string | null;
}

/** `R-26-004711`: the year of registration and the row's sequence number, which is unique and never reused. */
export function dealReference(row: Pick<DealRow, 'seq' | 'created_at'>): string {
  return `R-${row.created_at.slice(2, 4)}-${String(row.seq).padStart(6, '0')}`;
}

/** The sequence number of a reference, when `text` is one (any case, with or without the `R-` and year). */
export function sequenceOfReference(text: string): number | null {
  const match = /^\s*(?:r-)?(?:\d{2}-)?(\d{1,9})\s*$/i.exec(text);
  return match ? Number(match[1]) : null;
}

/** Records a registration's new state, in the caller's transaction. */
export function recordHistory(db: Database.Database, dealId: string, status: DealStatus, at: string): void {
  prepared(db, 'INSERT INTO deal_history (deal_id, status, at) VALUES (?, ?, ?)').run(dealId, status, at);
}

function discountState(status: DealStatus): Deal['discount']['state'] {
  if (status === 'submitted' || status === 'under_review') return 'expected';
  if (status === 'approved' || status === 'won') return 'granted';
  return 'none';
}

export function toDeal(db: Database.Database, row: DealRow): Deal {
  const history = prepared(db, 'SELECT status, at FROM deal_history WHERE deal_id = ? ORDER BY at, rowid').all(row.id) as DealHistoryEntry[];
  return {
    id: row.id,
    reference: dealReference(row),
    partnerId: row.partner_id,
    type: row.type,
    status: row.status,
    conflict: row.conflict === 1,
    customer: JSON.parse(row.customer) as Deal['customer'],
    products: JSON.parse(row.products) as Deal['products'],
    estimatedValue: { amount: row.amount, currency: row.currency },
    expectedCloseDate: row.expected_close_date,
    distributorId: row.distributor_id,
    notes: row.notes,
    discount: { percent: row.discount_percent, tier: row.discount_tier, state: discountState(row.status) },
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    decidedAt: row.decided_at,
    expiresAt: row.expires_at,
    decisionReason: row.decision_reason,
    history,
  };
}

/**
 * A deal as `principal` may see it: whole for a partner (only the registering reseller reads its deals); without the
 * end customer's contact person for an organization (a distributor it was routed through), who was not named to it.
 */
export function dealFor(db: Database.Database, principal: Principal, row: DealRow): Deal {
  const deal = toDeal(db, row);
  if (principal.subjectKind === 'partner') return deal;
  const { contact, ...customer } = deal.customer;
  void contact;
  return { ...deal, customer };
}

/**
 * Applies what time decides: a clean registration is approved `autoApproveSeconds` after submission (as if Poly's
 * desk had looked at it), and an approved one expires `approvalValidityDays` after approval. Run before deals are read.
 */
export function settleDeals(sandbox: Sandbox): void {
  const db = sandbox.db;
  const now = sandbox.now().toISOString();
  const days = `+${sandbox.policy.deals.approvalValidityDays} days`;
  const due = `status = 'submitted' AND auto_decide_at IS NOT NULL AND auto_decide_at <= @now`;
  const expiring = `status = 'approved' AND expires_at <= @now`;
  // Mostly nothing is due (this runs every second and on many requests): a read, without the write lock that the
  // transaction below takes at once and would wait for while the webhook worker writes.
  if (!prepared(db, `SELECT EXISTS (SELECT 1 FROM deals WHERE ${due}) OR EXISTS (SELECT 1 FROM deals WHERE ${expiring})`).pluck().get({ now })) return;
  const run = db.transaction(() => {
    // An approved registration counts toward the partner's registered deals of the trailing twelve months.
    const approvedPerPartner = prepared(db, `SELECT partner_id, COUNT(*) AS n FROM deals WHERE ${due} GROUP BY partner_id`).all({ now }) as { partner_id: string; n: number }[];
    const approvedIds = approvedPerPartner.length > 0 ? (prepared(db, `SELECT id FROM deals WHERE ${due}`).pluck().all({ now }) as string[]) : [];
    prepared(db, `INSERT INTO deal_history (deal_id, status, at) SELECT id, 'approved', auto_decide_at FROM deals WHERE ${due}`).run({ now });
    const approved = prepared(db, `UPDATE deals SET status = 'approved', decided_at = auto_decide_at, updated_at = auto_decide_at,
        expires_at = strftime('%Y-%m-%dT%H:%M:%fZ', auto_decide_at, @days), auto_decide_at = NULL WHERE ${due}`)
      .run({ now, days }).changes;
    // The approvals' events first: a registration approved and expired in one go (the clock moved far) tells both.
    for (const id of approvedIds) recordDealEvent(db, id, 'submitted');
    const expiringIds = prepared(db, `SELECT id FROM deals WHERE ${expiring}`).pluck().all({ now }) as string[];
    prepared(db, `INSERT INTO deal_history (deal_id, status, at) SELECT id, 'expired', expires_at FROM deals WHERE ${expiring}`).run({ now });
    const expired = prepared(db, `UPDATE deals SET status = 'expired', updated_at = expires_at WHERE ${expiring}`).run({ now }).changes;
    for (const id of expiringIds) recordDealEvent(db, id, 'approved');
    if (approvedPerPartner.length > 0) {
      const count = prepared(db, `UPDATE partners SET metrics = json_set(metrics, '$.registered_deals',
          COALESCE(json_extract(metrics, '$.registered_deals'), 0) + ?) WHERE id = ?`);
      for (const { partner_id, n } of approvedPerPartner) count.run(n, partner_id);
      reevaluatePartners(db, sandbox.policy, now.slice(0, 10), approvedPerPartner.map((entry) => entry.partner_id), now);
    }
    return approved + expired;
  });
  if (run() > 0) sandbox.dataVersion++;
}
