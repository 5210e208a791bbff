// Resolves `Authorization: Bearer …` to a principal (secret key, embed token or publishable key) and checks access.
import { createHash } from 'node:crypto';
import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context } from 'hono';
import { base64UrlDecode, base64UrlEncode, decodeJws, EMBED_TOKEN_MAX_TTL_SECONDS, EmbedTokenClaimsSchema, type Scope, verifyJws } from '@poly-partner/contract';
import type { AppEnv, Principal, Sandbox } from '../context.js';
import { prepared } from '../db/statements.js';
import { findApiKey } from './api-keys.js';
import { ApiProblem, rateLimited } from '../problems.js';

export const PARTNER_SECRET_SCOPES: readonly Scope[] = ['program:read', 'partner:read', 'tier:read', 'tier:simulate', 'deals:read', 'deals:write', 'badge:read', 'badge:manage', 'events:read'];
/**
 * An ISP, carrier or Systemhaus association sees its members' pipeline as aggregates only (its summary): no deal rows,
 * so no `deals:read`. A distributor reads the deals routed through it, without the end customer's contact person.
 */
export const ORGANIZATION_SECRET_SCOPES: readonly Scope[] = ['program:read', 'organization:read', 'members:read', 'partner:read', 'tier:read', 'events:read'];
export const DISTRIBUTOR_SECRET_SCOPES: readonly Scope[] = [...ORGANIZATION_SECRET_SCOPES, 'deals:read'];

/** The scopes a credential of this subject may hold at most (an embed token's are a subset of them). */
export function scopesOf(sandbox: Sandbox, subjectKind: 'partner' | 'organization', subjectId: string): readonly Scope[] {
  if (subjectKind === 'partner') return PARTNER_SECRET_SCOPES;
  const kind = prepared(sandbox.db, 'SELECT kind FROM organizations WHERE id = ?').pluck().get(subjectId) as string | undefined;
  return kind === 'distributor' ? DISTRIBUTOR_SECRET_SCOPES : ORGANIZATION_SECRET_SCOPES;
}
export const EMBED_TOKEN_TYPE = 'poly-embed+jwt';


// The rate limiter and `authenticate` both need the id of every request's credential; a few recent ones are kept.
const recentIds = new Map<string, string>();

export function credentialId(raw: string): string {
  let id = recentIds.get(raw);
  if (id === undefined) {
    id = createHash('sha256').update(raw).digest('base64url').slice(0, 22);
    if (recentIds.size >= 1_000) recentIds.clear();
    if (raw.length <= 2_048) recentIds.set(raw, id);
  }
  return id;
}

export function bearerOf(c: Context): string | null {
  const header = c.req.header('authorization');
  if (header) {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
    return match ? match[1]! : '';
  }
  return null;
}

/** The address the request came from (the TCP peer: the sandbox sits behind no proxy it could trust). */
export function clientAddress(c: Context): string {
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    return 'unknown';
  }
}

/**
 * Resolves the request's credential, counting it against the rate limits: a client address over its failed
 * authentications is refused before anything is checked; a failure counts against the address; a verified
 * credential's requests count against that credential (see `Principal.rateKey`).
 */
export async function authenticate(sandbox: Sandbox, c: Context<AppEnv>, options: { queryKey?: boolean } = {}): Promise<Principal> {
  const address = `address:${clientAddress(c)}`;
  const { failures, requests } = sandbox.rateLimits;
  const blocked = failures.check(address);
  if (blocked !== null) throw rateLimited(blocked);
  let principal: Principal;
  try {
    principal = await verifyCredential(sandbox, c, options);
  } catch (error) {
    if (error instanceof ApiProblem && ERROR_STATUS_401.has(error.code)) {
      const retryAfter = failures.hit(address);
      if (retryAfter !== null) throw rateLimited(retryAfter);
    }
    throw error;
  }
  const retryAfter = requests.hit(principal.rateKey);
  if (retryAfter !== null) throw rateLimited(retryAfter);
  return principal;
}

const ERROR_STATUS_401 = new Set(['unauthenticated', 'token_invalid', 'token_expired']);

