// Evaluates partners with the contract's engine, and keeps the evaluated columns of `partners` current.
import type Database from 'better-sqlite3';
import {
  type CarryOver,
  type Checklist,
  evaluate,
  type Evaluation,
  type MemberGap,
  type Metrics,
  type PartnerStanding,
  type ProgramPolicy,
  parseDay,
  progressToNextTier,
  protectionAt,
  tierRank,
  type Tier,
} from '@poly-partner/contract';
import { getMeta, setMeta } from './db/schema.js';
import { recordTierChange } from './events/store.js';

export interface PartnerRow {
  id: string;
  name: string;
  country: string;
  region: string;
  city: string | null;
  website: string | null;
  group_id: string | null;
  joined_at: string;
  carried_program: 'polycom' | 'plantronics' | null;
  carried_tier: Tier | null;
  carried_since: string | null;
  metrics: string;
  shared_metrics: string;
  earned_tier: Tier;
  effective_tier: Tier;
  protected_tier: Tier | null;
  protected_until: string | null;
  next_tier: Tier | null;
  progress: number;
  missing_criteria: number;
  keep_missing: number;
  /** JSON: `{ next: MemberGap[], keep: MemberGap[] }`. */
  gaps: string;
}

/** The partner's carry-over from the old programs, as the engine and the API take it. */
export function carryOverOf(row: Pick<PartnerRow, 'carried_program' | 'carried_tier' | 'carried_since'>): CarryOver | null {
  if (!row.carried_program || !row.carried_tier) return null;
  return { program: row.carried_program, tier: row.carried_tier, ...(row.carried_since ? { since: row.carried_since } : {}) };
}

export function standingOf(row: PartnerRow): PartnerStanding {
  return {
    region: row.region,
    metrics: JSON.parse(row.metrics) as Metrics,
    sharedMetrics: JSON.parse(row.shared_metrics) as Metrics,
    carriedOver: carryOverOf(row),
  };
}

export function evaluateRow(policy: ProgramPolicy, row: PartnerRow, asOf: string): Evaluation {
  return evaluate(policy, standingOf(row), { asOf });
}

/** The unmet active requirements of a checklist with their size, when there are one or two; else none. */
function smallGaps(checklist: Checklist | null): MemberGap[] {
  const unmet = checklist ? checklist.items.filter((item) => item.status === 'active' && item.met === false) : [];
  return unmet.length <= 2 ? unmet.map((item) => ({ criterionId: item.criterionId, unit: item.unit, gap: item.gap })) : [];
}

/** Money at stake weighs below a tier dropped: revenue never reaches this. */
const PER_TIER_AT_STAKE = 1e13;
/** `keep_rank` of members that are not at risk: after any real count of missing requirements. */
const NOT_AT_RISK = 1000;

/** The columns stored per partner so that member lists filter and sort in SQL. */
export function evaluatedColumns(evaluation: Evaluation, metrics: Metrics) {
  const checklist = evaluation.checklist;
  const keep = evaluation.keepChecklist;
  const drop = tierRank(evaluation.effectiveTier) - tierRank(evaluation.earnedTier);
  const keepMissing = keep ? keep.requiredCount - keep.metCount : 0;
  const progress = progressToNextTier(evaluation);
  // The share of each missing requirement, added up: one technician short of three weighs a third, €900,000 short
  // of €1,000,000 nine tenths.
  const gapSize = checklist
    ? checklist.items
        .filter((item) => item.status === 'active' && item.met === false)
        .reduce((sum, item) => sum + (item.required > 0 ? item.gap / item.required : 0), 0)
    : 0;
  return {
    earned_tier: evaluation.earnedTier,
    effective_tier: evaluation.effectiveTier,
    effective_rank: tierRank(evaluation.effectiveTier),
    protected_tier: evaluation.protectedTier,
    protected_until: evaluation.protectedUntil,
    protection_active: evaluation.protectionActive ? 1 : 0,
    next_tier: evaluation.nextTier,
    progress,
    missing_criteria: checklist ? checklist.requiredCount - checklist.metCount : 0,
    keep_missing: keepMissing,
    at_risk: drop > 0 ? 1 : 0,
    stake: drop > 0 ? drop * PER_TIER_AT_STAKE + (metrics.revenue ?? 0) : 0,
    keep_rank: drop > 0 ? keepMissing : NOT_AT_RISK,
    // Top-tier members have no next tier: last in either direction of the progress sort, and of the gap sort.
    gap_size: evaluation.nextTier ? gapSize : Number.MAX_SAFE_INTEGER,
    progress_up: evaluation.nextTier ? progress : 2,
    progress_down: evaluation.nextTier ? progress : -1,
    gaps: JSON.stringify({ next: smallGaps(checklist), keep: smallGaps(keep) }),
  };
}

