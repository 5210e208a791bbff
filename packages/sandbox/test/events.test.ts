// The event feed over real HTTP: events written with the change, who sees which, paging, and the operator's clock.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { startSandbox } from '../src/index.js';
import { DAY, dealInput, useSandbox } from './support/sandbox.js';

const api = useSandbox({ autoApproveSeconds: 60 });
const reseller = (about: RegExp) => api.credentials.resellers.find((entry) => about.test(entry.about))!;
const organization = (kind: string) => api.credentials.organizations.find((entry) => entry.kind === kind)!;

async function events(credential: string, query = '') {
  const answer = await api.call(`/v1/events${query}`, { credential });
  assert.equal(answer.status, 200, answer.text);
  return answer.body as { items: any[]; nextCursor: string | null; total: number };
}

/** The operator route is not part of the API (nor of its OpenAPI document): plain fetch. */
async function operator(body?: Record<string, number>, token = api.credentials.operatorKey, extra: Record<string, string> = {}) {
  const response = await fetch(`${api.sandbox.url}/operator/clock`, {
    method: body ? 'POST' : 'GET',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', ...extra },
    ...(body ? { body: JSON.stringify(body) } : {}),
  });
  return { status: response.status, body: (await response.json()) as any };
}
const advance = (body: Record<string, number>, token?: string, extra?: Record<string, string>) => operator(body, token, extra);

describe('deal events', () => {
  test('a registration, its approval and its withdrawal are events the reseller and the routing distributor see, nobody else', async () => {
    const owner = reseller(/clean Gold/);
    const distributor = organization('distributor');
    const created = await api.call(`/v1/partners/${owner.partnerId}/deals`, {
      credential: owner.secretKey,
      body: dealInput({ distributorId: distributor.orgId }, { domain: 'event-customer.de' }),
    });
    assert.equal(created.status, 201);
    const mine = await events(owner.secretKey, '?type=deal.status.changed');
    const submitted = mine.items.find((event) => event.data.id === created.body.id);
    assert.ok(submitted, 'the registration is an event');
    assert.equal(submitted.data.status, 'submitted');
    assert.equal(submitted.data.previousStatus, null);
    assert.equal(submitted.data.customer.contact, undefined, 'no contact person in events');

    const routed = await events(distributor.secretKey, '?type=deal.status.changed');
    assert.ok(routed.items.some((event) => event.id === submitted.id), 'the distributor sees deals routed through it');
    for (const other of [organization('isp'), organization('systemhaus_association')]) {
      const seen = await events(other.secretKey);
      assert.ok(!seen.items.some((event) => event.id === submitted.id), `${other.kind} does not`);
    }
    const rival = await events(reseller(/Register/).secretKey);
    assert.ok(!rival.items.some((event) => event.id === submitted.id), 'another reseller does not');

    // Approval is decided by time: moving the clock makes the event, without anyone reading the deal.
    const moved = await advance({ advanceSeconds: 61 });
    assert.equal(moved.status, 200);
    const after = await events(owner.secretKey, `?type=deal.status.changed&after=${submitted.id}`);
    const approved = after.items.find((event) => event.data.id === created.body.id);
    assert.equal(approved?.data.status, 'approved');
    assert.equal(approved?.data.previousStatus, 'submitted');
  });

  test('a withdrawal says from which state', async () => {
    const owner = reseller(/clean Gold/);
    const rivalHeld = reseller(/Register/);
    const distributor = organization('distributor');
    // Under review (another partner holds the customer): stays withdrawable whatever the clock does.
    await api.call(`/v1/partners/${rivalHeld.partnerId}/deals`, { credential: rivalHeld.secretKey, body: dealInput({ distributorId: distributor.orgId }, { domain: 'contested.de' }) });
    const mine = await api.call(`/v1/partners/${owner.partnerId}/deals`, { credential: owner.secretKey, body: dealInput({ distributorId: distributor.orgId }, { domain: 'contested.de' }) });
    assert.equal(mine.body.status, 'under_review');
    const withdrawn = await api.call(`/v1/deals/${mine.body.id}/withdraw`, { credential: owner.secretKey, method: 'POST' });
    assert.equal(withdrawn.status, 200);
    const feed = await events(owner.secretKey, '?type=deal.status.changed');
    const last = feed.items.filter((event) => event.data.id === mine.body.id).at(-1);
    assert.equal(last?.data.status, 'withdrawn');
    assert.equal(last?.data.previousStatus, 'under_review');
  });
});

describe('the feed', () => {
  test('cursor pages walk every event once, the type filter holds, bad queries answer 422', async () => {
    const distributor = organization('distributor');
    const all = await events(distributor.secretKey);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: any = await events(distributor.secretKey, `?limit=1${cursor ? `&cursor=${cursor}` : ''}`);
      seen.push(...page.items.map((event: { id: string }) => event.id));
      cursor = page.nextCursor;
    } while (cursor);
    assert.deepEqual(seen, all.items.map((event) => event.id));
    assert.ok(seen.length >= 2);
    for (const query of ['type=partner.renamed', 'limit=0', 'limit=501', 'cursor=garbage', 'colour=blue']) {
      const answer = await api.call(`/v1/events?${query}`, { credential: distributor.secretKey });
      assert.equal(answer.status, 422, query);
    }
    const badge = await api.call('/v1/events', { credential: api.credentials.publishable[0]!.publishableKey });
    assert.equal(badge.status, 403, 'a publishable key reads badges only');
  });
});

