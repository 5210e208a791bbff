// The program policy: every number of the tier program as data, so Poly can change it without a release.
import * as z from 'zod/mini';
import {
  CountryCodeSchema,
  CriterionGroupSchema,
  IsoDateSchema,
  LocalizedTextSchema,
  RegionCodeSchema,
} from './common.js';

/** A criterion id doubles as the key of the partner metric it reads. */
export const CriterionIdSchema = z.string().check(z.regex(/^[a-z][a-z0-9_]{1,47}$/));
export type CriterionId = z.infer<typeof CriterionIdSchema>;

/** `active` criteria count; `announced` ones are shown as coming and ignored by the engine. */
export const CriterionStatusSchema = z.enum(['active', 'announced']);
export type CriterionStatus = z.infer<typeof CriterionStatusSchema>;

/** How a criterion's value is measured and shown: money in the policy's currency, a count, or a rating 0–5. */
export const CriterionUnitSchema = z.enum(['money', 'count', 'rating']);
export type CriterionUnit = z.infer<typeof CriterionUnitSchema>;

/** A concrete thing a partner can do to close a gap; `messageId` is localized by the widgets. */
export const CriterionActionSchema = z.object({
  messageId: z.string().check(z.regex(/^[a-z][a-zA-Z0-9_.]{1,63}$/)),
  url: z.optional(z.url({ protocol: /^https?$/ })),
});
export type CriterionAction = z.infer<typeof CriterionActionSchema>;

export const CriterionSchema = z.object({
  id: CriterionIdSchema,
  group: CriterionGroupSchema,
  unit: CriterionUnitSchema,
  status: CriterionStatusSchema,
  label: LocalizedTextSchema,
  /** Which results count toward it, where the label leaves that open (the what-if's help under the field). */
  counts: z.optional(LocalizedTextSchema),
  actions: z.array(CriterionActionSchema),
});
export type Criterion = z.infer<typeof CriterionSchema>;

/** Required value per criterion id for one tier; a criterion missing from a tier is not required there. */
export const TierRequirementsSchema = z.record(CriterionIdSchema, z.number().check(z.gte(0)));
export type TierRequirements = z.infer<typeof TierRequirementsSchema>;

/** Requirements for each tier above `register` (which has none). */
export const RequirementTableSchema = z.object({
  silver: TierRequirementsSchema,
  gold: TierRequirementsSchema,
  platinum: TierRequirementsSchema,
});
export type RequirementTable = z.infer<typeof RequirementTableSchema>;
export { RANKED_TIERS } from '../constants.js';

export const RegionSchema = z.object({
  code: RegionCodeSchema,
  name: LocalizedTextSchema,
  countries: z.array(CountryCodeSchema),
  /** Overrides of the default table; only the numbers that differ. */
  overrides: z.partial(RequirementTableSchema),
});
export type Region = z.infer<typeof RegionSchema>;

export const BenefitSchema = z.object({
  messageId: z.string().check(z.regex(/^[a-z][a-zA-Z0-9_.]{1,63}$/)),
  label: LocalizedTextSchema,
});

export const TierBenefitsSchema = z.object({
  /** Extra discount, in percent, on approved deal registrations. */
  dealDiscountPercent: z.number().check(z.gte(0), z.lte(100)),
  items: z.array(BenefitSchema),
});
export type TierBenefits = z.infer<typeof TierBenefitsSchema>;

export const ProgramPolicySchema = z.object({
  version: z.string().check(z.minLength(1), z.maxLength(40)),
  name: z.string(),
  /** Currency of the `money` criteria. */
  currency: z.string().check(z.regex(/^[A-Z]{3}$/)),
  tiers: z.tuple([z.literal('register'), z.literal('silver'), z.literal('gold'), z.literal('platinum')]),
  criteria: z.array(CriterionSchema).check(z.minLength(1)),
  requirements: RequirementTableSchema,
  regions: z.array(RegionSchema),
  /** Region used for a country no region lists. */
  defaultRegion: RegionCodeSchema,
  sharedResources: z.object({
    /** Criteria that may count staff of sister entities in the same partner group. */
    criteria: z.array(CriterionIdSchema),
    /** At most this many shared units count toward each of those criteria. */
    maxPerCriterion: z.int().check(z.gte(0)),
  }),
  statusProtection: z.object({
    launchDate: IsoDateSchema,
    /** Carried-over partners keep their previous tier for this many months after launch. */
    months: z.int().check(z.gte(0), z.lte(120)),
  }),
  benefits: z.object({
    register: TierBenefitsSchema,
    silver: TierBenefitsSchema,
    gold: TierBenefitsSchema,
    platinum: TierBenefitsSchema,
  }),
  deals: z.object({
    /** An approved registration expires this many days after approval. */
    approvalValidityDays: z.int().check(z.gte(1), z.lte(730)),
    /** How far ahead an expected close date may lie, in days from the day of registration. */
    maxCloseDays: z.int().check(z.gte(1), z.lte(3660)),
  }),
});
export type ProgramPolicy = z.infer<typeof ProgramPolicySchema>;
