// Events (what changed, and the resource after the change) and the webhook endpoints they are delivered to.
import * as z from 'zod/mini';
import { CountryCodeSchema, IdSchema, IsoDateSchema, IsoDateTimeSchema, MoneySchema, pageOf, TierSchema } from './common.js';
import { DealStatusSchema, DealTypeSchema } from './deal.js';
import { SkuSchema } from './product.js';
import { EVENT_TYPES } from '../constants.js';

export { EVENT_RETENTION_DAYS, EVENT_TYPES, PREVIOUS_SECRET_VALID_HOURS, PROTECTION_NOTICE_DAYS } from '../constants.js';

export const EventTypeSchema = z.enum(EVENT_TYPES);
export type EventType = z.infer<typeof EventTypeSchema>;

/** A reseller's standing after a change: the tiers the engine reports, and its protection. */
export const PartnerTierSnapshotSchema = z.object({
  partnerId: IdSchema,
  name: z.string(),
  earnedTier: TierSchema,
  effectiveTier: TierSchema,
  protectedTier: z.nullable(TierSchema),
  protectedUntil: z.nullable(IsoDateSchema),
});
export type PartnerTierSnapshot = z.infer<typeof PartnerTierSnapshotSchema>;

const envelope = {
  /** Unique per event; webhook deliveries send it as `webhook-id`, so receivers deduplicate on it. */
  id: IdSchema,
  occurredAt: IsoDateTimeSchema,
};

export const PartnerTierChangedEventSchema = z.object({
  ...envelope,
  type: z.literal('partner.tier.changed'),
  data: z.object({
    ...PartnerTierSnapshotSchema.shape,
    previousEarnedTier: TierSchema,
    previousEffectiveTier: TierSchema,
    /** `protection_ended`: the effective tier fell to the earned one because `protectedUntil` passed. */
    reason: z.enum(['reevaluated', 'protection_ended']),
  }),
});

export const PartnerProtectionEndingEventSchema = z.object({
  ...envelope,
  type: z.literal('partner.protection.ending'),
  data: z.object({
    ...PartnerTierSnapshotSchema.shape,
    /** 30 or 7: sent that many days before `protectedUntil`. */
    daysLeft: z.union([z.literal(30), z.literal(7)]),
  }),
});

/**
 * A registration after its change, as every recipient may see it: no end-customer contact person (a distributor
 * never sees it); the reseller reads the whole registration with `GET /v1/deals/{dealId}`.
 */
export const DealEventDataSchema = z.object({
  id: IdSchema,
  reference: z.string(),
  partnerId: IdSchema,
  type: DealTypeSchema,
  status: DealStatusSchema,
  previousStatus: z.nullable(DealStatusSchema),
  conflict: z.boolean(),
  customer: z.object({ name: z.string(), country: CountryCodeSchema, domain: z.string() }),
  products: z.array(z.object({ sku: SkuSchema, quantity: z.int() })),
  estimatedValue: MoneySchema,
  distributorId: IdSchema,
  updatedAt: IsoDateTimeSchema,
  expiresAt: z.nullable(IsoDateTimeSchema),
});
export type DealEventData = z.infer<typeof DealEventDataSchema>;

export const DealStatusChangedEventSchema = z.object({
  ...envelope,
  type: z.literal('deal.status.changed'),
  data: DealEventDataSchema,
});

export const BadgeRevokedEventSchema = z.object({
  ...envelope,
  type: z.literal('badge.revoked'),
  data: z.object({
    partnerId: IdSchema,
    revokedAt: IsoDateTimeSchema,
    reason: z.nullable(z.string()),
  }),
});

/** Every event, told apart by `type`. */
export const EventSchema = z.discriminatedUnion('type', [
  PartnerTierChangedEventSchema,
  PartnerProtectionEndingEventSchema,
  DealStatusChangedEventSchema,
  BadgeRevokedEventSchema,
]);
export type PartnerEvent = z.infer<typeof EventSchema>;
export type PartnerEventOf<T extends EventType> = Extract<PartnerEvent, { type: T }>;

