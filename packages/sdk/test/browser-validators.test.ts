// Differential test of the browser's validators (JSON Schema, no zod) against the zod schemas they are generated
// from: real answers of the sandbox for every resource the widgets read, each mutated in every place a malformed or
// hostile answer could differ (types, nulls, missing and extra keys, bounds, formats, control characters). For every
// payload both must agree on accept or reject, and on what an accepted payload turns into (zod drops unknown keys).
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import * as browser from '../../contract/src/validators.browser.js';
import * as zod from '../../contract/src/validators.js';
import { dealInput, demo, startTestSandbox, type Sandbox } from './support/sandbox.js';

type Name = keyof typeof zod & keyof typeof browser;

let sandbox: Sandbox;
/** Valid payloads per validator name: real API answers, and the inputs the browser validates (deal form, engine). */
const samples = new Map<Name, unknown[]>();
/** Totals for the report at the end. */
const counts = { payloads: 0, rejected: 0, accepted: 0 };

function add(name: Name, value: unknown): void {
  samples.set(name, [...(samples.get(name) ?? []), value]);
}

before(async () => {
  sandbox = await startTestSandbox();
  const { reseller, organization, publishable } = demo(sandbox);
  const get = async (path: string, key = reseller.secretKey, init: RequestInit = {}) => {
    const response = await fetch(`${sandbox.url}${path}`, { ...init, headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json', ...init.headers } });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  };
  const id = reseller.partnerId;
  const program = (await get('/v1/program')).body;
  const products = (await get('/v1/products')).body as { items: { sku: string }[] };
  const profile = (await get(`/v1/partners/${id}`)).body as { distributorIds: string[] };
  add('ProgramPolicySchema', program);
  add('ProductListSchema', { ...products, items: products.items.slice(0, 3) });
  add('PartnerProfileSchema', profile);
  const status = (await get(`/v1/partners/${id}/tier-status`)).body;
  add('TierStatusSchema', status);
  add('TierStatusSchema', (await get(`/v1/partners/${sandbox.credentials.resellers[1]!.partnerId}/tier-status`, sandbox.credentials.resellers[1]!.secretKey)).body);
  const changes = { metricDeltas: { certified_technical: 2, revenue: 50_000 }, region: 'dach', asOf: '2027-06-01' };
  add('SimulationResultSchema', (await get(`/v1/partners/${id}/tier-simulations`, reseller.secretKey, { method: 'POST', body: JSON.stringify({ changes }) })).body);
  add('SimulationChangesSchema', changes);
  add('PartnerStandingSchema', { region: 'dach', metrics: status['metrics'], sharedMetrics: status['sharedMetrics'], carriedOver: { program: 'polycom', tier: 'gold' } });
  const input = dealInput(1, products.items[0]!.sku, profile.distributorIds[0]!, 'differential');
  const inputWithAll = { ...input, customer: { ...input.customer, vatId: 'DE123456789', contact: { ...input.customer.contact, phone: '+49 30 1234567' } }, notes: 'Line one\nline two\tindented' };
  add('DealInputSchema', input);
  add('DealInputSchema', inputWithAll);
  const deal = (await get(`/v1/partners/${id}/deals`, reseller.secretKey, { method: 'POST', body: JSON.stringify(inputWithAll), headers: { 'idempotency-key': 'differential-1' } })).body;
  add('DealSchema', deal);
  const deals = (await get(`/v1/partners/${id}/deals?limit=3`)).body;
  add('DealListSchema', deals);
  add('ConflictCheckResultSchema', (await get(`/v1/partners/${id}/deals/conflict-check`, reseller.secretKey, { method: 'POST', body: JSON.stringify({ customer: { domain: input.customer.domain } }) })).body);
  add('OrganizationSchema', (await get(`/v1/organizations/${organization.orgId}`, organization.secretKey)).body);
  add('OrganizationSummarySchema', (await get(`/v1/organizations/${organization.orgId}/summary`, organization.secretKey)).body);
  add('MemberPageSchema', (await get(`/v1/organizations/${organization.orgId}/members?limit=3`, organization.secretKey)).body);
  const badge = (await get(`/v1/partners/${publishable.partnerId}/badge`, publishable.publishableKey, { headers: { origin: publishable.origins[0]! } })).body;
  add('BadgeSchema', badge);
  add('BadgeClaimsSchema', badge['claims']);
  add('JwksSchema', (await get('/.well-known/jwks.json')).body);
  const publishableOwner = sandbox.credentials.resellers.find((one) => one.partnerId === publishable.partnerId)!;
  const keys = `/v1/partners/${publishableOwner.partnerId}/publishable-keys`;
  const createdKey = (await get(keys, publishableOwner.secretKey, { method: 'POST' })).body;
  add('PublishableKeySchema', createdKey);
  add('PublishableKeySchema', (await get(`${keys}/${String(createdKey['id'])}/origins`, publishableOwner.secretKey, { method: 'POST', body: JSON.stringify({ origin: 'https://www.example.de' }) })).body);
  add('PublishableKeyListSchema', (await get(keys, publishableOwner.secretKey)).body);
  // Events and webhooks: the registration above is an event; an endpoint on loopback (nobody listens: its
  // deliveries fail, which gives attempts with errors) and a test delivery.
  const events = (await get('/v1/events?limit=3')).body as { items: unknown[] };
  add('EventPageSchema', events);
  for (const event of events.items) add('EventSchema', event);
  const endpoint = (await get('/v1/webhook-endpoints', reseller.secretKey, { method: 'POST', body: JSON.stringify({ url: 'http://127.0.0.1:9/hooks', events: ['deal.status.changed'], description: 'differential' }) })).body;
  add('WebhookEndpointWithSecretSchema', endpoint);
  add('WebhookEndpointSchema', (await get(`/v1/webhook-endpoints/${endpoint['id']}`)).body);
  add('WebhookEndpointListSchema', (await get('/v1/webhook-endpoints')).body);
  add('WebhookDeliverySchema', (await get(`/v1/webhook-endpoints/${endpoint['id']}/test`, reseller.secretKey, { method: 'POST', body: '{}' })).body);
  await new Promise((resolve) => setTimeout(resolve, 200));
  add('WebhookDeliveryListSchema', (await get(`/v1/webhook-endpoints/${endpoint['id']}/deliveries?limit=3`)).body);
  add('ProblemSchema', (await get('/v1/partners/nope_nope')).body);
  add('ProblemSchema', (await get(`/v1/partners/${id}/deals`, reseller.secretKey, { method: 'POST', body: JSON.stringify({ type: 'deal' }) })).body);
  add('EmbedTokenSchema', (await get('/v1/embed-tokens', reseller.secretKey, { method: 'POST', body: JSON.stringify({ origin: 'http://127.0.0.1:5173', subject: { partnerId: id } }) })).body);
  for (const value of ['beispiel.de', 'shop.beispiel.co.uk']) add('DomainSchema', value);
  for (const value of ['DE123456789', 'ATU12345678']) add('VatIdSchema', value);
  add('IdempotencyKeySchema', '0f8fad5b-d9cb-469f-a165-70867728950c');
});
after(() => sandbox.close());

/** Replacement values tried in every place: other types, empties, bounds, and strings that break formats. */
function replacements(value: unknown): unknown[] {
  const common: unknown[] = [null, true, 0, -1, 1.5, '', 'x', [], {}, [value]];
  if (typeof value === 'string') {
    return [
      ...common,
      `${value}!`,
      ` ${value}`,
      value.toUpperCase(),
      value.toLowerCase(),
      value.slice(1),
      `${value}\u0000`,
      `${value}\u0085`,
      `${value}\n`,
      'a'.repeat(501),
      'x'.repeat(2001),
      '2026-02-30',
      '2026-13-01',
      '2026-06-01T12:00:00',
      '2026-06-01T12:00:00+02:00',
      'ftp://example.com',
      'javascript:alert(1)',
      'https://example.com/x',
      'a@b',
      'name@beispiel.de',
      'DIAMOND',
      'diamond',
    ];
  }
  if (typeof value === 'number') {
    return [...common, value + 1, value - 1, -value, value + 0.5, 1e12 + 1, 2 ** 53, -(2 ** 53), 1e-9, 101, 401, 600];
  }
  if (Array.isArray(value)) {
    return [...common, value.slice(1), [...value, ...value], [...value, 'x'], Array.from({ length: 101 }, () => value[0])];
  }
  if (typeof value === 'object' && value !== null) return [...common, 'string instead of an object'];
  return [...common, 'true', 1, false];
}

/** Every payload that differs from `root` in one place: replaced, removed, or with an extra key. */
function* mutations(root: unknown): Generator<unknown> {
  function* walk(value: unknown, rebuild: (replacement: unknown | typeof REMOVE) => unknown): Generator<unknown> {
    for (const replacement of replacements(value)) yield rebuild(replacement);
    if (Array.isArray(value)) {
      for (let index = 0; index < value.length; index++) {
        yield* walk(value[index], (replacement) =>
          rebuild(replacement === REMOVE ? value.filter((_, at) => at !== index) : value.map((item, at) => (at === index ? replacement : item))),
        );
      }
    } else if (typeof value === 'object' && value !== null) {
      const record = value as Record<string, unknown>;
      yield rebuild({ ...record, unexpectedKey: 1 });
      yield rebuild({ ...record, 'Not A Key!': 1 });
      for (const key of Object.keys(record)) {
        yield rebuild(Object.fromEntries(Object.entries(record).filter(([name]) => name !== key)));
        yield* walk(record[key], (replacement) =>
          rebuild(
            replacement === REMOVE
              ? Object.fromEntries(Object.entries(record).filter(([name]) => name !== key))
              : { ...record, [key]: replacement },
          ),
        );
      }
    }
  }
  yield root;
  yield* walk(root, (replacement) => replacement);
}
const REMOVE = Symbol('remove');

/** Where two outputs first differ, for a message that says what went wrong. */
function firstDifference(a: unknown, b: unknown, path = ''): string {
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return `${path || '(root)'}: ${JSON.stringify(a)} vs ${JSON.stringify(b)}`;
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  for (const key of keys) {
    const left: unknown = (a as Record<string, unknown>)[key];
    const right: unknown = (b as Record<string, unknown>)[key];
    if (!(key in a) || !(key in b)) return `${path}.${key}: present in ${key in a ? 'browser' : 'zod'} output only`;
    try {
      assert.deepStrictEqual(left, right);
    } catch {
      return firstDifference(left, right, `${path}.${key}`);
    }
  }
  return `${path}: prototypes or key order`;
}

describe('browser validators answer as the zod schemas', () => {
  test('every validator the browser uses has real samples', () => {
    const browserNames = Object.keys(browser).filter((name) => name.endsWith('Schema')).sort();
    assert.deepEqual(browserNames, Object.keys(zod).sort(), 'validators.browser.ts and validators.ts offer the same names');
    assert.deepEqual([...samples.keys()].sort(), browserNames, 'a sample for every validator');
  });

  test('accept, reject and output agree on every mutated payload', () => {
    const disagreements: string[] = [];
    for (const [name, values] of samples) {
      for (const sample of values) {
        assert.equal(zod[name].safeParse(sample).success, true, `${name}: the sample itself is valid`);
        for (const payload of mutations(sample)) {
          counts.payloads += 1;
          const expected = zod[name].safeParse(payload);
          const actual = browser[name].safeParse(payload);
          if (expected.success) counts.accepted += 1;
          else counts.rejected += 1;
          if (expected.success !== actual.success) {
            disagreements.push(`${name}: zod ${expected.success ? 'accepts' : 'rejects'}, browser ${actual.success ? 'accepts' : 'rejects'} ${JSON.stringify(payload).slice(0, 300)}`);
          } else if (expected.success && actual.success) {
            try {
              assert.deepStrictEqual(actual.data, expected.data);
            } catch {
              disagreements.push(`${name}: outputs differ at ${firstDifference(actual.data, expected.data)}`);
            }
          } else if (!expected.success && !actual.success) {
            // The first problem is one zod reports too, place and code, so messages (the SDK's, the deal form's) match.
            const zodIssues = new Set(expected.error.issues.map((issue) => `${issue.path.join('.')} ${issue.code}`));
            const first = `${actual.error.issues[0]!.path.join('.')} ${actual.error.issues[0]!.code}`;
            if (!zodIssues.has(first)) disagreements.push(`${name}: browser reports ${first}, zod ${[...zodIssues].join(' | ')}`);
          }
        }
      }
    }
    console.log(`differential: ${counts.payloads} payloads, ${counts.rejected} rejected and ${counts.accepted} accepted by zod; ${disagreements.length} disagreements`);
    // One line per kind of disagreement (schema and codes, without the place), so a failure stays readable.
    const kinds = [...new Set(disagreements.map((text) => text.replace(/ [\w.]+ (?=invalid|too|unrecognized|custom)/g, ' ')))];
    assert.deepEqual(kinds.slice(0, 30), []);
    assert.ok(counts.rejected > 1000 && counts.accepted > 100, 'the corpus exercises both answers');
  });
});
