// The tier engine: measures a partner against the policy of its region, applies status protection,
// and builds the checklist to the next tier. Pure: same inputs, same answer; `asOf` is always explicit.
// Run-time imports come from zod-free modules (constants, #validators), so a browser bundle of the engine has no zod.
import { PartnerStandingSchema } from '#validators';
import { maxTier, tierRank, TIERS } from '../constants.js';
import type { IsoDate, Tier } from '../schemas/common.js';
import type { Metrics, PartnerStanding, CarryOver } from '../schemas/partner.js';
import type { Criterion, ProgramPolicy } from '../schemas/program.js';
import type { Action, Checklist, CriterionResult, Evaluation } from '../schemas/tier-status.js';
import { ContractInputError, toFieldErrors } from '../validation.js';
import { addMonths, parseDay, requireDay } from './dates.js';
import { requirementsFor } from './policy.js';

export interface EvaluateOptions {
  /** The day to evaluate at, `YYYY-MM-DD`. */
  asOf: IsoDate;
}

export interface Protection {
  protectedTier: Tier | null;
  protectedUntil: IsoDate | null;
  /** True while `asOf` is on or before `protectedUntil`. */
  active: boolean;
}

/**
 * Status protection of a carried-over partner at `asOf`: its old tier, held through `protectedUntil`, one protection
 * period after the launch or, for a late joiner, after the day it moved over.
 */
export function protectionAt(policy: ProgramPolicy, carriedOver: CarryOver | null, asOf: IsoDate): Protection {
  if (!carriedOver) return { protectedTier: null, protectedUntil: null, active: false };
  const launch = policy.statusProtection.launchDate;
  const start = carriedOver.since && parseDay(carriedOver.since) > parseDay(launch) ? carriedOver.since : launch;
  const protectedUntil = addMonths(start, policy.statusProtection.months);
  return {
    protectedTier: carriedOver.tier,
    protectedUntil,
    active: parseDay(asOf) <= parseDay(protectedUntil),
  };
}

/** Checks a standing against the policy: shape, known region, known criteria. Returns the parsed standing. */
export function parseStanding(policy: ProgramPolicy, input: unknown): PartnerStanding {
  const parsed = PartnerStandingSchema.safeParse(input);
  if (!parsed.success) throw new ContractInputError('standing', toFieldErrors(parsed.error.issues));
  const standing = parsed.data;
  const known = new Set(policy.criteria.map((criterion) => criterion.id));
  const problems = [];
  if (!policy.regions.some((region) => region.code === standing.region)) {
    problems.push({ path: 'region', code: 'unknown_region', message: `Unknown region "${standing.region}"` });
  }
  for (const [field, metrics] of [['metrics', standing.metrics], ['sharedMetrics', standing.sharedMetrics ?? {}]] as const) {
    for (const id of Object.keys(metrics)) {
      if (!known.has(id)) problems.push({ path: `${field}.${id}`, code: 'unknown_criterion', message: `Unknown criterion "${id}"` });
    }
  }
  if (problems.length > 0) throw new ContractInputError('standing', problems);
  return standing;
}

/**
 * The value of a criterion that counts: own plus shared staff of the group, within the policy's limit. The one place
 * that figure is made: the checklist shows it as `current`, and the what-if (in the widgets) starts from it.
 */
export function countedValue(
  policy: ProgramPolicy,
  standing: Pick<PartnerStanding, 'metrics' | 'sharedMetrics'>,
  criterionId: string,
): { own: number; sharedCounted: number; current: number } {
  const own = standing.metrics[criterionId] ?? 0;
  const available = policy.sharedResources.criteria.includes(criterionId) ? (standing.sharedMetrics?.[criterionId] ?? 0) : 0;
  const sharedCounted = Math.min(available, policy.sharedResources.maxPerCriterion);
  return { own, sharedCounted, current: own + sharedCounted };
}

function countedValues(policy: ProgramPolicy, standing: PartnerStanding) {
  return new Map(policy.criteria.map((criterion) => [criterion.id, countedValue(policy, standing, criterion.id)]));
}

/** A positive gap rounded up to the unit shown, and never below one unit: an unmet criterion never shows a gap of 0. */
function roundGap(criterion: Criterion, gap: number): number {
  // Counts are whole people or activities; money is whole currency units; ratings keep one decimal.
  // The epsilon keeps float noise (4 - 3.9 = 0.10000000000000009) from adding a unit.
  if (criterion.unit === 'rating') return Math.max(0.1, Math.ceil(gap * 10 - 1e-9) / 10);
  return Math.max(1, Math.ceil(gap - 1e-9));
}

