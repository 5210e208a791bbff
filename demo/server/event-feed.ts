// The aggregator portal's "What changed" feed, on the demo backend's side: per organization it subscribes a webhook
// endpoint pointing back at this server, verifies and stores each delivery, catches up from `GET /v1/events`, and moves
// the sandbox clock for the page. Secrets (the organization's secret key, the `whsec_` signing secret, the operator
// key) stay in this process; the page gets events only.
//   POST /api/webhooks/<orgId>  <- the sandbox's deliveries (Standard Webhooks), 400 unless verified
//   GET  /api/events?org=<id>   -> { events } newest first, for a same-origin page
//   POST /api/clock             -> { now } after moving the sandbox clock 30 days forward; same-origin POST only
// Loaded by demo-backend.ts through tsx: the SDK is TypeScript source in this workspace, which the bundled Vite
// config could not import on plain Node.
import type { IncomingMessage, ServerResponse } from 'node:http';
import {
  createServerClient,
  memorySeenWebhookIds,
  verifyWebhook,
  WebhookVerificationError,
  type EventType,
  type PartnerEvent,
  type SeenWebhookIds,
  type ServerClient,
} from '@poly-partner/sdk/server';
import type { Credentials } from '@poly-partner/sandbox';

/** How a portal finds its own endpoint again after a restart (the secret is shown once, so it is rotated then). */
export const ENDPOINT_DESCRIPTION = 'Poly Partner Kit demo: aggregator portal feed';
const EVENT_TYPES: EventType[] = ['partner.tier.changed', 'partner.protection.ending', 'deal.status.changed', 'badge.revoked'];
/** Events kept per organization: a 30-day jump tells a big distributor thousands; the page shows the newest. */
const KEPT = 500;
/** Events the page gets per poll. */
export const SHOWN = 50;
/** A delivery is one event of a few hundred bytes; anything far bigger is not from the sandbox. */
const MAX_BODY_BYTES = 256 * 1024;
export const CLOCK_STEP_DAYS = 30;

/** An event as the page gets it: with the reseller's name where the event itself does not carry it. */
export type FeedEvent = PartnerEvent & { partnerName: string | null };

interface Stored {
  event: PartnerEvent;
  /** Arrival order, to order events of the same instant (a day's protection notices) stably. */
  seq: number;
}

interface OrganizationFeed {
  orgId: string;
  client: ServerClient;
  /** The endpoint's signing secret; empty until the subscription is made. */
  secret: string | null;
  events: Map<string, Stored>;
  seen: SeenWebhookIds;
  names: Map<string, Promise<string | null>>;
  /** Subscribed and caught up; rejected (and forgotten) when the sandbox did not answer, so the next use tries again. */
  ready: Promise<void>;
}

export interface EventFeed {
  /** Answers the feed's routes; false when the path is none of them. */
  handle(request: IncomingMessage, response: ServerResponse, url: URL, credentials: Credentials, pageOrigin: string | null): Promise<boolean>;
}

function send(response: ServerResponse, status: number, body: unknown) {
  response.statusCode = status;
  response.setHeader('content-type', 'application/json');
  response.setHeader('cache-control', 'no-store');
  response.end(JSON.stringify(body));
}

async function readBody(request: IncomingMessage): Promise<Buffer | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) return null;
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

/**
 * A read from one of this server's own pages, or from a non-browser client (which no browser rule binds anyway).
 * A same-origin GET from a browser carries `Sec-Fetch-Site: same-origin` and no `Origin`; a page of another site, or
 * of another port of this host, is refused, so it cannot read the feed through a user's browser.
 */
function sameOriginRead(request: IncomingMessage, pageOrigin: string | null): boolean {
  const site = request.headers['sec-fetch-site'];
  if (site !== undefined && site !== 'same-origin' && site !== 'none') return false;
  return request.headers.origin === undefined || pageOrigin !== null;
}

