// Poly's side of a partner's listing, which no partner credential may change: its registered websites (where its
// badge verifies) and whether it has left the program. `PATCH /operator/partners/{partnerId}` with the operator key.
import { createHash, timingSafeEqual } from 'node:crypto';
import type { Hono } from 'hono';
import type { FieldError } from '@poly-partner/contract';
import { bearerOf, notFound } from '../auth/credentials.js';
import { json } from '../respond.js';
import { prepared } from '../db/statements.js';
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
 * Poly's side, not the partner API: the one route outside the contract's table (and the OpenAPI document). Listed here
 * so that the 405 answers of its path are built like every other's.
 */
export const OPERATOR_ROUTE = { method: 'patch', path: '/operator/partners/{partnerId}', operationId: 'updatePartnerListing' } as const satisfies Route;

export function registerOperatorRoutes(app: Hono<AppEnv>, sandbox: Sandbox): void {
  app.patch(routePath(OPERATOR_ROUTE.path), async (c) => {
    requireOperator(sandbox, bearerOf(c), c.req.header('origin'));
    const partnerId = c.req.param('partnerId');
    const row = prepared(sandbox.db, 'SELECT id, website FROM partners WHERE id = ?').get(partnerId) as { id: string; website: string | null } | undefined;
    if (!row) throw notFound();
    const body = (await readJsonBody(c)) as { websites?: unknown; leftProgram?: unknown } | null;
    const errors: FieldError[] = [];
    const listing = listingOf(sandbox, row.id, row.website);
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
    saveListing(sandbox, row.id, listing);
    return json(c, { partnerId: row.id, websites: listing.websites, leftAt: listing.leftAt });
  });
}
