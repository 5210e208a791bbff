// Aggregators: the organization, its at-a-glance summary, and its member list (filtered, sorted, keyset-paginated).
import {
  addDays,
  CLOSE_TO_NEXT_TIER,
  DEAL_STATUSES,
  INACTIVE_DAYS,
  type MemberGap,
  type Member,
  type MemberQuery,
  MemberQuerySchema,
  type MemberSort,
  type Organization,
  type OrganizationSummary,
  type Tier,
  TIERS,
} from '@poly-partner/contract';
import { notFound } from '../auth/credentials.js';
import { json } from '../respond.js';
import { prepared } from '../db/statements.js';
import { type Principal, type Sandbox, today } from '../context.js';
import type { OperationHandlers } from '../router.js';
import { EUR_PER } from '../currency.js';
import { settleDeals } from '../deals-store.js';
import { ensureEvaluated } from '../evaluation.js';
import { protectionForecast } from '../protection-forecast.js';
import { readQuery, refuseControlCharacters } from '../request.js';
import { afterSortedCursor, encodeCursor } from './cursor.js';

/** "Protections ending soon" in the summary: members whose protection lifts them above what they earn and ends within this window. */
export const PROTECTION_WINDOW_DAYS = 365;
const SUMMARY_MEMBERS = 10;

/**
 * Each sort over a membership row (which carries its partner's columns): the expression, which has an index of its
 * own, and its direction. Progress sorts read columns that put top-tier members last either way.
 */
const SORTS: Record<MemberSort, { expression: string; descending: boolean }> = {
  name: { expression: 'm.name_lower', descending: false },
  '-name': { expression: 'm.name_lower', descending: true },
  tier: { expression: 'm.effective_rank', descending: false },
  '-tier': { expression: 'm.effective_rank', descending: true },
  progress: { expression: 'm.progress_up', descending: false },
  '-progress': { expression: 'm.progress_down', descending: true },
  protectedUntil: { expression: `COALESCE(m.protected_until, '9999-12-31')`, descending: false },
  '-protectedUntil': { expression: `COALESCE(m.protected_until, '9999-12-31')`, descending: true },
  country: { expression: 'm.country', descending: false },
  '-country': { expression: 'm.country', descending: true },
  atStake: { expression: 'm.stake', descending: true },
  keepMissing: { expression: 'm.keep_rank', descending: false },
  nextTierGap: { expression: 'm.gap_size', descending: false },
};

interface MemberRow {
  id: string;
  name: string;
  country: string;
  region: string;
  earned_tier: Tier;
  effective_tier: Tier;
  protected_tier: Tier | null;
  protected_until: string | null;
  next_tier: Tier | null;
  progress: number;
  missing_criteria: number;
  keep_missing: number;
  gaps: string;
  sort_value: string | number;
}

/** The partner columns a member answer reads (not the wide metrics, which cost more to read than the rest). */
const MEMBER_FIELDS = 'p.id, p.name, p.country, p.region, p.earned_tier, p.effective_tier, p.protected_tier, p.protected_until, p.next_tier, p.progress, p.missing_criteria, p.keep_missing, p.gaps';

function toMember(row: MemberRow): Member {
  const gaps = JSON.parse(row.gaps) as { next: MemberGap[]; keep: MemberGap[] };
  return {
    partnerId: row.id,
    name: row.name,
    country: row.country,
    region: row.region,
    earnedTier: row.earned_tier,
    effectiveTier: row.effective_tier,
    protectedTier: row.protected_tier,
    protectedUntil: row.protected_until,
    nextTier: row.next_tier,
    progress: row.progress,
    missingCriteria: row.missing_criteria,
    nextTierGaps: gaps.next,
    keepMissingCriteria: row.keep_missing,
    keepTierGaps: gaps.keep,
  };
}

