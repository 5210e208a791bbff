// Browser validators of schemas/embed-token.ts (see validators.browser.ts): each checks the JSON Schema generated from the
// zod schema of its name. `#__PURE__`: a bundle keeps only the validators its code uses.
import { jsonSchemaValidator as validator, type Validator } from '../json-schema/validator.js';
import { EmbedTokenJsonSchema } from '../generated/json-schemas/embed-token.js';
import type { EmbedToken } from '../schemas/embed-token.js';

export const EmbedTokenSchema: Validator<EmbedToken> = /*#__PURE__*/ validator(EmbedTokenJsonSchema);
