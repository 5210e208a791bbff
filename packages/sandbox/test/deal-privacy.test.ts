// What an organization sees of its members' deals (issue 16, item 4): a distributor the deals routed through it,
// never the end customer's contact person; an ISP, carrier or Systemhaus association aggregates only; the reseller
// that registered a deal all of it.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { dealInput, useSandbox } from './support/sandbox.js';

const api = useSandbox({ allowedOrigins: ['https://portal.example'] });

describe('deal privacy toward organizations', () => {
  test('a distributor reads only the deals routed through it, without the contact person', async () => {
    const { resellers, organizations } = api.credentials;
    const nordwind = resellers[0]!;
    const distributors = api.sandbox.db.prepare(`SELECT id FROM organizations WHERE kind = 'distributor' ORDER BY id`).pluck().all() as string[];
    const ours = organizations.find((org) => org.kind === 'distributor')!;
    assert.ok(api.sandbox.db.prepare('SELECT 1 FROM memberships WHERE org_id = ? AND partner_id = ?').get(ours.orgId, nordwind.partnerId), 'Nordwind is a member of the distributor');
    const another = distributors.find((id) => id !== ours.orgId)!;
    // Nordwind registers one deal through our distributor and one through another.
    const registered: Record<string, string> = {};
    for (const [label, distributorId] of [['ours', ours.orgId], ['other', another]] as const) {
      const answer = await api.call(`/v1/partners/${nordwind.partnerId}/deals`, {
        credential: nordwind.secretKey,
        body: dealInput({ distributorId, customer: { name: `Privat ${label} AG`, country: 'DE', domain: `privat-${label}.de`, contact: { name: 'Eva Muster', email: `eva@privat-${label}.de`, phone: '+49 30 1234', consent: true } } }),
      });
      assert.equal(answer.status, 201, answer.text);
      registered[label] = answer.body.id;
    }

    // The reseller sees everything, the contact included.
    const own = await api.call(`/v1/deals/${registered.ours}`, { credential: nordwind.secretKey });
    assert.equal(own.body.customer.contact.email, 'eva@privat-ours.de');

    const list = await api.call(`/v1/partners/${nordwind.partnerId}/deals?limit=200`, { credential: ours.secretKey });
    assert.equal(list.status, 200);
    assert.ok(list.body.items.length > 0);
    assert.ok(list.body.items.every((deal: { distributorId: string }) => deal.distributorId === ours.orgId), 'only deals routed through it');
    assert.equal(list.body.total, api.sandbox.db.prepare('SELECT COUNT(*) FROM deals WHERE partner_id = ? AND distributor_id = ?').pluck().get(nordwind.partnerId, ours.orgId));
    assert.ok(list.body.items.every((deal: { customer: object }) => !('contact' in deal.customer)), 'no contact person in any row');
    assert.ok(!list.text.includes('eva@privat-ours.de') && !list.text.includes('Eva Muster'), 'the contact appears nowhere in the answer');
    assert.ok(list.body.items.some((deal: { id: string }) => deal.id === registered.ours));

    const one = await api.call(`/v1/deals/${registered.ours}`, { credential: ours.secretKey });
    assert.equal(one.status, 200);
    assert.deepEqual(Object.keys(one.body.customer).sort(), ['country', 'domain', 'name', 'vatId']);
    assert.equal(one.body.estimatedValue.amount, own.body.estimatedValue.amount, 'company, products and value are there');
    const routedElsewhere = await api.call(`/v1/deals/${registered.other}`, { credential: ours.secretKey });
    const nothing = await api.call('/v1/deals/deal_doesnotexist', { credential: ours.secretKey });
    assert.deepEqual([routedElsewhere.status, routedElsewhere.body.code], [nothing.status, nothing.body.code], 'a deal routed through another distributor reads like none');

    // A token minted by the distributor carries the same rule.
    const minted = await api.call('/v1/embed-tokens', { credential: ours.secretKey, body: { origin: 'https://portal.example', subject: { orgId: ours.orgId } } });
    const viaToken = await api.call(`/v1/deals/${registered.ours}`, { credential: minted.body.token, headers: { origin: 'https://portal.example' } });
    assert.equal(viaToken.status, 200);
    assert.ok(!('contact' in viaToken.body.customer));
  });

  test('an ISP, a carrier and a Systemhaus association see the pipeline as aggregates and no deal rows', async () => {
    const { resellers, organizations } = api.credentials;
    const nordwind = resellers[0]!;
    const dealId = api.sandbox.db.prepare('SELECT id FROM deals WHERE partner_id = ? LIMIT 1').pluck().get(nordwind.partnerId) as string;
    for (const org of organizations.filter((candidate) => candidate.kind !== 'distributor')) {
      for (const path of [`/v1/partners/${nordwind.partnerId}/deals`, `/v1/deals/${dealId}`]) {
        const answer = await api.call(path, { credential: org.secretKey });
        assert.deepEqual([answer.status, answer.body.code], [403, 'insufficient_scope'], `${org.kind} ${path}`);
        assert.ok(!answer.text.includes('@'), 'no contact in the problem');
      }
      const summary = await api.call(`/v1/organizations/${org.orgId}/summary`, { credential: org.secretKey });
      assert.equal(summary.status, 200);
      assert.ok(summary.body.pipeline.some((entry: { count: number }) => entry.count > 0), `${org.kind} sees counts and values per status`);
      const wider = await api.call('/v1/embed-tokens', { credential: org.secretKey, body: { origin: 'https://portal.example', subject: { orgId: org.orgId }, scopes: ['deals:read'] } });
      assert.deepEqual([wider.status, wider.body.code], [403, 'insufficient_scope'], 'nor can it mint a token that reads deals');
    }
  });
});
