// Deal registrations: list, register (idempotent, conflict-checked), pre-check conflicts, read one, withdraw.
import { createHash } from 'node:crypto';
import {
  ACTIVE_DEAL_STATUSES,
  addDays,
  ConflictCheckRequestSchema,
  type ConflictCheckResult,
  DealInputSchema,
  DealListQuerySchema,
  DEAL_TRANSITIONS,
  type DealSort,
  type FieldError,
  normalizeDomain,
  normalizeVatId,
  type Tier,
} from '@poly-partner/contract';
import { assertPartnerVisible, canReadPartner, notFound } from '../auth/credentials.js';
import { json, textResponse } from '../respond.js';
import { prepared } from '../db/statements.js';
import type { Sandbox } from '../context.js';
import type { OperationHandlers } from '../router.js';
import { dealFor, type DealRow, dealReference, recordHistory, sequenceOfReference, settleDeals, toDeal } from '../deals-store.js';
import { ensureEvaluated } from '../evaluation.js';
import { recordDealEvent } from '../events/store.js';
import { today } from '../context.js';
import { ApiProblem } from '../problems.js';
import { readJsonBody, readBody, readQuery, refuseControlCharacters, validate } from '../request.js';
import { afterSortedCursor, encodeCursor } from './cursor.js';

const ACTIVE = ACTIVE_DEAL_STATUSES.map((status) => `'${status}'`).join(', ');

/** Stable JSON (sorted keys), so that the same body with other whitespace or key order counts as the same request. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    return `{${Object.keys(value).sort().map((key) => `${JSON.stringify(key)}:${canonical((value as Record<string, unknown>)[key])}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/**
 * Active registrations that hold this customer: another partner's (a conflict, never said whose), and the partner's
 * own newest one (a colleague may have registered it already).
 */
function conflictsOf(sandbox: Sandbox, partnerId: string, domain: string | undefined, vatId: string | undefined): ConflictCheckResult {
  const matchedOn: ConflictCheckResult['matchedOn'] = [];
  const ownMatches: { row: DealRow; field: 'domain' | 'vatId' }[] = [];
  const keys = [['domain', 'domain_norm', domain ? normalizeDomain(domain) : undefined], ['vatId', 'vat_norm', vatId ? normalizeVatId(vatId) : undefined]] as const;
  for (const [field, column, value] of keys) {
    if (!value) continue;
    if (prepared(sandbox.db, `SELECT 1 FROM deals WHERE ${column} = ? AND status IN (${ACTIVE}) AND partner_id <> ? LIMIT 1`).get(value, partnerId)) {
      matchedOn.push(field);
    }
    const mine = prepared(sandbox.db, `SELECT * FROM deals WHERE ${column} = ? AND status IN (${ACTIVE}) AND partner_id = ? ORDER BY seq DESC LIMIT 1`)
      .get(value, partnerId) as DealRow | undefined;
    if (mine) ownMatches.push({ row: mine, field });
  }
  // The newest own registration, and every identifier it matched on.
  const own = ownMatches.sort((a, b) => b.row.seq - a.row.seq)[0]?.row;
  return {
    conflict: matchedOn.length > 0,
    matchedOn,
    ownRegistration: own
      ? { dealId: own.id, reference: dealReference(own), status: own.status, matchedOn: ownMatches.filter((match) => match.row.id === own.id).map((match) => match.field) }
      : null,
  };
}

/** Each sort of the deal list: its expression over a deal row and its direction; ties go by registration order. */
const DEAL_SORT_EXPRESSIONS: Record<DealSort, { expression: string; descending: boolean }> = {
  createdAt: { expression: 'created_at', descending: false },
  '-createdAt': { expression: 'created_at', descending: true },
  updatedAt: { expression: 'updated_at', descending: false },
  '-updatedAt': { expression: 'updated_at', descending: true },
  expectedCloseDate: { expression: 'expected_close_date', descending: false },
  '-expectedCloseDate': { expression: 'expected_close_date', descending: true },
  customer: { expression: `lower(json_extract(customer, '$.name'))`, descending: false },
  '-customer': { expression: `lower(json_extract(customer, '$.name'))`, descending: true },
  reference: { expression: 'seq', descending: false },
  '-reference': { expression: 'seq', descending: true },
};

/** Close dates a registration may have: from the day of registration to the policy's horizon. */
function closeDateErrors(sandbox: Sandbox, expectedCloseDate: string): FieldError[] {
  const day = today(sandbox);
  if (expectedCloseDate < day) {
    return [{ path: 'expectedCloseDate', code: 'date_in_past', message: `The expected close date must be today (${day}) or later` }];
  }
  const horizon = addDays(day, sandbox.policy.deals.maxCloseDays);
  if (expectedCloseDate > horizon) {
    return [{ path: 'expectedCloseDate', code: 'date_too_far', message: `The expected close date must be on or before ${horizon}` }];
  }
  return [];
}

