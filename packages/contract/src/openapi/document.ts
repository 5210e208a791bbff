// The OpenAPI 3.1 document of the Poly partner API, generated from the contract's zod schemas so the two cannot drift.
import * as z from 'zod/mini';
import { BadgeClaimsSchema, BadgeSchema, JwkSchema, JwksSchema } from '../schemas/badge.js';
import {
  CountryCodeSchema,
  IdSchema,
  IsoDateSchema,
  IsoDateTimeSchema,
  LocalizedTextSchema,
  MoneySchema,
  RegionCodeSchema,
  TierSchema,
} from '../schemas/common.js';
import {
  ConflictCheckRequestSchema,
  ConflictCheckResultSchema,
  DealInputSchema,
  DealListQuerySchema,
  DealListSchema,
  DealSchema,
  DealStatusSchema,
  DealTypeSchema,
  IdempotencyKeySchema,
} from '../schemas/deal.js';
import { EmbedTokenRequestSchema, EmbedTokenSchema, type Scope } from '../schemas/embed-token.js';
import { HealthSchema } from '../schemas/health.js';
import { PublishableKeyListSchema, PublishableKeyOriginRequestSchema, PublishableKeySchema } from '../schemas/publishable-key.js';
import {
  MemberPageSchema,
  MemberQuerySchema,
  MemberSchema,
  OrganizationSchema,
  OrganizationSummarySchema,
} from '../schemas/organization.js';
import { MetricsSchema, PartnerProfileSchema } from '../schemas/partner.js';
import { ERROR_CODES, type ErrorCode, FieldErrorSchema, ProblemSchema } from '../schemas/problem.js';
import { ProductListSchema, ProductSchema } from '../schemas/product.js';
import { CriterionSchema, ProgramPolicySchema, RegionSchema } from '../schemas/program.js';
import {
  ActionSchema,
  ChecklistSchema,
  CriterionResultSchema,
  EvaluationSchema,
  SimulationChangesSchema,
  SimulationRequestSchema,
  SimulationResultSchema,
  TierStatusQuerySchema,
  TierStatusSchema,
} from '../schemas/tier-status.js';
import { DEFAULT_POLICY } from '../policy/default-policy.js';
import { documentedCheck } from '../schemas/documented-checks.js';
import type {
  ComponentsObject,
  HeaderObject,
  OpenAPIObject,
  OperationObject,
  ParameterObject,
  PathItemObject,
  ReferenceObject,
  ResponseObject,
  SchemaObject,
  SecurityRequirementObject,
} from './types.js';

export type * from './types.js';

/** Version of the API description; the paths are `/v1`. */
export const API_VERSION = '1.0.0';

/** Where the sandbox listens by default (`pnpm sandbox`). */
export const SANDBOX_BASE_URL = 'http://127.0.0.1:8787';

/** The served document itself, loosely: enough to say what `GET /openapi.json` answers. */
const OpenApiDocumentSchema = z.looseObject({
  openapi: z.string(),
  info: z.looseObject({ title: z.string(), version: z.string() }),
  paths: z.record(z.string(), z.looseObject({})),
});

type SchemaEntry = readonly [id: string, schema: z.core.$ZodType, description: string];

// Building blocks shared by requests and responses; they convert the same either way.
const SHARED_SCHEMAS: readonly SchemaEntry[] = [
  ['Id', IdSchema, 'Opaque identifier: letters, digits, `_` and `-`.'],
  ['IsoDate', IsoDateSchema, 'A calendar day, `YYYY-MM-DD`, meant in UTC.'],
  ['CountryCode', CountryCodeSchema, 'ISO 3166-1 alpha-2 country code, upper case.'],
  ['Tier', TierSchema, 'A tier of the program, lowest first: register, silver, gold, platinum.'],
  ['RegionCode', RegionCodeSchema, 'A program region (`dach`, `emea`, …); the policy lists them.'],
  ['DealStatus', DealStatusSchema, 'State of a deal registration.'],
  ['DealType', DealTypeSchema, 'What is registered: an opportunity, a deal or a project.'],
  ['SimulationChanges', SimulationChangesSchema, 'Hypothetical changes: metric deltas (may be negative), another region, another day.'],
];

