// Aggregators: the organization, its at-a-glance summary, and its member list (filtered, sorted, keyset-paginated).
import type { Hono } from 'hono';
import {
  addDays,
  DEAL_STATUSES,
  type Member,
  type MemberQuery,
  MemberQuerySchema,
  type MemberSort,
  type Organization,
  type OrganizationSummary,
  type Tier,
  TIERS,
} from '@poly-partner/contract';
import { authenticate, notFound, requireScope } from '../auth/credentials.js';
import { json, textResponse } from '../respond.js';
import { prepared } from '../db/statements.js';
import { type AppEnv, type Principal, type Sandbox, today } from '../context.js';
import { EUR_PER } from '../currency.js';
import { settleDeals } from '../deals-store.js';
import { ensureEvaluated } from '../evaluation.js';
import { protectionForecast } from '../protection-forecast.js';
import { ApiProblem } from '../problems.js';
import { readQuery } from '../request.js';
import { decodeCursor, encodeCursor } from './cursor.js';

/** "Protections ending soon" in the summary: members whose protection lifts them above what they earn and ends within this window. */
export const PROTECTION_WINDOW_DAYS = 365;
/** Members at or above this share of the next tier's criteria count as close to it. */
export const CLOSE_TO_NEXT_TIER = 0.75;
const SUMMARY_MEMBERS = 10;

/** Sort keys over a membership row (which carries its partner's columns); each has an index of the same expression. */
const SORT_EXPRESSIONS: Record<string, string> = {
  name: 'm.name_lower',
  tier: 'm.effective_rank',
  progress: 'm.progress',
  protectedUntil: `COALESCE(m.protected_until, '9999-12-31')`,
  country: 'm.country',
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
  sort_value: string | number;
}

/** The partner columns a member answer reads (not the wide metrics, which cost more to read than the rest). */
const MEMBER_FIELDS = 'p.id, p.name, p.country, p.region, p.earned_tier, p.effective_tier, p.protected_tier, p.protected_until, p.next_tier, p.progress, p.missing_criteria';

function toMember(row: MemberRow): Member {
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
  };
}

function organizationRow(sandbox: Sandbox, principal: Principal, orgId: string, scope: 'organization:read' | 'members:read') {
  requireScope(principal, scope);
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
  if (query.tier) (where.push('m.effective_tier = @tier'), (params.tier = query.tier));
  if (query.country) (where.push('m.country = @country'), (params.country = query.country));
  if (query.region) (where.push('m.region = @region'), (params.region = query.region));
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
  return { where, params };
}

