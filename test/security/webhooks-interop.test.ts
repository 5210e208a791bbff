// Interop with the Standard Webhooks reference library (`standardwebhooks`): the sandbox's deliveries verify with it,
// and the SDK's verifyWebhook accepts its signatures and refuses tampered, stale and replayed ones.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { Webhook } from 'standardwebhooks';
import { createServerClient, memorySeenWebhookIds, type ServerClient, verifyWebhook, WebhookVerificationError } from '@poly-partner/sdk/server';
import { startTestSandbox, type Started } from '../support/node-sandbox.js';
import { plainHeaders, startReceiver } from '../support/webhook-receiver.js';

let sandbox: Started;
let receiver: Awaited<ReturnType<typeof startReceiver>>;
let client: ServerClient;
let partnerId: string;

before(async () => {
  sandbox = await startTestSandbox({ now: () => new Date(), webhooks: { timeFactor: 1_000 } });
  receiver = await startReceiver();
  const reseller = sandbox.credentials.resellers.find((entry) => /clean Gold/.test(entry.about))!;
  partnerId = reseller.partnerId;
  client = createServerClient({ baseUrl: sandbox.url, secretKey: reseller.secretKey });
});
after(async () => {
  await sandbox.close();
  await receiver.close();
});

const rejection = (reason: string) => (error: unknown) => error instanceof WebhookVerificationError && error.reason === reason;

describe('Standard Webhooks interop', () => {
  test('a delivery of the sandbox verifies with the reference library and with verifyWebhook, to the same event', async () => {
    const endpoint = await client.webhookEndpoints.create({ url: receiver.url, events: ['deal.status.changed'], description: 'interop' });
    const distributorId = sandbox.credentials.organizations.find((org) => org.kind === 'distributor')!.orgId;
    const products = await client.products.list();
    const deal = await client.deals.register(partnerId, {
      type: 'deal',
      customer: { name: 'Interop AG', country: 'DE', domain: 'interop.example', contact: { name: 'Ina Terop', email: 'ina@interop.example', consent: true } },
      products: [{ sku: products.items[0]!.sku, quantity: 1 }],
      estimatedValue: { amount: 1_000, currency: 'EUR' },
      expectedCloseDate: new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10),
      distributorId,
    });
    await receiver.until(() => receiver.received.length >= 1);
    const message = receiver.received[0]!;
    const reference = new Webhook(endpoint.secret).verify(message.body, plainHeaders(message.headers) as never) as { id: string; data: { id: string } };
    assert.equal(reference.data.id, deal.id);
    const event = await verifyWebhook(message.body, plainHeaders(message.headers), endpoint.secret);
    assert.equal(event.type, 'deal.status.changed');
    if (event.type === 'deal.status.changed') assert.equal(event.data.status, 'submitted');
    assert.equal(event.id, reference.id);

    const feed = [];
    for await (const item of client.events.list({ type: 'deal.status.changed', limit: 1 })) feed.push(item);
    assert.ok(feed.some((item) => item.id === event.id), 'the paging walk reaches the delivered event');
    await client.webhookEndpoints.delete(endpoint.id);
  });

  test('verifyWebhook accepts the reference library signatures, and refuses tampered, stale and replayed ones', async () => {
    const secret = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';
    const signer = new Webhook(secret);
    const body = JSON.stringify({
      id: 'evt_interop1', type: 'badge.revoked', occurredAt: new Date().toISOString(),
      data: { partnerId: 'ptr_1', revokedAt: new Date().toISOString(), reason: null },
    });
    const sign = (at: Date, id = 'evt_interop1') => ({
      'webhook-id': id,
      'webhook-timestamp': String(Math.floor(at.getTime() / 1000)),
      'webhook-signature': signer.sign(id, at, body),
    });
    const seen = memorySeenWebhookIds();
    const headers = sign(new Date());
    const event = await verifyWebhook(body, headers, secret, { seen });
    assert.equal(event.type, 'badge.revoked');
    await assert.rejects(verifyWebhook(body, headers, secret, { seen }), rejection('replayed'));
    await assert.rejects(verifyWebhook(body.replace('ptr_1', 'ptr_2'), sign(new Date(), 'evt_interop2'), secret), rejection('bad_signature'));
    await assert.rejects(verifyWebhook(body, sign(new Date(Date.now() - 10 * 60_000), 'evt_interop3'), secret), rejection('stale'));
    await assert.rejects(verifyWebhook(body, sign(new Date(), 'evt_interop4'), 'whsec_' + Buffer.from('another key').toString('base64')), rejection('bad_signature'));
    const noSignature: Record<string, string> = { ...sign(new Date(), 'evt_interop5') };
    delete noSignature['webhook-signature'];
    await assert.rejects(verifyWebhook(body, noSignature, secret), rejection('missing_headers'));
    // As bytes and with a Headers object too (what fetch handlers in edge runtimes have).
    const again = await verifyWebhook(new TextEncoder().encode(body), new Headers(sign(new Date(), 'evt_interop6')), secret);
    assert.equal(again.id, 'evt_interop1');
  });
});
