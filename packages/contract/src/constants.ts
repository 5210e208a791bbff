// The contract's plain values and helpers, without zod: what browser code imports at run time. The schema modules
// re-export them, so `@poly-partner/contract` offers them as before; here a browser bundle gets them without zod.

/** The four tiers of the Poly partner program, lowest first. Order matters: the engine compares by index. */
export const TIERS = ['register', 'silver', 'gold', 'platinum'] as const;
type Tier = (typeof TIERS)[number];

/** Rank of a tier (register = 0); higher means better. */
export function tierRank(tier: Tier): number {
  return TIERS.indexOf(tier);
}

/** The higher of two tiers. */
export function maxTier(a: Tier, b: Tier): Tier {
  return tierRank(a) >= tierRank(b) ? a : b;
}

/** The tiers that have requirements (all but `register`). */
export const RANKED_TIERS = TIERS.slice(1) as readonly ('silver' | 'gold' | 'platinum')[];

/** Criteria groups as Poly scores partners. */
export const CRITERION_GROUPS = ['capability', 'commitment', 'contribution'] as const;

export const DEAL_TYPES = ['opportunity', 'deal', 'project'] as const;

export const DEAL_STATUSES = [
  'submitted',
  'under_review',
  'approved',
  'rejected',
  'won',
  'lost',
  'expired',
  'withdrawn',
] as const;
type DealStatus = (typeof DEAL_STATUSES)[number];

/** States in which a registration holds its end customer against other partners. */
export const ACTIVE_DEAL_STATUSES: readonly DealStatus[] = ['submitted', 'under_review', 'approved'];

/** Allowed transitions of the deal state machine. */
export const DEAL_TRANSITIONS: Readonly<Record<DealStatus, readonly DealStatus[]>> = {
  submitted: ['under_review', 'approved', 'rejected', 'withdrawn'],
  under_review: ['approved', 'rejected', 'withdrawn'],
  approved: ['won', 'lost', 'expired'],
  rejected: [],
  won: [],
  lost: [],
  expired: [],
  withdrawn: [],
};

/** Lower-cased host without `www.` and trailing dot: the form conflicts are matched on. */
export function normalizeDomain(domain: string): string {
  return domain.trim().toLowerCase().replace(/\.$/, '').replace(/^www\./, '');
}

/** Upper-cased VAT id without spaces, dots and dashes. */
export function normalizeVatId(vatId: string): string {
  return vatId.replace(/[\s.-]/g, '').toUpperCase();
}

export const SCOPES = [
  'program:read',
  'partner:read',
  'tier:read',
  'tier:simulate',
  'deals:read',
  'deals:write',
  'organization:read',
  'members:read',
  'badge:read',
  'badge:manage',
  'events:read',
] as const;

/** Most website origins one publishable key may hold. */
export const PUBLISHABLE_KEY_MAX_ORIGINS = 20;
/** Most publishable keys one partner may hold. */
export const PUBLISHABLE_KEYS_PER_PARTNER = 5;

/** What an event says happened; `GET /v1/events` and webhook endpoints filter on these. */
export const EVENT_TYPES = ['partner.tier.changed', 'partner.protection.ending', 'deal.status.changed', 'badge.revoked'] as const;

/** Days before `protectedUntil` on which a `partner.protection.ending` event is sent. */
export const PROTECTION_NOTICE_DAYS = [30, 7] as const;

/** How long `GET /v1/events` keeps an event. */
export const EVENT_RETENTION_DAYS = 30;

/** How long a rotated webhook secret still signs deliveries, beside the new one. */
export const PREVIOUS_SECRET_VALID_HOURS = 24;

/** Longest lifetime of an embed token, in seconds. */
export const EMBED_TOKEN_MAX_TTL_SECONDS = 600;

export const ORGANIZATION_KINDS = ['distributor', 'isp', 'carrier', 'systemhaus_association'] as const;

export const MEMBER_SORTS = [
  'name',
  '-name',
  'tier',
  '-tier',
  'progress',
  '-progress',
  'protectedUntil',
  '-protectedUntil',
  'country',
  '-country',
  /** Members about to fall first: the most tiers they would drop, then the most revenue. */
  'atStake',
  /** Members about to fall first, fewest requirements missing to keep their tier first. */
  'keepMissing',
  /** Smallest remaining gap to the next tier first (the share of each missing requirement, added up); top tier last. */
  'nextTierGap',
] as const;

/** Sorts of a partner's registrations; a leading `-` sorts descending. The list's default is `-createdAt`. */
export const DEAL_SORTS = [
  'createdAt',
  '-createdAt',
  'updatedAt',
  '-updatedAt',
  'expectedCloseDate',
  '-expectedCloseDate',
  'customer',
  '-customer',
  'reference',
  '-reference',
] as const;

/** A registration's human-quotable reference: `R-`, the two-digit year of registration, and a six-digit number. */
export const DEAL_REFERENCE_PATTERN = /^R-\d{2}-\d{6}$/;

/**
 * Segments of the member list, each the rule of a summary card: `at_risk` earns below its current tier (status
 * protection holds it up); `close_to_next_tier` has met at least `CLOSE_TO_NEXT_TIER` of the next tier's
 * requirements; `inactive` registered no deal in the last `INACTIVE_DAYS` days.
 */
export const MEMBER_SEGMENTS = ['at_risk', 'close_to_next_tier', 'inactive'] as const;
/** Members at or above this share of the next tier's requirements count as close to it. */
export const CLOSE_TO_NEXT_TIER = 0.75;
/** Days without a registration after which a member counts as inactive. */
export const INACTIVE_DAYS = 90;

/** Every machine-readable error code the API answers with, and its HTTP status. */
export const ERROR_CODES = {
  validation_failed: 422,
  malformed_request: 400,
  payload_too_large: 413,
  unsupported_media_type: 415,
  unauthenticated: 401,
  token_expired: 401,
  token_invalid: 401,
  forbidden: 403,
  origin_not_allowed: 403,
  insufficient_scope: 403,
  not_found: 404,
  method_not_allowed: 405,
  deal_not_withdrawable: 409,
  key_limit_reached: 409,
  idempotency_key_reused: 422,
  idempotency_key_invalid: 400,
  rate_limited: 429,
  internal_error: 500,
  service_unavailable: 503,
} as const satisfies Record<string, number>;

/** Base of the problem `type` URIs: `type` is this plus the code. */
export const PROBLEM_TYPE_BASE = 'https://developer.poly.example/problems/';
