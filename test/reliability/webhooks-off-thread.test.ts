// Delivery never slows the API's own answers: the fan-out runs on a worker thread, so while thousands of webhooks go
// out the API's thread stays idle. Judged by that thread's event loop utilization (the share of wall time it was busy),
// a ratio within one run rather than a timing: with the loop on the API's thread it was 0.97 during a fan-out, with
// the worker 0.01 (test/bench/webhooks.ts prints both figures).
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { type ChildSandbox, startChildSandbox } from '../support/child-sandbox.js';
import { startReceiver } from '../support/webhook-receiver.js';

const folder = mkdtempSync(join(tmpdir(), 'poly-webhooks-thread-'));
let sandbox: ChildSandbox | undefined;
after(() => {
  sandbox?.process.kill('SIGKILL');
  rmSync(folder, { recursive: true, force: true });
});

test('2,000 deliveries to 20 endpoints leave the API thread idle', { timeout: 120_000 }, async (t) => {
  const receiver = await startReceiver();
  try {
    const child = await startChildSandbox(join(folder, 'sandbox.db'), { resellers: 2_000, timeFactor: 60 });
    sandbox = child;
    const distributor = child.credentials.organizations.find((org) => org.kind === 'distributor')!;
    const members = await fetch(`${child.url}/v1/organizations/${distributor.orgId}/members?limit=20`, { headers: { authorization: `Bearer ${distributor.secretKey}` } });
    const ids = ((await members.json()) as { items: { partnerId: string }[] }).items.map((member) => member.partnerId);
    child.send(`keys ${ids.join(',')}`);
    const { keys } = await child.nextLine();
    for (const [index, key] of (keys as { secretKey: string }[]).entries()) {
      const created = await fetch(`${child.url}/v1/webhook-endpoints`, {
        method: 'POST',
        headers: { authorization: `Bearer ${key.secretKey}`, 'content-type': 'application/json' },
        body: JSON.stringify({ url: `${receiver.url}?endpoint=${index}`, events: ['partner.tier.changed'] }),
      });
      assert.equal(created.status, 201);
    }
    child.send(`events ${ids.join(',')} 100`);
    await child.nextLine();
    child.send('utilization');
    await child.nextLine();
    await receiver.until(() => receiver.received.length >= 2_000, 60_000);
    child.send('utilization');
    const { utilization } = await child.nextLine();
    t.diagnostic(`API thread busy ${(utilization * 100).toFixed(1)} % of the fan-out`);
    assert.ok(utilization < 0.25, `the API thread was busy ${(utilization * 100).toFixed(0)} % of the fan-out`);
  } finally {
    await receiver.close();
  }
});