describe('protection endings, on the operator clock', () => {
  test('30 and 7 days before protectedUntil the partner and its organizations hear of it; after it, the fall', async () => {
    const held = reseller(/protected Gold/);
    const status = await api.call(`/v1/partners/${held.partnerId}/tier-status`, { credential: held.secretKey });
    const protectedUntil: string = status.body.protectedUntil;
    assert.ok(protectedUntil);
    const clock = await operator();
    const today = clock.body.now.slice(0, 10);
    const daysTo = (day: string) => Math.round((Date.parse(day) - Date.parse(today)) / DAY);

    await advance({ advanceDays: daysTo(protectedUntil) - 30 });
    const notice = (await events(held.secretKey, '?type=partner.protection.ending')).items.filter((event) => event.data.partnerId === held.partnerId);
    assert.deepEqual(notice.map((event) => event.data.daysLeft), [30]);
    assert.equal(notice[0].data.protectedTier, 'gold');
    const isp = organization('isp');
    assert.ok((await events(isp.secretKey, '?type=partner.protection.ending')).items.some((event) => event.id === notice[0].id), 'a member organization hears of it');

    await advance({ advanceDays: 23 });
    const both = (await events(held.secretKey, '?type=partner.protection.ending')).items.filter((event) => event.data.partnerId === held.partnerId);
    assert.deepEqual(both.map((event) => event.data.daysLeft), [30, 7]);

    await advance({ advanceDays: 8 });
    const fall = (await events(held.secretKey, '?type=partner.tier.changed')).items.filter((event) => event.data.partnerId === held.partnerId);
    assert.equal(fall.length, 1);
    assert.equal(fall[0].data.reason, 'protection_ended');
    assert.equal(fall[0].data.previousEffectiveTier, 'gold');
    assert.equal(fall[0].data.effectiveTier, 'silver');
    assert.equal(fall[0].occurredAt.slice(0, 10) > protectedUntil, true);
    const member = organization('systemhaus_association');
    assert.ok((await events(member.secretKey, '?type=partner.tier.changed')).items.some((event) => event.id === fall[0].id));
  });

  test('the clock route wants the operator key, never from a browser, and moves forward only', async () => {
    const before = (await operator()).body.offsetSeconds as number;
    assert.equal((await advance({ advanceDays: 1 }, 'op_wrong')).status, 401);
    assert.equal((await advance({ advanceDays: 1 }, api.credentials.resellers[0]!.secretKey)).status, 401);
    assert.equal((await advance({ advanceDays: 1 }, undefined, { origin: 'http://127.0.0.1:5173' })).status, 403);
    assert.equal((await advance({ advanceDays: -1 })).status, 422);
    assert.equal((await operator()).body.offsetSeconds, before, 'nothing refused moved the clock');
  });

  test('--clock-offset-days starts the clock ahead, and a moved clock is kept in the database', async () => {
    const ahead = await startSandbox({ resellers: 200, quiet: true, db: ':memory:', clockOffsetDays: 10 });
    try {
      const answer = await fetch(`${ahead.url}/operator/clock`, { headers: { authorization: `Bearer ${ahead.credentials.operatorKey}` } });
      const body = (await answer.json()) as { now: string; offsetSeconds: number };
      assert.equal(body.offsetSeconds, 10 * 86_400);
      assert.equal(Math.round((Date.parse(body.now) - Date.now()) / DAY), 10);
    } finally {
      await ahead.close();
    }
  });
});

describe('badge events', () => {
  test('leaving the program revokes the badge once: the reseller hears of it, its organizations do not', async () => {
    const reseller = api.credentials.resellers.find((entry) => !/protected/.test(entry.about))!;
    const leave = (leftProgram: boolean) =>
      fetch(`${api.sandbox.url}/operator/partners/${reseller.partnerId}`, {
        method: 'PATCH',
        headers: { authorization: `Bearer ${api.credentials.operatorKey}`, 'content-type': 'application/json' },
        body: JSON.stringify({ leftProgram }),
      });
    try {
      assert.equal((await leave(true)).status, 200);
      assert.equal((await leave(true)).status, 200, 'saying it again changes nothing');
      const revoked = (await events(reseller.secretKey, '?type=badge.revoked')).items.filter((event) => event.data.partnerId === reseller.partnerId);
      assert.equal(revoked.length, 1);
      assert.equal(revoked[0].data.reason, 'left_program');
      for (const org of api.credentials.organizations) {
        assert.equal((await events(org.secretKey, '?type=badge.revoked')).total, 0, org.kind);
      }
    } finally {
      await leave(false);
    }
  });
});
