// The seeded world as planned (src/db/seed-plan.ts), without a database: what the demo credentials promise holds,
// every row refers to rows that exist, and the same seed plans the same world.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { DEAL_STATUSES, DEFAULT_POLICY, parsePolicy, policyWithLaunchDate } from '@poly-partner/contract';
import { DEMO_RESELLERS } from '../src/db/seed-data.js';
import { planWorld, type SeedOptions } from '../src/db/seed-plan.js';

const options = (resellers: number): SeedOptions => ({
  resellers,
  seed: 20260901,
  policy: parsePolicy(policyWithLaunchDate(DEFAULT_POLICY, '2026-09-01')),
  now: new Date('2026-12-06T12:00:00Z'),
  origins: ['http://127.0.0.1:5173'],
});

describe('the seed plan', () => {
  const plan = planWorld(options(600));

  test('plans the same world from the same seed', () => {
    assert.deepEqual(planWorld(options(600)), plan);
  });

  test('the demo resellers come first, with the tiers their credentials describe', () => {
    assert.equal(plan.partners.length, 600);
    assert.deepEqual(plan.partners.slice(0, DEMO_RESELLERS.length).map((partner) => partner.name), DEMO_RESELLERS.map((demo) => demo.name));
    const tiers = plan.partners.slice(0, 4).map((partner) => [partner.effective_tier, partner.earned_tier]);
    // 'protected Gold, earns Silver', 'clean Gold', 'Register, new', 'Platinum, carried over from Plantronics'
    assert.deepEqual(tiers, [['gold', 'silver'], ['gold', 'gold'], ['register', 'register'], ['platinum', 'platinum']]);
    assert.deepEqual(plan.credentials.resellers.map((reseller) => reseller.partnerId), plan.partners.slice(0, 4).map((partner) => partner.id));
    assert.ok(plan.partners[0]!.group_id, 'demo reseller 0 is in a partner group');
  });

  test('demo reseller 0 holds a deal in every state', () => {
    const states = new Set(plan.deals.filter((deal) => deal.partner_id === plan.partners[0]!.id).map((deal) => deal.status));
    assert.deepEqual([...states].sort(), [...DEAL_STATUSES].sort());
  });

  test('every row refers to rows of the plan, and every id is unique', () => {
    const partnerIds = new Set(plan.partners.map((partner) => partner.id));
    const orgs = new Map(plan.organizations.map((org) => [org.id, org]));
    const groupIds = new Set(plan.groups.map((group) => group.id));
    const ids = [...partnerIds, ...orgs.keys(), ...groupIds, ...plan.deals.map((deal) => deal.id)];
    assert.equal(new Set(ids).size, ids.length, 'ids are unique');
    assert.ok(plan.deals.length > plan.partners.length / 2, `${plan.deals.length} deals`);
    assert.ok(plan.groups.length >= 5, `${plan.groups.length} groups`);

    const distributorsOf = new Map<string, Set<string>>();
    for (const [orgId, partnerId] of plan.memberships) {
      assert.ok(partnerIds.has(partnerId) && orgs.has(orgId), `membership ${orgId} ${partnerId}`);
      if (orgs.get(orgId)!.kind === 'distributor') distributorsOf.set(partnerId, (distributorsOf.get(partnerId) ?? new Set()).add(orgId));
    }
    assert.equal(distributorsOf.size, partnerIds.size, 'every partner buys through a distributor');
    for (const deal of plan.deals) {
      assert.ok(distributorsOf.get(deal.partner_id)?.has(deal.distributor_id), `${deal.id}: its distributor is one of its partner's`);
    }
    for (const partner of plan.partners) if (partner.group_id) assert.ok(groupIds.has(partner.group_id), partner.id);
    for (const key of plan.keys) assert.ok(key.subjectKind === 'partner' ? partnerIds.has(key.subjectId) : orgs.has(key.subjectId), key.subjectId);
  });

  test('sister entities of a group sit in different countries', () => {
    const members = new Map<string, typeof plan.partners>();
    for (const partner of plan.partners.slice(DEMO_RESELLERS.length)) {
      if (partner.group_id) members.set(partner.group_id, [...(members.get(partner.group_id) ?? []), partner]);
    }
    assert.ok(members.size > 0);
    for (const [group, sisters] of members) {
      assert.ok(sisters.length >= 2, `${group} has ${sisters.length} members`);
      assert.equal(new Set(sisters.map((sister) => sister.country)).size, sisters.length, `${group}: one country each`);
    }
  });

  test("organizations and keys stay the same whatever the world's size", () => {
    const small = planWorld(options(100));
    assert.deepEqual(small.organizations, plan.organizations);
    assert.deepEqual(small.credentials.organizations, plan.credentials.organizations);
    assert.equal(small.credentials.operatorKey, plan.credentials.operatorKey);
  });
});
