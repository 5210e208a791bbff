// What-if: the evaluation after hypothetical changes, beside the evaluation as things stand.
import { SimulationChangesSchema } from '#validators';
import { tierRank } from '../constants.js';
import type { IsoDate } from '../schemas/common.js';
import type { PartnerStanding } from '../schemas/partner.js';
import type { FieldError } from '../schemas/problem.js';
import type { ProgramPolicy } from '../schemas/program.js';
import type { SimulationChanges, SimulationResult } from '../schemas/tier-status.js';
import { ContractInputError, toFieldErrors } from '../validation.js';
import { applyDeltas, evaluate } from './evaluate.js';

/**
 * Evaluates `standing` at `asOf` and again with `changes` applied: metric deltas (+2 certifications,
 * +50,000 revenue), another region, another date (say, the day after protection ends).
 */
export function simulate(
  policy: ProgramPolicy,
  standing: PartnerStanding,
  changesInput: SimulationChanges,
  options: { asOf: IsoDate },
): SimulationResult {
  const parsed = SimulationChangesSchema.safeParse(changesInput);
  if (!parsed.success) throw new ContractInputError('changes', toFieldErrors(parsed.error.issues));
  const changes = parsed.data;
  const known = new Set(policy.criteria.map((criterion) => criterion.id));
  const problems: FieldError[] = Object.keys(changes.metricDeltas ?? {})
    .filter((id) => !known.has(id))
    .map((id) => ({ path: `metricDeltas.${id}`, code: 'unknown_criterion', message: `Unknown criterion "${id}"` }));
  // Checked here so the error names the change, not the standing it would have produced.
  if (changes.region !== undefined && !policy.regions.some((region) => region.code === changes.region)) {
    problems.push({ path: 'region', code: 'unknown_region', message: `Unknown region "${changes.region}"` });
  }
  if (problems.length > 0) throw new ContractInputError('changes', problems);
  const baseline = evaluate(policy, standing, options);
  const projected = evaluate(
    policy,
    {
      ...standing,
      region: changes.region ?? standing.region,
      metrics: applyDeltas(standing.metrics, changes.metricDeltas ?? {}),
    },
    { asOf: changes.asOf ?? options.asOf },
  );
  return {
    baseline,
    projected,
    changes,
    tierDelta: tierRank(projected.effectiveTier) - tierRank(baseline.effectiveTier),
  };
}
