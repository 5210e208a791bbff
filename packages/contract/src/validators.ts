// The schemas that validate at run time in the SDK, the engine and the widgets — in Node, the zod schemas
// themselves. Browsers get `validators.browser.ts` instead (package.json `imports` `#validators` and the `browser`
// export condition): the same names, checking the JSON Schemas generated from these, so no zod reaches a page.
export { BadgeClaimsSchema, BadgeSchema, JwksSchema } from './schemas/badge.js';
export {
  ConflictCheckResultSchema,
  DealInputSchema,
  DealListSchema,
  DealSchema,
  DomainSchema,
  IdempotencyKeySchema,
  VatIdSchema,
} from './schemas/deal.js';
export { EmbedTokenSchema } from './schemas/embed-token.js';
export {
  EventPageSchema,
  EventSchema,
  WebhookDeliveryListSchema,
  WebhookDeliverySchema,
  WebhookEndpointListSchema,
  WebhookEndpointSchema,
  WebhookEndpointWithSecretSchema,
} from './schemas/event.js';
export { MemberPageSchema, OrganizationSchema, OrganizationSummarySchema } from './schemas/organization.js';
export { PartnerProfileSchema, PartnerStandingSchema } from './schemas/partner.js';
export { PublishableKeyListSchema, PublishableKeySchema } from './schemas/publishable-key.js';
export { ProblemSchema } from './schemas/problem.js';
export { ProductListSchema } from './schemas/product.js';
export { ProgramPolicySchema } from './schemas/program.js';
export { SimulationChangesSchema, SimulationResultSchema, TierStatusSchema } from './schemas/tier-status.js';
