// The OpenAPI document: in sync with the committed file, valid OpenAPI 3.1, complete, and true to the schemas.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, test } from 'node:test';
import { Validator } from '@seriousme/openapi-schema-validator';
import {
  buildOpenApiDocument,
  DEFAULT_POLICY,
  ERROR_CODES,
  evaluate,
  type OpenAPIObject,
  type OperationObject,
  simulate,
} from '../src/index.js';
import { openApiFileText } from '../scripts/write-openapi.js';

// DESIGN.md "The API (v1)", written out: a path missing from the document is a contract broken.
const API_TABLE = [
  'GET /v1/program',
  'GET /v1/products',
  'GET /v1/partners/{partnerId}',
  'GET /v1/partners/{partnerId}/tier-status',
  'POST /v1/partners/{partnerId}/tier-simulations',
  'GET /v1/partners/{partnerId}/deals',
  'POST /v1/partners/{partnerId}/deals',
  'POST /v1/partners/{partnerId}/deals/conflict-check',
  'GET /v1/deals/{dealId}',
  'POST /v1/deals/{dealId}/withdraw',
  'GET /v1/organizations/{orgId}',
  'GET /v1/organizations/{orgId}/summary',
  'GET /v1/organizations/{orgId}/members',
  'GET /v1/partners/{partnerId}/badge',
  'GET /v1/partners/{partnerId}/badge.svg',
  'GET /v1/partners/{partnerId}/publishable-keys',
  'POST /v1/partners/{partnerId}/publishable-keys',
  'POST /v1/partners/{partnerId}/publishable-keys/{keyId}/origins',
  'GET /.well-known/jwks.json',
  'GET /verify/{partnerId}',
  'POST /v1/embed-tokens',
  'GET /v1/events',
  'POST /v1/webhook-endpoints',
  'GET /v1/webhook-endpoints',
  'GET /v1/webhook-endpoints/{endpointId}',
  'DELETE /v1/webhook-endpoints/{endpointId}',
  'POST /v1/webhook-endpoints/{endpointId}/rotate-secret',
  'POST /v1/webhook-endpoints/{endpointId}/test',
  'GET /v1/webhook-endpoints/{endpointId}/deliveries',
  'POST /v1/webhook-endpoints/{endpointId}/deliveries/{deliveryId}/retry',
  'GET /openapi.json',
  'GET /healthz',
];

/** Success statuses other than 200. */
const OTHER_SUCCESS: Record<string, string> = {
  'POST /v1/partners/{partnerId}/deals': '201',
  'POST /v1/partners/{partnerId}/publishable-keys': '201',
  'POST /v1/webhook-endpoints': '201',
  'DELETE /v1/webhook-endpoints/{endpointId}': '204',
  'POST /v1/webhook-endpoints/{endpointId}/test': '202',
  'POST /v1/webhook-endpoints/{endpointId}/deliveries/{deliveryId}/retry': '202',
};

const document = buildOpenApiDocument();

function operations(doc: OpenAPIObject): [string, OperationObject][] {
  return Object.entries(doc.paths).flatMap(([path, item]) =>
    (['get', 'post', 'delete'] as const).flatMap((method) => (item[method] ? [[`${method.toUpperCase()} ${path}`, item[method]!] as [string, OperationObject]] : [])),
  );
}
const byKey = new Map(operations(document));
const operation = (key: string) => {
  const found = byKey.get(key);
  assert.ok(found, `${key} is in the document`);
  return found;
};

