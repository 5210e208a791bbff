// Bad and hostile requests answer 4xx problems, never 5xx, and leave the database as it was.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { dealInput, useSandbox } from './support/sandbox.js';

const api = useSandbox();
const owner = () => api.credentials.resellers.find((reseller) => /clean Gold/.test(reseller.about))!;
const dealsPath = () => `/v1/partners/${owner().partnerId}/deals`;

function rowCounts() {
  const db = api.sandbox.db;
  return Object.fromEntries(
    ['partners', 'deals', 'organizations', 'memberships', 'products', 'api_keys', 'idempotency'].map((table) => [table, db.prepare(`SELECT COUNT(*) FROM ${table}`).pluck().get()]),
  );
}

async function distributorId() {
  return (await api.call(`/v1/partners/${owner().partnerId}`, { credential: owner().secretKey })).body.distributorIds[0] as string;
}

describe('hostile and malformed input', () => {
  test('malformed bodies, wrong types, sizes and fields are 4xx problems and change nothing', async () => {
    const before = rowCounts();
    const good = dealInput({ distributorId: await distributorId() });
    const cases: [string, Parameters<typeof api.call>[1], number, string][] = [
      ['malformed JSON', { raw: '{"type": "deal",', headers: { 'content-type': 'application/json' } }, 400, 'malformed_request'],
      ['empty body', { raw: '', method: 'POST', headers: { 'content-type': 'application/json' } }, 400, 'malformed_request'],
      ['form body', { raw: 'type=deal', headers: { 'content-type': 'application/x-www-form-urlencoded' } }, 415, 'unsupported_media_type'],
      ['no content type', { raw: JSON.stringify(good), headers: { 'content-type': 'text/plain' } }, 415, 'unsupported_media_type'],
      ['oversized body', { body: { ...good, notes: 'x'.repeat(70_000) } }, 413, 'payload_too_large'],
      ['100 kB name', { body: dealInput({ distributorId: 'x' }, { name: 'A'.repeat(100_000) }) }, 413, 'payload_too_large'],
      ['unknown field', { body: { ...good, discount: 50 } }, 422, 'validation_failed'],
      ['wrong types', { body: { ...good, products: 'all of them', estimatedValue: { amount: '1000', currency: 'EUR' } } }, 422, 'validation_failed'],
      ['array body', { body: [good] }, 422, 'validation_failed'],
      ['null body', { body: null }, 422, 'validation_failed'],
      ['control characters', { body: dealInput({ distributorId: good.distributorId }, { name: 'Evil\u0000Corp\u001b[31m' }) }, 422, 'validation_failed'],
      ['long name', { body: dealInput({ distributorId: good.distributorId }, { name: 'B'.repeat(5_000) }) }, 422, 'validation_failed'],
      ['negative amount', { body: { ...good, estimatedValue: { amount: -5, currency: 'EUR' } } }, 422, 'validation_failed'],
      ['impossible date', { body: { ...good, expectedCloseDate: '2027-13-45' } }, 422, 'validation_failed'],
    ];
    for (const [name, options, status, code] of cases) {
      const answer = await api.call(dealsPath(), { credential: owner().secretKey, ...options });
      assert.equal(answer.status, status, `${name}: ${answer.text.slice(0, 200)}`);
      assert.equal(answer.body.code, code, name);
      assert.equal(answer.headers.get('content-type'), 'application/problem+json', name);
    }
    const unknownField = await api.call(dealsPath(), { credential: owner().secretKey, body: { ...good, discount: 50 } });
    assert.ok(unknownField.body.errors.length >= 1);
    assert.deepEqual(rowCounts(), before);
  });

  test('markup, SQL quotes and unicode are stored and returned verbatim as data', async () => {
    const before = rowCounts();
    const hostile = `<script>alert("x")</script>'; DROP TABLE deals; -- Ünïcødé 🎉 \\ %_`;
    const answer = await api.call(dealsPath(), {
      credential: owner().secretKey,
      body: dealInput({ distributorId: await distributorId(), notes: `${hostile}\nsecond line` }, { name: hostile }),
    });
    assert.equal(answer.status, 201, answer.text);
    const read = await api.call(`/v1/deals/${answer.body.id}`, { credential: owner().secretKey });
    assert.equal(read.body.customer.name, hostile);
    assert.equal(read.body.notes, `${hostile}\nsecond line`);
    const after = rowCounts();
    assert.equal(after.deals, (before.deals as number) + 1);
    assert.equal(after.partners, before.partners);
  });

  test('hostile query strings are 4xx or empty results, never 5xx', async () => {
    const org = api.credentials.organizations[0]!;
    for (const query of ["q=' OR 1=1 --", 'q=%00', `q=${'x'.repeat(500)}`, 'sort=name;DROP TABLE partners', 'limit=1e3', 'limit=0x10', 'cursor=%7B%7D']) {
      const answer = await api.call(`/v1/organizations/${org.orgId}/members?${query}`, { credential: org.secretKey });
      assert.ok(answer.status === 200 || answer.status === 422, `${query}: ${answer.status}`);
      if (answer.status === 200) assert.equal(answer.body.total, 0, query);
    }
    const ids = ["ptr_x' OR '1'='1", '..%2F..%2Fetc', '%3Cscript%3E'];
    for (const id of ids) {
      const answer = await api.call(`/v1/partners/${id}`, { credential: owner().secretKey });
      assert.equal(answer.status, 404, id);
    }
  });

  test('a hostile partner name is escaped in the SVG badge', async () => {
    const key = api.credentials.publishable[0]!;
    const db = api.sandbox.db;
    const original = db.prepare('SELECT name FROM partners WHERE id = ?').pluck().get(key.partnerId) as string;
    try {
      db.prepare('UPDATE partners SET name = ? WHERE id = ?').run(`<script>alert(1)</script> & "Co" \u0001`, key.partnerId);
      const svg = await api.call(`/v1/partners/${key.partnerId}/badge.svg?key=${key.publishableKey}`);
      assert.equal(svg.status, 200);
      assert.ok(!svg.text.includes('<script'), svg.text);
      assert.ok(!svg.text.includes('\u0001'));
      assert.match(svg.text, /&#60;script&#62;alert\(1\)&#60;\/script&#62; &#38; &#34;Co&#34;/);
      const badge = await api.call(`/v1/partners/${key.partnerId}/badge`, { credential: key.publishableKey });
      assert.equal(badge.body.claims.name, `<script>alert(1)</script> & "Co" \u0001`, 'JSON carries the name verbatim');
    } finally {
      db.prepare('UPDATE partners SET name = ? WHERE id = ?').run(original, key.partnerId);
    }
  });
});
