// Browser validators of schemas/badge.ts (see validators.browser.ts): each checks the JSON Schema generated from the
// zod schema of its name. `#__PURE__`: a bundle keeps only the validators its code uses.
import { jsonSchemaValidator as validator, type Validator } from '../json-schema/validator.js';
import { BadgeJsonSchema } from '../generated/json-schemas/badge.js';
import { BadgeClaimsJsonSchema } from '../generated/json-schemas/badge-claims.js';
import { JwksJsonSchema } from '../generated/json-schemas/jwks.js';
import type { Badge, BadgeClaims, Jwks } from '../schemas/badge.js';

export const BadgeSchema: Validator<Badge> = /*#__PURE__*/ validator(BadgeJsonSchema);
export const BadgeClaimsSchema: Validator<BadgeClaims> = /*#__PURE__*/ validator(BadgeClaimsJsonSchema);
export const JwksSchema: Validator<Jwks> = /*#__PURE__*/ validator(JwksJsonSchema);
