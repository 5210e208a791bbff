// Webhook endpoints over real HTTP, delivering to a receiver on loopback: signatures, retries, rotation, test
// events, the retry action, disabling, and the SSRF refusals (checked without sending anything anywhere).
import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, test } from 'node:test';
import { startSandbox } from '../src/index.js';
import { dealInput, useSandbox } from './support/sandbox.js';

interface Received { headers: IncomingHttpHeaders; body: string; at: number }

/** A webhook receiver on 127.0.0.1 that answers with the statuses queued for it (then 200). */
export async function receiver() {
  const received: Received[] = [];
  const statuses: number[] = [];
  const waiters: (() => void)[] = [];
  const server = createServer((request, response) => {
    let body = '';
    request.setEncoding('utf8');
    request.on('data', (chunk) => (body += chunk));
    request.on('end', () => {
      received.push({ headers: request.headers, body, at: Date.now() });
      response.writeHead(statuses.shift() ?? 200).end();
      for (const wake of waiters.splice(0)) wake();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks`,
    received,
    statuses,
    /** Resolves when `count` requests have come in (fails the test after 10 s). */
    async until(count: number) {
      const deadline = Date.now() + 10_000;
      while (received.length < count) {
        if (Date.now() > deadline) throw new Error(`only ${received.length} of ${count} deliveries arrived`);
        await new Promise<void>((resolve) => {
          waiters.push(resolve);
          setTimeout(resolve, 100);
        });
      }
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

function verifies(secret: string, message: Received): boolean {
  const key = Buffer.from(secret.slice('whsec_'.length), 'base64');
  const expected = createHmac('sha256', key).update(`${message.headers['webhook-id']}.${message.headers['webhook-timestamp']}.${message.body}`).digest('base64');
  return String(message.headers['webhook-signature']).split(' ').includes(`v1,${expected}`);
}

/** The injected resolver's answers; a test moves one name. */
const table: Record<string, string> = { 'internal.example': '10.1.2.3', 'public.example': '93.184.216.34', 'rebound.example': '169.254.169.254' };
const lookup = async (host: string) => {
  if (!table[host]) throw new Error('ENOTFOUND');
  return [{ address: table[host]!, family: 4 }];
};

const api = useSandbox({ autoApproveSeconds: 3600, webhooks: { timeFactor: 1_000, lookup } });
const owner = () => api.credentials.resellers.find((entry) => /clean Gold/.test(entry.about))!;
const distributor = () => api.credentials.organizations.find((entry) => entry.kind === 'distributor')!;
let hooks: Awaited<ReturnType<typeof receiver>>;
before(async () => {
  hooks = await receiver();
});
after(() => hooks.close());

async function createEndpoint(credential: string, body: Record<string, unknown>) {
  return api.call('/v1/webhook-endpoints', { credential, body });
}

describe('webhook endpoints', () => {
  let endpoint: any;

  test('creating one answers its secret once; reading it later does not', async () => {
    const created = await createEndpoint(owner().secretKey, { url: hooks.url, events: ['deal.status.changed', 'partner.tier.changed'], description: 'CRM sync' });
    assert.equal(created.status, 201, created.text);
    assert.match(created.body.secret, /^whsec_[A-Za-z0-9+/]+=*$/);
    endpoint = created.body;
    const read = await api.call(`/v1/webhook-endpoints/${endpoint.id}`, { credential: owner().secretKey });
    assert.equal(read.status, 200);
    assert.equal(read.body.secret, undefined);
    const list = await api.call('/v1/webhook-endpoints', { credential: owner().secretKey });
    assert.deepEqual(list.body.items.map((item: { id: string }) => item.id), [endpoint.id]);
    const foreign = await api.call(`/v1/webhook-endpoints/${endpoint.id}`, { credential: distributor().secretKey });
    assert.equal(foreign.status, 404, 'another credential does not see it');
  });

  test('a registration is delivered signed per Standard Webhooks, with the event id as webhook-id', async () => {
    const before = hooks.received.length;
    const deal = await api.call(`/v1/partners/${owner().partnerId}/deals`, { credential: owner().secretKey, body: dealInput({ distributorId: distributor().orgId }, { domain: 'hooked.de' }) });
    assert.equal(deal.status, 201);
    await hooks.until(before + 1);
    const message = hooks.received[before]!;
    const event = JSON.parse(message.body);
    assert.equal(event.type, 'deal.status.changed');
    assert.equal(event.data.id, deal.body.id);
    assert.equal(message.headers['webhook-id'], event.id);
    assert.ok(Math.abs(Number(message.headers['webhook-timestamp']) - Date.now() / 1000) < 60);
    assert.ok(verifies(endpoint.secret, message));
    assert.ok(!verifies(endpoint.secret, { ...message, body: message.body.replace('hooked', 'hacked') }));
    const feed = await api.call('/v1/events?type=deal.status.changed', { credential: owner().secretKey });
    assert.ok(feed.body.items.some((item: { id: string }) => item.id === event.id), 'the same event is in the feed');
  });

  test('a failing receiver gets retries, each attempt listed with its status code', async () => {
    const before = hooks.received.length;
    hooks.statuses.push(500, 503);
    const sent = await api.call(`/v1/webhook-endpoints/${endpoint.id}/test`, { credential: owner().secretKey, body: { type: 'partner.tier.changed' } });
    assert.equal(sent.status, 202);
    await hooks.until(before + 3);
    const ids = hooks.received.slice(before).map((message) => message.headers['webhook-id']);
    assert.equal(new Set(ids).size, 1, 'every retry carries the same webhook-id');
    assert.equal(JSON.parse(hooks.received[before]!.body).type, 'partner.tier.changed');
    let delivery: any;
    for (let tries = 0; tries < 50; tries++) {
      const deliveries = await api.call(`/v1/webhook-endpoints/${endpoint.id}/deliveries`, { credential: owner().secretKey });
      delivery = deliveries.body.items.find((item: { id: string }) => item.id === sent.body.id);
      if (delivery.status === 'succeeded') break;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    assert.equal(delivery.status, 'succeeded');
    assert.deepEqual(delivery.attempts.map((attempt: { statusCode: number }) => attempt.statusCode), [500, 503, 200]);
    assert.ok(delivery.attempts.every((attempt: { durationMs: number }) => attempt.durationMs >= 0));

    const again = await api.call(`/v1/webhook-endpoints/${endpoint.id}/deliveries/${delivery.id}/retry`, { credential: owner().secretKey, method: 'POST' });
    assert.equal(again.status, 202);
    await hooks.until(before + 4);
    assert.equal(hooks.received[before + 3]!.headers['webhook-id'], ids[0]);
  });

  test('after a rotation both secrets sign for a while', async () => {
    const rotated = await api.call(`/v1/webhook-endpoints/${endpoint.id}/rotate-secret`, { credential: owner().secretKey, method: 'POST' });
    assert.equal(rotated.status, 200);
    assert.notEqual(rotated.body.secret, endpoint.secret);
    assert.ok(rotated.body.previousSecretExpiresAt);
    const before = hooks.received.length;
    await api.call(`/v1/webhook-endpoints/${endpoint.id}/test`, { credential: owner().secretKey, body: {} });
    await hooks.until(before + 1);
    const message = hooks.received[before]!;
    assert.ok(verifies(rotated.body.secret, message), 'the new secret');
    assert.ok(verifies(endpoint.secret, message), 'the old secret, still');
    assert.equal(String(message.headers['webhook-signature']).split(' ').length, 2);
  });

  test('a deleted endpoint gets nothing more', async () => {
    const deleted = await api.call(`/v1/webhook-endpoints/${endpoint.id}`, { credential: owner().secretKey, method: 'DELETE' });
    assert.equal(deleted.status, 204);
    assert.equal((await api.call(`/v1/webhook-endpoints/${endpoint.id}`, { credential: owner().secretKey })).status, 404);
  });

  test('only secret keys with the scope manage endpoints; bad bodies answer 422', async () => {
    const badge = await createEndpoint(api.credentials.publishable[0]!.publishableKey, { url: hooks.url, events: ['badge.revoked'] });
    assert.equal(badge.status, 403);
    for (const body of [{ url: hooks.url, events: [] }, { url: 'ftp://x.example', events: ['badge.revoked'] }, { url: hooks.url, events: ['deal.created'] }]) {
      assert.equal((await createEndpoint(owner().secretKey, body)).status, 422, JSON.stringify(body));
    }
  });
});

describe('where webhooks may go', () => {
  for (const url of [
    'http://10.0.0.1/hook', 'https://10.255.1.1/hook', 'https://172.16.5.4/hook', 'https://172.31.255.255/', 'https://192.168.1.1/hook',
    'http://169.254.169.254/latest/meta-data', 'https://[fd00::1]/hook', 'https://[fe80::1]/hook', 'https://[::ffff:10.0.0.1]/hook',
    'https://[::ffff:a9fe:a9fe]/hook', 'http://0.0.0.0:8080/', 'https://100.64.0.1/', 'https://224.0.0.1/', 'https://internal.example/hook',
    'https://rebound.example/hook', 'http://public.example/hook', 'https://unresolvable.example/hook', 'https://user:pass@127.0.0.1/hook',
  ]) {
    test(`${url} is refused`, async () => {
      const answer = await createEndpoint(owner().secretKey, { url, events: ['badge.revoked'] });
      assert.equal(answer.status, 422);
      assert.equal(answer.body.errors?.[0]?.code, 'url_refused');
    });
  }

  test('https to a public address is accepted (and no delivery is made to it here)', async () => {
    const answer = await createEndpoint(owner().secretKey, { url: 'https://public.example/hook', events: ['badge.revoked'] });
    assert.equal(answer.status, 201);
    await api.call(`/v1/webhook-endpoints/${answer.body.id}`, { credential: owner().secretKey, method: 'DELETE' });
  });

  test('a name that resolves to a private address by the time of delivery is refused then, and nothing is sent', async () => {
    table['moving.example'] = '127.0.0.1';
    const created = await createEndpoint(owner().secretKey, { url: 'https://moving.example/hook', events: ['badge.revoked'] });
    assert.equal(created.status, 201);
    table['moving.example'] = '10.1.2.3';
    try {
      const sent = await api.call(`/v1/webhook-endpoints/${created.body.id}/test`, { credential: owner().secretKey, body: {} });
      assert.equal(sent.status, 202);
      let delivery: any;
      for (let tries = 0; tries < 100 && !delivery?.attempts.length; tries++) {
        await new Promise((resolve) => setTimeout(resolve, 50));
        const deliveries = await api.call(`/v1/webhook-endpoints/${created.body.id}/deliveries`, { credential: owner().secretKey });
        delivery = deliveries.body.items.find((item: { id: string }) => item.id === sent.body.id);
      }
      assert.equal(delivery.attempts[0].statusCode, null);
      assert.match(delivery.attempts[0].error, /^refused: 10\.1\.2\.3 is a private/);
      assert.notEqual(delivery.status, 'succeeded');
    } finally {
      await api.call(`/v1/webhook-endpoints/${created.body.id}`, { credential: owner().secretKey, method: 'DELETE' });
      delete table['moving.example'];
    }
  });

  test('production mode refuses loopback too', async () => {
    const production = await startSandbox({ resellers: 200, quiet: true, webhooks: { mode: 'production', lookup } });
    try {
      const key = production.credentials.resellers[0]!.secretKey;
      for (const url of [hooks.url, 'https://127.0.0.1/hook', 'https://localhost/hook']) {
        const answer = await fetch(`${production.url}/v1/webhook-endpoints`, {
          method: 'POST',
          headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
          body: JSON.stringify({ url, events: ['badge.revoked'] }),
        });
        assert.equal(answer.status, 422, url);
      }
    } finally {
      await production.close();
    }
  });
});

describe('an endpoint failing for days', () => {
  test('is disabled, and a retry by hand enables it again', async () => {
    // 5 days at a time factor of a million are 0.43 s.
    const sandbox = await startSandbox({ resellers: 200, quiet: true, webhooks: { timeFactor: 1_000_000 } });
    const failing = await receiver();
    try {
      const key = sandbox.credentials.resellers[0]!.secretKey;
      const call = (path: string, body?: unknown, method = body ? 'POST' : 'GET') =>
        fetch(`${sandbox.url}${path}`, { method, headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' }, ...(body ? { body: JSON.stringify(body) } : {}) }).then((response) => response.json() as Promise<any>);
      failing.statuses.push(...Array(40).fill(500));
      const endpoint = await call('/v1/webhook-endpoints', { url: failing.url, events: ['badge.revoked'] });
      await call(`/v1/webhook-endpoints/${endpoint.id}/test`, {});
      await failing.until(10);
      await new Promise((resolve) => setTimeout(resolve, 600));
      const second = await call(`/v1/webhook-endpoints/${endpoint.id}/test`, {});
      await failing.until(11);
      let state: any;
      for (let tries = 0; tries < 50 && state?.status !== 'disabled'; tries++) {
        state = await call(`/v1/webhook-endpoints/${endpoint.id}`);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      assert.equal(state.status, 'disabled');
      assert.match(state.disabledReason, /No successful delivery since/);
      const count = failing.received.length;
      failing.statuses.length = 0;
      await call(`/v1/webhook-endpoints/${endpoint.id}/deliveries/${second.id}/retry`, {});
      await failing.until(count + 1);
      assert.equal((await call(`/v1/webhook-endpoints/${endpoint.id}`)).status, 'enabled');
    } finally {
      await failing.close();
      await sandbox.close();
    }
  });
});
