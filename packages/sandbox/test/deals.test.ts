// Deal registration over real HTTP: validation, idempotency, conflicts, automatic approval, expiry, withdrawal, lists.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { DAY, dealInput, movableClock, useSandbox } from './support/sandbox.js';

/**
 * A sandbox of its own, on a clock of its own, for each `describe`: registering moves the clock 91 days on, which
 * expires the seeded approvals, so no block may depend on another running before it.
 */
function dealWorld() {
  const clock = movableClock();
  const api = useSandbox({ now: clock.now, autoApproveSeconds: 60 });
  const resellers = () => api.credentials.resellers;
  return {
    clock,
    api,
    resellers,
    owner: () => resellers().find((reseller) => /clean Gold/.test(reseller.about))!,
    rival: () => resellers().find((reseller) => /Register/.test(reseller.about))!,
    async distributorOf(reseller: { partnerId: string; secretKey: string }): Promise<string> {
      const profile = await api.call(`/v1/partners/${reseller.partnerId}`, { credential: reseller.secretKey });
      return profile.body.distributorIds[0];
    },
    register(reseller: { partnerId: string; secretKey: string }, input: Record<string, unknown>, headers: Record<string, string> = {}) {
      return api.call(`/v1/partners/${reseller.partnerId}/deals`, { credential: reseller.secretKey, body: input, headers });
    },
  };
}

describe('listing deals', () => {
  const { api, owner, resellers } = dealWorld();

  test('the seeded demo reseller has deals in every state; the status filter and cursor pages agree with the total', async () => {
    const protectedOne = resellers().find((reseller) => /protected Gold/.test(reseller.about))!;
    const all = await api.call(`/v1/partners/${protectedOne.partnerId}/deals`, { credential: protectedOne.secretKey });
    const states = new Set(all.body.items.map((deal: { status: string }) => deal.status));
    for (const state of ['submitted', 'under_review', 'approved', 'rejected', 'won', 'lost', 'expired', 'withdrawn']) assert.ok(states.has(state), state);

    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: any = await api.call(`/v1/partners/${protectedOne.partnerId}/deals?limit=2${cursor ? `&cursor=${cursor}` : ''}`, { credential: protectedOne.secretKey });
      assert.equal(page.status, 200);
      assert.ok(page.body.items.length <= 2);
      seen.push(...page.body.items.map((deal: { id: string }) => deal.id));
      assert.ok(seen.length <= all.body.total, 'the walk ends');
      cursor = page.body.nextCursor;
    } while (cursor);
    assert.equal(seen.length, all.body.total);
    assert.equal(new Set(seen).size, seen.length);

    const approved = await api.call(`/v1/partners/${protectedOne.partnerId}/deals?status=approved`, { credential: protectedOne.secretKey });
    assert.ok(approved.body.items.length >= 1);
    assert.ok(approved.body.items.every((deal: { status: string }) => deal.status === 'approved'));
  });

  test('bad list queries answer 422', async () => {
    for (const query of ['limit=0', 'limit=201', 'limit=ten', 'status=pending', 'cursor=garbage', 'colour=blue']) {
      const answer = await api.call(`/v1/partners/${owner().partnerId}/deals?${query}`, { credential: owner().secretKey });
      assert.equal(answer.status, 422, query);
      assert.equal(answer.body.code, 'validation_failed');
    }
  });
});

