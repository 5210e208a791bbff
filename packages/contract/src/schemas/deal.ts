// Deal registrations: what a reseller submits, and the registration as it moves through its states.
import * as z from 'zod/mini';
import {
  CountryCodeSchema,
  IdSchema,
  IsoDateSchema,
  IsoDateTimeSchema,
  MoneySchema,
  pageOf,
  TierSchema,
} from './common.js';
import { SkuSchema } from './product.js';
import { documentCheck, noControlCharactersPattern } from './documented-checks.js';
import { DEAL_SORTS, DEAL_STATUSES, DEAL_TYPES } from '../constants.js';

export {
  ACTIVE_DEAL_STATUSES,
  DEAL_REFERENCE_PATTERN,
  DEAL_SORTS,
  DEAL_STATUSES,
  DEAL_TRANSITIONS,
  DEAL_TYPES,
  normalizeDomain,
  normalizeVatId,
} from '../constants.js';

export const DealTypeSchema = z.enum(DEAL_TYPES);
export type DealType = z.infer<typeof DealTypeSchema>;

export const DealStatusSchema = z.enum(DEAL_STATUSES);
export type DealStatus = z.infer<typeof DealStatusSchema>;

/** Printable text without control characters, C0 and C1 (tabs and newlines allowed only where `multiline`). */
function text(max: number, options: { min?: number; multiline?: boolean } = {}) {
  const forbidden = options.multiline
    ? // eslint-disable-next-line no-control-regex
      /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/
    : // eslint-disable-next-line no-control-regex
      /[\u0000-\u001F\u007F-\u009F]/;
  return documentCheck(
    z.string().check(
      z.minLength(options.min ?? 1),
      z.maxLength(max),
      z.refine((value) => !forbidden.test(value), { message: 'Control characters are not allowed', abort: true }),
    ),
    { pattern: noControlCharactersPattern(options.multiline) },
  );
}

/** A web domain such as `beispiel.de`, without scheme or path. */
// No length lookahead in the pattern: `maxLength` says it, and a lookahead keeps generators (Schemathesis) from
// producing any domain at all.
export const DomainSchema = z.string().check(
  z.maxLength(253),
  z.regex(/^(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,63}$/),
);

/** EU-style VAT id: two-letter country prefix and 2–13 letters or digits. */
export const VatIdSchema = z.string().check(z.regex(/^[A-Z]{2}[A-Za-z0-9]{2,13}$/));

export const DealContactSchema = z.strictObject({
  name: text(200),
  email: z.email().check(z.maxLength(254)),
  phone: z.optional(z.string().check(z.maxLength(40), z.regex(/^\+?[0-9 ()./-]{4,40}$/))),
  /** The contact agreed to be named to Poly; registration requires it. */
  consent: z.literal(true),
});

export const DealCustomerSchema = z.strictObject({
  name: text(200),
  country: CountryCodeSchema,
  domain: DomainSchema,
  vatId: z.optional(VatIdSchema),
  contact: DealContactSchema,
});
export type DealCustomer = z.infer<typeof DealCustomerSchema>;

export const DealLineSchema = z.strictObject({
  sku: SkuSchema,
  quantity: z.int().check(z.gte(1), z.lte(100_000)),
});

/** `POST /v1/partners/{partnerId}/deals` body. */
export const DealInputSchema = z.strictObject({
  type: DealTypeSchema,
  customer: DealCustomerSchema,
  products: z.array(DealLineSchema).check(z.minLength(1), z.maxLength(100)),
  estimatedValue: z.strictObject({
    amount: z.number().check(z.gt(0), z.lte(1_000_000_000)),
    currency: z.enum(['EUR', 'USD', 'GBP', 'CHF']),
  }),
  expectedCloseDate: IsoDateSchema,
  distributorId: IdSchema,
  notes: z.optional(text(2000, { min: 0, multiline: true })),
});
export type DealInput = z.infer<typeof DealInputSchema>;

export const DealDiscountSchema = z.object({
  /** Extra discount in percent that the partner's effective tier earns. */
  percent: z.number(),
  tier: TierSchema,
  /** `expected` until the registration is approved, then `granted`. */
  state: z.enum(['expected', 'granted', 'none']),
});
export type DealDiscount = z.infer<typeof DealDiscountSchema>;

/** One change of a registration's state. */
export const DealHistoryEntrySchema = z.object({
  status: DealStatusSchema,
  at: IsoDateTimeSchema,
});
export type DealHistoryEntry = z.infer<typeof DealHistoryEntrySchema>;

