// Browser build of `validators.ts`: the same names, each checking the JSON Schema generated from the zod schema of
// that name (src/generated/json-schemas/) with the small validator in json-schema/validator.ts — no zod on the
// page. What JSON Schema cannot carry (zod refinements) is added as code (browser-validators/deal.ts); the
// differential test (packages/sdk/test/browser-validators.test.ts) holds every one of these to the zod schema's
// answers. One module per schema file, so that a chunked bundle loads only the validators its chunks use.
export * from './browser-validators/badge.js';
export * from './browser-validators/deal.js';
export * from './browser-validators/embed-token.js';
export * from './browser-validators/event.js';
export * from './browser-validators/organization.js';
export * from './browser-validators/partner.js';
export * from './browser-validators/problem.js';
export * from './browser-validators/publishable-key.js';
export * from './browser-validators/product.js';
export * from './browser-validators/program.js';
export * from './browser-validators/tier-status.js';
