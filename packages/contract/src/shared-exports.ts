// What both entry points offer unchanged: the helpers, the engine, the default policy and the JWS helper.
// index.ts adds the zod schemas and the OpenAPI document; index.browser.ts adds the JSON Schema validators instead.
export * from './constants.js';
export * from './badge-issuer.js';
export * from './validation.js';
export * from './engine/dates.js';
export * from './engine/policy.js';
export * from './engine/evaluate.js';
export * from './engine/simulate.js';
export * from './policy/default-policy.js';
export * from './jws.js';
export * from './jws-verify.js';
