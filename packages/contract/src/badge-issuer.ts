// Who issues production badges and how long a badge lives: a module of its own, so a browser bundle that needs
// the issuer's origin takes these two constants and nothing else of the contract's constants.

/**
 * The issuer of production badges: the one origin whose key set (`/.well-known/jwks.json`) the widgets and the SDK
 * trust for "Verified by Poly", and whose `/verify/{partnerId}` page every production badge links to. A constant of
 * the build, never taken from the page: a page that points `api-base` at a server of its own cannot sign itself a tier.
 */
export const BADGE_ISSUER_ORIGIN = 'https://partners.poly.example';

/**
 * Lifetime of a badge, in seconds: a partner that drops a tier or leaves the program stops verifying within it.
 * Widgets refresh a badge before it runs out; `badge.svg` is cached no longer.
 */
export const BADGE_LIFETIME_SECONDS = 15 * 60;
