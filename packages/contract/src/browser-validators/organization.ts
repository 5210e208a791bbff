// Browser validators of schemas/organization.ts (see validators.browser.ts): each checks the JSON Schema generated from the
// zod schema of its name. `#__PURE__`: a bundle keeps only the validators its code uses.
import { jsonSchemaValidator as validator, type Validator } from '../json-schema/validator.js';
import { MemberPageJsonSchema } from '../generated/json-schemas/member-page.js';
import { OrganizationJsonSchema } from '../generated/json-schemas/organization.js';
import { OrganizationSummaryJsonSchema } from '../generated/json-schemas/organization-summary.js';
import type { MemberPage, Organization, OrganizationSummary } from '../schemas/organization.js';

export const MemberPageSchema: Validator<MemberPage> = /*#__PURE__*/ validator(MemberPageJsonSchema);
export const OrganizationSchema: Validator<Organization> = /*#__PURE__*/ validator(OrganizationJsonSchema);
export const OrganizationSummarySchema: Validator<OrganizationSummary> = /*#__PURE__*/ validator(OrganizationSummaryJsonSchema);
