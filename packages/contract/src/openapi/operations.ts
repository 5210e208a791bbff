// The operations of the Poly partner API: the one table the OpenAPI document and the sandbox's routes are built from.
import type { Scope } from '../schemas/embed-token.js';
import type { ProblemStatus } from './components.js';
import type { RequestSchemaId, ResponseSchemaId } from './schemas.js';

export type { RequestSchemaId, ResponseSchemaId, SchemaId } from './schemas.js';

/** The tags of the document, in its order; every operation names one. */
export const TAGS = [
  ['program', 'The program policy that every tier rule is read from.'],
  ['products', 'The Poly catalogue.'],
  ['partners', 'Resellers.'],
  ['tiers', 'Tier evaluation and what-if simulation.'],
  ['deals', 'Deal registration.'],
  ['organizations', 'Aggregators and their member resellers.'],
  ['badges', 'Signed partner badges for marketing sites.'],
  ['events', 'What changed, as a feed to poll.'],
  ['webhooks', 'Signed deliveries of events (Standard Webhooks).'],
  ['auth', 'Embed tokens and the keys that verify them.'],
  ['meta', 'The contract and liveness.'],
] as const;

export type Tag = (typeof TAGS)[number][0];

/** Who may call an operation: nobody needs a credential (`public`), or these credentials with this embed-token scope. */
export type Access = 'public' | 'secretKeyOnly' | { scope: Scope; publishable?: true | 'andQuery' };

/** A path parameter component. */
export type PathParameter = 'PartnerId' | 'DealId' | 'OrgId' | 'PublishableKeyId' | 'EndpointId' | 'DeliveryId';

/** One operation of the API: what the document says of it, and what the sandbox routes and checks. */
export interface OperationSpec {
  method: 'get' | 'post' | 'delete';
  path: string;
  operationId: string;
  summary: string;
  /** Required: every operation says more than its summary (Spectral's operation-description; a test checks it too). */
  description: string;
  tag: Tag;
  access: Access;
  /** Path parameter components, in the order of the path. */
  pathParameter?: PathParameter | readonly PathParameter[];
  /** Query schema component and descriptions of its parameters. */
  query?: { schema: RequestSchemaId; descriptions: Readonly<Record<string, string>> };
  idempotencyKey?: true;
  body?: { schema: RequestSchemaId; description: string };
  /** A JSON answer is a registered response schema; markup (SVG, HTML) names what it is and its media type. */
  success:
    | { status: 200 | 201 | 202; description: string; schema: ResponseSchemaId; mediaType?: undefined }
    | { status: 204; description: string; schema?: undefined; mediaType?: undefined }
    | { status: 200; description: string; schema: 'BadgeSvg' | 'VerificationPage'; mediaType: 'image/svg+xml' | 'text/html' };
  /** Extra problem statuses beyond those the rest of the spec implies. */
  also?: readonly ProblemStatus[];
  /** Liveness must answer even when a caller is over its rate limit. */
  notRateLimited?: true;
}

/**
 * Every operation of the API, in the order of DESIGN.md's table: the only list of them. The OpenAPI document is built
 * from it, and the sandbox routes each one to the handler its `operationId` names (a missing handler does not compile).
 */
