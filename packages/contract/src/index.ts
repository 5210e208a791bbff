// @poly-partner/contract: schemas, the tier-program engine, and helpers shared by SDK, widgets and sandbox.
export * from './schemas/common.js';
export * from './schemas/program.js';
export * from './schemas/partner.js';
export * from './schemas/tier-status.js';
export * from './schemas/product.js';
export * from './schemas/deal.js';
export * from './schemas/organization.js';
export * from './schemas/badge.js';
export * from './schemas/embed-token.js';
export * from './schemas/publishable-key.js';
export * from './schemas/problem.js';
export * from './schemas/health.js';
export * from './schemas/event.js';
export * from './shared-exports.js';
export * from './openapi/document.js';
export * from './openapi/operations.js';
export * from './parse-options.js';
