// What a zod refine checks, spelled as JSON Schema keywords for the OpenAPI document. JSON Schema cannot carry a
// refine, so without these the document would allow what the server refuses (control characters in text, a conflict
// check without domain and VAT id). The browser's JSON Schemas keep checking refines in code (browser-validators/),
// so only the OpenAPI document (src/openapi/schemas.ts) applies these keywords.
import type * as z from 'zod/mini';

const keywords = new WeakMap<z.core.$ZodType, Record<string, unknown>>();

/** Records the JSON Schema keywords that say what `schema`'s refine (or the server beside it) checks; returns it. */
export function documentCheck<T extends z.core.$ZodType>(schema: T, jsonSchema: Record<string, unknown>): T {
  keywords.set(schema, { ...keywords.get(schema), ...jsonSchema });
  return schema;
}

/** The keywords recorded for `schema`, if any. */
export function documentedCheck(schema: z.core.$ZodType): Record<string, unknown> | undefined {
  return keywords.get(schema);
}

/** No control characters (C0, DEL, C1); with `multiline`, tab, line feed and carriage return are allowed. */
export function noControlCharactersPattern(multiline = false): string {
  return multiline ? '^[^\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F-\\u009F]*$' : '^[^\\u0000-\\u001F\\u007F-\\u009F]*$';
}
