// Evaluates partners with the contract's engine, and keeps the evaluated columns of `partners` current.
import type Database from 'better-sqlite3';
import {
  type CarryOver,
  evaluate,
  type Evaluation,
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

/** The columns stored per partner so that member lists filter and sort in SQL. */
export function evaluatedColumns(evaluation: Evaluation) {
  const checklist = evaluation.checklist;
  return {
    earned_tier: evaluation.earnedTier,
    effective_tier: evaluation.effectiveTier,
    effective_rank: tierRank(evaluation.effectiveTier),
    protected_tier: evaluation.protectedTier,
    protected_until: evaluation.protectedUntil,
    protection_active: evaluation.protectionActive ? 1 : 0,
    next_tier: evaluation.nextTier,
    progress: progressToNextTier(evaluation),
    missing_criteria: checklist ? checklist.requiredCount - checklist.metCount : 0,
    keep_missing: evaluation.keepChecklist ? evaluation.keepChecklist.requiredCount - evaluation.keepChecklist.metCount : 0,
  };
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
 * Re-evaluates every partner when the answer can have changed. Metrics change only through seeding, so
 * the one date-dependent input is whether status protection is still in force: the stored columns carry
 * the protection state they were computed under, and are recomputed when `asOf` crosses a `protectedUntil`.
 */
export function ensureEvaluated(db: Database.Database, policy: ProgramPolicy, asOf: string, force = false): boolean {
  const key = evaluationKey(db, policy, asOf);
  if (!force && getMeta(db, 'evaluated') === key) return false;
  parseDay(asOf);
  const rows = db.prepare('SELECT * FROM partners').all() as PartnerRow[];
  const update = db.prepare(`UPDATE partners SET earned_tier = @earned_tier, effective_tier = @effective_tier,
    effective_rank = @effective_rank, protected_tier = @protected_tier, protected_until = @protected_until,
    protection_active = @protection_active, next_tier = @next_tier, progress = @progress,
    missing_criteria = @missing_criteria, keep_missing = @keep_missing WHERE id = @id`);
  db.transaction(() => {
    for (const row of rows) update.run({ id: row.id, ...evaluatedColumns(evaluateRow(policy, row, asOf)) });
    setMeta(db, 'evaluated', key);
  })();
  return true;
}
