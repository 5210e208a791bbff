// Browser validators of schemas/partner.ts (see validators.browser.ts): each checks the JSON Schema generated from the
// zod schema of its name. `#__PURE__`: a bundle keeps only the validators its code uses.
import { jsonSchemaValidator as validator, type Validator } from '../json-schema/validator.js';
import { PartnerProfileJsonSchema } from '../generated/json-schemas/partner-profile.js';
import { PartnerStandingJsonSchema } from '../generated/json-schemas/partner-standing.js';
import type { PartnerProfile, PartnerStanding } from '../schemas/partner.js';

export const PartnerProfileSchema: Validator<PartnerProfile> = /*#__PURE__*/ validator(PartnerProfileJsonSchema);
export const PartnerStandingSchema: Validator<PartnerStanding> = /*#__PURE__*/ validator(PartnerStandingJsonSchema);