export function registerOrganizationRoutes(app: Hono<AppEnv>, sandbox: Sandbox): void {
  app.get('/v1/organizations/:orgId', async (c) => {
    const orgId = c.req.param('orgId');
    const row = organizationRow(sandbox, await authenticate(sandbox, c), orgId, 'organization:read');
    const memberCount = prepared(sandbox.db, 'SELECT COUNT(*) FROM memberships WHERE org_id = ?').pluck().get(orgId) as number;
    const organization: Organization = { id: row.id, kind: row.kind, name: row.name, country: row.country, memberCount };
    return json(c, organization);
  });

  app.get('/v1/organizations/:orgId/members', async (c) => {
    const orgId = c.req.param('orgId');
    organizationRow(sandbox, await authenticate(sandbox, c), orgId, 'members:read');
    const query = readQuery(c, MemberQuerySchema, ['limit', 'protectionEndingWithinDays']);
    // SQLite's text functions stop at NUL, so a search with control characters would match everyone.
    // eslint-disable-next-line no-control-regex
    if (query.q && /[\u0000-\u001f\u007f]/.test(query.q)) {
      throw new ApiProblem('validation_failed', 'The search text has control characters.', [{ path: 'q', code: 'invalid_format', message: 'Control characters are not allowed' }]);
    }
    const sort: MemberSort = query.sort ?? 'name';
    const descending = sort.startsWith('-');
    const key = descending ? sort.slice(1) : sort;
    const expression = SORT_EXPRESSIONS[key]!;
    const limit = query.limit ?? 50;
    const { where, params } = memberFilters(sandbox, orgId, query);
    const total = prepared(sandbox.db, `SELECT COUNT(*) FROM memberships m WHERE ${where.join(' AND ')}`).pluck().get(params) as number;

    const pageWhere = [...where];
    if (query.cursor) {
      const cursor = decodeCursor(
        query.cursor,
        (value): value is { s: string; v: string | number; id: string } =>
          typeof value === 'object' && value !== null && (value as { s?: unknown }).s === sort &&
          ['string', 'number'].includes(typeof (value as { v?: unknown }).v) && typeof (value as { id?: unknown }).id === 'string',
      );
      const op = descending ? '<' : '>';
      pageWhere.push(`(${expression} ${op} @cursorValue OR (${expression} = @cursorValue AND m.partner_id ${op} @cursorId))`);
      params.cursorValue = cursor.v;
      params.cursorId = cursor.id;
    }
    const direction = descending ? 'DESC' : 'ASC';
    // Order the ids on the membership indexes first; read the full partner rows of one page only.
    const rows = prepared(sandbox.db, `WITH page AS (SELECT m.partner_id AS id, ${expression} AS sort_value FROM memberships m
        WHERE ${pageWhere.join(' AND ')} ORDER BY ${expression} ${direction}, m.partner_id ${direction} LIMIT @limit)
        SELECT ${MEMBER_FIELDS}, page.sort_value FROM page JOIN partners p ON p.id = page.id ORDER BY page.sort_value ${direction}, page.id ${direction}`)
      .all({ ...params, limit: limit + 1 }) as MemberRow[];
    const page = rows.slice(0, limit);
    const last = page[page.length - 1];
    const nextCursor = rows.length > limit && last ? encodeCursor({ s: sort, v: last.sort_value, id: last.id }) : null;
    return json(c, { items: page.map(toMember), nextCursor, total });
  });

  app.get('/v1/organizations/:orgId/summary', async (c) => {
    const orgId = c.req.param('orgId');
    organizationRow(sandbox, await authenticate(sandbox, c), orgId, 'organization:read');
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

    const atRisk = `${join} AND p.protection_active = 1 AND p.protected_until >= @asOf AND p.protected_until <= @until AND p.effective_tier <> p.earned_tier`;
    const riskParams = { orgId, asOf, until: addDays(asOf, PROTECTION_WINDOW_DAYS) };
    const close = `${join} AND p.next_tier IS NOT NULL AND p.progress >= @threshold`;

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
        count: prepared(db, `SELECT COUNT(*) ${atRisk}`).pluck().get(riskParams) as number,
        members: (prepared(db, `SELECT p.*, 0 AS sort_value FROM partners p WHERE p.id IN (SELECT p.id ${atRisk} ORDER BY p.protected_until, p.name_lower, p.id LIMIT ${SUMMARY_MEMBERS}) ORDER BY p.protected_until, p.name_lower, p.id`).all(riskParams) as MemberRow[]).map(toMember),
      },
      closeToNextTier: {
        threshold: CLOSE_TO_NEXT_TIER,
        count: prepared(db, `SELECT COUNT(*) ${close}`).pluck().get({ orgId, threshold: CLOSE_TO_NEXT_TIER }) as number,
        members: (prepared(db, `SELECT p.*, 0 AS sort_value FROM partners p WHERE p.id IN (SELECT p.id ${close} ORDER BY p.progress DESC, p.name_lower, p.id LIMIT ${SUMMARY_MEMBERS}) ORDER BY p.progress DESC, p.name_lower, p.id`).all({ orgId, threshold: CLOSE_TO_NEXT_TIER }) as MemberRow[]).map(toMember),
      },
      pipeline,
      protectionForecast: protectionForecast(db, orgId, asOf),
    };
    if (sandbox.summaryCache.size > 200) sandbox.summaryCache.clear();
    sandbox.summaryCache.set(cacheKey, summary);
    return json(c, summary);
  });
}
