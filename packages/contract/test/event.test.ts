// Event schemas: one discriminated union, each type with the resource after the change; webhook endpoint input.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { EventSchema, WebhookEndpointInputSchema } from '../src/index.js';

const tierChanged = {
  id: 'evt_abc',
  type: 'partner.tier.changed',
  occurredAt: '2027-09-01T00:00:00.000Z',
  data: {
    partnerId: 'ptr_1', name: 'Alpine AV AG', earnedTier: 'silver', effectiveTier: 'silver', protectedTier: 'gold',
    protectedUntil: '2027-08-31', previousEarnedTier: 'silver', previousEffectiveTier: 'gold', reason: 'protection_ended',
  },
};

test('an event is told apart by its type, and its data must match that type', () => {
  const parsed = EventSchema.parse(tierChanged);
  assert.equal(parsed.type, 'partner.tier.changed');
  if (parsed.type === 'partner.tier.changed') assert.equal(parsed.data.previousEffectiveTier, 'gold');
  // The tier change's data under the protection notice's type is not an event.
  assert.equal(EventSchema.safeParse({ ...tierChanged, type: 'partner.protection.ending' }).success, false);
  assert.equal(EventSchema.safeParse({ ...tierChanged, type: 'partner.renamed' }).success, false);
  const ending = { ...tierChanged, type: 'partner.protection.ending', data: { ...tierChanged.data, daysLeft: 30 } };
  assert.equal(EventSchema.safeParse(ending).success, true);
  assert.equal(EventSchema.safeParse({ ...ending, data: { ...ending.data, daysLeft: 12 } }).success, false);
});

test('a webhook endpoint names an http(s) URL and at least one known event type', () => {
  assert.equal(WebhookEndpointInputSchema.safeParse({ url: 'https://hooks.example/poly', events: ['deal.status.changed'] }).success, true);
  assert.equal(WebhookEndpointInputSchema.safeParse({ url: 'https://hooks.example/poly', events: [] }).success, false);
  assert.equal(WebhookEndpointInputSchema.safeParse({ url: 'ftp://hooks.example/poly', events: ['badge.revoked'] }).success, false);
  assert.equal(WebhookEndpointInputSchema.safeParse({ url: 'https://hooks.example', events: ['badge.created'] }).success, false);
});