/** Response bodies, converted as the server emits them (`io: 'output'`). */
const RESPONSE_SCHEMAS: readonly SchemaEntry[] = [
  ...SHARED_SCHEMAS,
  ['IsoDateTime', IsoDateTimeSchema, 'A point in time, ISO 8601 with `Z` or an offset.'],
  ['Money', MoneySchema, 'An amount in a currency (ISO 4217).'],
  ['LocalizedText', LocalizedTextSchema, 'Text keyed by BCP 47 language; `en` is always present.'],
  ['Metrics', MetricsSchema, 'Measured values keyed by criterion id; a missing criterion counts 0.'],
  ['Criterion', CriterionSchema, 'One criterion of the program; `announced` ones are shown as coming and not counted.'],
  ['Region', RegionSchema, 'A region with its countries and the requirement numbers that differ from the default table.'],
  ['ProgramPolicy', ProgramPolicySchema, 'The versioned program policy: tiers, criteria, requirement tables, regions, protection, benefits.'],
  ['Product', ProductSchema, 'One product of the Poly catalogue.'],
  ['ProductList', ProductListSchema, 'The Poly catalogue.'],
  ['PartnerProfile', PartnerProfileSchema, "A reseller's profile."],
  ['Action', ActionSchema, 'A localizable instruction; widgets turn `messageId` and `params` into a sentence.'],
  ['CriterionResult', CriterionResultSchema, 'One criterion measured against one tier.'],
  ['Checklist', ChecklistSchema, 'What reaches the next tier: each criterion with its gap and actions.'],
  ['Evaluation', EvaluationSchema, "The engine's evaluation of a partner at a day."],
  ['TierStatus', TierStatusSchema, 'The evaluation of a partner with the metrics behind it.'],
  ['SimulationResult', SimulationResultSchema, 'Baseline and projected evaluation of a what-if simulation.'],
  ['Deal', DealSchema, 'A deal registration.'],
  ['DealList', DealListSchema, "One page of a partner's deal registrations."],
  ['ConflictCheckResult', ConflictCheckResultSchema, 'Whether another partner holds this end customer; never says who.'],
  ['Organization', OrganizationSchema, 'An aggregator: distributor, ISP, carrier or Systemhaus association.'],
  ['Member', MemberSchema, "One member reseller as the aggregator's list shows it."],
  ['MemberPage', MemberPageSchema, "One page of an aggregator's member resellers."],
  ['OrganizationSummary', OrganizationSummarySchema, "An aggregator's members at a glance."],
  ['BadgeClaims', BadgeClaimsSchema, 'Claims inside a badge JWS (times in seconds since the epoch).'],
  ['Badge', BadgeSchema, 'A signed badge: the compact JWS and its claims.'],
  ['PublishableKey', PublishableKeySchema, 'A publishable key for the badge on web pages, and the website origins it is valid for.'],
  ['PublishableKeyList', PublishableKeyListSchema, "A partner's publishable keys (one page: `nextCursor` is always null)."],
  ['Jwk', JwkSchema, 'A public Ed25519 key.'],
  ['Jwks', JwksSchema, 'The public keys that verify badges and embed tokens.'],
  ['EmbedToken', EmbedTokenSchema, 'A short-lived embed token (compact JWS) and when it expires.'],
  ['FieldError', FieldErrorSchema, 'One validation failure: where, which check, and a message.'],
  ['Problem', ProblemSchema, 'RFC 9457 problem details with a stable machine `code` and the `requestId`.'],
  ['Health', HealthSchema, 'Liveness.'],
  ['OpenApiDocument', OpenApiDocumentSchema, 'This document.'],
];

