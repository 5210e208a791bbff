// A reseller's profile, tier status, what-if simulations, its signed badge (JSON and SVG) and verification page.
import {
  BADGE_LIFETIME_SECONDS,
  type BadgeClaims,
  ContractInputError,
  parseDay,
  type PartnerProfile,
  signJws,
  simulate,
  SimulationRequestSchema,
  type TierStatus,
  TierStatusQuerySchema,
} from '@poly-partner/contract';
import { assertPartnerVisible, notFound } from '../auth/credentials.js';
import { entityTag, json, textResponse } from '../respond.js';
import { prepared } from '../db/statements.js';
import { badgeLanguage, renderBadgeSvg } from '../badge-svg.js';
import { renderVerifyPage, VERIFY_PAGE_HEADERS } from '../verify-page.js';
import { listingOf } from '../websites.js';
import { type Principal, type Sandbox, type StandingColumns, today } from '../context.js';
import type { OperationHandlers } from '../router.js';
import { carryOverOf, evaluateRow, type PartnerRow, standingOf } from '../evaluation.js';
import { ApiProblem } from '../problems.js';
import { readBody, readQuery } from '../request.js';

/** Tier-status answers kept (about 2 kB each); enough for every partner a demo or a test touches. */
export const TIER_STATUS_CACHE_ENTRIES = 2_000;

/** The columns of a partner row that its evaluation reads (see `standingOf`): all a cached tier status is checked by. */
const STANDING_SQL = 'SELECT region, metrics, shared_metrics, carried_program, carried_tier, carried_since FROM partners WHERE id = ?';

function sameStanding(a: StandingColumns, b: StandingColumns): boolean {
  return a.metrics === b.metrics && a.shared_metrics === b.shared_metrics && a.region === b.region && a.carried_program === b.carried_program && a.carried_tier === b.carried_tier && a.carried_since === b.carried_since;
}

function partnerRow(sandbox: Sandbox, partnerId: string): PartnerRow {
  const row = prepared(sandbox.db, 'SELECT * FROM partners WHERE id = ?').get(partnerId) as PartnerRow | undefined;
  if (!row) throw notFound();
  return row;
}

/** Engine input errors (a date that is no calendar day, an unknown region) as field errors under `prefix`. */
function asValidationProblem(error: unknown, prefix: string): never {
  if (error instanceof ContractInputError) {
    throw new ApiProblem(
      'validation_failed',
      error.message,
      error.issues.map((issue) => ({ ...issue, path: [prefix, issue.path].filter(Boolean).join('.') })),
    );
  }
  throw error;
}

function checkDay(day: string, path: string): void {
  try {
    parseDay(day);
  } catch (error) {
    asValidationProblem(error, path);
  }
}

export function profileOf(sandbox: Sandbox, row: PartnerRow): PartnerProfile {
  const distributors = prepared(sandbox.db, `SELECT o.id, o.name FROM memberships m JOIN organizations o ON o.id = m.org_id WHERE m.partner_id = ? AND o.kind = 'distributor' ORDER BY o.id`)
    .all(row.id) as { id: string; name: string }[];
  const groupName = row.group_id
    ? (prepared(sandbox.db, 'SELECT name FROM partner_groups WHERE id = ?').pluck().get(row.group_id) as string | undefined) ?? null
    : null;
  return {
    id: row.id,
    name: row.name,
    country: row.country,
    region: row.region,
    city: row.city,
    website: row.website,
    groupId: row.group_id,
    groupName,
    distributorIds: distributors.map((distributor) => distributor.id),
    distributors,
    carriedOver: carryOverOf(row),
    joinedAt: row.joined_at,
    websites: listingOf(sandbox, row.id, row.website).websites,
  };
}

/** The badge of the credential's own partner (scope checked by `requireAccess`); any other partner's is a 404. */
async function badgeFor(sandbox: Sandbox, principal: Principal, partnerId: string) {
  if (principal.subjectKind !== 'partner' || principal.subjectId !== partnerId) throw notFound();
  const row = partnerRow(sandbox, partnerId);
  const listing = listingOf(sandbox, row.id, row.website);
  // A partner that left has no badge; those it was given stop verifying when they expire, within minutes.
  if (listing.leftAt) throw new ApiProblem('not_found', 'The partner has left the Poly partner program; it has no badge.');
  const evaluation = evaluateRow(sandbox.policy, row, today(sandbox));
  const iat = Math.floor(sandbox.now().getTime() / 1000);
  const claims: BadgeClaims = {
    iss: sandbox.issuer,
    sub: row.id,
    name: row.name,
    tier: evaluation.effectiveTier,
    iat,
    exp: iat + BADGE_LIFETIME_SECONDS,
    // Where Poly says the partner is, never where the credential came from: a token minted for `https://com` must
    // not make a badge for every .com site.
    domains: listing.websites,
  };
  return { jws: await signJws(claims, sandbox.signingKey.privateKey, sandbox.signingKey.kid), claims };
}

