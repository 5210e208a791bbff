// Webhook endpoints (server side, secret keys only): where events are delivered, their secrets and deliveries.
import {
  type EventType,
  type PageQuery,
  type WebhookDelivery,
  WebhookDeliveryListSchema,
  WebhookDeliverySchema,
  type WebhookEndpoint,
  type WebhookEndpointInput,
  WebhookEndpointListSchema,
  WebhookEndpointSchema,
  type WebhookEndpointWithSecret,
  WebhookEndpointWithSecretSchema,
} from '@poly-partner/contract';
import { path, type CallOptions } from '../internal/call-options.js';
import { walkable } from '../internal/page-walk.js';
import { pagePromise, type PagePromise, type WalkablePage } from '../internal/pagination.js';
import type { Transport } from '../internal/transport.js';

const NO_CONTENT = { safeParse: (data: unknown) => ({ success: true as const, data: data as undefined }) };

/** `client.webhookEndpoints`: subscribe URLs to events; verify what arrives with `verifyWebhook()`. */
export class WebhookEndpointsResource {
  /** @internal */
  constructor(private readonly transport: Transport) {}

  /** `POST /v1/webhook-endpoints`: the answer holds the signing `secret`, which is shown this once. */
  create(input: WebhookEndpointInput, options: CallOptions = {}): Promise<WebhookEndpointWithSecret> {
    return this.transport.request({ method: 'POST', path: '/v1/webhook-endpoints', body: input, schema: WebhookEndpointWithSecretSchema, signal: options.signal });
  }

  /** `GET /v1/webhook-endpoints`: one page; walks on with `for await` or `.all()`. */
  list(query: PageQuery = {}, options: CallOptions = {}): PagePromise<WebhookEndpoint> {
    const fetchPage = async (cursor: string | undefined, signal: AbortSignal | undefined) =>
      this.transport.request({ method: 'GET', path: '/v1/webhook-endpoints', query: { ...query, cursor }, schema: WebhookEndpointListSchema, signal });
    return pagePromise<WebhookEndpoint>(
      fetchPage(query.cursor, options.signal).then((page): WalkablePage<WebhookEndpoint> => walkable(page, fetchPage, options.signal)),
    );
  }

  get(endpointId: string, options: CallOptions = {}): Promise<WebhookEndpoint> {
    return this.transport.request({ method: 'GET', path: path`/v1/webhook-endpoints/${endpointId}`, schema: WebhookEndpointSchema, signal: options.signal });
  }

  delete(endpointId: string, options: CallOptions = {}): Promise<void> {
    return this.transport.request({ method: 'DELETE', path: path`/v1/webhook-endpoints/${endpointId}`, schema: NO_CONTENT, signal: options.signal });
  }

  /** A new secret, shown this once; the old one keeps signing (a second signature) for 24 hours. */
  rotateSecret(endpointId: string, options: CallOptions = {}): Promise<WebhookEndpointWithSecret> {
    return this.transport.request({ method: 'POST', path: path`/v1/webhook-endpoints/${endpointId}/rotate-secret`, schema: WebhookEndpointWithSecretSchema, signal: options.signal });
  }

  /** Sends a sample event (of `type`, default the endpoint's first) to this endpoint only. */
  sendTest(endpointId: string, type?: EventType, options: CallOptions = {}): Promise<WebhookDelivery> {
    return this.transport.request({
      method: 'POST',
      path: path`/v1/webhook-endpoints/${endpointId}/test`,
      body: type ? { type } : {},
      schema: WebhookDeliverySchema,
      signal: options.signal,
    });
  }

  /** `GET …/{endpointId}/deliveries`: newest first, each with its attempts. */
  deliveries(endpointId: string, query: PageQuery = {}, options: CallOptions = {}): PagePromise<WebhookDelivery> {
    const fetchPage = async (cursor: string | undefined, signal: AbortSignal | undefined) =>
      this.transport.request({ method: 'GET', path: path`/v1/webhook-endpoints/${endpointId}/deliveries`, query: { ...query, cursor }, schema: WebhookDeliveryListSchema, signal });
    return pagePromise<WebhookDelivery>(
      fetchPage(query.cursor, options.signal).then((page): WalkablePage<WebhookDelivery> => walkable(page, fetchPage, options.signal)),
    );
  }

  /** Sends a delivery again now (and enables its endpoint again if it was disabled). */
  retryDelivery(endpointId: string, deliveryId: string, options: CallOptions = {}): Promise<WebhookDelivery> {
    return this.transport.request({
      method: 'POST',
      path: path`/v1/webhook-endpoints/${endpointId}/deliveries/${deliveryId}/retry`,
      schema: WebhookDeliverySchema,
      signal: options.signal,
    });
  }
}