/** Request bodies and queries, converted as the server accepts them (`io: 'input'`). */
const REQUEST_SCHEMAS: readonly SchemaEntry[] = [
  ...SHARED_SCHEMAS,
  ['DealInput', DealInputSchema, 'A deal registration as a reseller submits it. The end-customer contact must consent.'],
  ['ConflictCheckRequest', ConflictCheckRequestSchema, 'Whichever end-customer identifiers are known.'],
  ['SimulationRequest', SimulationRequestSchema, 'What-if changes, and the day of the baseline (default today).'],
  ['EmbedTokenRequest', EmbedTokenRequestSchema, 'Origin, subject, and optionally scopes and lifetime (never wider than the secret key).'],
  ['PublishableKeyOriginRequest', PublishableKeyOriginRequestSchema, 'A website origin whose host is a registrable domain or a host under one.'],
  ['DealListQuery', DealListQuerySchema, 'Query of the deal list.'],
  ['MemberQuery', MemberQuerySchema, 'Query of the member list: filters, sort, cursor pagination.'],
  ['TierStatusQuery', TierStatusQuerySchema, 'Query of the tier status.'],
];

/**
 * What zod's conversion cannot say by itself: checks done by a refine or by the server beside the schema
 * (schemas/documented-checks.ts), and the default policy's regions and criteria, the only ones a simulation accepts.
 */
function override({ zodSchema, jsonSchema }: { zodSchema: z.core.$ZodType; jsonSchema: Record<string, any> }): void {
  const documented = documentedCheck(zodSchema);
  if (documented) Object.assign(jsonSchema, documented);
  // A tuple converts to `prefixItems` and `items: false`; `{ not: {} }` says the same (nothing after the listed items)
  // as a schema, which OpenAPI tools (Spectral's array-items rule) expect `items` to be.
  if (jsonSchema.items === false) jsonSchema.items = { not: {} };
  if (zodSchema === SimulationChangesSchema) {
    const properties = jsonSchema.properties as Record<string, Record<string, unknown>>;
    properties.region = { ...properties.region, enum: DEFAULT_POLICY.regions.map((region) => region.code) };
    properties.metricDeltas = {
      ...properties.metricDeltas,
      propertyNames: { enum: DEFAULT_POLICY.criteria.map((criterion) => criterion.id) },
    };
  }
}

const schemaRef = (id: string): ReferenceObject => ({ $ref: `#/components/schemas/${id}` });

/** Converts one registry of schemas with `z.toJSONSchema`, cross-references as `#/components/schemas/<id>`. */
function convert(entries: readonly SchemaEntry[], io: 'input' | 'output'): Record<string, SchemaObject> {
  const registry = z.registry<{ id: string; description: string }>();
  for (const [id, schema, description] of entries) registry.add(schema, { id, description });
  const { schemas } = z.toJSONSchema(registry, {
    io,
    target: 'draft-2020-12',
    uri: (id) => schemaRef(id).$ref,
    override: override as never,
  });
  const result: Record<string, SchemaObject> = {};
  for (const [id, schema] of Object.entries(schemas)) {
    // `$id` and `$schema` belong to standalone schemas; inside the document the dialect is OpenAPI 3.1's.
    const { $id: _id, $schema: _schema, ...rest } = schema as SchemaObject;
    result[id] = rest;
  }
  return result;
}

/** Every component schema, keys sorted so the document is stable whatever the registration order. */
function componentSchemas(): Record<string, SchemaObject> {
  const responses = convert(RESPONSE_SCHEMAS, 'output');
  const requests = convert(REQUEST_SCHEMAS, 'input');
  for (const [id, schema] of Object.entries(requests)) {
    const other = responses[id];
    if (other && JSON.stringify(other) !== JSON.stringify(schema)) {
      throw new Error(`Schema "${id}" differs between requests and responses; give the request schema its own id`);
    }
  }
  const merged: Record<string, SchemaObject> = { ...responses, ...requests };
  return Object.fromEntries(Object.keys(merged).sort().map((id) => [id, merged[id]!]));
}

