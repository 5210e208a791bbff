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
export * from './schemas/problem.js';
export * from './validation.js';
export * from './engine/dates.js';
export * from './engine/policy.js';
export * from './engine/evaluate.js';
export * from './engine/simulate.js';
export * from './policy/default-policy.js';
export * from './jws.js';