/** Follows a local `$ref` (`#/components/...`) through the document; undefined when it leads nowhere. */
function resolvePointer(root: unknown, ref: string): unknown {
  if (!ref.startsWith('#/')) return undefined;
  let node: unknown = root;
  for (const raw of ref.slice(2).split('/')) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (node === null || typeof node !== 'object' || !(key in node)) return undefined;
    node = (node as Record<string, unknown>)[key];
  }
  return node;
}
function* refsIn(node: unknown, path = '#'): Generator<[string, string]> {
  if (Array.isArray(node)) {
    for (const [index, item] of node.entries()) yield* refsIn(item, `${path}/${index}`);
  } else if (node && typeof node === 'object') {
    for (const [key, value] of Object.entries(node)) {
      if (key === '$ref' && typeof value === 'string') yield [path, value];
      else yield* refsIn(value, `${path}/${key}`);
    }
  }
}
/** The resolved response of an operation at a status, following `$ref`s. */
function response(key: string, status: number | string): Record<string, any> {
  const raw = operation(key).responses[status];
  assert.ok(raw, `${key} answers ${status}`);
  return ('$ref' in raw ? resolvePointer(document, raw.$ref) : raw) as Record<string, any>;
}
function parameterNames(key: string): string[] {
  return (operation(key).parameters ?? []).map((parameter) => {
    const resolved = ('$ref' in parameter ? resolvePointer(document, parameter.$ref) : parameter) as { name: string };
    return resolved.name;
  });
}

describe('openapi.json', () => {
  test('the committed file is in sync with buildOpenApiDocument()', () => {
    const committed = readFileSync(new URL('../openapi.json', import.meta.url), 'utf8');
    assert.ok(
      committed === openApiFileText(),
      'packages/contract/openapi.json is out of date: run `pnpm build` (or `pnpm --filter @poly-partner/contract build`) and commit it',
    );
  });

  test('is deterministic: two builds give the same text', () => {
    assert.equal(JSON.stringify(buildOpenApiDocument()), JSON.stringify(document));
  });

  test('validates as OpenAPI 3.1', async () => {
    const validator = new Validator();
    const result = await validator.validate(structuredClone(document) as unknown as Record<string, unknown>);
    assert.equal(validator.version, '3.1');
    assert.ok(result.valid, JSON.stringify(result.errors, null, 2));
  });

  test('every $ref resolves', () => {
    let count = 0;
    for (const [at, ref] of refsIn(document)) {
      count += 1;
      assert.notEqual(resolvePointer(document, ref), undefined, `${ref} at ${at} leads nowhere`);
    }
    assert.ok(count > 100, `only ${count} references`);
  });
});

