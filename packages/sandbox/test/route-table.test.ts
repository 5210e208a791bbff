// The sandbox serves exactly the contract's operation table: each row answers at its method and path, behind the
// access the row declares, and any other method on its path is a 405 that names the methods the table gives it.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { OPERATIONS } from '@poly-partner/contract';
import { useSandbox } from './support/sandbox.js';

const api = useSandbox();

/** The path with each `{parameter}` filled in: a partner the demo credentials know, or a made-up id. */
function concrete(path: string): string {
  const partnerId = api.credentials.resellers[0]!.partnerId;
  return path.replace('{partnerId}', partnerId).replace(/\{\w+\}/g, 'unknown_id');
}

describe('the route table', () => {
  test('every credentialed operation asks for a credential before anything else', async () => {
    const credentialed = OPERATIONS.filter((operation) => operation.access !== 'public');
    assert.ok(credentialed.length >= 15);
    for (const operation of credentialed) {
      const answer = await api.call(concrete(operation.path), {
        method: operation.method.toUpperCase(),
        ...(operation.method === 'post' ? { body: {} } : {}),
      });
      assert.equal(answer.status, 401, `${operation.operationId}: ${answer.text}`);
      assert.equal(answer.body.code, 'unauthenticated', operation.operationId);
    }
  });

  test('every public operation answers without one', async () => {
    const open = OPERATIONS.filter((operation) => operation.access === 'public');
    assert.ok(open.length >= 4);
    for (const operation of open) {
      const answer = await api.call(concrete(operation.path), { method: operation.method.toUpperCase() });
      assert.equal(answer.status, 200, `${operation.operationId}: ${answer.text.slice(0, 200)}`);
    }
  });

  test('another method on a path of the table is a 405 naming the methods the table gives it', async () => {
    const methods = new Map<string, string[]>();
    for (const operation of OPERATIONS) methods.set(operation.path, [...(methods.get(operation.path) ?? []), operation.method.toUpperCase()]);
    assert.deepEqual(methods.get('/v1/partners/{partnerId}/deals'), ['GET', 'POST']);
    for (const [path, allowed] of methods) {
      const other = ['DELETE', 'PUT', 'PATCH'].find((method) => !allowed.includes(method))!;
      const answer = await api.call(concrete(path), { method: other });
      assert.equal(answer.status, 405, path);
      assert.equal(answer.body.code, 'method_not_allowed', path);
      assert.equal(answer.headers.get('allow'), allowed.join(', '), path);
    }
  });
});
