// Short-lived embed tokens that a host portal's backend mints for its widgets.
import * as z from 'zod/mini';
import { IdSchema, IsoDateTimeSchema } from './common.js';
import { EMBED_TOKEN_MAX_TTL_SECONDS, SCOPES } from '../constants.js';

export { EMBED_TOKEN_MAX_TTL_SECONDS, SCOPES } from '../constants.js';

export const ScopeSchema = z.enum(SCOPES);
export type Scope = z.infer<typeof ScopeSchema>;

/** An origin: scheme, host and optional port, nothing else. */
export const OriginSchema = z.string().check(
  z.maxLength(255),
  z.regex(/^https?:\/\/[A-Za-z0-9.-]+(?::[0-9]{1,5})?$/),
);

export const EmbedTokenRequestSchema = z.strictObject({
  origin: OriginSchema,
  subject: z.union([z.strictObject({ partnerId: IdSchema }), z.strictObject({ orgId: IdSchema })]),
  scopes: z.optional(z.array(ScopeSchema).check(z.minLength(1))),
  ttlSeconds: z.optional(z.int().check(z.gte(30), z.lte(EMBED_TOKEN_MAX_TTL_SECONDS))),
});
export type EmbedTokenRequest = z.infer<typeof EmbedTokenRequestSchema>;

export const EmbedTokenSchema = z.object({
  token: z.string(),
  expiresAt: IsoDateTimeSchema,
});
export type EmbedToken = z.infer<typeof EmbedTokenSchema>;

/** Claims inside an embed token JWS. */
export const EmbedTokenClaimsSchema = z.object({
  iss: z.string(),
  sub: z.string(),
  /** `partner` or `organization`, with the id in `sub`. */
  kind: z.enum(['partner', 'organization']),
  origin: OriginSchema,
  scopes: z.array(ScopeSchema),
  iat: z.int(),
  exp: z.int(),
  jti: z.string(),
});
export type EmbedTokenClaims = z.infer<typeof EmbedTokenClaimsSchema>;