function dealRow(sandbox: Sandbox, dealId: string): DealRow | undefined {
  return prepared(sandbox.db, 'SELECT * FROM deals WHERE id = ?').get(dealId) as DealRow | undefined;
}

export function dealHandlers(sandbox: Sandbox) {
  return {
    listDeals: async (c) => {
      const partnerId = c.req.param('partnerId');
      const principal = c.get('principal');
      assertPartnerVisible(sandbox, principal, partnerId);
      // An organization here is a distributor (others lack `deals:read`): only the deals routed through it.
      const distributor = principal.subjectKind === 'organization' ? principal.subjectId : null;
      const query = readQuery(c, DealListQuerySchema, ['limit']);
      refuseControlCharacters(query.q, 'q');
      const limit = query.limit ?? 50;
      const sort: DealSort = query.sort ?? '-createdAt';
      const { expression, descending } = DEAL_SORT_EXPRESSIONS[sort];
      settleDeals(sandbox);
      const where = ['partner_id = @partnerId', '(@status IS NULL OR status = @status)', '(@distributor IS NULL OR distributor_id = @distributor)'];
      const params: Record<string, unknown> = { partnerId, status: query.status ?? null, distributor };
      const text = query.q?.trim().toLowerCase();
      if (text) {
        const pattern = `%${text.replace(/[\\%_]/g, (char) => `\\${char}`)}%`;
        where.push(`(lower(json_extract(customer, '$.name')) LIKE @pattern ESCAPE '\\' OR domain_norm LIKE @pattern ESCAPE '\\' OR seq = @seq)`);
        Object.assign(params, { pattern, seq: sequenceOfReference(text) ?? -1 });
      }
      const total = prepared(sandbox.db, `SELECT COUNT(*) FROM deals WHERE ${where.join(' AND ')}`).pluck().get(params) as number;
      if (query.cursor) {
        const after = afterSortedCursor(query.cursor, sort, expression, 'seq', descending);
        where.push(after.condition);
        Object.assign(params, after.params);
      }
      const direction = descending ? 'DESC' : 'ASC';
      const rows = prepared(sandbox.db, `SELECT *, ${expression} AS sort_value FROM deals WHERE ${where.join(' AND ')}
          ORDER BY ${expression} ${direction}, seq ${direction} LIMIT @limit`)
        .all({ ...params, limit: limit + 1 }) as (DealRow & { sort_value: string | number })[];
      const page = rows.slice(0, limit);
      const last = page[page.length - 1];
      const nextCursor = rows.length > limit && last ? encodeCursor({ s: sort, v: last.sort_value, k: last.seq }) : null;
      return json(c, { items: page.map((row) => dealFor(sandbox.db, principal, row)), nextCursor, total });
    },

    checkDealConflict: async (c) => {
      const partnerId = c.req.param('partnerId');
      assertPartnerVisible(sandbox, c.get('principal'), partnerId);
      const request = await readBody(c, ConflictCheckRequestSchema);
      settleDeals(sandbox);
      return json(c, conflictsOf(sandbox, partnerId, request.customer.domain, request.customer.vatId));
    },

    registerDeal: async (c) => {
      const partnerId = c.req.param('partnerId');
      const principal = c.get('principal');
      assertPartnerVisible(sandbox, principal, partnerId);
      const idempotencyKey = c.req.header('idempotency-key');
      if (idempotencyKey !== undefined && !/^[\x21-\x7e]{1,255}$/.test(idempotencyKey)) {
        throw new ApiProblem('idempotency_key_invalid', 'Idempotency-Key must be 1 to 255 printable ASCII characters.');
      }
      const body = await readJsonBody(c);
      const fingerprint = createHash('sha256').update(`${partnerId}\n${canonical(body)}`).digest('hex');
      if (idempotencyKey !== undefined) {
        const previous = prepared(sandbox.db, 'SELECT fingerprint, status, body FROM idempotency WHERE partner_id = ? AND key = ?')
          .get(partnerId, idempotencyKey) as { fingerprint: string; status: number; body: string } | undefined;
        if (previous) {
          if (previous.fingerprint !== fingerprint) {
            throw new ApiProblem('idempotency_key_reused', 'This Idempotency-Key was used with another request body.');
          }
          return textResponse(c, previous.body, previous.status, { 'content-type': 'application/json', 'idempotent-replayed': 'true' });
        }
      }
      const input = validate(DealInputSchema, body);
      const fieldErrors: FieldError[] = [];
      const knownSku = prepared(sandbox.db, 'SELECT 1 FROM products WHERE sku = ?');
      input.products.forEach((line, index) => {
        if (!knownSku.get(line.sku)) fieldErrors.push({ path: `products.${index}.sku`, code: 'unknown_sku', message: `Unknown SKU "${line.sku}"` });
      });
      if (!prepared(sandbox.db, `SELECT 1 FROM organizations WHERE id = ? AND kind = 'distributor'`).get(input.distributorId)) {
        fieldErrors.push({ path: 'distributorId', code: 'unknown_distributor', message: 'Not a Poly distributor' });
      }
      fieldErrors.push(...closeDateErrors(sandbox, input.expectedCloseDate));
      if (fieldErrors.length > 0) throw new ApiProblem('validation_failed', 'Some fields are not valid; see errors.', fieldErrors);

      settleDeals(sandbox);
      if (ensureEvaluated(sandbox.db, sandbox.policy, today(sandbox))) sandbox.dataVersion++;
      const nowDate = sandbox.now();
      const now = nowDate.toISOString();
      const { conflict } = conflictsOf(sandbox, partnerId, input.customer.domain, input.customer.vatId);
      const tier = prepared(sandbox.db, 'SELECT effective_tier FROM partners WHERE id = ?').pluck().get(partnerId) as Tier;
      const id = `deal_${createHash('sha256').update(`${fingerprint}${now}${Math.random()}`).digest('base64url').replace(/[^A-Za-z0-9]/g, '').slice(0, 12).toLowerCase()}`;
      const insert = sandbox.db.transaction(() => {
        prepared(sandbox.db, `INSERT INTO deals (id, partner_id, type, status, conflict, customer, domain_norm, vat_norm, products, amount, currency,
            expected_close_date, distributor_id, notes, discount_percent, discount_tier, created_at, updated_at, decided_at, expires_at, auto_decide_at)
            VALUES (@id, @partnerId, @type, @status, @conflict, @customer, @domain, @vat, @products, @amount, @currency, @close, @distributor,
            @notes, @percent, @tier, @now, @now, NULL, NULL, @autoDecide)`)
          .run({
            id,
            partnerId,
            type: input.type,
            status: conflict ? 'under_review' : 'submitted',
            conflict: conflict ? 1 : 0,
            customer: JSON.stringify({
              name: input.customer.name,
              country: input.customer.country,
              domain: input.customer.domain,
              vatId: input.customer.vatId ?? null,
              contact: { ...input.customer.contact, phone: input.customer.contact.phone ?? null },
            }),
            domain: normalizeDomain(input.customer.domain),
            vat: input.customer.vatId ? normalizeVatId(input.customer.vatId) : null,
            products: JSON.stringify(input.products),
            amount: input.estimatedValue.amount,
            currency: input.estimatedValue.currency,
            close: input.expectedCloseDate,
            distributor: input.distributorId,
            notes: input.notes ?? null,
            percent: sandbox.policy.benefits[tier].dealDiscountPercent,
            tier,
            now,
            // Conflicting registrations wait for a human at Poly; the sandbox never decides them.
            autoDecide: conflict ? null : new Date(nowDate.getTime() + sandbox.autoApproveSeconds * 1000).toISOString(),
          });
        recordHistory(sandbox.db, id, 'submitted', now);
        if (conflict) recordHistory(sandbox.db, id, 'under_review', now);
        recordDealEvent(sandbox.db, id, null);
        const deal = toDeal(sandbox.db, dealRow(sandbox, id)!);
        const text = JSON.stringify(deal);
        if (idempotencyKey !== undefined) {
          prepared(sandbox.db, 'INSERT INTO idempotency (partner_id, key, fingerprint, status, body, created_at) VALUES (?, ?, ?, 201, ?, ?)')
            .run(partnerId, idempotencyKey, fingerprint, text, now);
        }
        return text;
      });
      const text = insert();
      sandbox.dataVersion++;
      return textResponse(c, text, 201, { 'content-type': 'application/json', location: `/v1/deals/${id}` });
    },

    getDeal: async (c) => {
      const principal = c.get('principal');
      settleDeals(sandbox);
      const row = dealRow(sandbox, c.req.param('dealId'));
      if (!row || !canReadPartner(sandbox, principal, row.partner_id)) throw notFound();
      // A distributor reads a member's deal only when it was routed through it.
      if (principal.subjectKind === 'organization' && row.distributor_id !== principal.subjectId) throw notFound();
      return json(c, dealFor(sandbox.db, principal, row));
    },

    withdrawDeal: async (c) => {
      const principal = c.get('principal');
      settleDeals(sandbox);
      const row = dealRow(sandbox, c.req.param('dealId'));
      if (!row || principal.subjectKind !== 'partner' || row.partner_id !== principal.subjectId) throw notFound();
      if (!DEAL_TRANSITIONS[row.status].includes('withdrawn')) {
        throw new ApiProblem('deal_not_withdrawable', `A registration in state "${row.status}" can no longer be withdrawn.`);
      }
      const now = sandbox.now().toISOString();
      sandbox.db.transaction(() => {
        prepared(sandbox.db, `UPDATE deals SET status = 'withdrawn', updated_at = ?, auto_decide_at = NULL WHERE id = ?`).run(now, row.id);
        recordHistory(sandbox.db, row.id, 'withdrawn', now);
        recordDealEvent(sandbox.db, row.id, row.status);
      })();
      sandbox.dataVersion++;
      return json(c, toDeal(sandbox.db, dealRow(sandbox, row.id)!));
    },
  } satisfies Partial<OperationHandlers>;
}
