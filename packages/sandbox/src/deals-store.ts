// Deal rows to API deals, and the lazy state changes of time: automatic approval and expiry, evaluated against `now()`.
import type { Deal, DealStatus, Tier } from '@poly-partner/contract';
import type { Principal, Sandbox } from './context.js';
import { prepared } from './db/statements.js';

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
}

function discountState(status: DealStatus): Deal['discount']['state'] {
  if (status === 'submitted' || status === 'under_review') return 'expected';
  if (status === 'approved' || status === 'won') return 'granted';
  return 'none';
}

export function toDeal(row: DealRow): Deal {
  return {
    id: row.id,
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
  };
}

/**
 * A deal as `principal` may see it: whole for a partner (only the registering reseller reads its deals); without the
 * end customer's contact person for an organization (a distributor it was routed through), who was not named to it.
 */
export function dealFor(principal: Principal, row: DealRow): Deal {
  const deal = toDeal(row);
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
  const now = sandbox.now().toISOString();
  const days = `+${sandbox.policy.deals.approvalValidityDays} days`;
  const run = sandbox.db.transaction(() => {
    return prepared(sandbox.db, `UPDATE deals SET status = 'approved', decided_at = auto_decide_at, updated_at = auto_decide_at,
        expires_at = strftime('%Y-%m-%dT%H:%M:%fZ', auto_decide_at, ?), auto_decide_at = NULL
        WHERE status = 'submitted' AND auto_decide_at IS NOT NULL AND auto_decide_at <= ?`)
      .run(days, now).changes +
      prepared(sandbox.db, `UPDATE deals SET status = 'expired', updated_at = expires_at WHERE status = 'approved' AND expires_at <= ?`)
        .run(now).changes;
  });
  if (run() > 0) sandbox.dataVersion++;
}
