// GET /v1/events: the events a credential may see, oldest first, cursor-paginated, kept 30 days.
import { EVENT_RETENTION_DAYS, EventListQuerySchema } from '@poly-partner/contract';
import type { Sandbox } from '../context.js';
import { prepared } from '../db/statements.js';
import { type EventRow, eventText, visibleEventsWhere } from '../events/store.js';
import { letTimePass } from '../events/time.js';
import { textResponse } from '../respond.js';
import { readQuery } from '../request.js';
import type { OperationHandlers } from '../router.js';
import { decodeCursor, encodeCursor } from './cursor.js';

export function eventHandlers(sandbox: Sandbox) {
  return {
    listEvents: async (c) => {
      const principal = c.get('principal');
      const query = readQuery(c, EventListQuerySchema, ['limit']);
      const limit = query.limit ?? 100;
      letTimePass(sandbox);
      const visible = visibleEventsWhere(sandbox, principal.subjectKind, principal.subjectId);
      const cutoff = new Date(sandbox.now().getTime() - EVENT_RETENTION_DAYS * 86_400_000).toISOString();
      const where = [visible.sql, '(@type IS NULL OR e.type = @type)', 'e.occurred_at >= @cutoff'];
      const params: Record<string, unknown> = { ...visible.params, type: query.type ?? null, cutoff };
      const total = prepared(sandbox.db, `SELECT COUNT(*) FROM events e WHERE ${where.join(' AND ')}`).pluck().get(params) as number;
      if (query.after) {
        // A poller remembers the last event it saw; an event gone from the feed (older than 30 days) starts it over.
        const after = prepared(sandbox.db, 'SELECT seq FROM events WHERE id = ?').pluck().get(query.after) as number | undefined;
        where.push('e.seq > @afterEvent');
        params.afterEvent = after ?? 0;
      }
      if (query.cursor) {
        const cursor = decodeCursor(query.cursor, (value): value is { seq: number } => typeof (value as { seq?: unknown } | null)?.seq === 'number');
        where.push('e.seq > @after');
        params.after = cursor.seq;
      }
      const rows = prepared(sandbox.db, `SELECT e.* FROM events e WHERE ${where.join(' AND ')} ORDER BY e.seq LIMIT @limit`)
        .all({ ...params, limit: limit + 1 }) as EventRow[];
      const page = rows.slice(0, limit);
      const last = page[page.length - 1];
      const nextCursor = rows.length > limit && last ? encodeCursor({ seq: last.seq }) : null;
      const text = `{"items":[${page.map(eventText).join(',')}],"nextCursor":${JSON.stringify(nextCursor)},"total":${total}}`;
      return textResponse(c, text);
    },
  } satisfies Partial<OperationHandlers>;
}
