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
import { MEMBER_SEGMENTS, MEMBER_SORTS, ORGANIZATION_KINDS } from '../constants.js';
import { CriterionIdSchema, CriterionUnitSchema } from './program.js';

export { CLOSE_TO_NEXT_TIER, INACTIVE_DAYS, MEMBER_SEGMENTS, MEMBER_SORTS, ORGANIZATION_KINDS } from '../constants.js';

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

/** A requirement a member still misses, and by how much (in the criterion's unit). */
export const MemberGapSchema = z.object({
  criterionId: CriterionIdSchema,
  unit: CriterionUnitSchema,
  gap: z.number().check(z.gte(0)),
});
export type MemberGap = z.infer<typeof MemberGapSchema>;

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
  /** The next tier's missing requirements with their size, when one or two are missing; empty otherwise. */
  nextTierGaps: z.array(MemberGapSchema),
  /** While protection holds the member above what it earns: requirements it misses to keep its tier; else 0. */
  keepMissingCriteria: z.int().check(z.gte(0)),
  /** Those requirements with their size, when one or two are missing; empty otherwise. */
  keepTierGaps: z.array(MemberGapSchema),
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
  /** Only the members of one segment (a summary card's rule). */
  segment: z.optional(z.enum(MEMBER_SEGMENTS)),
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

/** One day on which members' status protections end: the organization's tier mix on that day and the day after. */
export const ProtectionEndingSchema = z.object({
  /** The last protected day of the members whose protection ends here. */
  protectedUntil: IsoDateSchema,
  /** Members whose protection ends on that day. */
  endingCount: z.int().check(z.gte(0)),
  /** Members per effective tier on `protectedUntil` (still protected) and on the day after. */
  tiersBefore: TierCountsSchema,
  tiersAfter: TierCountsSchema,
  /** Members that fall on the day after, by how many tiers (1, 2 or 3). */
  falling: z.object({
    count: z.int().check(z.gte(0)),
    byOneTier: z.int().check(z.gte(0)),
    byTwoTiers: z.int().check(z.gte(0)),
    byThreeTiers: z.int().check(z.gte(0)),
  }),
  /** Of the falling members, those that miss only one, or only two, requirements of the tier they would keep. */
  missingOne: z.int().check(z.gte(0)),
  missingTwo: z.int().check(z.gte(0)),
});
export type ProtectionEnding = z.infer<typeof ProtectionEndingSchema>;

export const OrganizationSummarySchema = z.object({
  orgId: IdSchema,
  asOf: IsoDateSchema,
  memberCount: z.int().check(z.gte(0)),
  /** Members per effective tier, and per earned tier (the difference is status protection). */
  tiers: TierCountsSchema,
  earnedTiers: TierCountsSchema,
  /**
   * Members whose protection holds them above what they earn and ends within `withinDays`, most at stake first
   * (tiers they would drop, then revenue). `query` is the member-list query of the card: its total is `count`.
   */
  protectionsEndingSoon: z.object({
    withinDays: z.int(),
    query: MemberQuerySchema,
    count: z.int(),
    members: z.array(MemberSchema),
  }),
  /** Members close to the next tier, smallest remaining gap first; `query` is the card's member-list query. */
  closeToNextTier: z.object({
    /** Progress at or above which a member counts as close. */
    threshold: z.number(),
    query: MemberQuerySchema,
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
  /** Each coming day on which members' protections end (from `asOf` on, earliest first), and what it changes. */
  protectionForecast: z.array(ProtectionEndingSchema),
});
export type OrganizationSummary = z.infer<typeof OrganizationSummarySchema>;
