// @poly-partner/sdk/server: what only a server needs, kept out of the browser client (and so out of every widget
// page): the event feed and webhook endpoints on the client, and `verifyWebhook` for the deliveries. Webhook endpoints
// answer secret keys only, and a receiver verifies with a secret a page must never hold.
import { createTransport, type PartnerClient, type PartnerClientOptions, partnerClientOn } from './client.js';
import { EventsResource } from './resources/events.js';
import { WebhookEndpointsResource } from './resources/webhook-endpoints.js';

export { EventsResource } from './resources/events.js';
export { WebhookEndpointsResource } from './resources/webhook-endpoints.js';
export { memorySeenWebhookIds, verifyWebhook, WebhookVerificationError } from './webhooks/verify-webhook.js';
export type { SeenWebhookIds, VerifyWebhookOptions, WebhookHeaders, WebhookVerificationFailure } from './webhooks/verify-webhook.js';
export type {
  EventListQuery,
  EventType,
  PartnerEvent,
  PartnerEventOf,
  WebhookDelivery,
  WebhookEndpoint,
  WebhookEndpointInput,
  WebhookEndpointWithSecret,
} from '@poly-partner/contract';

/** The partner client with the server's resources besides. */
export interface ServerClient extends PartnerClient {
  /** What changed: the event feed, oldest first. */
  readonly events: EventsResource;
  /** Webhook endpoints (secret keys only): subscribe, rotate secrets, inspect and retry deliveries. */
  readonly webhookEndpoints: WebhookEndpointsResource;
}

/**
 * A partner client for a server: everything `createPartnerClient` gives, plus `events` and `webhookEndpoints`.
 *
 * ```ts
 * const client = createServerClient({ baseUrl, secretKey: process.env.POLY_SECRET_KEY });
 * const { secret } = await client.webhookEndpoints.create({ url: 'https://example.com/hooks', events: ['partner.tier.changed'] });
 * ```
 */
export function createServerClient(options: PartnerClientOptions): ServerClient {
  // One transport for all resources: one cache, one token, one retry policy.
  const transport = createTransport(options);
  return {
    ...partnerClientOn(transport),
    events: new EventsResource(transport),
    webhookEndpoints: new WebhookEndpointsResource(transport),
  };
}
