// A generated corpus of malformed and hostile requests against every sandbox endpoint: each answers a 4xx problem
// (or, where the contract allows the input, succeeds), never a 5xx, and the database changes only by intended creations.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import {
  ConflictCheckRequestSchema,
  DealInputSchema,
  DealListQuerySchema,
  EmbedTokenRequestSchema,
  MemberQuerySchema,
  ProblemSchema,
  SimulationRequestSchema,
  TierStatusQuerySchema,
} from '@poly-partner/contract';
import { dealBody, mapConcurrent, send, startTestSandbox, type Started, tableFingerprint, worldOf } from '../support/node-sandbox.js';

/** `reject`: the server must answer 4xx; `allowed`: the input is valid by the contract, any non-5xx answer will do. */
type Expectation = 'reject' | 'allowed';

interface Case {
  name: string;
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: string | Uint8Array;
  expect: Expectation;
}

interface SafeParser {
  safeParse(value: unknown): { success: boolean };
}

const HOSTILE_STRINGS = [
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  "' OR 1=1 --",
  'Robert"); DROP TABLE deals;--',
  'javascript:alert(1)',
  '\u202Egnp.exe',
  'a\u0000b',
  '\u001b[31mred',
  '../../../etc/passwd',
  '${7*7}{{7*7}}',
  '__proto__',
  '\uD800',
  '🎉'.repeat(300),
  'A'.repeat(10_000),
];

const WRONG_TYPES: unknown[] = [null, true, false, 0, -1, 1.5, 1e308, '', 'x', [], {}, [[[[]]]], { nested: { deeper: [1, 2] } }];

/** Every path into a JSON value (objects and array items), the root excluded. */
function pathsOf(value: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  if (Array.isArray(value)) return value.flatMap((item, index) => [[...prefix, index], ...pathsOf(item, [...prefix, index])]);
  if (value && typeof value === 'object') {
    return Object.entries(value).flatMap(([key, item]) => [[...prefix, key], ...pathsOf(item, [...prefix, key])]);
  }
  return [];
}

function withChange(base: unknown, path: (string | number)[], change: { set: unknown } | 'delete'): unknown {
  const copy = structuredClone(base) as Record<string | number, unknown>;
  let parent = copy;
  for (const key of path.slice(0, -1)) parent = parent[key] as Record<string | number, unknown>;
  const last = path[path.length - 1]!;
  if (change === 'delete') {
    if (Array.isArray(parent)) parent.splice(Number(last), 1);
    else delete parent[last];
  } else parent[last] = change.set;
  return copy;
}

/** Mutations of a valid body: each field missing, of every wrong type, hostile; unknown fields at every level. */
function bodyMutations(base: Record<string, unknown>, schema: SafeParser): { name: string; body: string; expect: Expectation }[] {
  const out: { name: string; body: string; expect: Expectation }[] = [];
  const add = (name: string, value: unknown) => out.push({ name, body: JSON.stringify(value), expect: schema.safeParse(value).success ? 'allowed' : 'reject' });
  const paths = pathsOf(base);
  for (const path of paths) {
    const at = path.join('.');
    add(`${at} missing`, withChange(base, path, 'delete'));
    for (const value of WRONG_TYPES) add(`${at} = ${JSON.stringify(value).slice(0, 30)}`, withChange(base, path, { set: value }));
    for (const value of HOSTILE_STRINGS) add(`${at} = hostile ${JSON.stringify(value).slice(0, 20)}`, withChange(base, path, { set: value }));
  }
  const objectPaths: (string | number)[][] = [[], ...paths.filter((path) => {
    let value: any = base;
    for (const key of path) value = value[key];
    return value && typeof value === 'object' && !Array.isArray(value);
  })];
  for (const path of objectPaths) {
    const at = path.join('.') || '(root)';
    for (const [key, value] of [['unknownField', 1], ['isAdmin', true], ['constructor', { prototype: { polluted: true } }]] as const) {
      add(`${at} + ${key}`, path.length === 0 ? { ...base, [key]: value } : withChange(base, [...path, key], { set: value }));
    }
  }
  return out;
}