export const OPERATIONS = [
  {
    method: 'get', path: '/v1/program', operationId: 'getProgram', tag: 'program',
    summary: 'The active program policy',
    description: 'Tiers, criteria (with `announced` ones), requirement tables per region, status protection, benefits.',
    access: { scope: 'program:read' },
    success: { status: 200, description: 'The active program policy.', schema: 'ProgramPolicy' },
  },
  {
    method: 'get', path: '/v1/products', operationId: 'listProducts', tag: 'products',
    summary: 'The Poly catalogue for deal registration',
    description: 'Every product a deal registration may name, with its family and list price; not paginated (`nextCursor` is always null).',
    access: { scope: 'program:read' },
    success: { status: 200, description: 'Every product (SKU, name, family).', schema: 'ProductList' },
  },
  {
    method: 'get', path: '/v1/partners/{partnerId}', operationId: 'getPartner', tag: 'partners',
    summary: "A reseller's profile",
    description: 'Name, country, program region, partner group and the distributors the reseller buys through (by id and by name).',
    access: { scope: 'partner:read' }, pathParameter: 'PartnerId',
    success: { status: 200, description: 'Name, country, region, group and distributors.', schema: 'PartnerProfile' },
  },
  {
    method: 'get', path: '/v1/partners/{partnerId}/tier-status', operationId: 'getTierStatus', tag: 'tiers',
    summary: "A reseller's tier evaluation",
    description:
      'Earned, protected and effective tier, every criterion, and the checklist to the next tier, with the metrics behind them.',
    access: { scope: 'tier:read' }, pathParameter: 'PartnerId',
    query: { schema: 'TierStatusQuery', descriptions: { asOf: 'Evaluate at this day instead of today (`YYYY-MM-DD`).' } },
    success: { status: 200, description: 'The evaluation.', schema: 'TierStatus' },
  },
  {
    method: 'post', path: '/v1/partners/{partnerId}/tier-simulations', operationId: 'simulateTier', tag: 'tiers',
    summary: 'What-if evaluation',
    description: 'Applies hypothetical changes (metric deltas, another region, another day) and answers both evaluations.',
    access: { scope: 'tier:simulate' }, pathParameter: 'PartnerId',
    body: { schema: 'SimulationRequest', description: 'The changes to simulate.' },
    success: { status: 200, description: 'Baseline and projected evaluation.', schema: 'SimulationResult' },
  },
  {
    method: 'get', path: '/v1/partners/{partnerId}/deals', operationId: 'listDeals', tag: 'deals',
    summary: "A reseller's deal registrations",
    description:
      'The reseller sees its registrations whole. A distributor sees the member\'s registrations routed through it, ' +
      'without `customer.contact`. Other organizations read no deal rows: their summary has the pipeline.',
    access: { scope: 'deals:read' }, pathParameter: 'PartnerId',
    query: {
      schema: 'DealListQuery',
      descriptions: {
        status: 'Only registrations in this state.',
        q: 'Text search on the customer name and domain, and the reference (`R-26-004711`, or its number).',
        sort: 'Sort key; a leading `-` sorts descending. Default `-createdAt`, the newest registration first.',
        cursor: '`nextCursor` of the previous page.',
        limit: 'Page size.',
      },
    },
    success: { status: 200, description: 'One page of registrations, newest first unless `sort` says otherwise.', schema: 'DealList' },
  },
  {
    method: 'post', path: '/v1/partners/{partnerId}/deals', operationId: 'registerDeal', tag: 'deals',
    summary: 'Register an opportunity, deal or project',
    description:
      'A registration for an end customer (normalised domain or VAT id) that another partner holds active goes to ' +
      '`under_review` with `conflict: true`. The expected close date lies between today and the policy\'s ' +
      '`deals.maxCloseDays` ahead (else 422 with a field error). An approved registration counts toward the partner\'s ' +
      'registered deals. Send an `Idempotency-Key` to retry safely.',
    access: { scope: 'deals:write' }, pathParameter: 'PartnerId', idempotencyKey: true,
    body: { schema: 'DealInput', description: 'The registration.' },
    success: { status: 201, description: 'The registration was created (or replayed for the same `Idempotency-Key`).', schema: 'Deal' },
  },
  {
    method: 'post', path: '/v1/partners/{partnerId}/deals/conflict-check', operationId: 'checkDealConflict', tag: 'deals',
    summary: 'Is this end customer already registered by another partner?',
    description:
      'A pre-check before submitting; it never says which partner holds the customer. When the partner\'s own active ' +
      'registration already covers the customer (a colleague registered it), `ownRegistration` names it, to open instead.',
    access: { scope: 'deals:write' }, pathParameter: 'PartnerId',
    body: { schema: 'ConflictCheckRequest', description: 'Whichever end-customer identifiers are known.' },
    success: { status: 200, description: 'Whether the customer is held, and on what it matched.', schema: 'ConflictCheckResult' },
  },
  {
    method: 'get', path: '/v1/deals/{dealId}', operationId: 'getDeal', tag: 'deals',
    summary: 'One deal registration',
    description: 'As in the list: whole for the reseller; for a distributor it was routed through, without `customer.contact`.',
    access: { scope: 'deals:read' }, pathParameter: 'DealId',
    success: { status: 200, description: 'The registration.', schema: 'Deal' },
  },
  {
    method: 'post', path: '/v1/deals/{dealId}/withdraw', operationId: 'withdrawDeal', tag: 'deals',
    summary: 'Withdraw a registration before it is decided',
    description: 'Only `submitted` and `under_review` registrations can be withdrawn; a decided one answers 409 `deal_not_withdrawable`.',
    access: { scope: 'deals:write' }, pathParameter: 'DealId', also: [409],
    success: { status: 200, description: 'The registration, now `withdrawn`.', schema: 'Deal' },
  },
  {
    method: 'get', path: '/v1/organizations/{orgId}', operationId: 'getOrganization', tag: 'organizations',
    summary: 'An aggregator',
    description: 'A distributor, ISP, carrier or Systemhaus association: its name, kind and member count.',
    access: { scope: 'organization:read' }, pathParameter: 'OrgId',
    success: { status: 200, description: 'The organization.', schema: 'Organization' },
  },
  {
    method: 'get', path: '/v1/organizations/{orgId}/summary', operationId: 'getOrganizationSummary', tag: 'organizations',
    summary: "An aggregator's members at a glance",
    description: 'Members per tier, protections ending soon, members close to the next tier, deal pipeline.',
    access: { scope: 'organization:read' }, pathParameter: 'OrgId',
    success: { status: 200, description: 'The summary.', schema: 'OrganizationSummary' },
  },
  {
    method: 'get', path: '/v1/organizations/{orgId}/members', operationId: 'listOrganizationMembers', tag: 'organizations',
    summary: "An aggregator's member resellers",
    description: 'Each member with earned and effective tier, protection, and progress to the next tier.',
    access: { scope: 'members:read' }, pathParameter: 'OrgId',
    query: {
      schema: 'MemberQuery',
      descriptions: {
        tier: 'Only members at this effective tier.',
        country: 'Only members in this country.',
        region: 'Only members in this region.',
        q: 'Text search on the member name.',
        protectionEndingWithinDays: 'Only members whose status protection ends within this many days.',
        segment:
          'Only one segment, the rule of a summary card: `at_risk` (earns below its current tier, held up by status protection), ' +
          '`close_to_next_tier` (at least 75 % of the next tier\'s requirements met), `inactive` (no registration in 90 days).',
        sort:
          'Sort key; a leading `-` sorts descending. `progress` puts top-tier members last in either direction; `atStake` ranks members ' +
          'about to fall by the tiers they would drop, then revenue; `keepMissing` by the fewest requirements missing to keep their ' +
          'tier; `nextTierGap` by the smallest remaining gap to the next tier (the share of each missing requirement, added up).',
        cursor: '`nextCursor` of the previous page.',
        limit: 'Page size, up to 500.',
      },
    },
    success: { status: 200, description: 'One page of members.', schema: 'MemberPage' },
  },
  {
    method: 'get', path: '/v1/partners/{partnerId}/badge', operationId: 'getBadge', tag: 'badges',
    summary: 'A signed badge credential',
    description: 'A compact JWS (EdDSA/Ed25519) of partner, tier, issue and expiry times and allowed domains; verify it with `/.well-known/jwks.json`.',
    access: { scope: 'badge:read', publishable: true }, pathParameter: 'PartnerId',
    success: { status: 200, description: 'The badge.', schema: 'Badge' },
  },
  {
    method: 'get', path: '/v1/partners/{partnerId}/badge.svg', operationId: 'getBadgeSvg', tag: 'badges',
    summary: 'The badge as a static image',
    description:
      'For places without JavaScript: an accessible SVG with the same words as the live badge (partner, tier, ' +
      '"Verified by Poly", when it was checked), in English or German (`?lang=de`, else `Accept-Language`), linking ' +
      'to `/verify/{partnerId}`. Cached no longer than a badge lives (15 minutes), `private, no-store` when fetched ' +
      'with an `Authorization` header; `X-Content-Type-Options: nosniff` and a CSP of its own.',
    access: { scope: 'badge:read', publishable: 'andQuery' }, pathParameter: 'PartnerId',
    success: { status: 200, description: 'The badge image.', schema: 'BadgeSvg', mediaType: 'image/svg+xml' },
  },
  {
    method: 'get', path: '/v1/partners/{partnerId}/publishable-keys', operationId: 'listPublishableKeys', tag: 'badges',
    summary: "A reseller's publishable keys",
    description:
      'Each key with the website origins it is valid for. Publishable keys are public by design (they are in the HTML ' +
      'of every page that shows the badge), so the key itself is in the answer. Only the reseller\'s own secret key ' +
      'or an embed token with `badge:manage` may list them: another reseller\'s credential answers 403 `forbidden`, ' +
      'any credential without the scope 403 `insufficient_scope`.',
    access: { scope: 'badge:manage' }, pathParameter: 'PartnerId',
    success: { status: 200, description: 'Every publishable key of the reseller.', schema: 'PublishableKeyList' },
  },
  {
    method: 'post', path: '/v1/partners/{partnerId}/publishable-keys', operationId: 'createPublishableKey', tag: 'badges',
    summary: 'Create a publishable key',
    description:
      'A new key that reads the reseller\'s badge, valid for no origin until one is added. A reseller holds at most ' +
      '5 keys (409 `key_limit_reached`). Only the reseller\'s own credentials may create one (else 403).',
    access: { scope: 'badge:manage' }, pathParameter: 'PartnerId', also: [409],
    success: { status: 201, description: 'The key was created.', schema: 'PublishableKey' },
  },
  {
    method: 'post', path: '/v1/partners/{partnerId}/publishable-keys/{keyId}/origins', operationId: 'addPublishableKeyOrigin', tag: 'badges',
    summary: 'Register a website origin for a publishable key',
    description:
      'The key is honoured from this origin from now on, and the API answers its cross-origin requests. The host must be ' +
      'a registrable domain by the Public Suffix List or a host under one (a public suffix such as `com`, `co.uk` or ' +
      '`github.io` is refused with 422 `not_registrable`), at most 20 origins per key. Adding an origin the key holds ' +
      'already changes nothing. The badge itself verifies on the reseller\'s registered websites, which Poly maintains.',
    access: { scope: 'badge:manage' }, pathParameter: ['PartnerId', 'PublishableKeyId'],
    body: { schema: 'PublishableKeyOriginRequest', description: 'The website origin.' },
    success: { status: 200, description: 'The key with its origins.', schema: 'PublishableKey' },
  },
  {
    method: 'get', path: '/.well-known/jwks.json', operationId: 'getJwks', tag: 'auth',
    summary: 'The public keys that verify badges and embed tokens',
    description: 'A JSON Web Key Set of Ed25519 keys (`kid` in each JWS header names its key); no credential needed.',
    access: 'public',
    success: { status: 200, description: 'The key set.', schema: 'Jwks' },
  },
  {
    method: 'get', path: '/verify/{partnerId}', operationId: 'getVerificationPage', tag: 'badges',
    summary: "The issuer's verification page of a partner's badge",
    description:
      'Server-rendered HTML for people, in English or German (`Accept-Language`, or `?lang=en|de`), complete without ' +
      "JavaScript: the partner's name, its effective tier, how long a badge is valid, the websites it is issued for, " +
      'and whether the partner has left the program. Every badge links here (on the issuer origin in production). ' +
      "Its own strict CSP with `frame-ancestors 'none'` and `X-Frame-Options: DENY`: it cannot be framed.",
    access: 'public', pathParameter: 'PartnerId',
    success: { status: 200, description: 'The verification page.', schema: 'VerificationPage', mediaType: 'text/html' },
  },
  {
    method: 'post', path: '/v1/embed-tokens', operationId: 'createEmbedToken', tag: 'auth',
    summary: 'Trade a secret key for a short-lived embed token',
    description:
      "A host portal's backend mints a token for its widgets, scoped to one partner or organization and one origin, " +
      'never wider than the secret key.',
    access: 'secretKeyOnly',
    body: { schema: 'EmbedTokenRequest', description: 'Origin, subject, and optionally scopes and lifetime.' },
    success: { status: 200, description: 'The token and when it expires.', schema: 'EmbedToken' },
  },
  {
    method: 'get', path: '/v1/events', operationId: 'listEvents', tag: 'events',
    summary: 'Events visible to the credential, oldest first',
    description:
      'What changed: `partner.tier.changed` (earned or effective tier, also when a protection ends), ' +
      '`partner.protection.ending` (30 and 7 days before `protectedUntil`), `deal.status.changed` and `badge.revoked`, ' +
      'each with the resource after the change. A reseller sees its own events; an organization its members\' tier and ' +
      'protection events, and deal events as far as it sees deals (a distributor: the registrations routed through ' +
      'it). Kept 30 days. For consumers that poll, and to catch up after downtime: keep the last `nextCursor`.',
    access: { scope: 'events:read' },
    query: {
      schema: 'EventListQuery',
      descriptions: {
        type: 'Only events of this type.',
        after: 'Only events after the event with this id: poll with the id of the last event seen.',
        cursor: '`nextCursor` of the previous page.',
        limit: 'Page size, up to 500.',
      },
    },
    success: { status: 200, description: 'One page of events, oldest first.', schema: 'EventPage' },
  },
  {
    method: 'post', path: '/v1/webhook-endpoints', operationId: 'createWebhookEndpoint', tag: 'webhooks',
    summary: 'Subscribe a URL to events',
    description:
      'Deliveries follow the Standard Webhooks specification: `webhook-id` (the event id), `webhook-timestamp` and ' +
      '`webhook-signature` (`v1,` and the base64 HMAC-SHA256 of `id.timestamp.body` under the secret), at least once, ' +
      'retried with exponential backoff and jitter; an endpoint that fails for days is disabled. The URL must be ' +
      '`https` with a public address (the sandbox also delivers to loopback, for development); private, link-local ' +
      'and other internal addresses answer 422 `validation_failed` with the field error `url` / `url_refused`. ' +
      'Managed with a secret key only: an endpoint receives events about a whole partner or organization. The answer ' +
      'shows the signing secret, once.',
    access: 'secretKeyOnly',
    body: { schema: 'WebhookEndpointInput', description: 'URL, event types and description.' },
    success: { status: 201, description: 'The endpoint with its signing secret.', schema: 'WebhookEndpointWithSecret' },
  },
  {
    method: 'get', path: '/v1/webhook-endpoints', operationId: 'listWebhookEndpoints', tag: 'webhooks',
    summary: "The credential's webhook endpoints",
    description: 'The endpoints of the secret key\'s partner or organization, oldest first, without their secrets.',
    access: 'secretKeyOnly',
    query: { schema: 'PageQuery', descriptions: { cursor: '`nextCursor` of the previous page.', limit: 'Page size.' } },
    success: { status: 200, description: 'One page of endpoints, oldest first.', schema: 'WebhookEndpointList' },
  },
  {
    method: 'get', path: '/v1/webhook-endpoints/{endpointId}', operationId: 'getWebhookEndpoint', tag: 'webhooks',
    summary: 'One webhook endpoint',
    description: 'Its URL, event types, status (`disabled` after days of failures, with the reason) and secret rotation.',
    access: 'secretKeyOnly', pathParameter: 'EndpointId',
    success: { status: 200, description: 'The endpoint (never its secret).', schema: 'WebhookEndpoint' },
  },
  {
    method: 'delete', path: '/v1/webhook-endpoints/{endpointId}', operationId: 'deleteWebhookEndpoint', tag: 'webhooks',
    summary: 'Delete a webhook endpoint',
    description: 'Deliveries to it stop at once; its delivery log goes with it.',
    access: 'secretKeyOnly', pathParameter: 'EndpointId',
    success: { status: 204, description: 'Deleted.' },
  },
  {
    method: 'post', path: '/v1/webhook-endpoints/{endpointId}/rotate-secret', operationId: 'rotateWebhookSecret', tag: 'webhooks',
    summary: 'Rotate the signing secret',
    description:
      'Answers the new secret, once. For 24 hours the old secret signs too: each delivery carries two `v1,` signatures, ' +
      'so receivers can switch without losing a delivery.',
    access: 'secretKeyOnly', pathParameter: 'EndpointId',
    success: { status: 200, description: 'The endpoint with its new secret.', schema: 'WebhookEndpointWithSecret' },
  },
  {
    method: 'post', path: '/v1/webhook-endpoints/{endpointId}/test', operationId: 'sendWebhookTest', tag: 'webhooks',
    summary: 'Send a sample event',
    description: 'A sample event of the given type (not in the event feed), delivered to this endpoint only, signed like any other.',
    access: 'secretKeyOnly', pathParameter: 'EndpointId',
    body: { schema: 'WebhookTestRequest', description: 'Which kind of event to send.' },
    success: { status: 202, description: 'The delivery, queued.', schema: 'WebhookDelivery' },
  },
  {
    method: 'get', path: '/v1/webhook-endpoints/{endpointId}/deliveries', operationId: 'listWebhookDeliveries', tag: 'webhooks',
    summary: "An endpoint's deliveries",
    description: 'Each with its attempts: when, the status code, how long it took, and the error when no answer came.',
    access: 'secretKeyOnly', pathParameter: 'EndpointId',
    query: { schema: 'PageQuery', descriptions: { cursor: '`nextCursor` of the previous page.', limit: 'Page size.' } },
    success: { status: 200, description: 'One page of deliveries, newest first.', schema: 'WebhookDeliveryList' },
  },
  {
    method: 'post', path: '/v1/webhook-endpoints/{endpointId}/deliveries/{deliveryId}/retry', operationId: 'retryWebhookDelivery', tag: 'webhooks',
    summary: 'Send a delivery again now',
    description: 'Also for a delivery that succeeded or failed for good; it becomes `pending` and is attempted at once.',
    access: 'secretKeyOnly', pathParameter: ['EndpointId', 'DeliveryId'],
    success: { status: 202, description: 'The delivery, queued.', schema: 'WebhookDelivery' },
  },
  {
    method: 'get', path: '/openapi.json', operationId: 'getOpenApiDocument', tag: 'meta',
    summary: 'This document',
    description: 'The OpenAPI 3.1 document of this API; its `servers` entry is the host that served it.',
    access: 'public',
    also: [503],
    success: { status: 200, description: 'The OpenAPI 3.1 document of the API.', schema: 'OpenApiDocument' },
  },
  {
    method: 'get', path: '/healthz', operationId: 'getHealth', tag: 'meta',
    summary: 'Liveness',
    description: 'Answers `{ "status": "ok" }` while the API is up; needs no credential and is never rate-limited.',
    access: 'public', notRateLimited: true,
    success: { status: 200, description: 'The API is up.', schema: 'Health' },
  },
] as const satisfies readonly OperationSpec[];

/** One entry of `OPERATIONS`, with its literal types. */
export type Operation = (typeof OPERATIONS)[number];
/** The `operationId` of every operation of the API. */
export type OperationId = Operation['operationId'];
