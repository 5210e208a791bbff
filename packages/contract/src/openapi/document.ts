// The OpenAPI 3.1 document of the Poly partner API, generated from the contract's zod schemas so the two cannot drift.
import { type Access, OPERATIONS, type OperationSpec, TAGS } from './operations.js';
import { componentSchemas, type RequestSchemaId, schemaRef } from './schemas.js';
import { components, headerRef, parameterRef, PROBLEM_RESPONSES, type ProblemStatus, responseRef } from './components.js';
import type {
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

/** Query parameters taken from a query schema's properties, so the document says exactly what the server parses. */
function queryParameters(schemas: Record<string, SchemaObject>, id: RequestSchemaId, descriptions: Readonly<Record<string, string>>): ParameterObject[] {
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
  const successSchema =
    spec.success.schema === undefined ? undefined : spec.success.mediaType === undefined ? schemaRef(spec.success.schema) : { type: 'string' };
  const responses: Record<string, ResponseObject | ReferenceObject> = {
    [spec.success.status]: {
      description: spec.success.description,
      headers: {
        ...(spec.method === 'get' ? { ETag: headerRef('ETag') } : {}),
        'x-request-id': headerRef('RequestId'),
      },
      // 204 has no body.
      ...(successSchema ? { content: { [mediaType]: { schema: successSchema } } } : {}),
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
/**
 * The OpenAPI 3.1 document of the Poly partner API (v1), generated from the contract's zod schemas:
 * request bodies as the server accepts them, responses as it emits them, problems as `application/problem+json`.
 * Deterministic: the same contract gives the same document, key for key.
 */
export function buildOpenApiDocument(): OpenAPIObject {
  const schemas = componentSchemas();
  const paths: Record<string, PathItemObject> = {};
  const specs: readonly OperationSpec[] = OPERATIONS;
  for (const spec of specs) {
    const item = (paths[spec.path] ??= {});
    item[spec.method] = operation(spec, schemas);
  }
  // Query schemas are converted only to be spelled out as parameters; as components nothing would refer to them.
  const querySchemas = new Set<string>(specs.flatMap((spec) => (spec.query ? [spec.query.schema] : [])));
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

