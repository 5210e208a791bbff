// The client as the script-tag bundle builds it (`lazy-resources` condition: each resource's module loads on its
// first call) answers exactly as the default one: the whole client suite runs again under that condition. And a
// resource module that fails to load is a `network` PartnerApiError, tried again on the next call.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { test } from 'node:test';
import { isPartnerApiError } from '../src/errors/partner-api-error.js';
import { lazyResource } from '../src/internal/lazy-resource.js';

test('the client suite passes with resources that load on first call', () => {
  const suite = fileURLToPath(new URL('./client.test.ts', import.meta.url));
  const probe = "import('#resources').then((m) => { if (!String(m.createResources).includes('lazyResource')) process.exit(3); })";
  const run = (args: string[]) =>
    spawnSync(process.execPath, ['--conditions=lazy-resources', '--import', 'tsx', ...args], {
      cwd: fileURLToPath(new URL('..', import.meta.url)),
      encoding: 'utf8',
      // Without the parent runner's marker, the child reports as TAP on stdout, not to this runner.
      env: Object.fromEntries(Object.entries(process.env).filter(([name]) => name !== 'NODE_TEST_CONTEXT')),
    });
  // The condition really selects the lazy module (else this test would prove nothing).
  assert.equal(run(['--input-type=module', '-e', probe]).status, 0, 'the lazy-resources condition picks resources.lazy.ts');
  // TAP asked for: from Node 23 on, the default reporter is spec even when stdout is no terminal.
  const result = run(['--test', '--test-reporter=tap', suite]);
  assert.equal(result.status, 0, result.stdout.split('\n').filter((line) => /^\s*not ok|# (pass|fail)/.test(line)).join('\n'));
  assert.match(result.stdout, /# fail 0/);
});

test('a resource module that fails to load rejects with a network PartnerApiError, and loads on the next call', async () => {
  let attempts = 0;
  const resource = lazyResource(
    async () => {
      attempts += 1;
      if (attempts === 1) throw new TypeError('Failed to fetch dynamically imported module');
      return { get: async (id: string) => `got ${id}` };
    },
    { get: 0 },
  );
  const error = await resource.get('a').then(() => assert.fail('expected a failure'), (caught: unknown) => caught);
  assert.ok(isPartnerApiError(error));
  assert.equal(error.type, 'network');
  assert.equal(await resource.get('b'), 'got b');
  assert.equal(attempts, 2);
});
