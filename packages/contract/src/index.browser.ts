// @poly-partner/contract in browsers (the `browser` export condition): everything `index.ts` offers that browser
// code uses at run time, without zod — the schemas the SDK, the engine and the widgets validate with are JSON Schema
// validators of the same names (validators.browser.ts). The zod schemas stay the source (index.ts, server, OpenAPI).
export * from './constants.js';
export * from './validation.js';
export * from './engine/dates.js';
export * from './engine/policy.js';
export * from './engine/evaluate.js';
export * from './engine/simulate.js';
export * from './policy/default-policy.js';
export * from './jws.js';
export * from './validators.browser.js';
