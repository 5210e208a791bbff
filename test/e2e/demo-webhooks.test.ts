// The demo backend's webhook receiver (demo/server/event-feed.ts), on Node against a real sandbox: it subscribes once
// per organization and again after a restart, stores what the sandbox signed, refuses an unsigned, a tampered and a
// foreign delivery with 400, and keeps a delivery that comes twice (a replay, the sandbox's own retry) once.
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { after, before, describe, test } from 'node:test';
import { startSandbox } from '@poly-partner/sandbox';
import { createServerClient, type PartnerEvent, type ServerClient } from '@poly-partner/sdk/server';
import { demoBackendMiddleware } from '../../demo/server/demo-backend.js';
import { ENDPOINT_DESCRIPTION, type FeedEvent } from '../../demo/server/event-feed.js';
import { plainHeaders, startReceiver } from '../support/webhook-receiver.js';

interface Captured {
  headers: IncomingHttpHeaders;
  body: Buffer;
}

let sandbox: Awaited<ReturnType<typeof startSandbox>>;
let workDir: string;
let credentialsFile: string;
let client: ServerClient;
let orgId: string;
let demo: { origin: string; close(): Promise<void> };
/** Every delivery that reached the demo backend, as it came: the material of the replay and tampering below. */
const captured: Captured[] = [];

/**
 * The demo backend on its own HTTP server, with each webhook delivery's bytes copied on the way in (a real server
 * in front of the middleware would not show them to a test). `port` 0 picks one.
 */