const utf8 = (text: string) => new TextEncoder().encode(text);
const concat = (...parts: Uint8Array[]) => Uint8Array.from(parts.flatMap((part) => [...part]));

/** Bodies broken below the level of fields: syntax, size, depth, encoding. */
function rawBodies(valid: string): { name: string; body: string | Uint8Array; expect: Expectation }[] {
  const [head, tail] = [valid.slice(0, valid.length - 1), '}'];
  const insideString = (bytes: number[]) => concat(utf8(`${head},"notes":"`), Uint8Array.from(bytes), utf8(`"${tail}`));
  return [
    ...['null', '[]', '1', '"deal"', 'true', '{}', '""'].map((body) => ({ name: `body ${body}`, body, expect: 'reject' as const })),
    { name: 'empty body', body: '', expect: 'reject' },
    { name: 'whitespace only', body: ' \n\t ', expect: 'reject' },
    { name: 'truncated', body: valid.slice(0, valid.length / 2), expect: 'reject' },
    { name: 'trailing garbage', body: `${valid}x`, expect: 'reject' },
    { name: 'two documents', body: `${valid}${valid}`, expect: 'reject' },
    { name: 'single quotes', body: valid.replaceAll('"', "'"), expect: 'reject' },
    { name: 'comment', body: `/* hi */${valid}`, expect: 'reject' },
    { name: 'NaN literal', body: `${head},"x":NaN${tail}`, expect: 'reject' },
    { name: 'deeply nested arrays', body: `${head},"x":${'['.repeat(30_000)}${']'.repeat(30_000)}${tail}`, expect: 'reject' },
    { name: 'deeply nested objects', body: `${head},"x":${'{"a":'.repeat(10_000)}1${'}'.repeat(10_000)}${tail}`, expect: 'reject' },
    { name: 'deep root', body: `${'['.repeat(20_000)}${']'.repeat(20_000)}`, expect: 'reject' },
    { name: '70 kB body', body: `${head},"x":"${'x'.repeat(70_000)}"${tail}`, expect: 'reject' },
    { name: '1 MB body', body: `${head},"x":"${'x'.repeat(1_000_000)}"${tail}`, expect: 'reject' },
    { name: '10,000 keys', body: `${head},${Array.from({ length: 5_000 }, (_, index) => `"k${index}":0`).join(',')}${tail}`, expect: 'reject' },
    { name: 'invalid UTF-8 byte 0xFF', body: insideString([0x41, 0xff, 0x42]), expect: 'reject' },
    { name: 'invalid UTF-8 continuation only', body: insideString([0x80, 0x80]), expect: 'reject' },
    { name: 'overlong UTF-8 slash', body: insideString([0xc0, 0xaf]), expect: 'reject' },
    { name: 'UTF-8 encoded surrogate', body: insideString([0xed, 0xa0, 0x80]), expect: 'reject' },
    { name: 'truncated UTF-8 sequence', body: insideString([0xe2, 0x82]), expect: 'reject' },
    { name: 'Latin-1 bytes', body: insideString([0x47, 0x72, 0xfc, 0xdf, 0x65]), expect: 'reject' },
    { name: 'UTF-16 body', body: Uint8Array.from([0xff, 0xfe, ...[...valid].flatMap((char) => [char.charCodeAt(0) & 0xff, char.charCodeAt(0) >> 8])]), expect: 'reject' },
    { name: 'NUL bytes', body: concat(utf8(valid), Uint8Array.from([0, 0, 0])), expect: 'reject' },
  ];
}

const BAD_IDS = [
  'does-not-exist',
  'x'.repeat(65),
  'x'.repeat(5_000),
  '%00',
  '%ff%fe',
  '%C0%AF',
  "'%20OR%201=1--",
  '..%2F..%2Fetc%2Fpasswd',
  '%3Cscript%3E',
  '%E2%80%AE',
  '__proto__',
  'constructor',
  '%20',
];

