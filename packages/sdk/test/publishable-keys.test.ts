// createPublishableKeysClient() against the real sandbox: a reseller lists and creates its keys and registers a website
// origin; the API's refusals arrive as typed PartnerApiErrors.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createPublishableKeysClient, isPartnerApiError, type PublishableKey } from '../src/index.js';
import { demo, startTestSandbox, type Sandbox } from './support/sandbox.js';

let sandbox: Sandbox;
before(async () => {
  sandbox = await startTestSandbox();
});
after(() => sandbox.close());

async function refusal(promise: Promise<unknown>) {
  try {
    await promise;
  } catch (error) {
    assert.ok(isPartnerApiError(error), String(error));
    return { status: error.status, code: error.code, fields: error.fieldErrors.map((field) => `${field.path}:${field.code}`) };
  }
  assert.fail('expected a refusal');
}

describe('createPublishableKeysClient', () => {
  test('lists, creates, and registers an origin for a key of its own', async () => {
    const { publishable } = demo(sandbox);
    const owner = sandbox.credentials.resellers.find((reseller) => reseller.partnerId === publishable.partnerId)!;
    const keys = createPublishableKeysClient({ baseUrl: sandbox.url, secretKey: owner.secretKey });
    const listed = await keys.list(owner.partnerId);
    assert.deepEqual(listed.items.map((key) => key.key), [publishable.publishableKey]);

    const created: PublishableKey = await keys.create(owner.partnerId);
    assert.deepEqual(created.origins, []);
    const updated = await keys.addOrigin(owner.partnerId, created.id, 'https://www.example.de');
    assert.deepEqual(updated.origins, ['https://www.example.de']);
    // The list is fetched again (ETag revalidation), not answered from the cache of the first call.
    assert.deepEqual((await keys.list(owner.partnerId)).items.map((key) => key.origins), [publishable.origins, ['https://www.example.de']]);

    assert.deepEqual(await refusal(keys.addOrigin(owner.partnerId, created.id, 'https://co.uk')), {
      status: 422,
      code: 'validation_failed',
      fields: ['origin:not_registrable'],
    });
  });

  test("another reseller's credential is refused with 403 forbidden", async () => {
    const { publishable } = demo(sandbox);
    const stranger = sandbox.credentials.resellers.find((reseller) => reseller.partnerId !== publishable.partnerId)!;
    const keys = createPublishableKeysClient({ baseUrl: sandbox.url, secretKey: stranger.secretKey, retry: false });
    assert.deepEqual(await refusal(keys.list(publishable.partnerId)), { status: 403, code: 'forbidden', fields: [] });
    assert.deepEqual(await refusal(keys.create(publishable.partnerId)), { status: 403, code: 'forbidden', fields: [] });
  });
});
