// Signed badges for marketing sites, and the key set that verifies them.
import * as z from 'zod/mini';
import { IdSchema, TierSchema } from './common.js';

/** Claims inside a badge JWS (times in seconds since the epoch, as JWT does). */
export const BadgeClaimsSchema = z.object({
  iss: z.string(),
  sub: IdSchema,
  name: z.string(),
  tier: TierSchema,
  iat: z.int(),
  exp: z.int(),
  /**
   * Host names the badge may be shown on (and their subdomains): the partner's registered websites, never the origin
   * of the credential that fetched it.
   */
  domains: z.array(z.string()),
});
export type BadgeClaims = z.infer<typeof BadgeClaimsSchema>;

export const BadgeSchema = z.object({
  jws: z.string().check(z.regex(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/)),
  claims: BadgeClaimsSchema,
});
export type Badge = z.infer<typeof BadgeSchema>;

export const JwkSchema = z.object({
  kty: z.literal('OKP'),
  crv: z.literal('Ed25519'),
  x: z.string(),
  kid: z.string(),
  alg: z.literal('EdDSA'),
  use: z.optional(z.literal('sig')),
});
export type Jwk = z.infer<typeof JwkSchema>;

export const JwksSchema = z.object({ keys: z.array(JwkSchema) });
export type Jwks = z.infer<typeof JwksSchema>;
