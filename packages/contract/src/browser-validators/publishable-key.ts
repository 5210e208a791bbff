// Browser validators of schemas/publishable-key.ts (see validators.browser.ts): each checks the JSON Schema generated
// from the zod schema of its name. `#__PURE__`: a bundle keeps only the validators its code uses.
import { jsonSchemaValidator as validator, type Validator } from '../json-schema/validator.js';
import { PublishableKeyJsonSchema } from '../generated/json-schemas/publishable-key.js';
import { PublishableKeyListJsonSchema } from '../generated/json-schemas/publishable-key-list.js';
import type { PublishableKey, PublishableKeyList } from '../schemas/publishable-key.js';

export const PublishableKeySchema: Validator<PublishableKey> = /*#__PURE__*/ validator(PublishableKeyJsonSchema);
export const PublishableKeyListSchema: Validator<PublishableKeyList> = /*#__PURE__*/ validator(PublishableKeyListJsonSchema);