/** The organization, when it is the credential's own (scope checked by `requireAccess`); else 404 like a missing one. */
function organizationRow(sandbox: Sandbox, principal: Principal, orgId: string) {
  if (principal.subjectKind !== 'organization' || principal.subjectId !== orgId) throw notFound();
  const row = prepared(sandbox.db, 'SELECT * FROM organizations WHERE id = ?').get(orgId) as Omit<Organization, 'memberCount'> | undefined;
  if (!row) throw notFound();
  if (ensureEvaluated(sandbox.db, sandbox.policy, today(sandbox))) sandbox.dataVersion++;
  return row;
}

/** Filters of the member query as SQL, over `memberships m` (its copies of the partner's columns). */
function memberFilters(sandbox: Sandbox, orgId: string, query: MemberQuery) {
  const where = ['m.org_id = @orgId'];
  const params: Record<string, unknown> = { orgId };
  if (query.tier) { where.push('m.effective_tier = @tier'); params.tier = query.tier; }
  if (query.country) { where.push('m.country = @country'); params.country = query.country; }
  if (query.region) { where.push('m.region = @region'); params.region = query.region; }
  if (query.q && query.q.trim()) {
    where.push(`m.name_lower LIKE @q ESCAPE '\\'`);
    params.q = `%${query.q.trim().toLowerCase().replace(/[\\%_]/g, (char) => `\\${char}`)}%`;
  }
  if (query.protectionEndingWithinDays !== undefined) {
    const from = today(sandbox);
    where.push('m.protection_active = 1 AND m.protected_until >= @from AND m.protected_until <= @until');
    params.from = from;
    params.until = addDays(from, query.protectionEndingWithinDays);
  }
  // Each segment is the rule of a summary card; the summary counts with this same function.
  if (query.segment === 'at_risk') where.push('m.at_risk = 1');
  if (query.segment === 'close_to_next_tier') {
    where.push('m.next_tier IS NOT NULL AND m.progress >= @closeThreshold');
    params.closeThreshold = CLOSE_TO_NEXT_TIER;
  }
  if (query.segment === 'inactive') {
    where.push('NOT EXISTS (SELECT 1 FROM deals d WHERE d.partner_id = m.partner_id AND d.created_at >= @activeSince)');
    params.activeSince = `${addDays(today(sandbox), -INACTIVE_DAYS)}T00:00:00.000Z`;
  }
  return { where, params };
}

/** One page of an organization's members: filtered, counted, sorted, after the cursor. */
function memberPage(sandbox: Sandbox, orgId: string, query: MemberQuery): { items: Member[]; nextCursor: string | null; total: number } {
    const sort: MemberSort = query.sort ?? 'name';
    const { expression, descending } = SORTS[sort];
    const limit = query.limit ?? 50;
    const { where, params } = memberFilters(sandbox, orgId, query);
    const total = prepared(sandbox.db, `SELECT COUNT(*) FROM memberships m WHERE ${where.join(' AND ')}`).pluck().get(params) as number;

    const pageWhere = [...where];
    if (query.cursor) {
      const after = afterSortedCursor(query.cursor, sort, expression, 'm.partner_id', descending);
      pageWhere.push(after.condition);
      Object.assign(params, after.params);
    }
    const direction = descending ? 'DESC' : 'ASC';
    // Order the ids on the membership indexes first; read the full partner rows of one page only.
    const rows = prepared(sandbox.db, `WITH page AS (SELECT m.partner_id AS id, ${expression} AS sort_value FROM memberships m
        WHERE ${pageWhere.join(' AND ')} ORDER BY ${expression} ${direction}, m.partner_id ${direction} LIMIT @limit)
        SELECT ${MEMBER_FIELDS}, page.sort_value FROM page JOIN partners p ON p.id = page.id ORDER BY page.sort_value ${direction}, page.id ${direction}`)
      .all({ ...params, limit: limit + 1 }) as MemberRow[];
    const page = rows.slice(0, limit);
    const last = page[page.length - 1];
    const nextCursor = rows.length > limit && last ? encodeCursor({ s: sort, v: last.sort_value, k: last.id }) : null;
  return { items: page.map(toMember), nextCursor, total };
}