describe('what the document covers', () => {
  test('every method and path of the API table, and nothing else', () => {
    assert.deepEqual([...byKey.keys()].sort(), [...API_TABLE].sort());
  });

  test('operation ids are unique', () => {
    const ids = [...byKey.values()].map((op) => op.operationId);
    assert.equal(new Set(ids).size, ids.length);
  });

  test('servers name the sandbox', () => {
    assert.deepEqual(document.servers.map((server) => server.url), ['http://127.0.0.1:8787']);
  });

  test('path parameters are declared for every templated path', () => {
    for (const [key] of byKey) {
      const templated = [...key.matchAll(/\{(\w+)\}/g)].map((match) => match[1]);
      for (const name of templated) assert.ok(parameterNames(key).includes(name!), `${key} declares ${name}`);
    }
  });

  for (const [key, names] of [
    ['GET /v1/partners/{partnerId}/deals', ['status', 'cursor', 'limit']],
    ['GET /v1/organizations/{orgId}/members', ['tier', 'country', 'region', 'q', 'protectionEndingWithinDays', 'sort', 'cursor', 'limit']],
    ['GET /v1/partners/{partnerId}/tier-status', ['asOf']],
  ] as const) {
    test(`${key} takes the query parameters ${names.join(', ')}`, () => {
      for (const name of names) assert.ok(parameterNames(key).includes(name), name);
    });
  }

  test('member list limit is at most 500, deal list status is the deal states', () => {
    const members = operation('GET /v1/organizations/{orgId}/members').parameters as { name: string; schema: any }[];
    assert.equal(members.find((parameter) => parameter.name === 'limit')?.schema.maximum, 500);
    const deals = operation('GET /v1/partners/{partnerId}/deals').parameters as { name: string; schema: any }[];
    const status = resolvePointer(document, deals.find((parameter) => parameter.name === 'status')?.schema.$ref) as { enum: string[] };
    assert.ok(status.enum.includes('under_review') && status.enum.includes('withdrawn'));
  });

  test('request bodies are the input schemas', () => {
    const bodies = Object.fromEntries(
      [...byKey].filter(([, op]) => op.requestBody).map(([key, op]) => [key, (op.requestBody!.content['application/json']!.schema as { $ref: string }).$ref]),
    );
    assert.deepEqual(bodies, {
      'POST /v1/partners/{partnerId}/tier-simulations': '#/components/schemas/SimulationRequest',
      'POST /v1/partners/{partnerId}/deals': '#/components/schemas/DealInput',
      'POST /v1/partners/{partnerId}/deals/conflict-check': '#/components/schemas/ConflictCheckRequest',
      'POST /v1/embed-tokens': '#/components/schemas/EmbedTokenRequest',
      'POST /v1/partners/{partnerId}/publishable-keys/{keyId}/origins': '#/components/schemas/PublishableKeyOriginRequest',
      'POST /v1/webhook-endpoints': '#/components/schemas/WebhookEndpointInput',
      'POST /v1/webhook-endpoints/{endpointId}/test': '#/components/schemas/WebhookTestRequest',
    });
  });

  test('a created deal, key or endpoint answers 201, a deletion 204, a queued delivery 202; everything else 200', () => {
    for (const [key, op] of byKey) {
      const success = Object.keys(op.responses).filter((status) => status.startsWith('2'));
      assert.deepEqual(success, [OTHER_SUCCESS[key] ?? '200'], key);
    }
    assert.deepEqual(response('POST /v1/partners/{partnerId}/deals', 201).content['application/json'].schema, {
      $ref: '#/components/schemas/Deal',
    });
  });

  test('badge.svg answers image/svg+xml', () => {
    assert.deepEqual(Object.keys(response('GET /v1/partners/{partnerId}/badge.svg', 200).content), ['image/svg+xml']);
  });

  test('deal registration takes an Idempotency-Key header', () => {
    assert.ok(parameterNames('POST /v1/partners/{partnerId}/deals').includes('Idempotency-Key'));
  });

  test('every GET takes If-None-Match, may answer 304, and sends an ETag', () => {
    for (const [key] of byKey) {
      if (!key.startsWith('GET ')) continue;
      assert.ok(parameterNames(key).includes('If-None-Match'), key);
      assert.ok(response(key, 304), key);
      assert.ok(response(key, 200).headers.ETag, key);
    }
  });

  test('every response carries x-request-id', () => {
    for (const [key, op] of byKey) {
      for (const status of Object.keys(op.responses)) assert.ok(response(key, status).headers?.['x-request-id'], `${key} ${status}`);
    }
  });

  test('errors are problem+json with the Problem schema, and the codes of ERROR_CODES at that status', () => {
    for (const [key, op] of byKey) {
      const errors = Object.keys(op.responses).filter((status) => Number(status) >= 400);
      assert.ok(errors.includes('500'), key);
      for (const status of errors) {
        const content = response(key, status).content;
        // The one page for people: a visitor who follows a badge's link to an unknown partner gets HTML saying so.
        if (key === 'GET /verify/{partnerId}' && status === '404') {
          assert.deepEqual(Object.keys(content), ['text/html'], `${key} ${status}`);
          continue;
        }
        assert.deepEqual(Object.keys(content), ['application/problem+json'], `${key} ${status}`);
        const schema = content['application/problem+json'].schema;
        assert.deepEqual(schema.allOf, [{ $ref: '#/components/schemas/Problem' }]);
        const expected = Object.entries(ERROR_CODES).filter(([, code]) => code === Number(status)).map(([name]) => name);
        assert.deepEqual(schema.properties.code.enum, expected, `${key} ${status}`);
      }
    }
  });

  test('429 carries Retry-After', () => {
    for (const [key, op] of byKey) if (op.responses['429']) assert.ok(response(key, 429).headers['Retry-After'], key);
  });

  for (const [key, statuses] of [
    ['POST /v1/partners/{partnerId}/deals', [400, 401, 403, 404, 413, 415, 422, 429, 500]],
    ['POST /v1/deals/{dealId}/withdraw', [401, 403, 404, 409, 429, 500]],
    ['GET /v1/organizations/{orgId}/members', [401, 403, 404, 422, 429, 500]],
    ['GET /v1/program', [401, 403, 429, 500]],
    ['POST /v1/embed-tokens', [400, 401, 403, 413, 415, 422, 429, 500]],
    ['GET /.well-known/jwks.json', [429, 500]],
    ['GET /openapi.json', [429, 500, 503]],
    ['GET /healthz', [500]],
  ] as const) {
    test(`${key} documents the errors ${statuses.join(', ')}`, () => {
      const errors = Object.keys(operation(key).responses).filter((status) => Number(status) >= 400).map(Number);
      assert.deepEqual(errors, statuses);
    });
  }

  test('bearer security: secret key, embed token (with scopes), publishable key for badges only', () => {
    const schemes = document.components.securitySchemes;
    assert.deepEqual(Object.keys(schemes).sort(), ['embedToken', 'publishableKey', 'publishableKeyQuery', 'secretKey']);
    for (const id of ['embedToken', 'publishableKey', 'secretKey']) {
      assert.deepEqual([schemes[id]?.type, (schemes[id] as { scheme: string }).scheme], ['http', 'bearer'], id);
      assert.ok((schemes[id]?.description ?? '').length > 40, id);
    }
    const publishable = (name: string) =>
      [...byKey].filter(([, op]) => op.security?.some((requirement) => name in requirement)).map(([key]) => key).sort();
    assert.deepEqual(publishable('publishableKey'), ['GET /v1/partners/{partnerId}/badge', 'GET /v1/partners/{partnerId}/badge.svg']);
    // An <img> cannot send headers: the image alone takes the key as ?key=.
    assert.deepEqual(publishable('publishableKeyQuery'), ['GET /v1/partners/{partnerId}/badge.svg']);
    assert.deepEqual(schemes.publishableKeyQuery, { ...schemes.publishableKeyQuery, type: 'apiKey', in: 'query', name: 'key' });
    assert.deepEqual(operation('POST /v1/embed-tokens').security, [{ secretKey: [] }]);
    assert.deepEqual(operation('GET /healthz').security, []);
    assert.deepEqual(operation('GET /v1/partners/{partnerId}/tier-status').security, [{ secretKey: [] }, { embedToken: ['tier:read'] }]);
  });
});

