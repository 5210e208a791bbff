// The sandbox under 200 concurrent clients of mixed traffic: no 5xx, no connection error, no lost or doubled deal.
// Bounded for `pnpm test` (LOAD_SECONDS, default 10); the full 30 s run is `runLoad` from a benchmark.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { runLoad } from '../support/load-run.js';
import { startTestSandbox, type Started } from '../support/node-sandbox.js';

const SECONDS = Number(process.env.LOAD_SECONDS ?? 10);
const CLIENTS = Number(process.env.LOAD_CLIENTS ?? 200);

describe('load', () => {
  let sandbox: Started;
  before(async () => {
    // A moving clock here: registrations get approved while the run goes on, as they would in production.
    sandbox = await startTestSandbox({ now: () => new Date(), resellers: Number(process.env.LOAD_RESELLERS ?? 3_000), autoApproveSeconds: 2 });
  });
  after(async () => {
    await sandbox?.close();
  });

  test(`${CLIENTS} concurrent clients for ${SECONDS} s: no error, no lost deal`, { timeout: (SECONDS + 60) * 1000 }, async (t) => {
    const report = await runLoad(sandbox, { clients: CLIENTS, seconds: SECONDS });
    t.diagnostic(`load: ${JSON.stringify(report, (key, value) => (key === 'errors' ? value.length : value))}`);
    assert.ok(report.registered > 0 && report.byKind['members page']! > 0 && report.byKind['tier-status']! > 0, 'every kind of traffic ran');
    assert.ok(report.replays > 0, 'some registrations were retried with their idempotency key');
    assert.deepEqual(report.errors.slice(0, 10), [], `${report.errors.length} errors under load`);
    assert.equal(report.lost, 0, 'deals lost');
    assert.equal(report.duplicated, 0, 'deals registered twice');
  });
});
