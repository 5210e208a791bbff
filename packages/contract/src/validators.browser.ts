// Browser build of `validators.ts`: the same names, each checking the JSON Schema generated from the zod schema of
// that name (src/generated/json-schemas.ts) with the small validator in json-schema/validator.ts — no zod on the
// page. What JSON Schema cannot carry (zod refinements) is added here as code; the differential test
// (test/json-schema-differential.test.ts) holds every one of these to the zod schema's answers.
import * as json from './generated/json-schemas.js';
import { jsonSchemaValidator as validator, type ValidationIssue, type Validator } from './json-schema/validator.js';
import type { Badge, BadgeClaims, Jwks } from './schemas/badge.js';
import type { ConflictCheckResult, Deal, DealInput, DealList } from './schemas/deal.js';
import type { EmbedToken } from './schemas/embed-token.js';
import type { MemberPage, Organization, OrganizationSummary } from './schemas/organization.js';
import type { PartnerProfile, PartnerStanding } from './schemas/partner.js';
import type { Problem } from './schemas/problem.js';
import type { ProductList } from './schemas/product.js';
import type { ProgramPolicy } from './schemas/program.js';
import type { SimulationChanges, SimulationResult, TierStatus } from './schemas/tier-status.js';

export const BadgeSchema: Validator<Badge> = validator(json.BadgeJsonSchema);
export const BadgeClaimsSchema: Validator<BadgeClaims> = validator(json.BadgeClaimsJsonSchema);
export const JwksSchema: Validator<Jwks> = validator(json.JwksJsonSchema);
export const ConflictCheckResultSchema: Validator<ConflictCheckResult> = validator(json.ConflictCheckResultJsonSchema);
export const DealListSchema: Validator<DealList> = validator(json.DealListJsonSchema);
export const DealSchema: Validator<Deal> = validator(json.DealJsonSchema);
export const DomainSchema: Validator<string> = validator(json.DomainJsonSchema);
export const IdempotencyKeySchema: Validator<string> = validator(json.IdempotencyKeyJsonSchema);
export const VatIdSchema: Validator<string> = validator(json.VatIdJsonSchema);
export const EmbedTokenSchema: Validator<EmbedToken> = validator(json.EmbedTokenJsonSchema);
export const MemberPageSchema: Validator<MemberPage> = validator(json.MemberPageJsonSchema);
export const OrganizationSchema: Validator<Organization> = validator(json.OrganizationJsonSchema);
export const OrganizationSummarySchema: Validator<OrganizationSummary> = validator(json.OrganizationSummaryJsonSchema);
export const PartnerProfileSchema: Validator<PartnerProfile> = validator(json.PartnerProfileJsonSchema);
export const PartnerStandingSchema: Validator<PartnerStanding> = validator(json.PartnerStandingJsonSchema);
export const ProblemSchema: Validator<Problem> = validator(json.ProblemJsonSchema);
export const ProductListSchema: Validator<ProductList> = validator(json.ProductListJsonSchema);
export const ProgramPolicySchema: Validator<ProgramPolicy> = validator(json.ProgramPolicyJsonSchema);
export const SimulationChangesSchema: Validator<SimulationChanges> = validator(json.SimulationChangesJsonSchema);
export const SimulationResultSchema: Validator<SimulationResult> = validator(json.SimulationResultJsonSchema);
export const TierStatusSchema: Validator<TierStatus> = validator(json.TierStatusJsonSchema);

// deal.ts's `text()` refinement: no control characters (C0, C1; tab and newline allowed in the multi-line notes).
// eslint-disable-next-line no-control-regex
const SINGLE_LINE_FORBIDDEN = /[\u0000-\u001F\u007F-\u009F]/;
// eslint-disable-next-line no-control-regex
const MULTI_LINE_FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;

/** The text fields of a deal registration, with the rule each follows. */
const DEAL_TEXT_FIELDS: [path: string[], forbidden: RegExp][] = [
  [['customer', 'name'], SINGLE_LINE_FORBIDDEN],
  [['customer', 'contact', 'name'], SINGLE_LINE_FORBIDDEN],
  [['notes'], MULTI_LINE_FORBIDDEN],
];

function at(data: unknown, path: readonly string[]): unknown {
  let value = data;
  for (const key of path) {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  return value;
}

export const DealInputSchema: Validator<DealInput> = validator(json.DealInputJsonSchema, (data, issues: ValidationIssue[]) => {
  for (const [path, forbidden] of DEAL_TEXT_FIELDS) {
    const value = at(data, path);
    if (typeof value === 'string' && forbidden.test(value)) {
      issues.push({ code: 'custom', path, message: 'Control characters are not allowed' });
    }
  }
});
