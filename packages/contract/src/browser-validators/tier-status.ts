// Browser validators of schemas/tier-status.ts (see validators.browser.ts): each checks the JSON Schema generated from the
// zod schema of its name. `#__PURE__`: a bundle keeps only the validators its code uses.
import { jsonSchemaValidator as validator, type Validator } from '../json-schema/validator.js';
import { SimulationChangesJsonSchema } from '../generated/json-schemas/simulation-changes.js';
import { SimulationResultJsonSchema } from '../generated/json-schemas/simulation-result.js';
import { TierStatusJsonSchema } from '../generated/json-schemas/tier-status.js';
import type { SimulationChanges, SimulationResult, TierStatus } from '../schemas/tier-status.js';

export const SimulationChangesSchema: Validator<SimulationChanges> = /*#__PURE__*/ validator(SimulationChangesJsonSchema);
export const SimulationResultSchema: Validator<SimulationResult> = /*#__PURE__*/ validator(SimulationResultJsonSchema);
export const TierStatusSchema: Validator<TierStatus> = /*#__PURE__*/ validator(TierStatusJsonSchema);
