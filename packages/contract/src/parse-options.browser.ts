// Browser build of parse-options.ts: the JSON Schema validators already say in English what they expected.

/** Options for one `safeParse`; the browser validators need none. */
export const PARSE_IN_ENGLISH: { error?: never } = {};