const CONTENT_TYPES: [string | undefined, Expectation][] = [
  [undefined, 'reject'],
  ['text/plain', 'reject'],
  ['application/x-www-form-urlencoded', 'reject'],
  ['multipart/form-data; boundary=x', 'reject'],
  ['application/xml', 'reject'],
  ['application/jsonx', 'reject'],
  ['json', 'reject'],
  ['application/json; charset=utf-8', 'allowed'],
  ['application/merge-patch+json', 'allowed'],
];

const BAD_AUTHORIZATION = [
  'Bearer',
  'Bearer ',
  'Basic dXNlcjpwYXNz',
  'bearer a.b.c',
  'Bearer sk_does_not_exist',
  'Bearer pk_does_not_exist',
  'Bearer eyJhbGciOiJub25lIn0.e30.',
  `Bearer ${'x'.repeat(8_000)}`,
  'Bearer one two',
  'Token abc',
];

const BAD_IDEMPOTENCY_KEYS = ['', ' ', 'has space', 'x'.repeat(256), 'tab\tinside', 'grüße'];

/** A query value for each parameter that is wrong, odd or hostile. */
const QUERY_VALUES = ['', ' ', '-1', '0', '1e3', '1.5', '999999999999', 'abc', 'null', '[]', "' OR 1=1", '<b>', '%00', '%ff', 'x'.repeat(300), 'gold', 'DE', '2027-02-30', '2027-13-01', '20270101'];

/** The query object the sandbox builds from a query string, to ask the contract whether it is valid. */
function queryObject(search: URLSearchParams, numeric: string[]): Record<string, unknown> {
  const query: Record<string, unknown> = {};
  for (const key of new Set(search.keys())) {
    const value = search.get(key)!;
    query[key] = numeric.includes(key) && /^-?\d+(?:\.\d+)?$/.test(value) ? Number(value) : value;
  }
  return query;
}