describe('registering a deal', () => {
  const { api, clock, owner, rival, distributorOf, register } = dealWorld();

  test('a clean registration is submitted with the expected discount of the effective tier, then approved a minute later', async () => {
    const input = dealInput({ distributorId: await distributorOf(owner()) }, { domain: 'clean-customer.de' });
    const created = await register(owner(), input);
    assert.equal(created.status, 201);
    assert.equal(created.body.status, 'submitted');
    assert.equal(created.body.conflict, false);
    assert.deepEqual(created.body.discount, { percent: 6, tier: 'gold', state: 'expected' });
    assert.equal(created.body.expiresAt, null);
    assert.equal(created.headers.get('location'), `/v1/deals/${created.body.id}`);

    clock.advance(61_000);
    const approved = await api.call(`/v1/deals/${created.body.id}`, { credential: owner().secretKey });
    assert.equal(approved.body.status, 'approved');
    assert.equal(approved.body.discount.state, 'granted');
    assert.ok(approved.body.decidedAt);
    const validity = (Date.parse(approved.body.expiresAt) - Date.parse(approved.body.decidedAt)) / DAY;
    assert.equal(validity, 90);

    const withdraw = await api.call(`/v1/deals/${created.body.id}/withdraw`, { method: 'POST', credential: owner().secretKey });
    assert.equal(withdraw.status, 409);
    assert.equal(withdraw.body.code, 'deal_not_withdrawable');

    clock.advance(91 * DAY);
    const expired = await api.call(`/v1/deals/${created.body.id}`, { credential: owner().secretKey });
    assert.equal(expired.body.status, 'expired');
    assert.equal(expired.body.discount.state, 'none');
  });

  test('a submitted registration can be withdrawn, once', async () => {
    const input = dealInput({ distributorId: await distributorOf(owner()) }, { domain: 'withdraw-me.de' });
    const created = await register(owner(), input);
    const withdrawn = await api.call(`/v1/deals/${created.body.id}/withdraw`, { method: 'POST', credential: owner().secretKey });
    assert.equal(withdrawn.status, 200);
    assert.equal(withdrawn.body.status, 'withdrawn');
    clock.advance(120_000);
    const later = await api.call(`/v1/deals/${created.body.id}`, { credential: owner().secretKey });
    assert.equal(later.body.status, 'withdrawn', 'a withdrawn registration is never auto-approved');
    const again = await api.call(`/v1/deals/${created.body.id}/withdraw`, { method: 'POST', credential: owner().secretKey });
    assert.equal(again.status, 409);
  });

  test('a customer another partner holds goes to review with a conflict flag; the pre-check says so without saying who', async () => {
    const domain = 'contested-customer.de';
    const first = await register(owner(), dealInput({ distributorId: await distributorOf(owner()) }, { domain, vatId: 'DE111222333' }));
    assert.equal(first.body.conflict, false);

    const check = await api.call(`/v1/partners/${rival().partnerId}/deals/conflict-check`, {
      credential: rival().secretKey,
      body: { customer: { domain: 'WWW.Contested-Customer.de', vatId: 'DE111222333' } },
    });
    assert.equal(check.status, 200);
    assert.deepEqual(check.body, { conflict: true, matchedOn: ['domain', 'vatId'], ownRegistration: null });
    assert.ok(!check.text.includes(owner().partnerId), 'the answer never names the other partner');
    assert.ok(!check.text.includes(first.body.reference), 'nor its registration');

    // A partner's own registration is no conflict, but a colleague about to register it twice is told which one it is.
    const own = await api.call(`/v1/partners/${owner().partnerId}/deals/conflict-check`, { credential: owner().secretKey, body: { customer: { domain } } });
    assert.deepEqual(own.body, {
      conflict: false,
      matchedOn: [],
      ownRegistration: { dealId: first.body.id, reference: first.body.reference, status: first.body.status, matchedOn: ['domain'] },
    });

    const second = await register(rival(), dealInput({ distributorId: await distributorOf(rival()) }, { domain: `www.${domain}` }));
    assert.equal(second.status, 201);
    assert.equal(second.body.status, 'under_review');
    assert.equal(second.body.conflict, true);
    clock.advance(10 * 60_000);
    const later = await api.call(`/v1/deals/${second.body.id}`, { credential: rival().secretKey });
    assert.equal(later.body.status, 'under_review', 'conflicts wait for a human decision');
  });

  test('the same Idempotency-Key and body replay the first answer; another body is refused', async () => {
    const input = dealInput({ distributorId: await distributorOf(owner()) }, { domain: 'idempotent.de' });
    const key = 'order-4711';
    const first = await register(owner(), input, { 'idempotency-key': key });
    const replay = await register(owner(), input, { 'idempotency-key': key });
    assert.equal(replay.status, 201);
    assert.deepEqual(replay.body, first.body);
    const list = await api.call(`/v1/partners/${owner().partnerId}/deals?limit=200`, { credential: owner().secretKey });
    assert.equal(list.body.items.filter((deal: { customer: { domain: string } }) => deal.customer.domain === 'idempotent.de').length, 1);

    const other = await register(owner(), { ...input, notes: 'changed' }, { 'idempotency-key': key });
    assert.equal(other.status, 422);
    assert.equal(other.body.code, 'idempotency_key_reused');

    const invalid = await register(owner(), input, { 'idempotency-key': 'x'.repeat(300) });
    assert.equal(invalid.status, 400);
    assert.equal(invalid.body.code, 'idempotency_key_invalid');
  });

  test('an Idempotency-Key holds across credentials of the same partner: a reload mints a new token, the draft replays', async () => {
    const input = dealInput({ distributorId: await distributorOf(owner()) }, { domain: 'reloaded-page.de' });
    const key = 'draft-after-reload';
    const origin = 'http://127.0.0.1:5173';
    const mint = async () => {
      const minted = await api.call('/v1/embed-tokens', {
        credential: owner().secretKey,
        body: { origin, subject: { partnerId: owner().partnerId } },
      });
      assert.equal(minted.status, 200);
      return minted.body.token as string;
    };
    const viaToken = (token: string) =>
      api.call(`/v1/partners/${owner().partnerId}/deals`, { credential: token, body: input, headers: { 'idempotency-key': key, origin } });
    const first = await viaToken(await mint());
    assert.equal(first.status, 201);
    const afterReload = await viaToken(await mint());
    assert.equal(afterReload.status, 201);
    assert.equal(afterReload.body.id, first.body.id, 'the second token replays the first deal instead of creating another');
    const bySecretKey = await register(owner(), input, { 'idempotency-key': key });
    assert.equal(bySecretKey.body.id, first.body.id);

    // Keys are the partner's own: another partner using the same key registers its own deal.
    const rivalInput = dealInput({ distributorId: await distributorOf(rival()) }, { domain: 'reloaded-page.de' });
    const rivals = await register(rival(), rivalInput, { 'idempotency-key': key });
    assert.equal(rivals.status, 201);
    assert.notEqual(rivals.body.id, first.body.id);
  });

  test('invalid registrations answer 422 with one error per field', async () => {
    const distributorId = await distributorOf(owner());
    const bad = dealInput({ distributorId, products: [{ sku: 'NOT-A-SKU', quantity: 1 }] }, { contact: { name: 'A', email: 'not-an-email', consent: false } });
    const answer = await register(owner(), bad);
    assert.equal(answer.status, 422);
    const paths = answer.body.errors.map((error: { path: string }) => error.path);
    assert.ok(paths.includes('customer.contact.email'), paths.join());
    assert.ok(paths.includes('customer.contact.consent'), paths.join());

    const unknown = await register(owner(), dealInput({ distributorId: 'org_nope', products: [{ sku: 'NOT-A-SKU', quantity: 1 }] }));
    assert.equal(unknown.status, 422);
    assert.deepEqual(unknown.body.errors.map((error: { path: string }) => error.path).sort(), ['distributorId', 'products.0.sku']);
  });
});