async function startDemo(port = 0) {
  const middleware = demoBackendMiddleware({ credentialsFile, widgetsDist: workDir, marketingPage: join(workDir, 'none.html') });
  const server: Server = createServer((request, response) => {
    // No connection outlives an answer: a client's pooled one would fail against the server started after a restart.
    response.setHeader('connection', 'close');
    const notFound = () => response.writeHead(404).end();
    if (!request.url?.startsWith('/api/webhooks/')) {
      middleware(request, response, notFound);
      return;
    }
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const body = Buffer.concat(chunks);
      captured.push({ headers: request.headers, body });
      const copy = Object.assign(Readable.from([body]), { headers: request.headers, method: request.method, url: request.url, socket: request.socket });
      middleware(copy as unknown as IncomingMessage, response, notFound);
    });
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return {
    origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    port: (server.address() as AddressInfo).port,
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}

/** The page's read: a same-origin fetch says so in Sec-Fetch-Site. */
async function feed(origin: string): Promise<FeedEvent[]> {
  const response = await fetch(`${origin}/api/events?org=${orgId}`, { headers: { 'sec-fetch-site': 'same-origin' } });
  assert.equal(response.status, 200, await response.clone().text());
  return ((await response.json()) as { events: FeedEvent[] }).events;
}

async function until<T>(what: string, check: () => Promise<T | undefined>, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`${what}: not after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

async function ourEndpoints() {
  return (await client.webhookEndpoints.list().all()).filter((endpoint) => endpoint.description === ENDPOINT_DESCRIPTION);
}

/** Sends a delivery again as it came (its webhook-* headers and its body), or as a test changed it. */
function post(origin: string, { headers, body }: Captured) {
  const sent = Object.fromEntries(Object.entries(plainHeaders(headers)).filter(([name]) => name.startsWith('webhook-') || name === 'content-type'));
  return fetch(`${origin}/api/webhooks/${orgId}`, { method: 'POST', headers: sent, body: new Uint8Array(body) });
}

before(async () => {
  workDir = await mkdtemp(join(tmpdir(), 'poly-demo-webhooks-'));
  credentialsFile = join(workDir, 'credentials.json');
  sandbox = await startSandbox({ port: 0, db: ':memory:', resellers: 2000, quiet: true });
  await writeFile(credentialsFile, JSON.stringify(sandbox.credentials));
  const distributor = sandbox.credentials.organizations.find((organization) => organization.kind === 'distributor')!;
  orgId = distributor.orgId;
  client = createServerClient({ baseUrl: sandbox.url, secretKey: distributor.secretKey });
  demo = await startDemo();
});

after(async () => {
  await demo?.close();
  await sandbox?.close();
  await rm(workDir, { recursive: true, force: true });
});

describe('demo backend webhooks', () => {
  let sample: PartnerEvent;

  test('the first read subscribes the organization, and a signed delivery shows in the feed', async () => {
    assert.deepEqual(await feed(demo.origin), [], 'a new sandbox has told nothing yet');
    const [endpoint, ...more] = await ourEndpoints();
    assert.ok(endpoint, 'an endpoint was made');
    assert.deepEqual(more, []);
    assert.equal(endpoint.url, `${demo.origin}/api/webhooks/${orgId}`);

    const delivery = await client.webhookEndpoints.sendTest(endpoint.id, 'partner.protection.ending');
    const shown = await until('the sample event in the feed', async () => (await feed(demo.origin)).find((event) => event.id === delivery.eventId));
    assert.equal(shown.type, 'partner.protection.ending');
    sample = shown;
    assert.ok(captured.some(({ headers }) => headers['webhook-id'] === delivery.eventId));
  });

  test('an unsigned, a tampered and a foreign delivery are refused with 400 and not stored', async () => {
    const genuine = captured.find(({ headers }) => headers['webhook-id'] === sample.id)!;
    const before = await feed(demo.origin);

    const unsigned = await fetch(`${demo.origin}/api/webhooks/${orgId}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: new Uint8Array(genuine.body) });
    assert.equal(unsigned.status, 400);

    // Another event under the genuine headers: the signature covers the body, so it no longer matches.
    const forged = JSON.parse(genuine.body.toString('utf8')) as PartnerEvent;
    forged.id = 'evt_forged000000000';
    const tampered = await post(demo.origin, { headers: { ...genuine.headers, 'webhook-id': forged.id }, body: Buffer.from(JSON.stringify(forged)) });
    assert.equal(tampered.status, 400);
    const bodyChanged = await post(demo.origin, { headers: genuine.headers, body: Buffer.from(genuine.body.toString('utf8').replace('"daysLeft":30', '"daysLeft":7')) });
    assert.equal(bodyChanged.status, 400);

    // Signed by the sandbox, but for an endpoint of someone else's (its own secret).
    const receiver = await startReceiver();
    try {
      const other = await client.webhookEndpoints.create({ url: receiver.url, events: ['badge.revoked'], description: 'another receiver' });
      await client.webhookEndpoints.sendTest(other.id, 'badge.revoked');
      await receiver.until(() => receiver.received.length > 0);
      const foreign = receiver.received[0]!;
      const refused = await post(demo.origin, { headers: foreign.headers, body: Buffer.from(foreign.body) });
      assert.equal(refused.status, 400);
      await client.webhookEndpoints.delete(other.id);
    } finally {
      await receiver.close();
    }
    assert.deepEqual((await feed(demo.origin)).map((event) => event.id), before.map((event) => event.id));
  });

  test('a delivery that comes again is answered 2xx and kept once: a replay, and the sandbox retrying it', async () => {
    const genuine = captured.find(({ headers }) => headers['webhook-id'] === sample.id)!;
    const replay = await post(demo.origin, genuine);
    assert.equal(replay.status, 200);
    assert.deepEqual(await replay.json(), { received: true, duplicate: true });

    const [endpoint] = await ourEndpoints();
    const [delivery] = (await client.webhookEndpoints.deliveries(endpoint!.id)).items;
    assert.equal(delivery!.eventId, sample.id);
    await client.webhookEndpoints.retryDelivery(endpoint!.id, delivery!.id);
    const attempts = await until('the retry answered', async () => {
      const current = await client.webhookEndpoints.deliveries(endpoint!.id);
      const again = current.items.find((candidate) => candidate.id === delivery!.id)!;
      return again.attempts.length >= 2 ? again.attempts : undefined;
    });
    assert.deepEqual(attempts.map((attempt) => attempt.statusCode), [200, 200]);
    const shown = (await feed(demo.origin)).filter((event) => event.id === sample.id);
    assert.equal(shown.length, 1);
  });

  test('the clock route moves the sandbox clock only for a page of this site, and events follow', async () => {
    const crossSite = await fetch(`${demo.origin}/api/clock`, { method: 'POST', headers: { origin: 'https://elsewhere.example' } });
    assert.equal(crossSite.status, 403);
    const noOrigin = await fetch(`${demo.origin}/api/clock`, { method: 'POST' });
    assert.equal(noOrigin.status, 403);
    const readAcross = await fetch(`${demo.origin}/api/events?org=${orgId}`, { headers: { 'sec-fetch-site': 'cross-site' } });
    assert.equal(readAcross.status, 403);

    const moved = await fetch(`${demo.origin}/api/clock`, { method: 'POST', headers: { origin: demo.origin, 'sec-fetch-site': 'same-origin' } });
    assert.equal(moved.status, 200);
    const answer = await moved.text();
    assert.ok(!answer.includes(sandbox.credentials.operatorKey), 'the operator key stays in the backend');
    const { now } = JSON.parse(answer) as { now: string };
    assert.ok(Date.parse(now) > Date.now() + 29 * 86_400_000, `the clock reads ${now}`);
    await until('a deal event from the sandbox', async () => (await feed(demo.origin)).find((event) => event.type === 'deal.status.changed'));
  });

  test('after a restart the backend reuses its endpoint and shows the recent events at once', async () => {
    const before = (await feed(demo.origin)).filter((event) => event.id !== sample.id);
    const [endpoint] = await ourEndpoints();
    const { port } = new URL(demo.origin);
    await demo.close();
    demo = await startDemo(Number(port));
    // The sample event was never in the sandbox's feed; the deal events are, and come back from it.
    const after = await feed(demo.origin);
    assert.ok(before.length > 0);
    assert.ok(after.length >= before.length, `${after.length} events after the restart, ${before.length} before`);
    assert.ok(after.every((event) => event.type === 'deal.status.changed'), 'caught up from GET /v1/events');
    assert.deepEqual((await ourEndpoints()).map((candidate) => candidate.id), [endpoint!.id]);

    // The reused endpoint's secret was rotated for the new process, and deliveries verify with it.
    const delivery = await client.webhookEndpoints.sendTest(endpoint!.id, 'badge.revoked');
    const revoked = await until('the delivery after the restart', async () => (await feed(demo.origin)).find((event) => event.id === delivery.eventId));
    // The event names its reseller by id only; the backend looks the name up for the sentence.
    const { name } = await client.partners.get(revoked.data.partnerId);
    assert.equal(revoked.partnerName, name);
  });
});
