// The full seeded world of 15,000 resellers has the shape DESIGN.md promises (read through the API where it can be).
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { DEFAULT_POLICY } from '@poly-partner/contract';
import { useSandbox } from './support/sandbox.js';

const api = useSandbox({ resellers: 15_000 });
const scalar = (sql: string) => api.sandbox.db.prepare(sql).pluck().get() as number;

describe('the seeded world at 15,000 resellers', () => {
  test('resellers in at least 25 countries and in every region of the policy', () => {
    assert.equal(scalar('SELECT COUNT(*) FROM partners'), 15_000);
    assert.ok(scalar('SELECT COUNT(DISTINCT country) FROM partners') >= 25);
    const regions = api.sandbox.db.prepare('SELECT DISTINCT region FROM partners').pluck().all() as string[];
    for (const region of DEFAULT_POLICY.regions) assert.ok(regions.includes(region.code), region.code);
  });

  test('the engine yields a realistic spread: most Register and Silver, few Platinum', () => {
    const share = (tier: string) => scalar(`SELECT COUNT(*) FROM partners WHERE effective_tier = '${tier}'`) / 15_000;
    assert.ok(share('register') + share('silver') > 0.6, 'most are Register or Silver');
    assert.ok(share('platinum') < 0.1 && share('platinum') > 0, 'few are Platinum');
    assert.ok(share('gold') > share('platinum'));
  });

  test('a share carried over from Polycom and Plantronics, some protected above what they earn', () => {
    const carried = scalar('SELECT COUNT(*) FROM partners WHERE carried_program IS NOT NULL');
    assert.ok(carried > 1_000 && carried < 10_000, String(carried));
    assert.ok(scalar(`SELECT COUNT(DISTINCT carried_program) FROM partners WHERE carried_program IS NOT NULL`) === 2);
    assert.ok(scalar('SELECT COUNT(*) FROM partners WHERE effective_tier <> earned_tier') > 100);
  });

  test('partner groups span several countries and share certified staff', () => {
    const groups = api.sandbox.db
      .prepare('SELECT group_id, COUNT(DISTINCT country) AS countries FROM partners WHERE group_id IS NOT NULL GROUP BY group_id')
      .all() as { countries: number }[];
    assert.ok(groups.length >= 50);
    assert.ok(groups.every((group) => group.countries >= 2));
    assert.ok(scalar(`SELECT COUNT(*) FROM partners WHERE group_id IS NOT NULL AND json_extract(shared_metrics, '$.certified_sales') > 0`) > 0);
  });

  test('aggregators of all four kinds, from tens to thousands of members, one with at least 5,000', async () => {
    const sizes = api.sandbox.db.prepare('SELECT o.kind, COUNT(*) AS members FROM memberships m JOIN organizations o ON o.id = m.org_id GROUP BY o.id').all() as { kind: string; members: number }[];
    assert.deepEqual([...new Set(sizes.map((size) => size.kind))].sort(), ['carrier', 'distributor', 'isp', 'systemhaus_association']);
    assert.ok(sizes.some((size) => size.members >= 5_000));
    assert.ok(sizes.some((size) => size.members >= 10 && size.members < 100));
    const big = api.credentials.organizations.find((org) => org.kind === 'distributor')!;
    const answer = await api.call(`/v1/organizations/${big.orgId}`, { credential: big.secretKey });
    assert.ok(answer.body.memberCount >= 5_000);
    const page = await api.call(`/v1/organizations/${big.orgId}/members?limit=500&sort=-progress&tier=silver`, { credential: big.secretKey });
    assert.equal(page.body.items.length, 500);
  });

  test('deals in every state and a catalogue of about 40 products', () => {
    assert.equal(scalar('SELECT COUNT(DISTINCT status) FROM deals'), 8);
    assert.ok(scalar('SELECT COUNT(*) FROM deals WHERE conflict = 1') > 0);
    const products = scalar('SELECT COUNT(*) FROM products');
    assert.ok(products >= 35 && products <= 50);
  });
});
