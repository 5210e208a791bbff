// What changed: the event feed a credential may see, oldest first.
import { EventPageSchema, type EventListQuery, type PartnerEvent } from '@poly-partner/contract';
import type { CallOptions } from '../internal/call-options.js';
import { walkable } from '../internal/page-walk.js';
import { pagePromise, type PagePromise, type WalkablePage } from '../internal/pagination.js';
import type { Transport } from '../internal/transport.js';

/** `client.events`: the events of the credential's partner, or of an organization's members (see the API docs). */
export class EventsResource {
  /** @internal */
  constructor(private readonly transport: Transport) {}

  /**
   * `GET /v1/events`: one page of events, oldest first (`type` filters, `after` starts after an event id a poller
   * kept). Walks on like the member list: `for await (const event of client.events.list({ after }))`.
   */
  list(query: EventListQuery = {}, options: CallOptions = {}): PagePromise<PartnerEvent> {
    const fetchPage = async (cursor: string | undefined, signal: AbortSignal | undefined) =>
      this.transport.request({ method: 'GET', path: '/v1/events', query: { ...query, cursor }, schema: EventPageSchema, signal });
    return pagePromise<PartnerEvent>(
      fetchPage(query.cursor, options.signal).then((page): WalkablePage<PartnerEvent> => walkable(page, fetchPage, options.signal)),
    );
  }
}
