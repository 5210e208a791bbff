// Aggregators (ISPs, carriers, Systemhaus associations, distributors) and their view of member resellers.
import * as z from 'zod/mini';
import {
  CountryCodeSchema,
  IdSchema,
  IsoDateSchema,
  MoneySchema,
  pageOf,
  RegionCodeSchema,
  TierSchema,
} from './common.js';
import { DealStatusSchema } from './deal.js';
import { documentCheck, noControlCharactersPattern } from './documented-checks.js';
import { MEMBER_SORTS, ORGANIZATION_KINDS } from '../constants.js';

export { MEMBER_SORTS, ORGANIZATION_KINDS } from '../constants.js';

export const OrganizationKindSchema = z.enum(ORGANIZATION_KINDS);
export type OrganizationKind = z.infer<typeof OrganizationKindSchema>;

export const OrganizationSchema = z.object({
  id: IdSchema,
  kind: OrganizationKindSchema,
  name: z.string(),
  country: CountryCodeSchema,
  memberCount: z.int().check(z.gte(0)),
});
export type Organization = z.infer<typeof OrganizationSchema>;

/** One member reseller as the aggregator's list shows it. */
export const MemberSchema = z.object({
  partnerId: IdSchema,
  name: z.string(),
  country: CountryCodeSchema,
  region: RegionCodeSchema,
  earnedTier: TierSchema,
  effectiveTier: TierSchema,
  protectedTier: z.nullable(TierSchema),
  protectedUntil: z.nullable(IsoDateSchema),
  nextTier: z.nullable(TierSchema),
  /** Share of the next tier's active criteria already met, 0..1 (1 at the top tier). */
  progress: z.number().check(z.gte(0), z.lte(1)),
  /** Active criteria still missing for the next tier. */
  missingCriteria: z.int().check(z.gte(0)),
});
export type Member = z.infer<typeof MemberSchema>;

export const MemberPageSchema = pageOf(MemberSchema);
export type MemberPage = z.infer<typeof MemberPageSchema>;

export const MemberSortSchema = z.enum(MEMBER_SORTS);
export type MemberSort = z.infer<typeof MemberSortSchema>;

/** Query of `GET /v1/organizations/{orgId}/members`; `tier` filters on the effective tier. */
export const MemberQuerySchema = z.strictObject({
  tier: z.optional(TierSchema),
  country: z.optional(CountryCodeSchema),
  region: z.optional(RegionCodeSchema),
  // The server refuses control characters in the search text (SQLite's text functions stop at NUL).
  q: z.optional(documentCheck(z.string().check(z.maxLength(100)), { pattern: noControlCharactersPattern() })),
  /** Only members whose protection ends within this many days. */
  protectionEndingWithinDays: z.optional(z.int().check(z.gte(0), z.lte(3660))),
  sort: z.optional(MemberSortSchema),
  cursor: z.optional(z.string().check(z.maxLength(200))),
  limit: z.optional(z.int().check(z.gte(1), z.lte(500))),
});
export type MemberQuery = z.infer<typeof MemberQuerySchema>;

const TierCountsSchema = z.object({
  register: z.int(),
  silver: z.int(),
  gold: z.int(),
  platinum: z.int(),
});

export const OrganizationSummarySchema = z.object({
  orgId: IdSchema,
  asOf: IsoDateSchema,
  memberCount: z.int().check(z.gte(0)),
  /** Members per effective tier, and per earned tier (the difference is status protection). */
  tiers: TierCountsSchema,
  earnedTiers: TierCountsSchema,
  protectionsEndingSoon: z.object({
    withinDays: z.int(),
    count: z.int(),
    members: z.array(MemberSchema),
  }),
  closeToNextTier: z.object({
    /** Progress at or above which a member counts as close. */
    threshold: z.number(),
    count: z.int(),
    members: z.array(MemberSchema),
  }),
  pipeline: z.array(
    z.object({
      status: DealStatusSchema,
      count: z.int(),
      /** Sum of estimated values, converted to the policy currency. */
      value: MoneySchema,
    }),
  ),
});
export type OrganizationSummary = z.infer<typeof OrganizationSummarySchema>;