/** Query parameters taken from a query schema's properties, so the document says exactly what the server parses. */
function queryParameters(schemas: Record<string, SchemaObject>, id: string, descriptions: Record<string, string>): ParameterObject[] {
  const schema = schemas[id]!;
  const properties = schema.properties as Record<string, SchemaObject>;
  const required = new Set((schema.required as string[] | undefined) ?? []);
  return Object.entries(properties).map(([name, property]) => ({
    name,
    in: 'query',
    ...(descriptions[name] ? { description: descriptions[name] } : {}),
    required: required.has(name),
    schema: property,
  }));
}

// Problem responses: one per status, listing the codes the API answers with at that status.
const PROBLEM_RESPONSES = {
  400: ['BadRequest', 'The request is malformed: JSON that does not parse, or an invalid `Idempotency-Key`.'],
  401: ['Unauthorized', 'No credential, or one that is invalid or expired.'],
  403: ['Forbidden', 'The credential may not do this: another tenant, an origin it is not bound to, or a missing scope.'],
  404: ['NotFound', 'No such resource — or none this credential may see; the two are not told apart.'],
  409: ['Conflict', 'The registration has been decided and can no longer be withdrawn.'],
  413: ['PayloadTooLarge', 'The request body is larger than the API accepts.'],
  415: ['UnsupportedMediaType', 'The request body is not `application/json`.'],
  422: ['UnprocessableContent', 'The body, query or header breaks the contract; `errors` lists each field.'],
  429: ['TooManyRequests', 'Rate limit of the credential reached; retry after `Retry-After` seconds.'],
  500: ['InternalError', 'The server failed; the `requestId` helps support find out why.'],
  503: ['ServiceUnavailable', 'The server cannot answer this right now; try again later.'],
} as const satisfies Record<number, readonly [string, string]>;
type ProblemStatus = keyof typeof PROBLEM_RESPONSES;

function codesFor(status: number): ErrorCode[] {
  return (Object.keys(ERROR_CODES) as ErrorCode[]).filter((code) => ERROR_CODES[code] === status);
}

const headerRef = (id: string): ReferenceObject => ({ $ref: `#/components/headers/${id}` });
const parameterRef = (id: string): ReferenceObject => ({ $ref: `#/components/parameters/${id}` });
const responseRef = (id: string): ReferenceObject => ({ $ref: `#/components/responses/${id}` });

