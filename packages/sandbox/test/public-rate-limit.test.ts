// Every public row of the contract's table counts per client address, whatever credential a request carries: a made-up
// bearer token must not take a request out of every count (the route reads no credential, so nothing else counts it).
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { test } from 'node:test';
import { OPERATIONS } from '@poly-partner/contract';
import { useSandbox } from './support/sandbox.js';

const MAX = 4;
const api = useSandbox({ rateLimit: { windowMs: 60_000, max: MAX } });

test('public routes count per address, with or without a credential; liveness never', async () => {
  const partnerId = api.credentials.resellers[0]!.partnerId;
  const rows = OPERATIONS.filter((operation) => operation.access === 'public' && !('notRateLimited' in operation));
  assert.deepEqual(rows.map((row) => row.operationId).sort(), ['getJwks', 'getOpenApiDocument', 'getVerificationPage']);
  const statuses: number[] = [];
  for (let index = 0; index < MAX + 2; index++) {
    const row = rows[index % rows.length]!;
    const answer = await api.call(row.path.replace('{partnerId}', partnerId), {
      credential: `sk_test_${randomBytes(12).toString('hex')}`,
    });
    statuses.push(answer.status);
  }
  assert.deepEqual(statuses, [...Array(MAX).fill(200), 429, 429]);
  assert.equal((await api.call('/healthz', { credential: 'sk_test_made_up' })).status, 200, 'liveness is never limited');
});
