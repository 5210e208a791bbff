// The aggregator's call list over real HTTP: summary cards that are list queries, segments, and the ranking sorts.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { addDays, INACTIVE_DAYS, type Member, type TierStatus, tierRank } from '@poly-partner/contract';
import { useSandbox } from './support/sandbox.js';

const api = useSandbox({ resellers: 3_000 });
const org = (kind: string) => api.credentials.organizations.find((candidate) => candidate.kind === kind)!;

async function list(kind: string, query: Record<string, unknown>) {
  const { orgId, secretKey } = org(kind);
  const search = new URLSearchParams(Object.entries(query).map(([key, value]) => [key, String(value)]));
  const answer = await api.call(`/v1/organizations/${orgId}/members?${search}`, { credential: secretKey });
  assert.equal(answer.status, 200, answer.text);
  return answer.body as { items: Member[]; total: number; nextCursor: string | null };
}

async function tierStatus(kind: string, partnerId: string): Promise<TierStatus> {
  const answer = await api.call(`/v1/partners/${partnerId}/tier-status`, { credential: org(kind).secretKey });
  assert.equal(answer.status, 200, answer.text);
  return answer.body;
}

const revenueOf = (partnerId: string) =>
  (JSON.parse(api.sandbox.db.prepare('SELECT metrics FROM partners WHERE id = ?').pluck().get(partnerId) as string) as { revenue?: number }).revenue ?? 0;

describe('call list', () => {
  test('every card of every kind of aggregator is a member-list query: same count, same first members', async () => {
    for (const { kind, orgId, secretKey } of api.credentials.organizations) {
      const summary = (await api.call(`/v1/organizations/${orgId}/summary`, { credential: secretKey })).body;
      for (const card of [summary.protectionsEndingSoon, summary.closeToNextTier]) {
        const page = await list(kind, { ...card.query, limit: card.members.length || 1 });
        assert.equal(page.total, card.count, `${kind} ${card.query.segment}: the card's count is the list's`);
        assert.deepEqual(page.items.map((m) => m.partnerId), card.members.map((m: Member) => m.partnerId), `${kind} ${card.query.segment}`);
      }
      assert.ok(summary.protectionsEndingSoon.count > 0 && summary.closeToNextTier.count > 0, kind);
    }
  });

  test('members about to fall rank by the tiers they would drop, then by revenue', async () => {
    const page = await list('distributor', { segment: 'at_risk', sort: 'atStake', limit: 200 });
    assert.ok(page.items.length > 10);
    const stakes = page.items.map((member) => {
      assert.ok(tierRank(member.effectiveTier) > tierRank(member.earnedTier), `${member.name} earns below its tier`);
      return [tierRank(member.effectiveTier) - tierRank(member.earnedTier), revenueOf(member.partnerId)] as const;
    });
    for (let i = 1; i < stakes.length; i++) {
      const [dropBefore, revenueBefore] = stakes[i - 1]!;
      const [drop, revenue] = stakes[i]!;
      assert.ok(dropBefore > drop || (dropBefore === drop && revenueBefore >= revenue), `row ${i}: ${stakes[i - 1]} then ${stakes[i]}`);
    }
  });

  test('members about to fall, fewest requirements missing to keep their tier first, with those named', async () => {
    const page = await list('distributor', { segment: 'at_risk', sort: 'keepMissing', limit: 100 });
    const missing = page.items.map((member) => member.keepMissingCriteria);
    assert.ok(missing[0]! >= 1);
    assert.deepEqual(missing, [...missing].sort((a, b) => a - b));
    for (const member of page.items.slice(0, 8)) {
      const status = await tierStatus('distributor', member.partnerId);
      const unmet = status.keepChecklist!.items.filter((item) => item.status === 'active' && item.met === false);
      assert.equal(member.keepMissingCriteria, unmet.length);
      if (unmet.length <= 2) {
        assert.deepEqual(member.keepTierGaps, unmet.map((item) => ({ criterionId: item.criterionId, unit: item.unit, gap: item.gap })));
      } else {
        assert.deepEqual(member.keepTierGaps, []);
      }
    }
  });

  test('members close to the next tier rank by the size of their remaining gap; rows name one or two missing requirements', async () => {
    const page = await list('distributor', { segment: 'close_to_next_tier', sort: 'nextTierGap', limit: 12 });
    let previous = -1;
    for (const member of page.items) {
      const status = await tierStatus('distributor', member.partnerId);
      const unmet = status.checklist!.items.filter((item) => item.status === 'active' && item.met === false);
      const size = unmet.reduce((sum, item) => sum + item.gap / item.required, 0);
      assert.ok(size >= previous - 1e-9, `${member.name}: gap ${size} after ${previous}`);
      previous = size;
      assert.ok(member.progress >= 0.75);
      assert.equal(member.nextTierGaps.length, unmet.length <= 2 ? unmet.length : 0);
      assert.deepEqual(member.nextTierGaps.map((gap) => gap.criterionId), unmet.length <= 2 ? unmet.map((item) => item.criterionId) : []);
    }
  });

  test('inactive members registered nothing in the last 90 days; everyone else did', async () => {
    const { orgId } = org('isp');
    const page = await list('isp', { segment: 'inactive', limit: 500 });
    const since = `${addDays(new Date().toISOString().slice(0, 10), -INACTIVE_DAYS)}T00:00:00.000Z`;
    const newest = api.sandbox.db.prepare('SELECT MAX(created_at) FROM deals WHERE partner_id = ?').pluck();
    assert.ok(page.total > 0);
    for (const member of page.items) assert.ok(((newest.get(member.partnerId) as string | null) ?? '') < since, member.name);
    const active = api.sandbox.db
      .prepare('SELECT COUNT(*) FROM memberships m WHERE m.org_id = ? AND EXISTS (SELECT 1 FROM deals d WHERE d.partner_id = m.partner_id AND d.created_at >= ?)')
      .pluck()
      .get(orgId, since) as number;
    const all = (await list('isp', { limit: 1 })).total;
    assert.equal(page.total + active, all);
  });
});