describe('the component schemas describe what the contract produces', () => {
  // ajv ships with the validator; resolve it from there rather than adding a dependency.
  const require = createRequire(createRequire(import.meta.url).resolve('@seriousme/openapi-schema-validator'));
  const Ajv2020 = require('ajv/dist/2020').default as new (options: object) => any;
  const addFormats = require('ajv-formats').default as (ajv: unknown) => void;
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats(ajv);
  ajv.addSchema({ $id: 'urn:poly:openapi', components: document.components });
  const validate = (id: string, data: unknown) => {
    const check = ajv.getSchema(`urn:poly:openapi#/components/schemas/${id}`);
    assert.ok(check, `schema ${id}`);
    return { valid: check(data) as boolean, errors: JSON.stringify(check.errors) };
  };

  const partner = { region: 'dach', metrics: { revenue: 120_000, certified_sales: 1, certified_technical: 2, staff_sales: 2, staff_technical: 2, registered_deals: 4 }, sharedMetrics: { certified_sales: 1 }, carriedOver: { program: 'polycom' as const, tier: 'gold' as const } };
  const evaluation = evaluate(DEFAULT_POLICY, partner, { asOf: '2027-03-01' });

  const accepted: [string, unknown][] = [
    ['ProgramPolicy', DEFAULT_POLICY],
    ['TierStatus', { ...evaluation, partnerId: 'p_1', metrics: partner.metrics, sharedMetrics: partner.sharedMetrics }],
    ['SimulationResult', simulate(DEFAULT_POLICY, partner, { metricDeltas: { revenue: 200_000 }, region: 'emea' }, { asOf: '2027-03-01' })],
    ['SimulationRequest', { changes: { metricDeltas: { certified_technical: 2 } } }],
    ['DealInput', {
      type: 'deal',
      customer: { name: 'Beispiel AG', country: 'DE', domain: 'beispiel.de', contact: { name: 'Eva', email: 'eva@beispiel.de', consent: true } },
      products: [{ sku: 'STUDIO-X50', quantity: 3 }],
      estimatedValue: { amount: 25_000, currency: 'EUR' },
      expectedCloseDate: '2027-01-31',
      distributorId: 'dist_1',
      notes: 'two\nlines',
    }],
    ['Problem', { type: 'https://developer.poly.example/problems/not_found', title: 'Not found', status: 404, code: 'not_found', requestId: 'r1' }],
    ['Health', { status: 'ok' }],
    ['OpenApiDocument', document],
  ];
  for (const [id, data] of accepted) {
    test(`${id} accepts what the contract produces`, () => {
      const { valid, errors } = validate(id, data);
      assert.ok(valid, errors);
    });
  }

  const rejected: [string, unknown, string][] = [
    ['DealInput', { type: 'deal' }, 'a registration without customer'],
    ['TierStatus', { ...evaluation, partnerId: 'p_1', metrics: {}, sharedMetrics: {}, effectiveTier: 'diamond' }, 'an unknown tier'],
    ['Problem', { title: 'x', status: 404, code: 'not_found', type: 'x' }, 'a problem without requestId'],
    ['SimulationRequest', { changes: {}, extra: true }, 'an unknown field in a strict body'],
  ];
  for (const [id, data, what] of rejected) {
    test(`${id} rejects ${what}`, () => assert.equal(validate(id, data).valid, false));
  }
});