export function organizationHandlers(sandbox: Sandbox) {
  return {
    getOrganization: async (c) => {
      const orgId = c.req.param('orgId');
      const row = organizationRow(sandbox, c.get('principal'), orgId);
      const memberCount = prepared(sandbox.db, 'SELECT COUNT(*) FROM memberships WHERE org_id = ?').pluck().get(orgId) as number;
      const organization: Organization = { id: row.id, kind: row.kind, name: row.name, country: row.country, memberCount };
      return json(c, organization);
    },

    listOrganizationMembers: async (c) => {
      const orgId = c.req.param('orgId');
      organizationRow(sandbox, c.get('principal'), orgId);
      const query = readQuery(c, MemberQuerySchema, ['limit', 'protectionEndingWithinDays']);
      refuseControlCharacters(query.q, 'q');
      return json(c, memberPage(sandbox, orgId, query));
    },

    getOrganizationSummary: async (c) => {
      const orgId = c.req.param('orgId');
      organizationRow(sandbox, c.get('principal'), orgId);
      settleDeals(sandbox);
      const asOf = today(sandbox);
      // Aggregating thousands of members is the costliest answer; it changes only with the data or the day.
      const cacheKey = `${orgId}|${asOf}|${sandbox.dataVersion}`;
      const cached = sandbox.summaryCache.get(cacheKey);
      if (cached) return json(c, cached as OrganizationSummary);
      const db = sandbox.db;
      const join = 'FROM memberships m JOIN partners p INDEXED BY partners_member_cover ON p.id = m.partner_id WHERE m.org_id = @orgId';
      const counts = (column: 'effective_tier' | 'earned_tier') => {
        const result = Object.fromEntries(TIERS.map((tier) => [tier, 0])) as Record<Tier, number>;
        for (const row of prepared(db, `SELECT p.${column} AS tier, COUNT(*) AS n ${join} GROUP BY p.${column}`).all({ orgId }) as { tier: Tier; n: number }[]) {
          result[row.tier] = row.n;
        }
        return result;
      };
      const memberCount = prepared(db, 'SELECT COUNT(*) FROM memberships WHERE org_id = ?').pluck().get(orgId) as number;

      // Each card is the first page of the member list under the card's query, so its count is the list's total.
      const card = (query: MemberQuery) => {
        const page = memberPage(sandbox, orgId, { ...query, limit: SUMMARY_MEMBERS });
        return { query, count: page.total, members: page.items };
      };

      const pipeline = DEAL_STATUSES.map((status) => ({ status, count: 0, value: { amount: 0, currency: sandbox.policy.currency } }));
      const dealRows = prepared(db, `SELECT d.status, d.currency, COUNT(*) AS n, SUM(d.amount) AS amount FROM memberships m JOIN deals d INDEXED BY deals_pipeline ON d.partner_id = m.partner_id
          WHERE m.org_id = ? GROUP BY d.status, d.currency`)
        .all(orgId) as { status: string; currency: keyof typeof EUR_PER; n: number; amount: number }[];
      for (const row of dealRows) {
        const entry = pipeline.find((candidate) => candidate.status === row.status)!;
        entry.count += row.n;
        entry.value.amount += row.amount * (EUR_PER[row.currency] ?? 1);
      }
      for (const entry of pipeline) entry.value.amount = Math.round(entry.value.amount * 100) / 100;

      const summary: OrganizationSummary = {
        orgId,
        asOf,
        memberCount,
        tiers: counts('effective_tier'),
        earnedTiers: counts('earned_tier'),
        protectionsEndingSoon: {
          withinDays: PROTECTION_WINDOW_DAYS,
          ...card({ segment: 'at_risk', protectionEndingWithinDays: PROTECTION_WINDOW_DAYS, sort: 'atStake' }),
        },
        closeToNextTier: {
          threshold: CLOSE_TO_NEXT_TIER,
          ...card({ segment: 'close_to_next_tier', sort: 'nextTierGap' }),
        },
        pipeline,
        protectionForecast: protectionForecast(db, orgId, asOf),
      };
      if (sandbox.summaryCache.size > 200) sandbox.summaryCache.clear();
      sandbox.summaryCache.set(cacheKey, summary);
      return json(c, summary);
    },
  } satisfies Partial<OperationHandlers>;
}
