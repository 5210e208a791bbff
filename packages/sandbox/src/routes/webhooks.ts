// Webhook endpoints: create (the secret shown once), list, read, delete, rotate the secret, send a test event, and
// the deliveries with their attempts and a retry. Managed with secret keys only: an endpoint receives events about
// a whole partner or organization, which no browser page should be able to redirect.
import { randomBytes } from 'node:crypto';
import {
  EVENT_TYPES,
  type EventType,
  PageQuerySchema,
  PREVIOUS_SECRET_VALID_HOURS,
  type WebhookDelivery,
  type WebhookEndpoint,
  WebhookEndpointInputSchema,
  WebhookTestRequestSchema,
} from '@poly-partner/contract';
import { notFound } from '../auth/credentials.js';
import type { Principal, Sandbox } from '../context.js';
import { prepared } from '../db/statements.js';
import { newEventId, tierSnapshot, type TierColumns } from '../events/store.js';
import { ApiProblem } from '../problems.js';
import { json, textResponse } from '../respond.js';
import { readBody, readJsonBody, readQuery, validate } from '../request.js';
import type { OperationHandlers } from '../router.js';
import { urlRefusal } from '../webhooks/address.js';
import { newDeliveryId } from '../webhooks/delivery.js';
import { newSecret } from '../webhooks/signing.js';
import { decodeCursor, encodeCursor } from './cursor.js';

interface EndpointRow {
  seq: number;
  id: string;
  subject_kind: 'partner' | 'organization';
  subject_id: string;
  url: string;
  events: string;
  description: string | null;
  secret: string;
  previous_secret: string | null;
  previous_secret_expires_at: string | null;
  status: 'enabled' | 'disabled';
  disabled_reason: string | null;
  created_at: string;
}

interface DeliveryRow {
  seq: number;
  id: string;
  endpoint_id: string;
  event_id: string;
  event_type: EventType;
  status: WebhookDelivery['status'];
  next_attempt_ms: number | null;
  created_at: string;
}

