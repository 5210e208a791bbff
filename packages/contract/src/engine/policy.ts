// Checks a program policy beyond its shape, and looks up what it requires of a region.
import type { RegionCode, Tier } from '../schemas/common.js';
import {
  type ProgramPolicy,
  ProgramPolicySchema,
  RANKED_TIERS,
  type TierRequirements,
} from '../schemas/program.js';
import type { FieldError } from '../schemas/problem.js';
import { ContractInputError, toFieldErrors } from '../validation.js';

/**
 * Parses and checks a policy: its shape, then what a schema cannot say — unknown criterion ids,
 * requirements that fall from one tier to the next, regions that overlap or are missing.
 * Throws `ContractInputError` listing every problem; returns the parsed policy.
 */
export function parsePolicy(input: unknown): ProgramPolicy {
  const parsed = ProgramPolicySchema.safeParse(input);
  if (!parsed.success) throw new ContractInputError('policy', toFieldErrors(parsed.error.issues));
  const policy = parsed.data;
  const problems: FieldError[] = [];
  const problem = (path: string, message: string) => problems.push({ path, code: 'invalid_policy', message });

  const criterionIds = new Set<string>();
  policy.criteria.forEach((criterion, index) => {
    if (criterionIds.has(criterion.id)) problem(`criteria.${index}.id`, `Criterion "${criterion.id}" is defined twice`);
    criterionIds.add(criterion.id);
  });

  const checkTable = (table: Partial<Record<Tier, TierRequirements>>, path: string) => {
    for (const [tier, requirements] of Object.entries(table)) {
      for (const id of Object.keys(requirements ?? {})) {
        if (!criterionIds.has(id)) problem(`${path}.${tier}.${id}`, `Unknown criterion "${id}"`);
      }
    }
  };
  checkTable(policy.requirements, 'requirements');

  const regionCodes = new Set<string>();
  const countryRegion = new Map<string, string>();
  policy.regions.forEach((region, index) => {
    if (regionCodes.has(region.code)) problem(`regions.${index}.code`, `Region "${region.code}" is defined twice`);
    regionCodes.add(region.code);
    checkTable(region.overrides, `regions.${index}.overrides`);
    for (const country of region.countries) {
      const other = countryRegion.get(country);
      if (other) problem(`regions.${index}.countries`, `Country ${country} is in both "${other}" and "${region.code}"`);
      countryRegion.set(country, region.code);
    }
  });
  if (!regionCodes.has(policy.defaultRegion)) {
    problem('defaultRegion', `Default region "${policy.defaultRegion}" is not among the regions`);
  }
  policy.sharedResources.criteria.forEach((id, index) => {
    if (!criterionIds.has(id)) problem(`sharedResources.criteria.${index}`, `Unknown criterion "${id}"`);
  });

  // A higher tier must never ask for less than a lower one, in any region; otherwise "earned" is ambiguous.
  for (const region of [null, ...policy.regions]) {
    const code = region?.code ?? null;
    for (const criterion of policy.criteria) {
      let previous = 0;
      let previousTier: Tier = 'register';
      for (const tier of RANKED_TIERS) {
        const required = lookupRequirement(policy, code, tier, criterion.id);
        if (required < previous) {
          problem(
            code ? `regions.${policy.regions.indexOf(region!)}.overrides.${tier}.${criterion.id}` : `requirements.${tier}.${criterion.id}`,
            `${tier} requires less ${criterion.id} (${required}) than ${previousTier} (${previous})` +
              (code ? ` in region "${code}"` : ''),
          );
        }
        previous = Math.max(previous, required);
        previousTier = tier;
      }
    }
  }
  if (problems.length > 0) throw new ContractInputError('policy', problems);
  return policy;
}

function lookupRequirement(policy: ProgramPolicy, region: RegionCode | null, tier: Tier, criterionId: string): number {
  if (tier === 'register') return 0;
  const override = region ? policy.regions.find((r) => r.code === region)?.overrides[tier]?.[criterionId] : undefined;
  return override ?? policy.requirements[tier][criterionId] ?? 0;
}

/** What `tier` requires in `region`: the default table with the region's overrides applied. */
export function requirementsFor(policy: ProgramPolicy, region: RegionCode, tier: Tier): Map<string, number> {
  const result = new Map<string, number>();
  if (tier === 'register') return result;
  const overrides = policy.regions.find((r) => r.code === region)?.overrides[tier] ?? {};
  for (const criterion of policy.criteria) {
    const required = overrides[criterion.id] ?? policy.requirements[tier][criterion.id];
    if (required !== undefined) result.set(criterion.id, required);
  }
  return result;
}

/** The region a country belongs to, or the policy's default region. */
export function regionForCountry(policy: ProgramPolicy, country: string): RegionCode {
  return policy.regions.find((region) => region.countries.includes(country))?.code ?? policy.defaultRegion;
}
