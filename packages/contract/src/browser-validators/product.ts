// Browser validators of schemas/product.ts (see validators.browser.ts): each checks the JSON Schema generated from the
// zod schema of its name. `#__PURE__`: a bundle keeps only the validators its code uses.
import { jsonSchemaValidator as validator, type Validator } from '../json-schema/validator.js';
import { ProductListJsonSchema } from '../generated/json-schemas/product-list.js';
import type { ProductList } from '../schemas/product.js';

export const ProductListSchema: Validator<ProductList> = /*#__PURE__*/ validator(ProductListJsonSchema);
