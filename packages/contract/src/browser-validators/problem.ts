// Browser validators of schemas/problem.ts (see validators.browser.ts): each checks the JSON Schema generated from the
// zod schema of its name. `#__PURE__`: a bundle keeps only the validators its code uses.
import { jsonSchemaValidator as validator, type Validator } from '../json-schema/validator.js';
import { ProblemJsonSchema } from '../generated/json-schemas/problem.js';
import type { Problem } from '../schemas/problem.js';

export const ProblemSchema: Validator<Problem> = /*#__PURE__*/ validator(ProblemJsonSchema);
