// Poly's side, which no partner credential may change, with the operator key: a partner's registered websites (where
// its badge verifies) and whether it has left the program (`PATCH /operator/partners/{partnerId}`), and the sandbox
// clock (`GET`/`POST /operator/clock`), moved forward so that protection endings and deal expiries happen on demand.
import { createHash, timingSafeEqual } from 'node:crypto';
import type { Hono } from 'hono';
import type { FieldError } from '@poly-partner/contract';
import { bearerOf, notFound } from '../auth/credentials.js';
import { json } from '../respond.js';
import { prepared } from '../db/statements.js';
import { setMeta } from '../db/schema.js';
import { recordEvent } from '../events/store.js';
import { letTimePass } from '../events/time.js';
import type { AppEnv, Sandbox } from '../context.js';
import { ApiProblem } from '../problems.js';
import { type Route, routePath } from '../router.js';
import { readJsonBody } from '../request.js';
import { listingOf, registrableWebsite, saveListing } from '../websites.js';

const digest = (text: string) => createHash('sha256').update(text).digest();

function requireOperator(sandbox: Sandbox, raw: string | null, origin: string | undefined): void {
  if (!raw || !timingSafeEqual(digest(raw), digest(sandbox.operatorKey))) throw new ApiProblem('unauthenticated', 'Send the operator key as a bearer token.');
  // Like a secret key: a browser must never hold it.
  if (origin !== undefined) throw new ApiProblem('origin_not_allowed', 'The operator key is refused from a browser.');
}

/**
 * Poly's side, not the partner API: the routes outside the contract's table (and the OpenAPI document). Listed here
 * so that the 405 answers of their paths are built like every other's.
 */
export const OPERATOR_ROUTES = [
  { method: 'patch', path: '/operator/partners/{partnerId}', operationId: 'updatePartnerListing' },
  { method: 'get', path: '/operator/clock', operationId: 'getSandboxClock' },
  { method: 'post', path: '/operator/clock', operationId: 'advanceSandboxClock' },
] as const satisfies readonly Route[];

/** The longest step of the clock, so that a typo does not end every protection for good. */
const MAX_ADVANCE_DAYS = 3650;

export function registerOperatorRoutes(app: Hono<AppEnv>, sandbox: Sandbox): void {
  app.patch(routePath(OPERATOR_ROUTES[0].path), async (c) => {
    requireOperator(sandbox, bearerOf(c), c.req.header('origin'));
    const partnerId = c.req.param('partnerId');
    const row = prepared(sandbox.db, 'SELECT id, website FROM partners WHERE id = ?').get(partnerId) as { id: string; website: string | null } | undefined;
    if (!row) throw notFound();
    const body = (await readJsonBody(c)) as { websites?: unknown; leftProgram?: unknown } | null;
    const errors: FieldError[] = [];
    const listing = listingOf(sandbox, row.id, row.website);
    const wasListed = listing.leftAt === null;
    if (typeof body !== 'object' || body === null) throw new ApiProblem('validation_failed', 'Send { websites?, leftProgram? }.');
    if (body.websites !== undefined) {
      if (!Array.isArray(body.websites) || body.websites.length > 50) {
        errors.push({ path: 'websites', code: 'invalid_type', message: 'A list of at most 50 host names' });
      } else {
        const websites: string[] = [];
        body.websites.forEach((site: unknown, index) => {
          const host = typeof site === 'string' ? registrableWebsite(site) : undefined;
          if (host) websites.push(host);
          else errors.push({ path: `websites.${index}`, code: 'not_registrable', message: 'Not a registrable domain or a host under one (a public suffix such as com or co.uk is refused)' });
        });
        listing.websites = [...new Set(websites)];
      }
    }
    if (body.leftProgram !== undefined) {
      if (typeof body.leftProgram !== 'boolean') errors.push({ path: 'leftProgram', code: 'invalid_type', message: 'true or false' });
      else listing.leftAt = body.leftProgram ? (listing.leftAt ?? sandbox.now().toISOString()) : null;
    }
    if (errors.length) throw new ApiProblem('validation_failed', 'Some fields are not valid; see errors.', errors);
    sandbox.db.transaction(() => {
      saveListing(sandbox, row.id, listing);
      // Leaving the program ends the badge: its verification page and every badge check say so from now on.
      if (wasListed && listing.leftAt !== null) {
        recordEvent(sandbox.db, { type: 'badge.revoked', occurredAt: listing.leftAt, partnerId: row.id, data: { partnerId: row.id, revokedAt: listing.leftAt, reason: 'left_program' } });
      }
    })();
    return json(c, { partnerId: row.id, websites: listing.websites, leftAt: listing.leftAt });
  });

  const clockAnswer = () => ({ now: sandbox.now().toISOString(), offsetSeconds: Math.round(sandbox.clock.offsetMs / 1000) });
  app.get('/operator/clock', (c) => {
    requireOperator(sandbox, bearerOf(c), c.req.header('origin'));
    return json(c, clockAnswer());
  });
  app.post('/operator/clock', async (c) => {
    requireOperator(sandbox, bearerOf(c), c.req.header('origin'));
    const body = (await readJsonBody(c)) as { advanceDays?: unknown; advanceSeconds?: unknown } | null;
    const days = body?.advanceDays ?? 0;
    const seconds = body?.advanceSeconds ?? 0;
    if (typeof days !== 'number' || typeof seconds !== 'number' || !(days >= 0) || !(seconds >= 0) || days + seconds / 86_400 > MAX_ADVANCE_DAYS) {
      throw new ApiProblem('validation_failed', 'The clock moves forward only.', [
        { path: 'advanceDays', code: 'too_small', message: `Give advanceDays and/or advanceSeconds, 0 or more (at most ${MAX_ADVANCE_DAYS} days)` },
      ]);
    }
    sandbox.clock.offsetMs += Math.round(days * 86_400_000 + seconds * 1000);
    setMeta(sandbox.db, 'clock_offset_ms', String(sandbox.clock.offsetMs));
    letTimePass(sandbox);
    return json(c, clockAnswer());
  });
}