function toEndpoint(row: EndpointRow, now: Date): WebhookEndpoint {
  const previousValid = row.previous_secret_expires_at !== null && row.previous_secret_expires_at > now.toISOString();
  return {
      id: row.id,
      url: row.url,
      events: JSON.parse(row.events) as EventType[],
      description: row.description,
      status: row.status,
      disabledReason: row.disabled_reason,
      createdAt: row.created_at,
      previousSecretExpiresAt: previousValid ? row.previous_secret_expires_at : null,
    };
  }

  function toDelivery(sandbox: Sandbox, row: DeliveryRow): WebhookDelivery {
    const attempts = prepared(sandbox.db, 'SELECT at, status_code AS statusCode, duration_ms AS durationMs, error FROM webhook_attempts WHERE delivery_id = ? ORDER BY at, rowid')
      .all(row.id) as WebhookDelivery['attempts'];
    return {
      id: row.id,
      endpointId: row.endpoint_id,
      eventId: row.event_id,
      eventType: row.event_type,
      status: row.status,
      attempts,
      nextAttemptAt: row.status === 'pending' && row.next_attempt_ms !== null ? new Date(row.next_attempt_ms).toISOString() : null,
      createdAt: row.created_at,
    };
  }

  function endpointOf(sandbox: Sandbox, principal: Principal, id: string): EndpointRow {
    const row = prepared(sandbox.db, 'SELECT * FROM webhook_endpoints WHERE id = ?').get(id) as EndpointRow | undefined;
    if (!row || row.subject_id !== principal.subjectId || row.subject_kind !== principal.subjectKind) throw notFound();
    return row;
  }

  function seqCursor(cursor: string | undefined): number | null {
    if (!cursor) return null;
    return decodeCursor(cursor, (value): value is { seq: number } => typeof (value as { seq?: unknown } | null)?.seq === 'number').seq;
  }

  /** A sample event of a type, about the subject itself (or, for an organization, its first member). */
  function sampleEvent(sandbox: Sandbox, principal: Principal, type: EventType): { id: string; body: string } {
    const db = sandbox.db;
    const partnerId = principal.subjectKind === 'partner'
      ? principal.subjectId
      : ((prepared(db, 'SELECT partner_id FROM memberships WHERE org_id = ? LIMIT 1').pluck().get(principal.subjectId) as string | undefined) ?? principal.subjectId);
    const partner = prepared(db, 'SELECT id, name, earned_tier, effective_tier, protected_tier, protected_until, protection_active FROM partners WHERE id = ?')
      .get(partnerId) as TierColumns | undefined;
    const snapshot = partner
      ? tierSnapshot(partner)
      : { partnerId, name: 'Sample Partner', earnedTier: 'silver' as const, effectiveTier: 'gold' as const, protectedTier: 'gold' as const, protectedUntil: '2027-12-31' };
    const now = sandbox.now().toISOString();
    const id = newEventId();
    const data = {
      'partner.tier.changed': { ...snapshot, previousEarnedTier: snapshot.earnedTier, previousEffectiveTier: snapshot.effectiveTier, reason: 'reevaluated' },
      'partner.protection.ending': { ...snapshot, protectedTier: snapshot.protectedTier ?? 'gold', protectedUntil: snapshot.protectedUntil ?? now.slice(0, 10), daysLeft: 30 },
      'deal.status.changed': {
        id: 'deal_sample', reference: 'R-26-000000', partnerId, type: 'deal', status: 'approved', previousStatus: 'submitted', conflict: false,
        customer: { name: 'Beispiel AG', country: 'DE', domain: 'beispiel.de' }, products: [{ sku: '2200-86260-101', quantity: 3 }],
        estimatedValue: { amount: 25_000, currency: 'EUR' }, distributorId: principal.subjectId, updatedAt: now, expiresAt: null,
      },
      'badge.revoked': { partnerId, revokedAt: now, reason: 'Sample event' },
    }[type];
    return { id, body: JSON.stringify({ id, type, occurredAt: now, data }) };
  }

  export function webhookHandlers(sandbox: Sandbox) {
    const deliverer = () => sandbox.webhooks;
    return {
    createWebhookEndpoint: async (c) => {
      const principal = c.get('principal');
      const input = validate(WebhookEndpointInputSchema, await readJsonBody(c));
      const refusal = await urlRefusal(input.url, deliverer()?.mode ?? 'sandbox', deliverer()?.lookup);
      if (refusal) throw new ApiProblem('validation_failed', 'Webhooks cannot be delivered to this URL.', [{ path: 'url', code: 'url_refused', message: refusal }]);
      const id = `we_${randomBytes(9).toString('base64url').replace(/[^A-Za-z0-9]/g, '0')}`;
      const secret = newSecret();
      const events = EVENT_TYPES.filter((type) => input.events.includes(type));
      prepared(sandbox.db, `INSERT INTO webhook_endpoints (id, subject_kind, subject_id, url, events, description, secret, created_at)
          VALUES (?, ?, ?, ?, ?, ?, ?, ?)`)
        .run(id, principal.subjectKind, principal.subjectId, input.url, JSON.stringify(events), input.description ?? null, secret, sandbox.now().toISOString());
      const row = endpointOf(sandbox, principal, id);
      return textResponse(c, JSON.stringify({ ...toEndpoint(row, sandbox.now()), secret }), 201, {
        'content-type': 'application/json',
        location: `/v1/webhook-endpoints/${id}`,
      });
    },

    listWebhookEndpoints: async (c) => {
      const principal = c.get('principal');
      const query = readQuery(c, PageQuerySchema, ['limit']);
      const limit = query.limit ?? 50;
      const after = seqCursor(query.cursor) ?? 0;
      const mine = 'subject_id = @subject AND subject_kind = @kind';
      const params = { subject: principal.subjectId, kind: principal.subjectKind };
      const total = prepared(sandbox.db, `SELECT COUNT(*) FROM webhook_endpoints WHERE ${mine}`).pluck().get(params) as number;
      const rows = prepared(sandbox.db, `SELECT * FROM webhook_endpoints WHERE ${mine} AND seq > @after ORDER BY seq LIMIT @limit`)
        .all({ ...params, after, limit: limit + 1 }) as EndpointRow[];
      const page = rows.slice(0, limit);
      const nextCursor = rows.length > limit ? encodeCursor({ seq: page[page.length - 1]!.seq }) : null;
      return json(c, { items: page.map((row) => toEndpoint(row, sandbox.now())), nextCursor, total });
    },

    getWebhookEndpoint: async (c) => {
      const principal = c.get('principal');
      return json(c, toEndpoint(endpointOf(sandbox, principal, c.req.param('endpointId')), sandbox.now()));
    },

    deleteWebhookEndpoint: async (c) => {
      const principal = c.get('principal');
      const row = endpointOf(sandbox, principal, c.req.param('endpointId'));
      sandbox.db.transaction(() => {
        prepared(sandbox.db, 'DELETE FROM webhook_attempts WHERE delivery_id IN (SELECT id FROM webhook_deliveries WHERE endpoint_id = ?)').run(row.id);
        prepared(sandbox.db, 'DELETE FROM webhook_deliveries WHERE endpoint_id = ?').run(row.id);
        prepared(sandbox.db, 'DELETE FROM webhook_endpoints WHERE id = ?').run(row.id);
      })();
      return textResponse(c, '', 204, {});
    },

    rotateWebhookSecret: async (c) => {
      const principal = c.get('principal');
      const row = endpointOf(sandbox, principal, c.req.param('endpointId'));
      const secret = newSecret();
      const expires = new Date(sandbox.now().getTime() + PREVIOUS_SECRET_VALID_HOURS * 3_600_000).toISOString();
      prepared(sandbox.db, 'UPDATE webhook_endpoints SET secret = ?, previous_secret = ?, previous_secret_expires_at = ? WHERE id = ?')
        .run(secret, row.secret, expires, row.id);
      return json(c, { ...toEndpoint(endpointOf(sandbox, principal, row.id), sandbox.now()), secret });
    },

    sendWebhookTest: async (c) => {
      const principal = c.get('principal');
      const row = endpointOf(sandbox, principal, c.req.param('endpointId'));
      const request = c.req.header('content-length') === '0' || !c.req.header('content-type') ? {} : await readBody(c, WebhookTestRequestSchema);
      const type = request.type ?? (JSON.parse(row.events) as EventType[])[0]!;
      const event = sampleEvent(sandbox, principal, type);
      const id = newDeliveryId();
      prepared(sandbox.db, `INSERT INTO webhook_deliveries (id, endpoint_id, event_id, event_type, body, next_attempt_ms, recorded_ms, created_at)
          VALUES (?, ?, ?, ?, ?, ?, ?, ?)`)
        .run(id, row.id, event.id, type, event.body, Date.now(), Date.now(), sandbox.now().toISOString());
      deliverer()?.wake();
      return json(c, toDelivery(sandbox, prepared(sandbox.db, 'SELECT * FROM webhook_deliveries WHERE id = ?').get(id) as DeliveryRow), 202);
    },

    listWebhookDeliveries: async (c) => {
      const principal = c.get('principal');
      const row = endpointOf(sandbox, principal, c.req.param('endpointId'));
      const query = readQuery(c, PageQuerySchema, ['limit']);
      const limit = query.limit ?? 50;
      const before = seqCursor(query.cursor) ?? Number.MAX_SAFE_INTEGER;
      const total = prepared(sandbox.db, 'SELECT COUNT(*) FROM webhook_deliveries WHERE endpoint_id = ?').pluck().get(row.id) as number;
      const rows = prepared(sandbox.db, 'SELECT * FROM webhook_deliveries WHERE endpoint_id = ? AND seq < ? ORDER BY seq DESC LIMIT ?')
        .all(row.id, before, limit + 1) as DeliveryRow[];
      const page = rows.slice(0, limit);
      const nextCursor = rows.length > limit ? encodeCursor({ seq: page[page.length - 1]!.seq }) : null;
      return json(c, { items: page.map((delivery) => toDelivery(sandbox, delivery)), nextCursor, total });
    },

    retryWebhookDelivery: async (c) => {
      const principal = c.get('principal');
      const endpoint = endpointOf(sandbox, principal, c.req.param('endpointId'));
      const delivery = prepared(sandbox.db, 'SELECT * FROM webhook_deliveries WHERE id = ? AND endpoint_id = ?').get(c.req.param('deliveryId'), endpoint.id) as DeliveryRow | undefined;
      if (!delivery) throw notFound();
      sandbox.db.transaction(() => {
        // Retrying by hand is also how a disabled endpoint comes back: someone has fixed the receiver.
        prepared(sandbox.db, `UPDATE webhook_endpoints SET status = 'enabled', disabled_reason = NULL, failing_since_ms = NULL WHERE id = ?`).run(endpoint.id);
        prepared(sandbox.db, `UPDATE webhook_deliveries SET status = 'pending', next_attempt_ms = ? WHERE id = ?`).run(Date.now(), delivery.id);
      })();
      deliverer()?.wake();
      return json(c, toDelivery(sandbox, prepared(sandbox.db, 'SELECT * FROM webhook_deliveries WHERE id = ?').get(delivery.id) as DeliveryRow), 202);
    },
  } satisfies Partial<OperationHandlers>;
}
