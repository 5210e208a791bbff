// Data the sandbox keeps besides the rows it derives from — cached tier-status answers, ETags hashed from the body
// text, the partner columns copied onto memberships — must follow every change of those rows, whoever makes it.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { describe, test } from 'node:test';
import { useSandbox } from './support/sandbox.js';

const api = useSandbox({ resellers: 1_500 });
const reseller = () => api.credentials.resellers[0]!;
const distributor = () => api.credentials.organizations.find((org) => org.kind === 'distributor')!;
const tierStatus = (query = '') => api.call(`/v1/partners/${reseller().partnerId}/tier-status${query}`, { credential: reseller().secretKey });
const members = (query: string) => api.call(`/v1/organizations/${distributor().orgId}/members?${query}`, { credential: distributor().secretKey });

describe('derived data follows its rows', () => {
  test('tier status: a change of the partner row is in the next answer, and a repeat answers the same', async () => {
    const db = api.sandbox.db;
    const { partnerId } = reseller();
    const before = await tierStatus();
    const again = await tierStatus();
    assert.equal(again.text, before.text);
    assert.equal(again.headers.get('etag'), before.headers.get('etag'));

    const original = db.prepare('SELECT metrics, region FROM partners WHERE id = ?').get(partnerId) as { metrics: string; region: string };
    try {
      const metrics = { ...JSON.parse(original.metrics), revenue: 99_000_000, certified_sales: 50, certified_technical: 50 };
      db.prepare('UPDATE partners SET metrics = ? WHERE id = ?').run(JSON.stringify(metrics), partnerId);
      const changed = await tierStatus();
      assert.equal(changed.status, 200);
      assert.equal(changed.body.metrics.revenue, 99_000_000, 'the new metrics, not the cached answer');
      assert.notEqual(changed.headers.get('etag'), before.headers.get('etag'));

      const otherRegion = original.region === 'dach' ? 'north_america' : 'dach';
      db.prepare('UPDATE partners SET region = ? WHERE id = ?').run(otherRegion, partnerId);
      const moved = await tierStatus();
      assert.notEqual(moved.text, changed.text, 'a region change changes the requirements');
    } finally {
      db.prepare('UPDATE partners SET metrics = ?, region = ? WHERE id = ?').run(original.metrics, original.region, partnerId);
    }
    const restored = await tierStatus();
    assert.equal(restored.text, before.text);
  });

  test('tier status: another asOf is another answer, each cached on its own', async () => {
    const launch = api.sandbox.db.prepare(`SELECT value FROM meta WHERE key = 'launchDate'`).pluck().get() as string;
    const afterProtection = `${Number(launch.slice(0, 4)) + 3}${launch.slice(4)}`;
    const today = await tierStatus();
    const later = await tierStatus(`?asOf=${afterProtection}`);
    assert.equal(later.status, 200);
    assert.notEqual(later.text, today.text);
    assert.equal((await tierStatus()).text, today.text);
    assert.equal((await tierStatus(`?asOf=${afterProtection}`)).text, later.text);
  });

  test('the ETag is the SHA-1 of the body bytes, and If-None-Match answers 304 with it', async () => {
    for (const answer of [await tierStatus(), await members('tier=silver&limit=5')]) {
      const tag = answer.headers.get('etag');
      assert.equal(tag, `"${createHash('sha1').update(answer.text).digest('hex')}"`);
    }
    const first = await tierStatus();
    const revalidated = await api.call(`/v1/partners/${reseller().partnerId}/tier-status`, {
      credential: reseller().secretKey,
      headers: { 'if-none-match': first.headers.get('etag')! },
    });
    assert.equal(revalidated.status, 304);
    assert.equal(revalidated.headers.get('etag'), first.headers.get('etag'));
  });

  test('members: a partner change moves it between filters and sorts at once', async () => {
    const db = api.sandbox.db;
    const page = await members('tier=silver&sort=-progress&limit=1');
    const top = page.body.items[0];
    assert.ok(top, 'a silver member');
    const silverTotal = page.body.total;
    const original = db.prepare('SELECT effective_tier, effective_rank, progress FROM partners WHERE id = ?').get(top.partnerId) as Record<string, unknown>;
    try {
      db.prepare(`UPDATE partners SET effective_tier = 'platinum', effective_rank = 3, progress = 0 WHERE id = ?`).run(top.partnerId);
      const silver = await members('tier=silver&sort=-progress&limit=50');
      assert.equal(silver.body.total, silverTotal - 1);
      assert.ok(!silver.body.items.some((item: { partnerId: string }) => item.partnerId === top.partnerId));
      const platinum = await members('tier=platinum&sort=progress&limit=500');
      assert.ok(platinum.body.items.some((item: { partnerId: string; effectiveTier: string }) => item.partnerId === top.partnerId && item.effectiveTier === 'platinum'));
    } finally {
      db.prepare('UPDATE partners SET effective_tier = @effective_tier, effective_rank = @effective_rank, progress = @progress WHERE id = @id').run({ ...original, id: top.partnerId });
    }
    assert.equal((await members('tier=silver&sort=-progress&limit=1')).body.items[0].partnerId, top.partnerId);
  });

  test('members: a membership added straight into the database carries its partner columns', async () => {
    const db = api.sandbox.db;
    const orgId = distributor().orgId;
    const outsider = db.prepare('SELECT id, effective_tier, country FROM partners WHERE id NOT IN (SELECT partner_id FROM memberships WHERE org_id = ?) LIMIT 1').get(orgId) as { id: string; effective_tier: string; country: string };
    const before = await members(`tier=${outsider.effective_tier}&country=${outsider.country}&limit=500`);
    db.prepare('INSERT INTO memberships (org_id, partner_id) VALUES (?, ?)').run(orgId, outsider.id);
    try {
      const after = await members(`tier=${outsider.effective_tier}&country=${outsider.country}&limit=500`);
      assert.equal(after.body.total, before.body.total + 1);
      assert.ok(after.body.items.some((item: { partnerId: string }) => item.partnerId === outsider.id));
    } finally {
      db.prepare('DELETE FROM memberships WHERE org_id = ? AND partner_id = ?').run(orgId, outsider.id);
    }
  });
});