export type EvaluatedColumns = ReturnType<typeof evaluatedColumns>;
/** Every column `evaluatedColumns` fills, for the statements that write them. */
export const EVALUATED_COLUMNS = [
  'earned_tier', 'effective_tier', 'effective_rank', 'protected_tier', 'protected_until', 'protection_active', 'next_tier',
  'progress', 'missing_criteria', 'keep_missing', 'at_risk', 'stake', 'keep_rank', 'gap_size', 'progress_up',
  'progress_down', 'gaps',
] as const satisfies readonly (keyof EvaluatedColumns)[];

/** A partner row's evaluated columns at `asOf`. */
export function evaluateColumns(policy: ProgramPolicy, row: PartnerRow, asOf: string): EvaluatedColumns {
  const standing = standingOf(row);
  return evaluatedColumns(evaluate(policy, standing, { asOf }), standing.metrics);
}

/** The days on which some partner's protection year starts (the launch, and each late joiner's day), per database. */
const protectionStarts = new WeakMap<Database.Database, (string | null)[]>();

/**
 * What the stored evaluation depends on besides the partner's own data: the policy, and how many of the
 * protection end dates `asOf` has passed (each one moves some partners from their protected to their earned tier).
 */
export function evaluationKey(db: Database.Database, policy: ProgramPolicy, asOf: string): string {
  let starts = protectionStarts.get(db);
  if (!starts) {
    starts = db.prepare('SELECT DISTINCT carried_since FROM partners WHERE carried_tier IS NOT NULL').pluck().all() as (string | null)[];
    protectionStarts.set(db, starts);
  }
  const ended = starts.filter((since) => !protectionAt(policy, { program: 'polycom', tier: 'register', ...(since ? { since } : {}) }, asOf).active).length;
  return `${policy.version}|${policy.statusProtection.launchDate}|${ended}/${starts.length}`;
}

/** Forgets the protection start days read from `db` (after a seed wrote new partners). */
export function forgetProtectionStarts(db: Database.Database): void {
  protectionStarts.delete(db);
}

/**
 * Re-evaluates some partners whose metrics changed, in the caller's transaction, and records a
 * `partner.tier.changed` event (occurred at `occurredAt`) for each whose earned or effective tier moved.
 */
export function reevaluatePartners(db: Database.Database, policy: ProgramPolicy, asOf: string, partnerIds: readonly string[], occurredAt = `${asOf}T00:00:00.000Z`): void {
  const read = db.prepare('SELECT * FROM partners WHERE id = ?');
  const update = db.prepare(`UPDATE partners SET ${EVALUATED_COLUMNS.map((column) => `${column} = @${column}`).join(', ')} WHERE id = @id`);
  for (const id of partnerIds) {
    const row = read.get(id) as (PartnerRow & { protection_active: number }) | undefined;
    if (!row) continue;
    const columns = evaluateColumns(policy, row, asOf);
    update.run({ id, ...columns });
    recordTierChange(db, row, { ...row, ...columns }, occurredAt);
  }
}

/**
 * Re-evaluates every partner when the answer can have changed. Metrics change through seeding and, one partner at
 * a time, through approved registrations (see `reevaluatePartners`), so the one date-dependent input is whether status protection is still in force: the stored columns carry
 * the protection state they were computed under, and are recomputed when `asOf` crosses a `protectedUntil`.
 */
export function ensureEvaluated(db: Database.Database, policy: ProgramPolicy, asOf: string, force = false): boolean {
  const key = evaluationKey(db, policy, asOf);
  const previousKey = getMeta(db, 'evaluated');
  if (!force && previousKey === key) return false;
  parseDay(asOf);
  const rows = db.prepare('SELECT * FROM partners').all() as (PartnerRow & { protection_active: number })[];
  const update = db.prepare(`UPDATE partners SET ${EVALUATED_COLUMNS.map((column) => `${column} = @${column}`).join(', ')} WHERE id = @id`);
  // Columns never evaluated before (a database of an older schema) are no change anyone should hear of.
  const tellChanges = previousKey !== undefined;
  db.transaction(() => {
    for (const row of rows) {
      const columns = evaluateColumns(policy, row, asOf);
      update.run({ id: row.id, ...columns });
      if (tellChanges) recordTierChange(db, row, { ...row, ...columns }, `${asOf}T00:00:00.000Z`);
    }
    setMeta(db, 'evaluated', key);
  })();
  return true;
}
