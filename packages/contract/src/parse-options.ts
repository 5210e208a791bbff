// How the SDK asks for messages that say what was expected: zod/mini's own say "Invalid input" unless a locale is
// configured globally (`z.config`), which a library must not do to its host page's or server's zod.
import * as z from 'zod/mini';

/** Options for one `safeParse`: English issue messages ("Invalid option: expected one of …") for this parse only. */
export const PARSE_IN_ENGLISH: { error?: z.core.$ZodErrorMap } = { error: z.locales.en().localeError };
