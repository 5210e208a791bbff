// The component schemas of the OpenAPI document: which zod schema is published under which id, and their conversion.
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
} from '../schemas/deal.js';
import { EmbedTokenRequestSchema, EmbedTokenSchema } from '../schemas/embed-token.js';
import {
  EventListQuerySchema,
  EventPageSchema,
  EventSchema,
  PageQuerySchema,
  WebhookDeliveryListSchema,
  WebhookDeliverySchema,
  WebhookEndpointInputSchema,
  WebhookEndpointListSchema,
  WebhookEndpointSchema,
  WebhookEndpointWithSecretSchema,
  WebhookTestRequestSchema,
} from '../schemas/event.js';
import { PublishableKeyListSchema, PublishableKeyOriginRequestSchema, PublishableKeySchema } from '../schemas/publishable-key.js';
import { HealthSchema } from '../schemas/health.js';
import {
  MemberPageSchema,
  MemberQuerySchema,
  MemberSchema,
  OrganizationSchema,
  OrganizationSummarySchema,
} from '../schemas/organization.js';
import { MetricsSchema, PartnerProfileSchema } from '../schemas/partner.js';
import { FieldErrorSchema, ProblemSchema } from '../schemas/problem.js';
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
import type { ReferenceObject, SchemaObject } from './types.js';

/** The served document itself, loosely: enough to say what `GET /openapi.json` answers. */
const OpenApiDocumentSchema = z.looseObject({
  openapi: z.string(),
  info: z.looseObject({ title: z.string(), version: z.string() }),
  paths: z.record(z.string(), z.looseObject({})),
});

type SchemaEntry = readonly [id: string, schema: z.core.$ZodType, description: string];

// Building blocks shared by requests and responses; they convert the same either way.
const SHARED_SCHEMAS = [
  ['Id', IdSchema, 'Opaque identifier: letters, digits, `_` and `-`.'],
  ['IsoDate', IsoDateSchema, 'A calendar day, `YYYY-MM-DD`, meant in UTC.'],
  ['CountryCode', CountryCodeSchema, 'ISO 3166-1 alpha-2 country code, upper case.'],
  ['Tier', TierSchema, 'A tier of the program, lowest first: register, silver, gold, platinum.'],
  ['RegionCode', RegionCodeSchema, 'A program region (`dach`, `emea`, …); the policy lists them.'],
  ['DealStatus', DealStatusSchema, 'State of a deal registration.'],
  ['DealType', DealTypeSchema, 'What is registered: an opportunity, a deal or a project.'],
  ['SimulationChanges', SimulationChangesSchema, 'Hypothetical changes: metric deltas (may be negative), another region, another day.'],
] as const satisfies readonly SchemaEntry[];

/** Response bodies, converted as the server emits them (`io: 'output'`). */
const RESPONSE_SCHEMAS = [
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
  ['Event', EventSchema, 'Something that changed: `id` (also the `webhook-id` of its deliveries), `type`, `occurredAt`, and the resource after the change in `data`.'],
  ['EventPage', EventPageSchema, 'One page of events, oldest first.'],
  ['WebhookEndpoint', WebhookEndpointSchema, 'Where events are delivered, and which.'],
  ['WebhookEndpointWithSecret', WebhookEndpointWithSecretSchema, 'A webhook endpoint with its signing secret, shown once (on creation and rotation).'],
  ['WebhookEndpointList', WebhookEndpointListSchema, "One page of the credential's webhook endpoints."],
  ['WebhookDelivery', WebhookDeliverySchema, 'One event sent to one endpoint: every attempt with its status code and duration.'],
  ['WebhookDeliveryList', WebhookDeliveryListSchema, "One page of an endpoint's deliveries, newest first."],
  ['FieldError', FieldErrorSchema, 'One validation failure: where, which check, and a message.'],
  ['Problem', ProblemSchema, 'RFC 9457 problem details with a stable machine `code` and the `requestId`.'],
  ['Health', HealthSchema, 'Liveness.'],
  ['OpenApiDocument', OpenApiDocumentSchema, 'This document.'],
] as const satisfies readonly SchemaEntry[];

/** Request bodies and queries, converted as the server accepts them (`io: 'input'`). */
const REQUEST_SCHEMAS = [
  ...SHARED_SCHEMAS,
  ['DealInput', DealInputSchema, 'A deal registration as a reseller submits it. The end-customer contact must consent.'],
  ['ConflictCheckRequest', ConflictCheckRequestSchema, 'Whichever end-customer identifiers are known.'],
  ['SimulationRequest', SimulationRequestSchema, 'What-if changes, and the day of the baseline (default today).'],
  ['EmbedTokenRequest', EmbedTokenRequestSchema, 'Origin, subject, and optionally scopes and lifetime (never wider than the secret key).'],
  ['PublishableKeyOriginRequest', PublishableKeyOriginRequestSchema, 'A website origin whose host is a registrable domain or a host under one.'],
  ['DealListQuery', DealListQuerySchema, 'Query of the deal list.'],
  ['MemberQuery', MemberQuerySchema, 'Query of the member list: filters, sort, cursor pagination.'],
  ['TierStatusQuery', TierStatusQuerySchema, 'Query of the tier status.'],
  ['EventListQuery', EventListQuerySchema, 'Query of the event feed: type filter, cursor pagination.'],
  ['PageQuery', PageQuerySchema, 'Cursor pagination.'],
  ['WebhookEndpointInput', WebhookEndpointInputSchema, 'A webhook endpoint: URL, the event types it wants, and a description.'],
  ['WebhookTestRequest', WebhookTestRequestSchema, 'Which kind of sample event to send.'],
] as const satisfies readonly SchemaEntry[];


/** The id of a registered response schema (a component the server emits). */
export type ResponseSchemaId = (typeof RESPONSE_SCHEMAS)[number][0];
/** The id of a registered request schema (a body or query the server accepts). */
export type RequestSchemaId = (typeof REQUEST_SCHEMAS)[number][0];
/** Every registered component schema id. */
export type SchemaId = ResponseSchemaId | RequestSchemaId;

/**
 * What zod's conversion cannot say by itself: checks done by a refine or by the server beside the schema
 * (schemas/documented-checks.ts), and the default policy's regions and criteria, the only ones a simulation accepts.
 */
function override({ zodSchema, jsonSchema }: { zodSchema: z.core.$ZodType; jsonSchema: Record<string, unknown> }): void {
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

export const schemaRef = (id: SchemaId): ReferenceObject => ({ $ref: `#/components/schemas/${id}` });

/** Converts one registry of schemas with `z.toJSONSchema`, cross-references as `#/components/schemas/<id>`. */
function convert(entries: readonly SchemaEntry[], io: 'input' | 'output'): Record<string, SchemaObject> {
  const registry = z.registry<{ id: string; description: string }>();
  for (const [id, schema, description] of entries) registry.add(schema, { id, description });
  const { schemas } = z.toJSONSchema(registry, {
    io,
    target: 'draft-2020-12',
    uri: (id) => `#/components/schemas/${id}`,
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
export function componentSchemas(): Record<string, SchemaObject> {
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

