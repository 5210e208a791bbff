// The sandbox as a child process on a database file of the caller's choosing, so a suite can SIGKILL it in the middle
// of webhook deliveries and start it again on the same file. Prints one JSON line `{ url, credentials }` when it
// listens. Lines on stdin: `events <partnerIds comma-separated> <perPartner>` writes that many tier events per
// partner in one transaction (a bench fixture: far faster than producing them through the API) and answers `{ wrote }`;
// `utilization` answers the share of wall time the sandbox's main thread (the API's) was busy since the last
// `utilization` line (its event loop utilization), a ratio that does not depend on how fast the machine is.
// Run: node --import tsx test/support/webhook-sandbox-child.ts <db file> [resellers] [timeFactor]
import { performance } from 'node:perf_hooks';
import { createInterface } from 'node:readline';
import { startSandbox, storeApiKey } from '@poly-partner/sandbox';
import { recordEvent } from '../../packages/sandbox/src/events/store.js';

const [db, resellers = '2000', timeFactor = '1000'] = process.argv.slice(2);
const sandbox = await startSandbox({
  db: db!,
  resellers: Number(resellers),
  quiet: true,
  rateLimit: { windowMs: 60_000, max: 100_000_000 },
  webhooks: { timeFactor: Number(timeFactor) },
});
console.log(JSON.stringify({ url: sandbox.url, credentials: sandbox.credentials }));

let utilizationMark = performance.eventLoopUtilization();
createInterface({ input: process.stdin }).on('line', (line) => {
  const [command, ids, perPartner] = line.trim().split(' ');
  if (command === 'utilization') {
    const now = performance.eventLoopUtilization();
    console.log(JSON.stringify({ utilization: performance.eventLoopUtilization(now, utilizationMark).utilization }));
    utilizationMark = now;
    return;
  }
  if (command === 'keys') {
    // Secret keys for these partners (the bench's many endpoint owners), through the database like the bench's org.
    const keys = ids!.split(',').map((partnerId) => ({ partnerId, secretKey: `sk_test_bench_${partnerId}` }));
    sandbox.db.transaction(() => keys.forEach((key) => storeApiKey(sandbox.db, { key: key.secretKey, kind: 'secret', subjectKind: 'partner', subjectId: key.partnerId })))();
    console.log(JSON.stringify({ keys }));
    return;
  }
  if (command !== 'events') return;
  // On the sandbox clock (which the suite may have moved): the feed keeps 30 days of it.
  const offset = Number(sandbox.db.prepare("SELECT value FROM meta WHERE key = 'clock_offset_ms'").pluck().get() ?? 0);
  const occurredAt = new Date(Date.now() + offset).toISOString();
  let wrote = 0;
  sandbox.db.transaction(() => {
    for (const partnerId of ids!.split(',')) {
      for (let index = 0; index < Number(perPartner); index++) {
        recordEvent(sandbox.db, {
          type: 'partner.tier.changed',
          occurredAt,
          partnerId,
          data: {
            partnerId, name: `Bench ${index}`, earnedTier: 'silver', effectiveTier: 'silver', protectedTier: null, protectedUntil: null,
            previousEarnedTier: 'register', previousEffectiveTier: 'register', reason: 'reevaluated',
          },
        });
        wrote++;
      }
    }
  })();
  console.log(JSON.stringify({ wrote }));
});
const shutdown = () => void sandbox.close().finally(() => process.exit(0));
process.on('SIGTERM', shutdown);
process.stdin.on('end', shutdown);
