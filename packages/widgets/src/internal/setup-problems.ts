// Setup mistakes an integrator can make, and how a widget failed on a public website: what the console tells the
// integrator (English, like the docs it links to: the README's "Troubleshooting" has one heading per mistake) and
// what a user reads of a mistake (localized, so only built while rendering). `no-api-base`, `no-credential` and
// `no-partner-id` say "set" what they name. partner-element.ts loads this module only when a widget first fails so:
// pages that work never download it. It imports nothing (`msg` and `str` come as arguments): else the npm bundle,
// which inlines it, would wrap the modules it imports for lazy evaluation too.
import type { MsgFn } from '@lit/localize';
import type { PartnerApiError } from '@poly-partner/sdk';
import type { str as strTag } from '../localization/localization.js';

const FIXES = {
  'secret-key': 'a secret key (sk_…) is in publishable-key, where every visitor reads it: revoke it, use a pk_… key',
  'origin-not-allowed': 'register this origin (ORIGIN) for the publishable key',
  'key-invalid': 'the publishable key is unknown or revoked',
};

export type SetupProblem = keyof typeof FIXES | 'no-api-base' | 'no-credential' | 'no-partner-id';

/**
 * What a user reads of the mistake (none for another failure) and the console line: the widget, then what to fix and
 * where the docs say more, or what failed and its request id. The mistake an API error reveals: a refused origin, or
 * (with a publishable key) a key the API does not know.
 */
export function failureOf(
  tag: string,
  setup: SetupProblem | undefined,
  error: PartnerApiError | undefined,
  publishable: boolean,
  msg: MsgFn,
  str: typeof strTag,
): [words: string, advice: string] {
  const problem = setup ?? (error!.code === 'origin_not_allowed' ? 'origin-not-allowed' : publishable && error!.type === 'auth' ? 'key-invalid' : undefined);
  if (!problem) return ['', `<${tag}>: ${error!.message} (${error!.requestId ?? error!.code})`];
  const missing = problem === 'no-credential' ? 'publishable-key / token-endpoint' : problem.slice(3);
  return [
    problem === 'secret-key' ? msg('Refused: a secret key must never be in a web page.', { id: 'setup.secretKey' })
    : problem === 'origin-not-allowed' ? msg('This website is not registered for this publishable key.', { id: 'setup.origin' })
    : problem === 'key-invalid' ? msg('The publishable key is not valid or was revoked.', { id: 'setup.key' })
    : msg(str`Not set up: ${missing} is missing.`, { id: 'setup.missing' }),
    `<${tag}>: ${problem in FIXES ? FIXES[problem as keyof typeof FIXES].replace('ORIGIN', location.origin) : `set ${missing}`}. https://github.com/poly-partner/partner-kit/tree/main/packages/widgets#${problem}`,
  ];
}