function problemResponses(): Record<string, ResponseObject> {
  const responses: Record<string, ResponseObject> = {};
  for (const [status, [id, description]] of Object.entries(PROBLEM_RESPONSES)) {
    const codes = codesFor(Number(status));
    responses[id] = {
      description: `${description} Codes: ${codes.map((code) => `\`${code}\``).join(', ')}.`,
      headers: {
        'x-request-id': headerRef('RequestId'),
        ...(status === '429' ? { 'Retry-After': headerRef('RetryAfter') } : {}),
      },
      content: {
        'application/problem+json': {
          schema: {
            allOf: [schemaRef('Problem')],
            properties: { status: { const: Number(status) }, code: { enum: codes } },
          },
        },
      },
    };
  }
  responses.NotModified = {
    description: 'The representation matching `If-None-Match` has not changed; no body.',
    headers: { ETag: headerRef('ETag'), 'x-request-id': headerRef('RequestId') },
  };
  return responses;
}

function components(schemas: Record<string, SchemaObject>): ComponentsObject {
  const headers: Record<string, HeaderObject> = {
    ETag: {
      description: 'Entity tag of the representation; send it back as `If-None-Match` to revalidate.',
      required: true,
      schema: { type: 'string' },
    },
    RequestId: {
      description: 'Identifier of this request, also in problem bodies as `requestId`; quote it to support.',
      required: true,
      schema: { type: 'string' },
    },
    RetryAfter: {
      description: 'Seconds to wait before trying again.',
      required: true,
      schema: { type: 'integer', minimum: 0 },
    },
  };
  const pathId = (name: string, description: string): ParameterObject => ({
    name,
    in: 'path',
    description,
    required: true,
    schema: schemaRef('Id'),
  });
  return {
    schemas,
    parameters: {
      PartnerId: pathId('partnerId', 'The reseller.'),
      DealId: pathId('dealId', 'The deal registration.'),
      OrgId: pathId('orgId', 'The aggregator (distributor, ISP, carrier or Systemhaus association).'),
      PublishableKeyId: pathId('keyId', 'The publishable key, by its `id` (never by the key itself).'),
      IfNoneMatch: {
        name: 'If-None-Match',
        in: 'header',
        description: 'An `ETag` from an earlier answer; the API answers 304 without a body when it still matches.',
        required: false,
        schema: { type: 'string' },
      },
      IdempotencyKey: {
        name: 'Idempotency-Key',
        in: 'header',
        description:
          'Makes the registration safe to retry: the same key with the same body replays the first answer (same status); ' +
          'the same key with another body answers 422 `idempotency_key_reused`.',
        required: false,
        schema: z.toJSONSchema(IdempotencyKeySchema, { io: 'input', target: 'draft-2020-12' }) as SchemaObject,
      },
    },
    headers,
    responses: problemResponses(),
    securitySchemes: {
      secretKey: {
        type: 'http',
        scheme: 'bearer',
        bearerFormat: 'sk_…',
        description:
          'Secret key (`sk_…`), server side only, scoped to one partner or one organization. A partner key reads ' +
          'that partner only; an organization key reads the organization and its own members only.',
      },
      embedToken: {
        type: 'http',
        scheme: 'bearer',
        bearerFormat: 'JWS',
        description:
          'Embed token: a compact JWS (EdDSA) minted from a secret key by `POST /v1/embed-tokens`, valid at most 10 ' +
          'minutes, bound to one partner or organization, one origin and a set of scopes. Honoured only on requests ' +
          'whose `Origin` is its origin. The scope an operation needs is named in its security requirement; ' +
          '`x-scopes` lists them all.\n\n' +
          Object.entries(SCOPE_DESCRIPTIONS).map(([scope, description]) => `- \`${scope}\`: ${description}`).join('\n'),
        'x-scopes': SCOPE_DESCRIPTIONS,
      },
      publishableKey: {
        type: 'http',
        scheme: 'bearer',
        bearerFormat: 'pk_…',
        description:
          "Publishable key (`pk_…`) for marketing sites: reads one partner's public badge, nothing else, and only " +
          'from the origins registered for the key.',
      },
      publishableKeyQuery: {
        type: 'apiKey',
        in: 'query',
        name: 'key',
        description:
          'The publishable key as `?key=pk_…`, for `badge.svg` only: an `<img>` cannot send an `Authorization` header.',
      },
    },
  };
}

/**
 * What each embed-token scope allows. OpenAPI declares scopes only on OAuth 2 flows, and an embed token is a bearer
 * JWS, not OAuth 2: the scopes are declared here, as `x-scopes` on the `embedToken` scheme, and a test holds every
 * scope an operation names to this list (Spectral's oas3-operation-security-defined looks for OAuth flows only).
 */
const SCOPE_DESCRIPTIONS: Record<Scope, string> = {
  'program:read': 'read the program policy and the product catalogue',
  'partner:read': "read a reseller's profile",
  'tier:read': "read a reseller's tier status",
  'tier:simulate': "run what-if simulations of a reseller's tier",
  'deals:read': "read a reseller's deal registrations",
  'deals:write': 'register deals, pre-check conflicts and withdraw registrations',
  'organization:read': "read an aggregator's profile and summary",
  'members:read': "list an aggregator's member resellers",
  'badge:read': "read a reseller's signed badge and its image",
  'badge:manage': "create the reseller's publishable keys and register the website origins they are valid for",
};

/** Who may call an operation: nobody needs a credential (`public`), or these credentials with this embed-token scope. */
type Access = 'public' | 'secretKeyOnly' | { scope: Scope; publishable?: true | 'andQuery' };

type PathParameter = 'PartnerId' | 'DealId' | 'OrgId' | 'PublishableKeyId';

