// A host portal's backend trades its secret key for a short-lived embed token bound to one subject and one origin.
import { randomUUID } from 'node:crypto';
import { EMBED_TOKEN_MAX_TTL_SECONDS, type EmbedToken, type EmbedTokenClaims, EmbedTokenRequestSchema, type Scope, signJws } from '@poly-partner/contract';
import { EMBED_TOKEN_TYPE } from '../auth/credentials.js';
import { json } from '../respond.js';
import type { Sandbox } from '../context.js';
import type { OperationHandlers } from '../router.js';
import { canonicalOrigin } from '../origin-allow-list.js';
import { ApiProblem } from '../problems.js';
import { readBody } from '../request.js';

/** How long after its token expires an origin stays allowed for CORS. */
export const CORS_GRACE_SECONDS = 600;

export function embedTokenHandlers(sandbox: Sandbox) {
  return {
    createEmbedToken: async (c) => {
      const principal = c.get('principal');
      const request = await readBody(c, EmbedTokenRequestSchema);
      // The schema checks the shape; a browser's idea of an origin (ports up to 65535, lower case, no default port) is
      // checked here, or a token bound to `http://a:99999` could never match an Origin and broke the badge route.
      if (canonicalOrigin(request.origin) === null) {
        throw new ApiProblem('validation_failed', 'Some fields are not valid; see errors.', [
          { path: 'origin', code: 'invalid_format', message: 'An origin as browsers send it: http(s), a lower-case host, a port from 1 to 65535 other than the default' },
        ]);
      }
      const [kind, subjectId] = 'partnerId' in request.subject ? (['partner', request.subject.partnerId] as const) : (['organization', request.subject.orgId] as const);
      // The same answer whether or not the other subject exists: a key mints only for its own partner or organization.
      if (kind !== principal.subjectKind || subjectId !== principal.subjectId) {
        throw new ApiProblem('forbidden', 'A secret key can mint tokens only for its own partner or organization.');
      }
      const scopes: Scope[] = request.scopes ?? [...principal.scopes];
      const wider = scopes.filter((scope) => !principal.scopes.has(scope));
      if (wider.length > 0) throw new ApiProblem('insufficient_scope', `The secret key does not hold: ${wider.join(', ')}.`);
      const iat = Math.floor(sandbox.now().getTime() / 1000);
      const exp = iat + (request.ttlSeconds ?? EMBED_TOKEN_MAX_TTL_SECONDS);
      const claims: EmbedTokenClaims = { iss: sandbox.issuer, sub: subjectId, kind, origin: request.origin, scopes: [...new Set(scopes)], iat, exp, jti: randomUUID() };
      const token = await signJws(claims, sandbox.signingKey.privateKey, sandbox.signingKey.kid, EMBED_TOKEN_TYPE);
      // Minting for an origin registers it for CORS, as registering a site in a developer dashboard would — for this
      // key, while the token lives (and a grace period, so the page can still read the 401 that tells it to refresh an
      // expired token), and for a bounded number of origins per key.
      sandbox.allowedOrigins.grant(principal.credentialId, request.origin, (exp + CORS_GRACE_SECONDS) * 1000, sandbox.now().getTime());
      const body: EmbedToken = { token, expiresAt: new Date(exp * 1000).toISOString() };
      return json(c, body);
    },
  } satisfies Partial<OperationHandlers>;
}
