// The engine's evaluation of a partner, the next-tier checklist, and what-if simulations.
import * as z from 'zod/mini';
import { CriterionGroupSchema, IdSchema, IsoDateSchema, RegionCodeSchema, TierSchema } from './common.js';
import { MetricsSchema } from './partner.js';
import { CriterionIdSchema, CriterionStatusSchema, CriterionUnitSchema } from './program.js';

/** A localizable instruction: the widgets turn `messageId` and `params` into a sentence. */
export const ActionSchema = z.object({
  messageId: z.string(),
  params: z.record(z.string(), z.union([z.string(), z.number()])),
  url: z.optional(z.string()),
});
export type Action = z.infer<typeof ActionSchema>;

/** One criterion measured against one tier. */
export const CriterionResultSchema = z.object({
  criterionId: CriterionIdSchema,
  group: CriterionGroupSchema,
  unit: CriterionUnitSchema,
  status: CriterionStatusSchema,
  /** The value that counts: own value plus shared value within the limit. */
  current: z.number(),
  own: z.number(),
  sharedCounted: z.number(),
  required: z.number(),
  /** `null` for an announced criterion: shown, never counted. */
  met: z.nullable(z.boolean()),
  /** How much is missing (0 when met). */
  gap: z.number().check(z.gte(0)),
  /** current / required, capped to 0..1 (1 when nothing is required). */
  progress: z.number().check(z.gte(0), z.lte(1)),
  actions: z.array(ActionSchema),
});
export type CriterionResult = z.infer<typeof CriterionResultSchema>;

export const ChecklistSchema = z.object({
  tier: TierSchema,
  /** Active criteria met / active criteria required for `tier`. */
  metCount: z.int().check(z.gte(0)),
  requiredCount: z.int().check(z.gte(0)),
  items: z.array(CriterionResultSchema),
});
export type Checklist = z.infer<typeof ChecklistSchema>;

export const EvaluationSchema = z.object({
  asOf: IsoDateSchema,
  policyVersion: z.string(),
  region: RegionCodeSchema,
  earnedTier: TierSchema,
  protectedTier: z.nullable(TierSchema),
  protectedUntil: z.nullable(IsoDateSchema),
  /** True while `asOf` is on or before `protectedUntil`. */
  protectionActive: z.boolean(),
  effectiveTier: TierSchema,
  /** The tier above the effective one; `null` at the top. */
  nextTier: z.nullable(TierSchema),
  /** Each criterion against the tier the partner currently holds (its requirement for the effective tier). */
  criteria: z.array(CriterionResultSchema),
  /** What reaches `nextTier`; `null` at the top. */
  checklist: z.nullable(ChecklistSchema),
  /**
   * While status protection lifts the partner above what it earns: what keeps `protectedTier` after
   * `protectedUntil` (the same shape as `checklist`, for the protected tier). `null` otherwise.
   */
  keepChecklist: z.nullable(ChecklistSchema),
  dealDiscountPercent: z.number(),
});
export type Evaluation = z.infer<typeof EvaluationSchema>;

/** `GET /v1/partners/{partnerId}/tier-status`. */
export const TierStatusSchema = z.extend(EvaluationSchema, {
  partnerId: IdSchema,
  /** The measured values behind the evaluation, so clients can run what-if locally. */
  metrics: MetricsSchema,
  sharedMetrics: MetricsSchema,
});
export type TierStatus = z.infer<typeof TierStatusSchema>;

/** Query of `GET /v1/partners/{partnerId}/tier-status`: `asOf` evaluates at another day (default today). */
export const TierStatusQuerySchema = z.strictObject({
  asOf: z.optional(IsoDateSchema),
});
export type TierStatusQuery = z.infer<typeof TierStatusQuerySchema>;

/** Hypothetical changes: metric deltas (may be negative), another region, another date. */
export const SimulationChangesSchema = z.strictObject({
  metricDeltas: z.optional(z.record(CriterionIdSchema, z.number().check(z.gte(-1_000_000_000), z.lte(1_000_000_000)))),
  region: z.optional(RegionCodeSchema),
  asOf: z.optional(IsoDateSchema),
});
export type SimulationChanges = z.infer<typeof SimulationChangesSchema>;

/** `POST /v1/partners/{partnerId}/tier-simulations` body. */
export const SimulationRequestSchema = z.strictObject({
  changes: SimulationChangesSchema,
  /** Date of the baseline; defaults to today. */
  asOf: z.optional(IsoDateSchema),
});
export type SimulationRequest = z.infer<typeof SimulationRequestSchema>;

export const SimulationResultSchema = z.object({
  baseline: EvaluationSchema,
  projected: EvaluationSchema,
  changes: SimulationChangesSchema,
  /** Tier movement: positive when the projected effective tier is higher. */
  tierDelta: z.int(),
});
export type SimulationResult = z.infer<typeof SimulationResultSchema>;