interface OperationSpec {
  method: 'get' | 'post';
  path: string;
  operationId: string;
  summary: string;
  /** Required: every operation says more than its summary (Spectral's operation-description; a test checks it too). */
  description: string;
  tag: string;
  access: Access;
  /** Path parameter components, in the order of the path. */
  pathParameter?: PathParameter | readonly PathParameter[];
  /** Query schema component and descriptions of its parameters. */
  query?: { schema: string; descriptions: Record<string, string> };
  idempotencyKey?: true;
  body?: { schema: string; description: string };
  success: { status: 200 | 201; description: string; schema: string; mediaType?: string };
  /** Extra problem statuses beyond those the rest of the spec implies. */
  also?: ProblemStatus[];
  /** Liveness must answer even when a caller is over its rate limit. */
  notRateLimited?: true;
}

// Every path of DESIGN.md's API table, in its order.
const OPERATIONS: readonly OperationSpec[] = [
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
      'or an embed token with `badge:manage` may list them; any other credential answers 403 `forbidden`.',
    access: { scope: 'badge:manage' }, pathParameter: 'PartnerId',
    success: { status: 200, description: 'Every publishable key of the reseller.', schema: 'PublishableKeyList' },
  },
  {
    method: 'post', path: '/v1/partners/{partnerId}/publishable-keys', operationId: 'createPublishableKey', tag: 'badges',
    summary: 'Create a publishable key',
    description:
      'A new key that reads the reseller\'s badge, valid for no origin until one is added. A reseller holds at most ' +
      '5 keys (409 `key_limit_reached`). Only the reseller\'s own credentials may create one (else 403 `forbidden`).',
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
];

const TAGS = [
  ['program', 'The program policy that every tier rule is read from.'],
  ['products', 'The Poly catalogue.'],
  ['partners', 'Resellers.'],
  ['tiers', 'Tier evaluation and what-if simulation.'],
  ['deals', 'Deal registration.'],
  ['organizations', 'Aggregators and their member resellers.'],
  ['badges', 'Signed partner badges for marketing sites.'],
  ['auth', 'Embed tokens and the keys that verify them.'],
  ['meta', 'The contract and liveness.'],
] as const;

function security(access: Access): SecurityRequirementObject[] {
  if (access === 'public') return [];
  if (access === 'secretKeyOnly') return [{ secretKey: [] }];
  return [
    { secretKey: [] },
    { embedToken: [access.scope] },
    ...(access.publishable ? [{ publishableKey: [] }] : []),
    ...(access.publishable === 'andQuery' ? [{ publishableKeyQuery: [] }] : []),
  ];
}

function operation(spec: OperationSpec, schemas: Record<string, SchemaObject>): OperationObject {
  const parameters: (ParameterObject | ReferenceObject)[] = [];
  for (const id of [spec.pathParameter ?? []].flat()) parameters.push(parameterRef(id));
  if (spec.query) parameters.push(...queryParameters(schemas, spec.query.schema, spec.query.descriptions));
  if (spec.idempotencyKey) parameters.push(parameterRef('IdempotencyKey'));
  if (spec.method === 'get') parameters.push(parameterRef('IfNoneMatch'));

  const mediaType = spec.success.mediaType ?? 'application/json';
  // Markup (the SVG badge; HTML) is no schema of ours: a string. JSON answers are components.
  const successSchema = mediaType === 'application/json' ? schemaRef(spec.success.schema) : { type: 'string' };
  const responses: Record<string, ResponseObject | ReferenceObject> = {
    [spec.success.status]: {
      description: spec.success.description,
      headers: {
        ...(spec.method === 'get' ? { ETag: headerRef('ETag') } : {}),
        'x-request-id': headerRef('RequestId'),
      },
      content: { [mediaType]: { schema: successSchema } },
    },
  };
  if (spec.method === 'get') responses[304] = responseRef('NotModified');

  const statuses = new Set<ProblemStatus>([500, ...(spec.also ?? [])]);
  // Anonymous callers are rate-limited too (per client), so only liveness never answers 429.
  if (!spec.notRateLimited) statuses.add(429);
  if (spec.access !== 'public') [401, 403].forEach((status) => statuses.add(status as ProblemStatus));
  if (spec.pathParameter) statuses.add(404);
  if (spec.query) statuses.add(422);
  if (spec.body) [400, 413, 415, 422].forEach((status) => statuses.add(status as ProblemStatus));
  for (const status of [...statuses].sort((a, b) => a - b)) responses[status] = responseRef(PROBLEM_RESPONSES[status][0]);
  // A person follows the badge's link: an unknown partner gets a page saying so, not a problem document.
  if (spec.success.schema === 'VerificationPage') {
    responses[404] = {
      description: 'No such partner; the page says that a badge linking here is not genuine.',
      headers: { 'x-request-id': headerRef('RequestId') },
      content: { 'text/html': { schema: { type: 'string' } } },
    };
  }

  return {
    operationId: spec.operationId,
    summary: spec.summary,
    description: spec.description,
    tags: [spec.tag],
    security: security(spec.access),
    ...(parameters.length > 0 ? { parameters } : {}),
    ...(spec.body
      ? {
          requestBody: {
            description: spec.body.description,
            required: true,
            content: { 'application/json': { schema: schemaRef(spec.body.schema) } },
          },
        }
      : {}),
    responses,
  };
}

