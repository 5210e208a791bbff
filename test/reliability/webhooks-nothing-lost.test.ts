// Nothing lost: the sandbox is SIGKILLed in the middle of webhook deliveries and started again on the same database
// file; every event still arrives at least once, and after deduplication by webhook-id exactly once.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { verifyWebhook } from '@poly-partner/sdk/server';
import { type ChildSandbox, startChildSandbox } from '../support/child-sandbox.js';
import { plainHeaders, startReceiver } from '../support/webhook-receiver.js';

const folder = mkdtempSync(join(tmpdir(), 'poly-webhooks-'));
const children: ChildSandbox[] = [];
after(() => {
  for (const child of children) child.process.kill('SIGKILL');
  rmSync(folder, { recursive: true, force: true });
});

async function call(sandbox: ChildSandbox, path: string, key: string, init: RequestInit = {}) {
  const response = await fetch(`${sandbox.url}${path}`, { ...init, headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json', ...init.headers } });
  return (await response.json()) as any;
}

test('SIGKILL in the middle of deliveries, restart on the same file: every event arrives, once after dedup', { timeout: 240_000 }, async (t) => {
  const db = join(folder, 'sandbox.db');
  const receiver = await startReceiver();
  const first = await startChildSandbox(db);
  children.push(first);
  const operator = { authorization: `Bearer ${first.credentials.operatorKey}` };
  const distributor = first.credentials.organizations.find((org) => org.kind === 'distributor')!;
  const endpoint = await call(first, '/v1/webhook-endpoints', distributor.secretKey, {
    method: 'POST',
    // Not deal events: the jump expires seeded registrations months back, events older than the feed's 30 days.
    body: JSON.stringify({ url: receiver.url, events: ['partner.tier.changed', 'partner.protection.ending'] }),
  });
  assert.match(endpoint.secret, /^whsec_/);

  // Real changes first: past the protection end of the demo's protected Gold partner, members fall to what they earn.
  const held = first.credentials.resellers.find((reseller) => /protected Gold/.test(reseller.about))!;
  const status = await call(first, `/v1/partners/${held.partnerId}/tier-status`, held.secretKey);
  const clock = await (await fetch(`${first.url}/operator/clock`, { headers: operator })).json() as { now: string };
  const days = Math.round((Date.parse(status.protectedUntil) - Date.parse(clock.now.slice(0, 10))) / 86_400_000) + 1;
  await fetch(`${first.url}/operator/clock`, { method: 'POST', headers: { ...operator, 'content-type': 'application/json' }, body: JSON.stringify({ advanceDays: days }) });
  // Then volume: 1,500 more events about members, so the kill lands while hundreds are still owed.
  const members = await call(first, `/v1/organizations/${distributor.orgId}/members?limit=15`, distributor.secretKey);
  first.send(`events ${members.items.map((member: { partnerId: string }) => member.partnerId).join(',')} 100`);
  await first.nextLine();

  await receiver.until(() => receiver.received.length >= 200, 60_000);
  first.process.kill('SIGKILL');
  await new Promise((resolve) => first.process.once('exit', resolve));
  const beforeKill = receiver.received.length;

  const second = await startChildSandbox(db);
  children.push(second);
  const expected = new Set<string>();
  let cursor: string | null = null;
  do {
    const page: any = await call(second, `/v1/events?limit=500${cursor ? `&cursor=${cursor}` : ''}`, distributor.secretKey);
    for (const event of page.items) if (event.type !== 'deal.status.changed') expected.add(event.id);
    cursor = page.nextCursor;
  } while (cursor);
  assert.ok(expected.size > 1_500, `${expected.size} events owed`);
  assert.ok(beforeKill < expected.size, 'the kill came before every event was delivered');

  const unique = () => new Set(receiver.received.map((message) => String(message.headers['webhook-id'])));
  await receiver.until(() => [...expected].every((id) => unique().has(id)), 120_000);
  // Every delivery is genuine (signed with the endpoint's secret); deduplicated by webhook-id, each event counts once.
  const counted = new Map<string, number>();
  for (const message of receiver.received) {
    const event = await verifyWebhook(message.body, plainHeaders(message.headers), endpoint.secret, { toleranceSeconds: 600 });
    counted.set(event.id, (counted.get(event.id) ?? 0) + 1);
  }
  assert.deepEqual([...expected].filter((id) => !counted.has(id)), [], 'lost');
  assert.deepEqual([...counted.keys()].filter((id) => !expected.has(id)), [], 'delivered but not an event of the feed');
  assert.equal(counted.size, expected.size);
  const duplicates = receiver.received.length - counted.size;
  t.diagnostic(`events ${expected.size}, delivered before the kill ${beforeKill}, deliveries ${receiver.received.length}, duplicates ${duplicates}`);
  second.process.kill('SIGTERM');
  await receiver.close();
});
