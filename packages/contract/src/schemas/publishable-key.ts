// Publishable keys (`pk_…`) a reseller puts in its own web pages for the badge, and the website origins each is valid for.
import * as z from 'zod/mini';
import { IdSchema, IsoDateTimeSchema } from './common.js';
import { OriginSchema } from './embed-token.js';

export const PublishableKeySchema = z.object({
  id: IdSchema,
  partnerId: IdSchema,
  /**
   * The key itself. Unlike a secret key it is shown again whenever asked: it is public by design, in the HTML of every
   * page that shows the badge, and it reads nothing but that partner's badge, from these origins only.
   */
  key: z.string().check(z.regex(/^pk_[A-Za-z0-9_-]{8,}$/)),
  /** The website origins (`https://www.example.com`) the key is honoured from, at most `PUBLISHABLE_KEY_MAX_ORIGINS`. */
  origins: z.array(OriginSchema),
  createdAt: IsoDateTimeSchema,
});
export type PublishableKey = z.infer<typeof PublishableKeySchema>;

export const PublishableKeyListSchema = z.object({
  items: z.array(PublishableKeySchema),
  /** Always null: a partner holds a handful of keys, all on one page. */
  nextCursor: z.null(),
  total: z.int().check(z.gte(0)),
});
export type PublishableKeyList = z.infer<typeof PublishableKeyListSchema>;

export const PublishableKeyOriginRequestSchema = z.strictObject({
  /** A website origin as browsers send it, whose host is a registrable domain or a host under one. */
  origin: OriginSchema,
});
export type PublishableKeyOriginRequest = z.infer<typeof PublishableKeyOriginRequestSchema>;
