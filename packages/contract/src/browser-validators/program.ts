// Browser validators of schemas/program.ts (see validators.browser.ts): each checks the JSON Schema generated from the
// zod schema of its name. `#__PURE__`: a bundle keeps only the validators its code uses.
import { jsonSchemaValidator as validator, type Validator } from '../json-schema/validator.js';
import { ProgramPolicyJsonSchema } from '../generated/json-schemas/program-policy.js';
import type { ProgramPolicy } from '../schemas/program.js';

export const ProgramPolicySchema: Validator<ProgramPolicy> = /*#__PURE__*/ validator(ProgramPolicyJsonSchema);