describe('malformed and hostile requests', () => {
  let sandbox: Started;
  before(async () => {
    sandbox = await startTestSandbox();
  });
  after(async () => {
    await sandbox?.close();
  });

  test('a generated corpus of 1,000+ bad requests: 4xx problems, never a 5xx, database consistent', async (t) => {
    const world = worldOf(sandbox);
    const partner = world.partnerA;
    const org = world.organization;
    const json = { 'content-type': 'application/json' };
    const asPartner = { authorization: `Bearer ${partner.secretKey}` };
    const asOrg = { authorization: `Bearer ${org.secretKey}` };
    const existingDeal = sandbox.db.prepare('SELECT id FROM deals WHERE partner_id = ? LIMIT 1').pluck().get(partner.partnerId) as string;

    const P = `/v1/partners/${partner.partnerId}`;
    const O = `/v1/organizations/${org.orgId}`;
    const bodyEndpoints: { path: string; schema: SafeParser; base: Record<string, unknown> }[] = [
      { path: `${P}/deals`, schema: DealInputSchema, base: dealBody(world, 'corpus') },
      { path: `${P}/deals/conflict-check`, schema: ConflictCheckRequestSchema, base: { customer: { domain: 'kunde.de', vatId: 'DE123456789', name: 'Kunde', country: 'DE' } } },
      { path: `${P}/tier-simulations`, schema: SimulationRequestSchema, base: { changes: { metricDeltas: { revenue: 50_000 }, region: 'dach', asOf: '2027-01-01' }, asOf: '2026-12-01' } },
      { path: '/v1/embed-tokens', schema: EmbedTokenRequestSchema, base: { origin: 'https://portal.example', subject: { partnerId: partner.partnerId }, scopes: ['tier:read'], ttlSeconds: 60 } },
    ];
    const queryEndpoints: { path: string; schema: SafeParser; params: string[]; numeric: string[]; auth: Record<string, string> }[] = [
      { path: `${P}/tier-status`, schema: TierStatusQuerySchema, params: ['asOf'], numeric: [], auth: asPartner },
      { path: `${P}/deals`, schema: DealListQuerySchema, params: ['status', 'cursor', 'limit'], numeric: ['limit'], auth: asPartner },
      { path: `${O}/members`, schema: MemberQuerySchema, params: ['tier', 'country', 'region', 'q', 'protectionEndingWithinDays', 'sort', 'cursor', 'limit'], numeric: ['limit', 'protectionEndingWithinDays'], auth: asOrg },
    ];
    // Every route with the credential that may use it, for id, method and header cases.
    const routes: { template: string; methods: string[]; auth: Record<string, string>; id?: string }[] = [
      { template: '/v1/program', methods: ['GET'], auth: asPartner },
      { template: '/v1/products', methods: ['GET'], auth: asPartner },
      { template: '/.well-known/jwks.json', methods: ['GET'], auth: {} },
      { template: '/openapi.json', methods: ['GET'], auth: {} },
      { template: '/healthz', methods: ['GET'], auth: {} },
      { template: '/v1/embed-tokens', methods: ['POST'], auth: asPartner },
      { template: '/v1/partners/{id}', methods: ['GET'], auth: asPartner, id: partner.partnerId },
      { template: '/v1/partners/{id}/tier-status', methods: ['GET'], auth: asPartner, id: partner.partnerId },
      { template: '/v1/partners/{id}/tier-simulations', methods: ['POST'], auth: asPartner, id: partner.partnerId },
      { template: '/v1/partners/{id}/deals', methods: ['GET', 'POST'], auth: asPartner, id: partner.partnerId },
      { template: '/v1/partners/{id}/deals/conflict-check', methods: ['POST'], auth: asPartner, id: partner.partnerId },
      { template: '/v1/partners/{id}/badge', methods: ['GET'], auth: asPartner, id: partner.partnerId },
      { template: '/v1/partners/{id}/badge.svg', methods: ['GET'], auth: asPartner, id: partner.partnerId },
      { template: '/v1/deals/{id}', methods: ['GET'], auth: asPartner, id: existingDeal },
      { template: '/v1/deals/{id}/withdraw', methods: ['POST'], auth: asPartner, id: existingDeal },
      { template: '/v1/organizations/{id}', methods: ['GET'], auth: asOrg, id: org.orgId },
      { template: '/v1/organizations/{id}/summary', methods: ['GET'], auth: asOrg, id: org.orgId },
      { template: '/v1/organizations/{id}/members', methods: ['GET'], auth: asOrg, id: org.orgId },
    ];

    const corpus: Case[] = [];
    for (const endpoint of bodyEndpoints) {
      const headers = { ...json, ...asPartner };
      for (const mutation of bodyMutations(endpoint.base, endpoint.schema)) {
        corpus.push({ name: `${endpoint.path}: ${mutation.name}`, method: 'POST', path: endpoint.path, headers, body: mutation.body, expect: mutation.expect });
      }
      for (const raw of rawBodies(JSON.stringify(endpoint.base))) {
        corpus.push({ name: `${endpoint.path}: ${raw.name}`, method: 'POST', path: endpoint.path, headers, body: raw.body, expect: raw.expect });
      }
      for (const [type, expect] of CONTENT_TYPES) {
        // A valid body under another content type; the allowed ones would register a deal, so they get a broken body.
        const body = expect === 'allowed' ? JSON.stringify({ ...endpoint.base, unknownField: 1 }) : JSON.stringify(endpoint.base);
        corpus.push({ name: `${endpoint.path}: content-type ${type}`, method: 'POST', path: endpoint.path, headers: { ...asPartner, ...(type ? { 'content-type': type } : {}) }, body, expect: 'reject' });
      }
    }
    for (const endpoint of queryEndpoints) {
      for (const param of [...endpoint.params, 'unknown', 'limit[]', '__proto__']) {
        for (const value of QUERY_VALUES) {
          const search = new URLSearchParams();
          search.set(param, decodeURIComponentSafe(value));
          const oracle = endpoint.schema.safeParse(queryObject(search, endpoint.numeric)).success;
          // A cursor this API did not issue is rejected even though the schema only checks its length (an empty one means none).
          const expect: Expectation = param === 'cursor' && value !== '' ? 'reject' : oracle ? 'allowed' : 'reject';
          corpus.push({ name: `${endpoint.path}?${param}=${value.slice(0, 20)}`, method: 'GET', path: `${endpoint.path}?${param}=${encodeQueryValue(value)}`, headers: endpoint.auth, expect });
        }
        corpus.push({ name: `${endpoint.path}?${param} repeated`, method: 'GET', path: `${endpoint.path}?${param}=1&${param}=2`, headers: endpoint.auth, expect: 'reject' });
      }
    }
    for (const route of routes.filter((candidate) => candidate.id)) {
      for (const id of BAD_IDS) {
        const method = route.methods[0]!;
        const path = route.template.replace('{id}', id);
        corpus.push({ name: `${method} ${path.slice(0, 60)}`, method, path, headers: { ...route.auth, ...json }, ...(method === 'POST' ? { body: '{}' } : {}), expect: 'reject' });
      }
    }
    for (const route of routes) {
      const path = route.template.replace('{id}', route.id ?? '');
      for (const method of ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'].filter((candidate) => !route.methods.includes(candidate))) {
        corpus.push({ name: `${method} ${route.template}`, method, path, headers: { ...route.auth, ...json }, ...(method === 'GET' || method === 'DELETE' ? {} : { body: '{}' }), expect: 'reject' });
      }
      if (Object.keys(route.auth).length === 0) continue;
      for (const authorization of BAD_AUTHORIZATION) {
        const method = route.methods[0]!;
        corpus.push({ name: `${route.template} with "${authorization.slice(0, 30)}"`, method, path, headers: { ...json, authorization }, ...(method === 'POST' ? { body: '{}' } : {}), expect: 'reject' });
      }
    }
    for (const key of BAD_IDEMPOTENCY_KEYS) {
      corpus.push({ name: `Idempotency-Key "${key.slice(0, 20)}"`, method: 'POST', path: `${P}/deals`, headers: { ...json, ...asPartner, 'idempotency-key': key }, body: JSON.stringify(dealBody(world, 'idem')), expect: 'reject' });
    }
    for (const path of ['/v2/program', '/v1/partners', '/v1/deals', '/v1', '/', `${P}/unknown`, `${P}/deals/conflict-check/extra`, '/%2e%2e/%2e%2e/etc/passwd', '/v1/program/../../openapi.json/x', '/.env']) {
      corpus.push({ name: `unknown path ${path}`, method: 'GET', path, headers: asPartner, expect: 'reject' });
    }

    assert.ok(corpus.length >= 1_000, `the corpus has ${corpus.length} requests`);

    // Touch every lazily settled table once, so that the snapshot below is the resting state.
    await send(`${sandbox.url}${P}/deals`, { headers: asPartner });
    await send(`${sandbox.url}${O}/summary`, { headers: asOrg });
    const tables = ['partners', 'organizations', 'memberships', 'products', 'api_keys', 'idempotency'] as const;
    const before = Object.fromEntries(tables.map((table) => [table, tableFingerprint(sandbox.db, table, table === 'memberships' ? 'org_id, partner_id' : table === 'products' ? 'sku' : table === 'api_keys' ? 'key_hash' : table === 'idempotency' ? 'partner_id, key' : 'id')]));
    const dealsBefore = tableFingerprint(sandbox.db, 'deals');

    const answers = await mapConcurrent(corpus, 8, async (entry) => {
      try {
        return await send(`${sandbox.url}${entry.path}`, { method: entry.method, headers: entry.headers, ...(entry.body !== undefined ? { body: entry.body } : {}) });
      } catch (error) {
        return { status: 0, headers: new Headers(), text: String(error), json: undefined };
      }
    });

    const failures: string[] = [];
    const created = new Set<string>();
    let rejected = 0;
    corpus.forEach((entry, index) => {
      const answer = answers[index]!;
      const where = `${entry.name} -> ${answer.status} ${answer.text.slice(0, 160)}`;
      if (answer.status === 0 || answer.status >= 500) return failures.push(`server error: ${where}`);
      if (answer.status >= 400) {
        rejected++;
        if (answer.headers.get('content-type') !== 'application/problem+json') failures.push(`not problem+json: ${where}`);
        else if (!ProblemSchema.safeParse(answer.json).success || answer.json.status !== answer.status) failures.push(`not a valid problem: ${where}`);
        return;
      }
      if (entry.expect === 'reject') return failures.push(`accepted: ${where}`);
      if (answer.status === 201 && entry.method === 'POST' && entry.path.endsWith('/deals')) created.add(answer.json.id);
    });
    assert.deepEqual(failures, [], `${failures.length} of ${corpus.length} requests misbehaved`);
    t.diagnostic(`malformed requests tried: ${corpus.length}; rejected 4xx: ${rejected}; valid-by-contract accepted: ${corpus.length - rejected} (deals created: ${created.size})`);

    // Nothing changed except the registrations the contract allowed; those are all there, each once.
    for (const table of tables) {
      assert.deepEqual(tableFingerprint(sandbox.db, table, table === 'memberships' ? 'org_id, partner_id' : table === 'products' ? 'sku' : table === 'api_keys' ? 'key_hash' : table === 'idempotency' ? 'partner_id, key' : 'id'), before[table], `${table} changed`);
    }
    assert.deepEqual(tableFingerprint(sandbox.db, 'deals', 'id', created), dealsBefore, 'existing deals changed');
    assert.equal(tableFingerprint(sandbox.db, 'deals').count, dealsBefore.count + created.size, 'deals other than the accepted ones were created');
    assert.equal(({} as Record<string, unknown>).polluted, undefined, 'Object.prototype was polluted');
  });

  test("an oversized body answers 413 and the connection's next request still succeeds (Node's fetch, kept-alive pool)", async (t) => {
    const world = worldOf(sandbox);
    const headers = { authorization: `Bearer ${world.partnerA.secretKey}`, 'content-type': 'application/json' };
    const deals = `${sandbox.url}/v1/partners/${world.partnerA.partnerId}/deals`;
    const outcomes: string[] = [];
    // Sizes from just over the limit to 5 MB, each followed by requests that reuse the pool's sockets. POSTs are not
    // retried by fetch, so a socket closed without saying so fails them ("other side closed"), as it failed users.
    const sizes = [64 * 1024 + 1, 100_000, 300_000, 1_000_000, 2_000_000, 5_000_000];
    for (let round = 0; round < 3; round++) {
      for (const size of sizes) {
        for (const [label, init] of [
          ['oversized', { method: 'POST', headers, body: 'x'.repeat(size) }],
          ['conflict check after it', { method: 'POST', headers, body: JSON.stringify({ customer: { domain: 'kunde.de' } }) }],
          ['read after it', { headers }],
        ] as const) {
          const url = label === 'conflict check after it' ? `${deals}/conflict-check` : deals;
          try {
            const answer = await fetch(url, init as RequestInit);
            await answer.arrayBuffer();
            outcomes.push(`${label} ${size}: ${answer.status}`);
          } catch (error) {
            outcomes.push(`${label} ${size}: ${(error as { cause?: { code?: string } }).cause?.code ?? String(error)}`);
          }
        }
      }
    }
    const expected = outcomes.map((outcome) => outcome.replace(/: .*$/, outcome.startsWith('oversized') ? ': 413' : ': 200'));
    t.diagnostic(`oversized bodies, each followed by requests on the same pool: ${outcomes.length / 3} (${outcomes.length} requests)`);
    assert.deepEqual(outcomes, expected);
  });
});

function decodeURIComponentSafe(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

/** Query values are sent as written when they hold a raw percent escape (to reach the server undecoded), else encoded. */
function encodeQueryValue(value: string): string {
  return /%[0-9a-f]{2}/i.test(value) ? value : encodeURIComponent(value);
}