export function partnerHandlers(sandbox: Sandbox) {
  return {
    getPartner: async (c) => {
      const partnerId = c.req.param('partnerId');
      assertPartnerVisible(sandbox, c.get('principal'), partnerId);
      return json(c, profileOf(sandbox, partnerRow(sandbox, partnerId)));
    },

    getTierStatus: async (c) => {
      const partnerId = c.req.param('partnerId');
      assertPartnerVisible(sandbox, c.get('principal'), partnerId);
      const query = readQuery(c, TierStatusQuerySchema);
      const asOf = query.asOf ?? today(sandbox);
      checkDay(asOf, 'asOf');
      // Five columns for the cache check, not the whole row (turning ~25 columns into an object is most of a hit's
      // database time); the whole row only when the answer is computed.
      const columns = prepared(sandbox.db, STANDING_SQL).get(partnerId) as StandingColumns | undefined;
      if (!columns) throw notFound();
      const cacheKey = `${partnerId}|${asOf}`;
      const cached = sandbox.tierStatusCache.get(cacheKey);
      // The evaluation is a pure function of the policy (fixed for the sandbox's life), the day and these columns: an
      // entry computed from the same column values is the same answer, however the row was changed in between.
      if (cached && sameStanding(cached.row, columns)) return textResponse(c, cached.text, 200, undefined, cached.etag);
      const row = partnerRow(sandbox, partnerId);
      const standing = standingOf(row);
      const status: TierStatus = {
        ...evaluateRow(sandbox.policy, row, asOf),
        partnerId,
        metrics: standing.metrics,
        sharedMetrics: standing.sharedMetrics ?? {},
      };
      const text = JSON.stringify(status);
      // The columns read with the row, which is the state the answer was computed from.
      const entry = { row: { region: row.region, metrics: row.metrics, shared_metrics: row.shared_metrics, carried_program: row.carried_program, carried_tier: row.carried_tier, carried_since: row.carried_since }, text, etag: entityTag(text) };
      sandbox.tierStatusCache.delete(cacheKey);
      sandbox.tierStatusCache.set(cacheKey, entry);
      // Oldest first out: Map keeps insertion order, and a hit is not re-inserted (cheap, good enough for a sandbox).
      if (sandbox.tierStatusCache.size > TIER_STATUS_CACHE_ENTRIES) sandbox.tierStatusCache.delete(sandbox.tierStatusCache.keys().next().value!);
      return textResponse(c, text, 200, undefined, entry.etag);
    },

    simulateTier: async (c) => {
      const partnerId = c.req.param('partnerId');
      assertPartnerVisible(sandbox, c.get('principal'), partnerId);
      const request = await readBody(c, SimulationRequestSchema);
      const asOf = request.asOf ?? today(sandbox);
      checkDay(asOf, 'asOf');
      if (request.changes.asOf) checkDay(request.changes.asOf, 'changes.asOf');
      if (request.changes.region && !sandbox.policy.regions.some((region) => region.code === request.changes.region)) {
        throw new ApiProblem('validation_failed', 'Unknown region.', [{ path: 'changes.region', code: 'unknown_region', message: `Unknown region "${request.changes.region}"` }]);
      }
      const row = partnerRow(sandbox, partnerId);
      try {
        return json(c, simulate(sandbox.policy, standingOf(row), request.changes, { asOf }));
      } catch (error) {
        asValidationProblem(error, 'changes');
      }
    },

    getBadge: async (c) => {
      return json(c, await badgeFor(sandbox, c.get('principal'), c.req.param('partnerId')));
    },

    getBadgeSvg: async (c) => {
      const badge = await badgeFor(sandbox, c.get('principal'), c.req.param('partnerId'));
      const partnerId = c.req.param('partnerId');
      const svg = renderBadgeSvg({
        name: badge.claims.name,
        tier: badge.claims.tier,
        checkedAt: new Date(badge.claims.iat * 1000),
        language: badgeLanguage(c.req.query('lang'), c.req.header('accept-language')),
        verifyUrl: new URL(`/verify/${encodeURIComponent(partnerId)}`, c.req.url).href,
        sandbox: true,
      });
      return textResponse(c, svg, 200, {
        'content-type': 'image/svg+xml; charset=utf-8',
        // No longer than the badge lives; never in a shared cache when it was fetched with a credential in a header.
        'cache-control': c.req.header('authorization') ? 'private, no-store' : `public, max-age=${BADGE_LIFETIME_SECONDS}`,
        vary: 'Accept-Language',
        'x-content-type-options': 'nosniff',
        'content-security-policy': "default-src 'none'; frame-ancestors 'none'",
      });
    },

    getVerificationPage: (c) => {
      const row = prepared(sandbox.db, 'SELECT * FROM partners WHERE id = ?').get(c.req.param('partnerId')) as PartnerRow | undefined;
      const listing = row && listingOf(sandbox, row.id, row.website);
      const html = renderVerifyPage({
        language: badgeLanguage(c.req.query('lang'), c.req.header('accept-language')),
        partner: row && listing && {
          name: row.name,
          tier: evaluateRow(sandbox.policy, row, today(sandbox)).effectiveTier,
          websites: listing.websites,
          leftAt: listing.leftAt,
        },
        now: sandbox.now(),
        sandbox: true,
      });
      return textResponse(c, html, row ? 200 : 404, { ...VERIFY_PAGE_HEADERS });
    },
  } satisfies Partial<OperationHandlers>;
}