async function verifyCredential(sandbox: Sandbox, c: Context<AppEnv>, options: { queryKey?: boolean }): Promise<Principal> {
  let raw = bearerOf(c);
  // An <img src=".../badge.svg?key=pk_…"> cannot send headers, so the image route also reads the key from the query —
  // a publishable key only: URLs end up in logs, histories and Referer headers, where a secret key or token must not.
  if (raw === null && options.queryKey) {
    raw = c.req.query('key') ?? null;
    if (raw !== null && !raw.startsWith('pk_')) throw new ApiProblem('unauthenticated', 'Only a publishable key (pk_…) may be given in the URL; send other credentials as "Authorization: Bearer <credential>".');
  }
  if (raw === null || raw === '') throw new ApiProblem('unauthenticated', 'Send a credential as "Authorization: Bearer <credential>".');
  const origin = c.req.header('origin');

  if (raw.startsWith('sk_') || raw.startsWith('pk_')) {
    const row = findApiKey(sandbox.db, raw);
    if (!row) throw new ApiProblem('unauthenticated', 'Unknown API key.');
    if (row.kind === 'publishable') {
      const origins = JSON.parse(row.origins) as string[];
      // Browsers always send Origin on cross-origin requests; a request without one is not a foreign page.
      if (origin !== undefined && !origins.includes(origin)) {
        throw new ApiProblem('origin_not_allowed', 'This publishable key is not registered for this origin.');
      }
      const id = credentialId(raw);
      return { credential: 'publishable', subjectKind: 'partner', subjectId: row.subject_id, scopes: new Set(['badge:read']), credentialId: id, rateKey: `publishable:${id}`, origins };
    }
    // Browsers send Origin; servers (the place for a secret key) do not. A secret key in a page is readable by every visitor.
    if (origin !== undefined && !sandbox.secretKeysFromBrowsers) {
      throw new ApiProblem('forbidden', 'Secret keys are for servers. In a browser, use an embed token: your backend mints one with POST /v1/embed-tokens and your page sends it as the credential.');
    }
    const scopes = scopesOf(sandbox, row.subject_kind, row.subject_id);
    return { credential: 'secret', subjectKind: row.subject_kind, subjectId: row.subject_id, scopes: new Set(scopes), credentialId: credentialId(raw), rateKey: `${row.subject_kind}:${row.subject_id}`, origins: [] };
  }

  let header;
  let payload: unknown;
  try {
    // One token, one spelling: base64url with other padding bits or '=' would be a second token with the same claims.
    if (!raw.split('.').every((part) => base64UrlEncode(base64UrlDecode(part)) === part)) throw new SyntaxError('Not canonical base64url');
    header = decodeJws(raw).header;
    payload = await verifyJws(raw, sandbox.signingKey.jwks);
  } catch {
    throw new ApiProblem('token_invalid', 'The credential is neither an API key nor a well-formed embed token.');
  }
  const claims = EmbedTokenClaimsSchema.safeParse(payload);
  if (payload === null || header.typ !== EMBED_TOKEN_TYPE || !claims.success || claims.data.iss !== sandbox.issuer) {
    throw new ApiProblem('token_invalid', 'The embed token is not valid.');
  }
  const { iat, exp, kind, sub, scopes } = claims.data;
  // What minting never signs: a lifetime over the maximum, an issue time still to come, scopes the subject may not hold.
  const allowed = scopesOf(sandbox, kind, sub);
  if (exp - iat > EMBED_TOKEN_MAX_TTL_SECONDS || exp <= iat || iat * 1000 > sandbox.now().getTime() || !scopes.every((scope) => allowed.includes(scope))) {
    throw new ApiProblem('token_invalid', 'The embed token is not valid.');
  }
  if (exp * 1000 <= sandbox.now().getTime()) throw new ApiProblem('token_expired', 'The embed token has expired; fetch a new one.');
  if (origin !== claims.data.origin) throw new ApiProblem('origin_not_allowed', 'This embed token is bound to another origin.');
  return {
    credential: 'embed',
    subjectKind: claims.data.kind,
    subjectId: claims.data.sub,
    scopes: new Set(claims.data.scopes),
    credentialId: `embed:${claims.data.jti}`,
    rateKey: `${claims.data.kind}:${claims.data.sub}`,
    origins: [claims.data.origin],
  };
}

export function requireScope(principal: Principal, scope: Scope): void {
  if (!principal.scopes.has(scope)) throw new ApiProblem('insufficient_scope', `This request needs the "${scope}" scope.`);
}

/**
 * Denial policy: a resource the credential may not see answers 404 `not_found`, exactly like one that does not
 * exist, so ids cannot be probed. (Scope and origin checks come first and do not depend on the resource.)
 */
export function notFound(): ApiProblem {
  return new ApiProblem('not_found', 'No such resource, or not visible to this credential.');
}

export function canReadPartner(sandbox: Sandbox, principal: Principal, partnerId: string): boolean {
  if (principal.subjectKind === 'partner') return principal.subjectId === partnerId;
  return prepared(sandbox.db, 'SELECT 1 FROM memberships WHERE org_id = ? AND partner_id = ?').get(principal.subjectId, partnerId) !== undefined;
}

/**
 * Visibility of a partner's resources other than its badge, once `requireAccess` has checked the scope: a publishable
 * key reads badges only, and a credential sees its own partner or its organization's members. Answers nothing when the
 * partner is readable.
 */
export function assertPartnerVisible(sandbox: Sandbox, principal: Principal, partnerId: string): void {
  if (principal.credential === 'publishable') throw notFound();
  if (!canReadPartner(sandbox, principal, partnerId)) throw notFound();
  const exists = prepared(sandbox.db, 'SELECT 1 FROM partners WHERE id = ?').get(partnerId);
  if (!exists) throw notFound();
}
