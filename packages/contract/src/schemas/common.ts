// Building blocks shared by every resource schema: identifiers, dates, money, tiers, pages.
import * as z from 'zod/mini';
import { CRITERION_GROUPS, TIERS } from '../constants.js';

export { CRITERION_GROUPS, maxTier, tierRank, TIERS } from '../constants.js';

export const TierSchema = z.enum(TIERS);
export type Tier = z.infer<typeof TierSchema>;

/** A calendar day, `YYYY-MM-DD`, always meant in UTC. */
export const IsoDateSchema = z.iso.date();
export type IsoDate = z.infer<typeof IsoDateSchema>;

/** A point in time, ISO 8601 with `Z` or an offset. */
export const IsoDateTimeSchema = z.iso.datetime({ offset: true });
export type IsoDateTime = z.infer<typeof IsoDateTimeSchema>;

/** Opaque resource identifiers: letters, digits, `_` and `-`, as the sandbox and Poly's API issue them. */
export const IdSchema = z.string().check(z.minLength(1), z.maxLength(64), z.regex(/^[A-Za-z0-9_-]+$/));

/** ISO 3166-1 alpha-2 country code, upper case. */
export const CountryCodeSchema = z.string().check(z.regex(/^[A-Z]{2}$/));

/** ISO 4217 currency code. */
export const CurrencySchema = z.string().check(z.regex(/^[A-Z]{3}$/));

export const MoneySchema = z.object({
  amount: z.number().check(z.gte(0), z.lte(1_000_000_000_000)),
  currency: CurrencySchema,
});
export type Money = z.infer<typeof MoneySchema>;

/** Program regions; a policy may add more, so this is a code, not an enum. */
export const RegionCodeSchema = z.string().check(z.regex(/^[a-z][a-z0-9_]{1,31}$/));
export type RegionCode = z.infer<typeof RegionCodeSchema>;

export const CriterionGroupSchema = z.enum(CRITERION_GROUPS);
export type CriterionGroup = z.infer<typeof CriterionGroupSchema>;

/** Text in several languages, keyed by BCP 47 language (`en`, `de`); `en` is always present. */
export const LocalizedTextSchema = z.catchall(
  z.object({ en: z.string().check(z.minLength(1), z.maxLength(500)) }),
  z.string().check(z.maxLength(500)),
);
export type LocalizedText = z.infer<typeof LocalizedTextSchema>;

/** A cursor-paginated list: `{ items, nextCursor, total }`. */
export function pageOf<T extends z.ZodMiniType>(item: T) {
  return z.object({
    items: z.array(item),
    nextCursor: z.nullable(z.string()),
    total: z.int().check(z.gte(0)),
  });
}
export interface Page<T> {
  items: T[];
  nextCursor: string | null;
  total: number;
}