/** Every method and path of the API, in the order of DESIGN.md's table. */
export const API_OPERATIONS: readonly { method: 'get' | 'post'; path: string; operationId: string }[] = OPERATIONS.map(
  ({ method, path, operationId }) => ({ method, path, operationId }),
);

/**
 * The OpenAPI 3.1 document of the Poly partner API (v1), generated from the contract's zod schemas:
 * request bodies as the server accepts them, responses as it emits them, problems as `application/problem+json`.
 * Deterministic: the same contract gives the same document, key for key.
 */
export function buildOpenApiDocument(): OpenAPIObject {
  const schemas = componentSchemas();
  const paths: Record<string, PathItemObject> = {};
  for (const spec of OPERATIONS) {
    const item = (paths[spec.path] ??= {});
    item[spec.method] = operation(spec, schemas);
  }
  // Query schemas are converted only to be spelled out as parameters; as components nothing would refer to them.
  const querySchemas = new Set(OPERATIONS.flatMap((spec) => (spec.query ? [spec.query.schema] : [])));
  const referenced = Object.fromEntries(Object.entries(schemas).filter(([id]) => !querySchemas.has(id)));
  return {
    openapi: '3.1.0',
    info: {
      title: 'Poly Partner API',
      version: API_VERSION,
      contact: { name: 'Poly Partner Kit', url: 'https://github.com/poly-partner/partner-kit/issues' },
      license: { name: 'MIT', identifier: 'MIT' },
      summary: 'Tier status, deal registration, member overviews and badges of the Poly partner program.',
      description:
        'Every credential travels as `Authorization: Bearer <credential>`: secret keys (server side), embed tokens ' +
        '(minted from a secret key, bound to one origin) and publishable keys (badges only; the badge image also ' +
        'takes one as `?key=`, since an `<img>` cannot send headers). Errors are RFC 9457 ' +
        'problem details with a stable `code`. GET answers carry an `ETag` and answer `If-None-Match` with 304; ' +
        'every answer carries `x-request-id`; rate limits answer 429 with `Retry-After`. Lists are cursor-paginated: ' +
        '`{ items, nextCursor, total }`.\n\n' +
        'Who sees what of a deal registration: the reseller that registered it sees all of it. A distributor sees the ' +
        'deals of its members routed through it (`distributorId` is the distributor): type, status, customer company ' +
        'and domain, products and value, never the end customer\'s contact person (`customer.contact` is absent). An ' +
        'ISP, carrier or Systemhaus association sees its members\' pipeline as aggregates only (counts and values per ' +
        'status, in its organization summary); it reads no deal rows (`403 insufficient_scope`: its credentials do not ' +
        'hold `deals:read`). The end customer consented to be named to Poly, no one else.',
    },
    servers: [{ url: SANDBOX_BASE_URL, description: 'The sandbox (`pnpm sandbox`)' }],
    tags: TAGS.map(([name, description]) => ({ name, description })),
    security: [{ secretKey: [] }, { embedToken: [] }],
    paths,
    components: components(referenced),
  };
}