export const DealSchema = z.object({
  id: IdSchema,
  /** Short and quotable on the phone, such as `R-26-004711`: `R-`, the year of registration, a number. */
  reference: z.string(),
  partnerId: IdSchema,
  type: DealTypeSchema,
  status: DealStatusSchema,
  /** Another partner holds an active registration for this end customer. */
  conflict: z.boolean(),
  customer: z.object({
    name: z.string(),
    country: CountryCodeSchema,
    domain: z.string(),
    vatId: z.nullable(z.string()),
    /**
     * The end customer's contact person: only for the reseller that registered the deal. The end customer consented
     * to be named to Poly, no one else, so a distributor reading a deal routed through it gets no `contact`.
     */
    contact: z.optional(
      z.object({
        name: z.string(),
        email: z.string(),
        phone: z.nullable(z.string()),
        consent: z.boolean(),
      }),
    ),
  }),
  products: z.array(z.object({ sku: SkuSchema, quantity: z.int() })),
  estimatedValue: MoneySchema,
  expectedCloseDate: IsoDateSchema,
  distributorId: IdSchema,
  notes: z.nullable(z.string()),
  discount: DealDiscountSchema,
  createdAt: IsoDateTimeSchema,
  updatedAt: IsoDateTimeSchema,
  decidedAt: z.nullable(IsoDateTimeSchema),
  /** When the registration stops protecting the customer: set on approval. */
  expiresAt: z.nullable(IsoDateTimeSchema),
  /** Why Poly decided as it did (always given for a rejection); `null` when nothing was said. */
  decisionReason: z.nullable(z.string()),
  /** Every state the registration has been in, oldest first, from its submission on. */
  history: z.array(DealHistoryEntrySchema),
});
export type Deal = z.infer<typeof DealSchema>;

export const DealListSchema = pageOf(DealSchema);
export type DealList = z.infer<typeof DealListSchema>;

export const DealSortSchema = z.enum(DEAL_SORTS);
export type DealSort = z.infer<typeof DealSortSchema>;

export const DealListQuerySchema = z.strictObject({
  status: z.optional(DealStatusSchema),
  /** Text search on the customer's name and domain, and the reference. */
  q: z.optional(z.string().check(z.maxLength(100))),
  sort: z.optional(DealSortSchema),
  cursor: z.optional(z.string().check(z.maxLength(200))),
  limit: z.optional(z.int().check(z.gte(1), z.lte(200))),
});
export type DealListQuery = z.infer<typeof DealListQuerySchema>;

/**
 * `Idempotency-Key` header of deal registration: 1–255 printable ASCII characters (a UUID fits). Same key and
 * same body replay the first answer; same key and another body answer 422 `idempotency_key_reused`.
 */
export const IdempotencyKeySchema = z.string().check(z.minLength(1), z.maxLength(255), z.regex(/^[\x21-\x7E]+$/));

/**
 * `POST /v1/partners/{partnerId}/deals/conflict-check` body: whichever identifiers are known. Conflicts are matched
 * on the domain or the VAT id only, so at least one of them is required — a name alone would always answer "free".
 */
export const ConflictCheckRequestSchema = z.strictObject({
  customer: documentCheck(z.strictObject({
    domain: z.optional(DomainSchema),
    vatId: z.optional(VatIdSchema),
    name: z.optional(text(200)),
    country: z.optional(CountryCodeSchema),
  }).check(
    z.refine((customer) => customer.domain !== undefined || customer.vatId !== undefined, {
      message: 'Give the customer domain or VAT id',
      path: ['domain'],
    }),
  ), { anyOf: [{ required: ['domain'] }, { required: ['vatId'] }] }),
});
export type ConflictCheckRequest = z.infer<typeof ConflictCheckRequestSchema>;

/**
 * Whether another partner holds this customer (never says who), and whether the partner's own active registration
 * already covers it (say, from a colleague), which it may open instead of registering twice.
 */
export const ConflictCheckResultSchema = z.object({
  conflict: z.boolean(),
  matchedOn: z.array(z.enum(['domain', 'vatId'])),
  ownRegistration: z.nullable(
    z.object({ dealId: IdSchema, reference: z.string(), status: DealStatusSchema, matchedOn: z.array(z.enum(['domain', 'vatId'])) }),
  ),
});
export type ConflictCheckResult = z.infer<typeof ConflictCheckResultSchema>;