/** The URL the sandbox delivers to: this server, at the address and port the request reached it on. */
function ownBaseUrl(request: IncomingMessage): string {
  const address = request.socket.localAddress ?? '127.0.0.1';
  const host = address.includes(':') ? (address.startsWith('::ffff:') ? address.slice(7) : `[${address}]`) : address;
  return `http://${host}:${request.socket.localPort}`;
}

export function createEventFeed(): EventFeed {
  const feeds = new Map<string, OrganizationFeed>();
  let seq = 0;

  function store(feed: OrganizationFeed, event: PartnerEvent): boolean {
    if (feed.events.has(event.id)) return false;
    feed.events.set(event.id, { event, seq: seq++ });
    if (event.type === 'partner.tier.changed' || event.type === 'partner.protection.ending') {
      feed.names.set(event.data.partnerId, Promise.resolve(event.data.name));
    }
    // Trimmed in batches: a burst of thousands would otherwise sort the store once per event.
    if (feed.events.size > KEPT + 100) {
      for (const stale of newestFirst(feed).slice(KEPT)) feed.events.delete(stale.event.id);
    }
    return true;
  }

  function newestFirst(feed: OrganizationFeed): Stored[] {
    return [...feed.events.values()].sort((a, b) =>
      a.event.occurredAt === b.event.occurredAt ? b.seq - a.seq : a.event.occurredAt < b.event.occurredAt ? 1 : -1,
    );
  }

  async function subscribe(feed: OrganizationFeed, callbackUrl: string): Promise<void> {
    let secret: string | null = null;
    for await (const endpoint of feed.client.webhookEndpoints.list({ limit: 200 })) {
      if (endpoint.description !== ENDPOINT_DESCRIPTION || endpoint.url !== callbackUrl) continue;
      if (endpoint.status === 'enabled' && secret === null) {
        // After a restart: the secret was shown once, to the process before this one.
        secret = (await feed.client.webhookEndpoints.rotateSecret(endpoint.id)).secret;
      } else {
        await feed.client.webhookEndpoints.delete(endpoint.id);
      }
    }
    secret ??= (await feed.client.webhookEndpoints.create({ url: callbackUrl, events: EVENT_TYPES, description: ENDPOINT_DESCRIPTION })).secret;
    feed.secret = secret;
    // Subscribed first, then caught up: an event of the gap between arrives by either way, and once (ids).
    for await (const event of feed.client.events.list({ limit: 500 })) store(feed, event);
  }

  function feedOf(credentials: Credentials, orgId: string, request: IncomingMessage): OrganizationFeed | null {
    const organization = credentials.organizations.find((candidate) => candidate.orgId === orgId);
    if (!organization) return null;
    // Keyed by the API too: `pnpm start -- --reset` makes a new sandbox world while this server runs.
    const key = `${credentials.baseUrl} ${orgId} ${organization.secretKey}`;
    let feed = feeds.get(key);
    if (!feed) {
      const created: OrganizationFeed = {
        orgId,
        client: createServerClient({ baseUrl: credentials.baseUrl, secretKey: organization.secretKey }),
        secret: null,
        events: new Map(),
        seen: memorySeenWebhookIds(),
        names: new Map(),
        ready: Promise.resolve(),
      };
      created.ready = subscribe(created, `${ownBaseUrl(request)}/api/webhooks/${encodeURIComponent(orgId)}`).catch((error: unknown) => {
        feeds.delete(key);
        throw error;
      });
      feeds.set(key, created);
      feed = created;
    }
    return feed;
  }

  /** The reseller's name for events that carry only its id (deals, badges); null when the API does not say. */
  function partnerName(feed: OrganizationFeed, partnerId: string): Promise<string | null> {
    let name = feed.names.get(partnerId);
    if (!name) {
      name = feed.client.partners.get(partnerId).then((profile) => profile.name, () => null);
      feed.names.set(partnerId, name);
    }
    return name;
  }

  async function receive(request: IncomingMessage, response: ServerResponse, feed: OrganizationFeed | null) {
    // A sender that went away (the sandbox stopping mid-delivery) needs no answer; it sends the event again.
    const body = await readBody(request).catch(() => undefined);
    if (body === undefined) {
      response.destroy();
      return;
    }
    if (body === null) {
      send(response, 413, { error: 'Too large for a delivery' });
      return;
    }
    if (!feed) {
      send(response, 404, { error: 'Not a demo organization' });
      return;
    }
    if (feed.secret === null) {
      // Still subscribing (this server restarted and an older endpoint's retry came first): the sandbox tries again.
      response.setHeader('retry-after', '1');
      send(response, 503, { error: 'Not subscribed yet' });
      return;
    }
    let event: PartnerEvent;
    try {
      event = await verifyWebhook(body, request.headers as Record<string, string>, feed.secret, { seen: feed.seen });
    } catch (error) {
      if (error instanceof WebhookVerificationError && error.reason === 'replayed') {
        // At least once: a delivery whose answer was lost comes again. It is stored already; say so, or it is retried.
        send(response, 200, { received: true, duplicate: true });
        return;
      }
      if (error instanceof WebhookVerificationError) {
        send(response, 400, { error: `Not a verified delivery (${error.reason})` });
        return;
      }
      throw error;
    }
    const stored = store(feed, event);
    send(response, 200, { received: true, duplicate: !stored });
  }

  return {
    async handle(request, response, url, credentials, pageOrigin) {
      const hook = /^\/api\/webhooks\/([^/]+)$/.exec(url.pathname);
      if (hook && request.method === 'POST') {
        let orgId: string;
        try {
          orgId = decodeURIComponent(hook[1]!);
        } catch {
          orgId = '';
        }
        const feed = feedOf(credentials, orgId, request);
        // A delivery that comes before any page asked (this server restarted) subscribes the organization again.
        feed?.ready.catch(() => undefined);
        await receive(request, response, feed);
        return true;
      }
      if (url.pathname === '/api/events' && request.method === 'GET') {
        if (!sameOriginRead(request, pageOrigin)) {
          send(response, 403, { error: 'The feed is for pages of this site only' });
          return true;
        }
        const feed = feedOf(credentials, url.searchParams.get('org') ?? '', request);
        if (!feed) {
          send(response, 404, { error: 'Not a demo organization' });
          return true;
        }
        await feed.ready;
        const shown = newestFirst(feed).slice(0, SHOWN);
        const events: FeedEvent[] = await Promise.all(
          shown.map(async ({ event }) => ({
            ...event,
            partnerName: 'name' in event.data ? event.data.name : await partnerName(feed, event.data.partnerId),
          })),
        );
        send(response, 200, { events, total: feed.events.size });
        return true;
      }
      if (url.pathname === '/api/clock' && request.method === 'POST') {
        if (!pageOrigin) {
          send(response, 403, { error: 'The clock moves only for a same-origin request from a page of this site' });
          return true;
        }
        // The operator key is Poly's, not an integrator's: only this demo backend holds it, and the sandbox refuses it
        // from a browser (a request with an Origin).
        const upstream = await fetch(`${credentials.baseUrl}/operator/clock`, {
          method: 'POST',
          headers: { authorization: `Bearer ${credentials.operatorKey}`, 'content-type': 'application/json' },
          body: JSON.stringify({ advanceDays: CLOCK_STEP_DAYS }),
        });
        const answer = (await upstream.json()) as { now?: string };
        if (!upstream.ok || typeof answer.now !== 'string') {
          send(response, 502, { error: 'The sandbox did not move its clock' });
          return true;
        }
        send(response, 200, { now: answer.now, advancedDays: CLOCK_STEP_DAYS });
        return true;
      }
      return false;
    },
  };
}
