// Checks a program policy beyond its shape, and looks up what it requires of a region.
import type { RegionCode, Tier } from '../schemas/common.js';
import { ProgramPolicySchema } from '#validators';
import { RANKED_TIERS } from '../constants.js';
import type { ProgramPolicy, Region, TierRequirements } from '../schemas/program.js';
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
  // A region is only blamed where one of the two numbers is its own override: a fault of the default
  // table is reported once, at the default table, not again for every region that inherits it.
  for (const region of [null, ...policy.regions]) {
    for (const criterion of policy.criteria) {
      let previous = { tier: 'register' as Tier, required: 0, overridden: false };
      for (const tier of RANKED_TIERS) {
        const current = { tier, ...lookupRequirement(policy, region, tier, criterion.id) };
        if (current.required < previous.required && (region === null || current.overridden || previous.overridden)) {
          problem(
            region
              ? `regions.${policy.regions.indexOf(region)}.overrides.${tier}.${criterion.id}`
              : `requirements.${tier}.${criterion.id}`,
            `${tier} requires less ${criterion.id} (${current.required}) than ${previous.tier} (${previous.required})` +
              (region ? ` in region "${region.code}"` : ''),
          );
        }
        if (current.required >= previous.required) previous = current;
      }
    }
  }
  if (problems.length > 0) throw new ContractInputError('policy', problems);
  return policy;
}

/** What `tier` asks of `criterionId` in `region` (0 when not required), and whether the region's override set it. */
function lookupRequirement(policy: ProgramPolicy, region: Region | null, tier: Tier, criterionId: string) {
  const override = tier === 'register' ? undefined : region?.overrides[tier]?.[criterionId];
  if (override !== undefined) return { required: override, overridden: true };
  const required = tier === 'register' ? 0 : (policy.requirements[tier][criterionId] ?? 0);
  return { required, overridden: false };
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
