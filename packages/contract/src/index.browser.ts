// @poly-partner/contract in browsers (the `browser` export condition): everything `index.ts` offers that browser
// code uses at run time, without zod — the schemas the SDK, the engine and the widgets validate with are JSON Schema
// validators of the same names (validators.browser.ts). The zod schemas stay the source (index.ts, server, OpenAPI).
export * from './shared-exports.js';
export * from './validators.browser.js';
export * from './parse-options.browser.js';