function measure(
  criterion: Criterion,
  value: { own: number; sharedCounted: number; current: number },
  required: number,
  tier: Tier,
): CriterionResult {
  const met = value.current >= required;
  const gap = met ? 0 : roundGap(criterion, required - value.current);
  const actions: Action[] = met
    ? []
    : criterion.actions.map((action) => ({
        messageId: action.messageId,
        params: { gap, required, current: value.current, tier, criterionId: criterion.id },
        ...(action.url ? { url: action.url } : {}),
      }));
  return {
    criterionId: criterion.id,
    group: criterion.group,
    unit: criterion.unit,
    status: criterion.status,
    current: value.current,
    own: value.own,
    sharedCounted: value.sharedCounted,
    required,
    met: criterion.status === 'active' ? met : null,
    gap,
    progress: required > 0 ? Math.min(1, value.current / required) : 1,
    actions,
  };
}

/** Every criterion that `tier` requires in the partner's region, measured. */
function measureTier(policy: ProgramPolicy, standing: PartnerStanding, values: ReturnType<typeof countedValues>, tier: Tier) {
  const requirements = requirementsFor(policy, standing.region, tier);
  return policy.criteria
    .filter((criterion) => requirements.has(criterion.id))
    .map((criterion) => measure(criterion, values.get(criterion.id)!, requirements.get(criterion.id)!, tier));
}

const countsToward = (result: CriterionResult) => result.status === 'active';

/**
 * Evaluates a partner at `asOf`: the tier it earns (the highest tier whose every active criterion is met,
 * along with every tier below), the tier status protection holds for it, the effective tier, and the
 * checklist to the next tier. Announced criteria appear in results and checklist but never decide a tier.
 */
export function evaluate(policy: ProgramPolicy, standingInput: PartnerStanding, options: EvaluateOptions): Evaluation {
  requireDay(options?.asOf, 'asOf');
  const standing = parseStanding(policy, standingInput);
  const values = countedValues(policy, standing);

  let earnedTier: Tier = 'register';
  for (const tier of TIERS.slice(1)) {
    const results = measureTier(policy, standing, values, tier).filter(countsToward);
    if (!results.every((result) => result.met)) break;
    earnedTier = tier;
  }

  const protection = protectionAt(policy, standing.carriedOver, options.asOf);
  const effectiveTier =
    protection.active && protection.protectedTier ? maxTier(earnedTier, protection.protectedTier) : earnedTier;
  const nextTier = TIERS[tierRank(effectiveTier) + 1] ?? null;

  const checklistFor = (tier: Tier): Checklist => {
    const items = measureTier(policy, standing, values, tier);
    const counted = items.filter(countsToward);
    return { tier, metCount: counted.filter((item) => item.met).length, requiredCount: counted.length, items };
  };
  const checklist = nextTier ? checklistFor(nextTier) : null;
  // While protection lifts a partner above what it earns, what keeps that tier after `protectedUntil` comes first.
  const keepsProtectedTier =
    protection.active && protection.protectedTier !== null && tierRank(protection.protectedTier) > tierRank(earnedTier);
  const keepChecklist = keepsProtectedTier ? checklistFor(protection.protectedTier!) : null;

  return {
    asOf: options.asOf,
    policyVersion: policy.version,
    region: standing.region,
    earnedTier,
    protectedTier: protection.protectedTier,
    protectedUntil: protection.protectedUntil,
    protectionActive: protection.active,
    effectiveTier,
    nextTier,
    criteria: measureTier(policy, standing, values, effectiveTier),
    checklist,
    keepChecklist,
    dealDiscountPercent: policy.benefits[effectiveTier].dealDiscountPercent,
  };
}

/** Share of the next tier's active criteria already met (1 at the top tier): the members list's progress. */
export function progressToNextTier(evaluation: Evaluation): number {
  const checklist = evaluation.checklist;
  if (!checklist || checklist.requiredCount === 0) return 1;
  return checklist.metCount / checklist.requiredCount;
}

/** Adds metric deltas, never going below zero. */
export function applyDeltas(metrics: Metrics, deltas: Metrics | Record<string, number>): Metrics {
  const result: Metrics = { ...metrics };
  for (const [id, delta] of Object.entries(deltas)) result[id] = Math.max(0, (result[id] ?? 0) + delta);
  return result;
}
