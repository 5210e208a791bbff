// A reseller: its profile, and the measured standing the engine evaluates.
import * as z from 'zod/mini';
import { CountryCodeSchema, IdSchema, IsoDateSchema, RegionCodeSchema, TierSchema } from './common.js';
import { CriterionIdSchema } from './program.js';

/** Where a carried-over partner came from, and the tier it held there. */
export const CarryOverSchema = z.object({
  program: z.enum(['polycom', 'plantronics']),
  tier: TierSchema,
  /**
   * The day the partner moved into the merged program, when that was after the launch (a late joiner): its
   * protection year starts then. Absent: the protection year starts at the launch.
   */
  since: z.optional(IsoDateSchema),
});
export type CarryOver = z.infer<typeof CarryOverSchema>;

export const PartnerProfileSchema = z.object({
  id: IdSchema,
  name: z.string().check(z.minLength(1), z.maxLength(300)),
  country: CountryCodeSchema,
  region: RegionCodeSchema,
  city: z.nullable(z.string()),
  website: z.nullable(z.string()),
  /** Partner group active in several countries, whose sister entities may share certified staff. */
  groupId: z.nullable(IdSchema),
  groupName: z.nullable(z.string()),
  distributorIds: z.array(IdSchema),
  /** The same distributors (the organizations the partner buys through), with their names, in the same order. */
  distributors: z.array(z.object({ id: IdSchema, name: z.string() })),
  carriedOver: z.nullable(CarryOverSchema),
  joinedAt: IsoDateSchema,
  /**
   * The partner's registered websites, maintained by Poly: registrable domains (by the Public Suffix List) or hosts
   * under one. Its badge verifies on these hosts and their subdomains only.
   */
  websites: z.array(z.string()),
});
export type PartnerProfile = z.infer<typeof PartnerProfileSchema>;

/** Measured values keyed by criterion id (revenue in the policy currency, counts, ratings); missing means 0. */
export const MetricsSchema = z.record(
  CriterionIdSchema,
  z.number().check(z.gte(0), z.lte(1_000_000_000_000)),
);
export type Metrics = z.infer<typeof MetricsSchema>;

/** Everything the engine needs to know about one partner. */
export const PartnerStandingSchema = z.object({
  region: RegionCodeSchema,
  metrics: MetricsSchema,
  /** Values available from sister entities of the partner's group, before the policy's limit. */
  sharedMetrics: z.optional(MetricsSchema),
  carriedOver: z.nullable(CarryOverSchema),
});
export type PartnerStanding = z.infer<typeof PartnerStandingSchema>;
