// Aggregator views over real HTTP: the organization, its summary, and the member list's filters, sorts and pages.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { dealInput, useSandbox } from './support/sandbox.js';

const api = useSandbox({ resellers: 3_000 });
const distributor = () => api.credentials.organizations.find((org) => org.kind === 'distributor')!;

async function members(query: string) {
  const org = distributor();
  return api.call(`/v1/organizations/${org.orgId}/members?${query}`, { credential: org.secretKey });
}

/** Every member of a query, walking the cursor; checks pages never overlap. */
async function walk(query: string, limit: number) {
  const items: any[] = [];
  let cursor: string | null = null;
  let total: number;
  do {
    const page: any = await members(`${query}&limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
    assert.equal(page.status, 200, page.text);
    assert.ok(page.body.items.length <= limit);
    items.push(...page.body.items);
    total = page.body.total;
    assert.ok(items.length <= total, 'the walk ends');
    cursor = page.body.nextCursor;
  } while (cursor);
  assert.equal(items.length, total, 'the pages add up to the total');
  assert.equal(new Set(items.map((item) => item.partnerId)).size, items.length, 'no member twice');
  return items;
}

describe('organizations', () => {
  test('every kind of aggregator is there, one with at least a third of all resellers', async () => {
    const kinds = new Set<string>();
    for (const org of api.credentials.organizations) {
      const answer = await api.call(`/v1/organizations/${org.orgId}`, { credential: org.secretKey });
      assert.equal(answer.status, 200);
      assert.equal(answer.body.kind, org.kind);
      kinds.add(answer.body.kind);
    }
    assert.deepEqual([...kinds].sort(), ['carrier', 'distributor', 'isp', 'systemhaus_association']);
    const big = await api.call(`/v1/organizations/${distributor().orgId}`, { credential: distributor().secretKey });
    // 15,000 resellers give this aggregator >= 5,000 members; the test world of 3,000 shrinks it in proportion.
    assert.ok(big.body.memberCount >= 1_000, String(big.body.memberCount));
  });

  test('the summary adds up: tiers, earned tiers, protections at risk, members close to the next tier, pipeline', async () => {
    const org = distributor();
    const summary = await api.call(`/v1/organizations/${org.orgId}/summary`, { credential: org.secretKey });
    assert.equal(summary.status, 200);
    const sum = (counts: Record<string, number>) => Object.values(counts).reduce((a, b) => a + b, 0);
    assert.equal(sum(summary.body.tiers), summary.body.memberCount);
    assert.equal(sum(summary.body.earnedTiers), summary.body.memberCount);
    assert.ok(summary.body.protectionsEndingSoon.count > 0, 'some members are protected above what they earn');
    for (const member of summary.body.protectionsEndingSoon.members) {
      assert.notEqual(member.effectiveTier, member.earnedTier);
    }
    for (const member of summary.body.closeToNextTier.members) assert.ok(member.progress >= summary.body.closeToNextTier.threshold);
    assert.equal(summary.body.pipeline.length, 8);
    assert.ok(summary.body.pipeline.every((entry: { count: number }) => entry.count > 0), 'deals in every state');
  });

  test("the summary's pipeline counts a member's new registration", async () => {
    const org = distributor();
    const member = api.credentials.resellers.find((reseller) => /clean Gold/.test(reseller.about))!;
    const submitted = async () =>
      (await api.call(`/v1/organizations/${org.orgId}/summary`, { credential: org.secretKey })).body.pipeline.find((entry: { status: string }) => entry.status === 'submitted');
    const before = await submitted();
    const created = await api.call(`/v1/partners/${member.partnerId}/deals`, {
      credential: member.secretKey,
      body: dealInput({ distributorId: org.orgId, estimatedValue: { amount: 1000, currency: 'EUR' } }, { domain: 'pipeline-check.de' }),
    });
    assert.equal(created.status, 201);
    const after = await submitted();
    assert.equal(after.count, before.count + 1);
    assert.equal(after.value.amount, before.value.amount + 1000);
  });

  test('filters: tier, country, region, text and protection ending', async () => {
    const gold = await walk('tier=gold&sort=name', 500);
    assert.ok(gold.length > 0 && gold.every((member) => member.effectiveTier === 'gold'));
    const german = await walk('country=DE', 500);
    assert.ok(german.length > 0 && german.every((member) => member.country === 'DE'));
    const dach = (await members('region=dach&limit=500')).body;
    assert.ok(dach.total >= german.length);
    assert.ok(dach.items.length > 0 && dach.items.every((member: { region: string }) => member.region === 'dach'));
    const text = await walk('q=KOMMUNIKATION', 200);
    assert.ok(text.length > 0 && text.every((member) => /kommunikation/i.test(member.name)));
    const protectedSoon = await walk('protectionEndingWithinDays=3660', 500);
    assert.ok(protectedSoon.length > 0 && protectedSoon.every((member) => member.protectedUntil !== null));
    const none = await members('protectionEndingWithinDays=0');
    assert.equal(none.body.total, 0, 'protection does not end today');
    const wildcard = await members('q=%25');
    assert.equal(wildcard.body.total, 0, '% is a character to search, not a wildcard');
  });

  test('sorts hold across cursor pages', async () => {
    const byName = await walk('country=FR&sort=name', 7);
    const names = byName.map((member) => member.name.toLowerCase());
    assert.deepEqual(names, [...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
    // Progress is towards the next tier: top-tier members have none and come last in either direction.
    for (const [sort, descending] of [['-progress', true], ['progress', false]] as const) {
      const byProgress = await walk(`country=FR&sort=${sort}`, 9);
      const firstTop = byProgress.findIndex((member) => member.nextTier === null);
      assert.ok(firstTop > 0, `${sort}: members below the top, then top-tier members`);
      assert.ok(byProgress.slice(firstTop).every((member) => member.nextTier === null), `${sort}: top tier last`);
      const below = byProgress.slice(0, firstTop).map((member) => member.progress);
      assert.deepEqual(below, [...below].sort((a, b) => (descending ? b - a : a - b)), sort);
    }
    const rank = { register: 0, silver: 1, gold: 2, platinum: 3 } as Record<string, number>;
    const byTier = await walk('country=FR&sort=-tier', 11);
    for (let i = 1; i < byTier.length; i++) assert.ok(rank[byTier[i - 1].effectiveTier]! >= rank[byTier[i].effectiveTier]!);
    const byEnd = await walk('country=FR&sort=protectedUntil', 13);
    const ends = byEnd.map((member) => member.protectedUntil ?? '9999-12-31');
    assert.deepEqual(ends, [...ends].sort());
  });

  test('bad member queries answer 422 with field errors', async () => {
    for (const [query, path] of [
      ['limit=501', 'limit'],
      ['limit=abc', 'limit'],
      ['tier=diamond', 'tier'],
      ['country=germany', 'country'],
      ['sort=revenue', 'sort'],
      ['cursor=not-a-cursor', 'cursor'],
      ['protectionEndingWithinDays=-1', 'protectionEndingWithinDays'],
      ['segment=everyone', 'segment'],
      ['colour=blue', ''],
    ] as const) {
      const answer = await members(query);
      assert.equal(answer.status, 422, query);
      assert.equal(answer.body.code, 'validation_failed');
      assert.ok(answer.body.errors.some((error: { path: string }) => error.path === path || (path === '' && error.path === '')), `${query}: ${JSON.stringify(answer.body.errors)}`);
    }
    const first = await members('sort=name&limit=2');
    const mismatched = await members(`sort=-progress&limit=2&cursor=${first.body.nextCursor}`);
    assert.equal(mismatched.status, 422, 'a cursor belongs to its sort');
  });
});
