// Registrations as a work list over real HTTP: references, history, reasons, search and sort, close-date rules, and
// approvals that move the partner's registered-deals figure.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { addDays, DEAL_REFERENCE_PATTERN, type Deal } from '@poly-partner/contract';
import { dealInput, movableClock, useSandbox } from './support/sandbox.js';

const clock = movableClock();
const api = useSandbox({ now: clock.now, autoApproveSeconds: 60 });
const reseller = () => api.credentials.resellers.find((candidate) => /clean Gold/.test(candidate.about))!;
const today = () => clock.now().toISOString().slice(0, 10);

async function distributor(): Promise<string> {
  return (await api.call(`/v1/partners/${reseller().partnerId}`, { credential: reseller().secretKey })).body.distributorIds[0];
}

async function register(input: Record<string, unknown>) {
  return api.call<Deal>(`/v1/partners/${reseller().partnerId}/deals`, { credential: reseller().secretKey, body: input });
}

async function listDealsOf(query: string, of: { partnerId: string; secretKey: string }) {
  const answer = await api.call<{ items: Deal[]; total: number; nextCursor: string | null }>(`/v1/partners/${of.partnerId}/deals?${query}`, {
    credential: of.secretKey,
  });
  assert.equal(answer.status, 200, answer.text);
  return answer.body;
}

const listDeals = (query: string) => listDealsOf(query, reseller());

describe('registrations as a work list', () => {
  test('a registration has a quotable reference and a history from submission to withdrawal', async () => {
    const created = await register(dealInput({ distributorId: await distributor() }, { domain: 'history-test.de' }));
    assert.equal(created.status, 201, created.text);
    assert.match(created.body.reference, DEAL_REFERENCE_PATTERN);
    assert.equal(created.body.reference.slice(2, 4), today().slice(2, 4), 'the year of registration');
    assert.deepEqual(created.body.history.map((entry) => entry.status), ['submitted']);
    const withdrawn = await api.call<Deal>(`/v1/deals/${created.body.id}/withdraw`, { credential: reseller().secretKey, method: 'POST' });
    assert.deepEqual(withdrawn.body.history.map((entry) => entry.status), ['submitted', 'withdrawn']);
    assert.equal(withdrawn.body.reference, created.body.reference);
  });

  test('seeded registrations tell their history, and every rejection its reason', async () => {
    // The demo reseller that holds a registration in every state.
    const seeded = api.credentials.resellers.find((candidate) => /protected Gold/.test(candidate.about))!;
    const listDeals = (query: string) => listDealsOf(query, seeded);
    const rejected = await listDeals('status=rejected&limit=50');
    assert.ok(rejected.items.length > 0);
    for (const deal of rejected.items) {
      assert.ok(deal.decisionReason && deal.decisionReason.length > 10, deal.reference);
      assert.deepEqual(deal.history.map((entry) => entry.status), ['submitted', 'rejected']);
    }
    for (const deal of (await listDeals('status=won')).items) assert.deepEqual(deal.history.map((entry) => entry.status), ['submitted', 'approved', 'won']);
    const all = (await listDeals('limit=200')).items;
    assert.equal(new Set(all.map((deal) => deal.reference)).size, all.length, 'references are unique');
    for (const deal of all) {
      const times = deal.history.map((entry) => entry.at);
      assert.deepEqual(times, [...times].sort(), `${deal.reference}: oldest first`);
    }
  });

  test('a close date in the past, or beyond the policy’s horizon, is refused with a field error', async () => {
    const distributorId = await distributor();
    for (const [date, code] of [[addDays(today(), -1), 'date_in_past'], ['2020-01-01', 'date_in_past'], [addDays(today(), 731), 'date_too_far']] as const) {
      const answer = await register(dealInput({ distributorId, expectedCloseDate: date }, { domain: 'dates-test.de' }));
      assert.equal(answer.status, 422, date);
      assert.deepEqual((answer.body as unknown as { errors: { path: string; code: string }[] }).errors.map((error) => [error.path, error.code]), [['expectedCloseDate', code]], date);
    }
    for (const date of [today(), addDays(today(), 730)]) {
      assert.equal((await register(dealInput({ distributorId, expectedCloseDate: date }, { domain: `edge-${date}.de` }))).status, 201, date);
    }
  });

  test('search finds a registration by customer name, domain or reference; sorts hold across pages', async () => {
    const distributorId = await distributor();
    const created = await register(dealInput({ distributorId }, { name: 'Zebra Findbar GmbH', domain: 'zebra-findbar.de' }));
    for (const q of ['zebra', 'FINDBAR.de', created.body.reference, created.body.reference.toLowerCase(), created.body.reference.slice(5)]) {
      const found = await listDeals(`q=${encodeURIComponent(q)}`);
      assert.ok(found.items.some((deal) => deal.id === created.body.id), q);
      assert.ok(found.total < (await listDeals('limit=1')).total, `${q} narrows the list`);
    }
    for (const [sort, key, descending] of [
      ['expectedCloseDate', (deal: Deal) => deal.expectedCloseDate, false],
      ['-updatedAt', (deal: Deal) => deal.updatedAt, true],
      ['customer', (deal: Deal) => deal.customer.name.toLowerCase(), false],
      ['-reference', (deal: Deal) => deal.reference, true],
    ] as const) {
      const seen: Deal[] = [];
      let cursor: string | null = null;
      do {
        const page: { items: Deal[]; nextCursor: string | null; total: number } = await listDeals(`sort=${sort}&limit=3${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
        seen.push(...page.items);
        assert.ok(seen.length <= page.total, `${sort}: the walk ends`);
        cursor = page.nextCursor;
      } while (cursor);
      const keys = seen.map(key);
      const sorted = [...keys].sort();
      assert.deepEqual(keys, descending ? sorted.reverse() : sorted, sort);
      assert.equal(new Set(seen.map((deal) => deal.id)).size, seen.length, `${sort}: no registration twice`);
    }
  });

  test('an approved registration moves the registered-deals figure of tier status', async () => {
    // A reseller with nothing else pending, so that exactly one approval comes due.
    const newcomer = api.credentials.resellers.find((candidate) => /Register, new/.test(candidate.about))!;
    const status = async () =>
      (await api.call(`/v1/partners/${newcomer.partnerId}/tier-status`, { credential: newcomer.secretKey })).body.metrics.registered_deals as number;
    const before = await status();
    const profile = (await api.call(`/v1/partners/${newcomer.partnerId}`, { credential: newcomer.secretKey })).body;
    const created = await api.call<Deal>(`/v1/partners/${newcomer.partnerId}/deals`, {
      credential: newcomer.secretKey,
      body: dealInput({ distributorId: profile.distributorIds[0] }, { domain: 'counts-test.de' }),
    });
    assert.equal(created.status, 201, created.text);
    assert.equal(await status(), before, 'a submitted registration does not count yet');
    clock.advance(61_000);
    const approved = await api.call<Deal>(`/v1/deals/${created.body.id}`, { credential: newcomer.secretKey });
    assert.equal(approved.body.status, 'approved');
    assert.deepEqual(approved.body.history.map((entry) => entry.status), ['submitted', 'approved']);
    assert.equal(await status(), before + 1);
  });
});
