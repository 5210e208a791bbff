// A reseller's publishable keys (`pk_…`, for the badge on its own web pages) and the website origins each is valid for.
import {
  PublishableKeyListSchema,
  PublishableKeySchema,
  type PublishableKey,
  type PublishableKeyList,
  type PublishableKeyOriginRequest,
} from '@poly-partner/contract';
import { createTransport, type PartnerClientOptions } from '../client.js';
import { path, type CallOptions } from '../internal/call-options.js';
import type { Transport } from '../internal/transport.js';

/**
 * A client for a reseller's publishable keys, apart from `createPartnerClient()` so that the pages that only show
 * widgets do not carry its code (only the reseller's own portal manages keys). Takes the same options; the credential
 * is the reseller's secret key (servers) or `getToken` with embed tokens holding `badge:manage` (its portal).
 *
 * ```ts
 * const keys = createPublishableKeysClient({ baseUrl, getToken });
 * const { items } = await keys.list(partnerId);
 * ```
 */
export function createPublishableKeysClient(options: PartnerClientOptions): PublishableKeysResource {
  return new PublishableKeysResource(createTransport(options));
}

/**
 * What `createPublishableKeysClient()` answers: list and create a reseller's publishable keys and register website origins for them. Needs
 * the reseller's own secret key or an embed token with the `badge:manage` scope; others get 403 `forbidden`.
 */
export class PublishableKeysResource {
  /** @internal */
  constructor(private readonly transport: Transport) {}

  /** `GET /v1/partners/{partnerId}/publishable-keys`: every key of the reseller, with its origins. */
  list(partnerId: string, options: CallOptions = {}): Promise<PublishableKeyList> {
    return this.transport.request({
      method: 'GET',
      path: path`/v1/partners/${partnerId}/publishable-keys`,
      schema: PublishableKeyListSchema,
      signal: options.signal,
    });
  }

  /** `POST /v1/partners/{partnerId}/publishable-keys`: a new key, valid for no origin yet (409 `key_limit_reached` past 5). */
  create(partnerId: string, options: CallOptions = {}): Promise<PublishableKey> {
    return this.transport.request({
      method: 'POST',
      path: path`/v1/partners/${partnerId}/publishable-keys`,
      schema: PublishableKeySchema,
      signal: options.signal,
    });
  }

  /**
   * `POST /v1/partners/{partnerId}/publishable-keys/{keyId}/origins`: the key is honoured from `origin`
   * (`https://www.example.com`) from now on. A host that is no registrable domain answers 422 `validation_failed`.
   */
  addOrigin(partnerId: string, keyId: string, origin: string, options: CallOptions = {}): Promise<PublishableKey> {
    const body: PublishableKeyOriginRequest = { origin };
    return this.transport.request({
      method: 'POST',
      path: path`/v1/partners/${partnerId}/publishable-keys/${keyId}/origins`,
      body,
      schema: PublishableKeySchema,
      signal: options.signal,
    });
  }
}
