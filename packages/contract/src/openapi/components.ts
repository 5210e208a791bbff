// The shared parts of the OpenAPI document: problem responses, headers, parameters and security schemes.
import * as z from 'zod/mini';
import { IdempotencyKeySchema } from '../schemas/deal.js';
import type { Scope } from '../schemas/embed-token.js';
import { ERROR_CODES, type ErrorCode } from '../schemas/problem.js';
import { schemaRef } from './schemas.js';
import type { ComponentsObject, HeaderObject, ParameterObject, ReferenceObject, ResponseObject, SchemaObject } from './types.js';

// Problem responses: one per status, listing the codes the API answers with at that status.
export const PROBLEM_RESPONSES = {
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
export type ProblemStatus = keyof typeof PROBLEM_RESPONSES;

function codesFor(status: number): ErrorCode[] {
  return (Object.keys(ERROR_CODES) as ErrorCode[]).filter((code) => ERROR_CODES[code] === status);
}

export const headerRef = (id: string): ReferenceObject => ({ $ref: `#/components/headers/${id}` });
export const parameterRef = (id: string): ReferenceObject => ({ $ref: `#/components/parameters/${id}` });
export const responseRef = (id: string): ReferenceObject => ({ $ref: `#/components/responses/${id}` });

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

export function components(schemas: Record<string, SchemaObject>): ComponentsObject {
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
      EndpointId: pathId('endpointId', 'The webhook endpoint.'),
      DeliveryId: pathId('deliveryId', 'The delivery.'),
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
  'events:read': 'read the events the credential may see (tier, protection, deal and badge changes)',
};