// Issue 20: Schemathesis generated requests that the document allows and the server refuses with 422.
describe('the document refuses what the server refuses', () => {
  const require = createRequire(createRequire(import.meta.url).resolve('@seriousme/openapi-schema-validator'));
  const Ajv2020 = require('ajv/dist/2020').default as new (options: object) => any;
  const addFormats = require('ajv-formats').default as (ajv: unknown) => void;
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats(ajv);
  ajv.addSchema({ $id: 'urn:poly:openapi', components: document.components });
  const valid = (id: string, data: unknown) => ajv.getSchema(`urn:poly:openapi#/components/schemas/${id}`)(data) as boolean;
  const deal = (customer: Record<string, unknown>, notes?: string) => ({
    type: 'deal',
    customer: { name: 'Beispiel AG', country: 'DE', domain: 'beispiel.de', contact: { name: 'Eva', email: 'eva@beispiel.de', consent: true }, ...customer },
    products: [{ sku: 'STUDIO-X50', quantity: 3 }],
    estimatedValue: { amount: 25_000, currency: 'EUR' },
    expectedCloseDate: '2027-01-31',
    distributorId: 'dist_1',
    ...(notes === undefined ? {} : { notes }),
  });

  test('control characters in names and notes', () => {
    assert.equal(valid('DealInput', deal({})), true);
    assert.equal(valid('DealInput', deal({ name: 'Beispiel\u0007 AG' })), false, 'customer name with BEL');
    assert.equal(valid('DealInput', deal({ name: 'Beispiel\u0085AG' })), false, 'customer name with a C1 control');
    assert.equal(valid('DealInput', deal({ contact: { name: 'Eva\nMuster', email: 'eva@beispiel.de', consent: true } })), false, 'contact name with a newline');
    assert.equal(valid('DealInput', deal({}, 'two\nlines\twith a tab')), true, 'notes may span lines');
    assert.equal(valid('DealInput', deal({}, 'nul\u0000')), false, 'notes with NUL');
  });

  test('control characters in the member search q', () => {
    const q = (operation('GET /v1/organizations/{orgId}/members').parameters as { name: string; schema: object }[]).find((parameter) => parameter.name === 'q')!;
    const check = ajv.compile(q.schema);
    assert.equal(check('Nordwind'), true);
    assert.equal(check('Nord\u0000wind'), false);
  });

  test('a conflict check needs a domain or a VAT id', () => {
    assert.equal(valid('ConflictCheckRequest', { customer: { name: 'Beispiel AG', country: 'DE' } }), false);
    assert.equal(valid('ConflictCheckRequest', { customer: {} }), false);
    assert.equal(valid('ConflictCheckRequest', { customer: { domain: 'beispiel.de' } }), true);
    assert.equal(valid('ConflictCheckRequest', { customer: { vatId: 'DE123456789' } }), true);
  });

  test("a simulation names only the policy's regions and criteria", () => {
    for (const region of DEFAULT_POLICY.regions) assert.equal(valid('SimulationRequest', { changes: { region: region.code } }), true, region.code);
    assert.equal(valid('SimulationRequest', { changes: { region: 'mars' } }), false, 'unknown region');
    for (const criterion of DEFAULT_POLICY.criteria) {
      assert.equal(valid('SimulationRequest', { changes: { metricDeltas: { [criterion.id]: 1 } } }), true, criterion.id);
    }
    assert.equal(valid('SimulationRequest', { changes: { metricDeltas: { unicorns: 1 } } }), false, 'unknown criterion');
  });

  test('the domain pattern has no lookahead; maxLength bounds it', () => {
    const domain = (document.components.schemas.DealInput as any).properties.customer.properties.domain as { pattern: string; maxLength: number };
    assert.doesNotMatch(domain.pattern, /\(\?[=!]/);
    assert.equal(domain.maxLength, 253);
    const label = 'a'.repeat(61);
    const longest = `${[label, label, label, label].join('.')}.${'b'.repeat(5)}`; // 253 characters
    assert.equal(longest.length, 253);
    assert.equal(valid('DealInput', deal({ domain: longest })), true);
    assert.equal(valid('DealInput', deal({ domain: `c${longest}` })), false);
  });

  test('a tuple says "nothing more" with a schema, not items: false', () => {
    const tiers = (document.components.schemas.ProgramPolicy as any).properties.tiers;
    assert.deepEqual(tiers.items, { not: {} });
    assert.equal(valid('ProgramPolicy', DEFAULT_POLICY), true);
    assert.equal(valid('ProgramPolicy', { ...DEFAULT_POLICY, tiers: [...DEFAULT_POLICY.tiers, 'diamond'] }), false);
  });
});

// What keeps a new route lint-clean (Spectral's and Redocly's rules, and what replaces the one turned off).
describe('every operation is described and its security declared', () => {
  test('every operation has a description beyond its summary', () => {
    for (const [key, op] of byKey) {
      assert.ok((op.description ?? '').length >= 20, `${key} has a description`);
      assert.notEqual(op.description, op.summary, key);
    }
  });

  test('every security requirement names a defined scheme, and every scope is among the embed token\'s x-scopes', () => {
    const schemes = document.components.securitySchemes;
    const declared = Object.keys((schemes.embedToken as { 'x-scopes'?: Record<string, string> })['x-scopes'] ?? {});
    assert.ok(declared.length > 0, 'embedToken declares x-scopes');
    for (const [key, op] of byKey) {
      for (const requirement of [...(op.security ?? []), ...document.security]) {
        for (const [scheme, scopes] of Object.entries(requirement)) {
          assert.ok(scheme in schemes, `${key}: ${scheme} is defined`);
          if (scheme !== 'embedToken') assert.deepEqual(scopes, [], `${key}: only embed tokens carry scopes`);
          for (const scope of scopes) assert.ok(declared.includes(scope), `${key}: ${scope} is declared`);
        }
      }
      const tokenScopes = (op.security ?? []).flatMap((requirement) => requirement.embedToken ?? []);
      if (op.security?.some((requirement) => 'embedToken' in requirement)) assert.equal(tokenScopes.length, 1, `${key} names its scope`);
    }
  });

  test('the document names a contact and the MIT licence', () => {
    assert.ok(document.info.contact?.url);
    assert.deepEqual(document.info.license, { name: 'MIT', identifier: 'MIT' });
  });

  test('no component schema goes unused', () => {
    const text = JSON.stringify({ paths: document.paths, components: { ...document.components, schemas: undefined } });
    const schemas = document.components.schemas;
    const used = new Set<string>();
    const pending = [...text.matchAll(/#\/components\/schemas\/(\w+)/g)].map((match) => match[1]!);
    while (pending.length > 0) {
      const id = pending.pop()!;
      if (used.has(id)) continue;
      used.add(id);
      pending.push(...[...JSON.stringify(schemas[id]).matchAll(/#\/components\/schemas\/(\w+)/g)].map((match) => match[1]!));
    }
    assert.deepEqual(Object.keys(schemas).filter((id) => !used.has(id)), []);
  });
});