/** `GET /v1/events`: oldest first, from a cursor on. */
export const EventListQuerySchema = z.strictObject({
  type: z.optional(EventTypeSchema),
  /** Only events after this one: a poller keeps the id of the last event it saw and asks again from there. */
  after: z.optional(IdSchema),
  cursor: z.optional(z.string().check(z.maxLength(200))),
  limit: z.optional(z.int().check(z.gte(1), z.lte(500))),
});
export type EventListQuery = z.infer<typeof EventListQuerySchema>;

export const EventPageSchema = pageOf(EventSchema);
export type EventPage = z.infer<typeof EventPageSchema>;

/** Printable text without control characters. */
const description = z.string().check(
  z.maxLength(500),
  // eslint-disable-next-line no-control-regex
  z.refine((value) => !/[\u0000-\u001F\u007F-\u009F]/.test(value), { message: 'Control characters are not allowed', abort: true }),
);

/** `POST /v1/webhook-endpoints` body. Where the URL may point is checked by the server (see the operation). */
export const WebhookEndpointInputSchema = z.strictObject({
  url: z.string().check(z.maxLength(2048), z.regex(/^https?:\/\/\S+$/)),
  events: z.array(EventTypeSchema).check(z.minLength(1), z.maxLength(EVENT_TYPES.length)),
  description: z.optional(description),
});
export type WebhookEndpointInput = z.infer<typeof WebhookEndpointInputSchema>;

export const WebhookEndpointSchema = z.object({
  id: IdSchema,
  url: z.string(),
  events: z.array(EventTypeSchema),
  description: z.nullable(z.string()),
  /** `disabled` after failing for days (see `disabledReason`); deliveries stop. */
  status: z.enum(['enabled', 'disabled']),
  disabledReason: z.nullable(z.string()),
  createdAt: IsoDateTimeSchema,
  /** Until then the previous secret signs deliveries too (a second `v1,` signature). */
  previousSecretExpiresAt: z.nullable(IsoDateTimeSchema),
});
export type WebhookEndpoint = z.infer<typeof WebhookEndpointSchema>;

/** Creation and rotation answer with the signing secret, once: `whsec_` and base64. */
export const WebhookEndpointWithSecretSchema = z.object({
  ...WebhookEndpointSchema.shape,
  secret: z.string().check(z.regex(/^whsec_[A-Za-z0-9+/]+={0,2}$/)),
});
export type WebhookEndpointWithSecret = z.infer<typeof WebhookEndpointWithSecretSchema>;

export const WebhookEndpointListSchema = pageOf(WebhookEndpointSchema);
export type WebhookEndpointList = z.infer<typeof WebhookEndpointListSchema>;

export const WebhookAttemptSchema = z.object({
  at: IsoDateTimeSchema,
  /** The receiver's HTTP status; `null` when no answer came (refused, timed out, address not allowed). */
  statusCode: z.nullable(z.int()),
  durationMs: z.number().check(z.gte(0)),
  error: z.nullable(z.string()),
});
export type WebhookAttempt = z.infer<typeof WebhookAttemptSchema>;

export const WebhookDeliverySchema = z.object({
  id: IdSchema,
  endpointId: IdSchema,
  eventId: IdSchema,
  eventType: EventTypeSchema,
  /** `pending` until a 2xx (`succeeded`) or the last retry (`failed`). */
  status: z.enum(['pending', 'succeeded', 'failed']),
  attempts: z.array(WebhookAttemptSchema),
  nextAttemptAt: z.nullable(IsoDateTimeSchema),
  createdAt: IsoDateTimeSchema,
});
export type WebhookDelivery = z.infer<typeof WebhookDeliverySchema>;

export const WebhookDeliveryListSchema = pageOf(WebhookDeliverySchema);
export type WebhookDeliveryList = z.infer<typeof WebhookDeliveryListSchema>;

/** `POST /v1/webhook-endpoints/{id}/test` body: which kind of sample event to send (default: the endpoint's first). */
export const WebhookTestRequestSchema = z.strictObject({
  type: z.optional(EventTypeSchema),
});
export type WebhookTestRequest = z.infer<typeof WebhookTestRequestSchema>;

export const PageQuerySchema = z.strictObject({
  cursor: z.optional(z.string().check(z.maxLength(200))),
  limit: z.optional(z.int().check(z.gte(1), z.lte(200))),
});
export type PageQuery = z.infer<typeof PageQuerySchema>;
