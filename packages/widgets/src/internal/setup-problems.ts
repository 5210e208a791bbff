// Setup mistakes an integrator can make: what the console tells the integrator (English, like the docs it links to:
// the README's "Troubleshooting" has one heading per mistake) and what a user reads in the widget (localized, so
// only built while rendering). `no-api-base`, `no-credential` and `no-partner-id` say "set" what they name.
import type { PartnerApiError } from '@poly-partner/sdk';
import { msg, str } from '../localization/localization.js';

const FIXES = {
  'secret-key': 'a secret key (sk_…) is in publishable-key, where every visitor reads it: revoke it, use a pk_… key',
  'origin-not-allowed': `register this origin (ORIGIN) for the publishable key`,
  'key-invalid': 'the publishable key is unknown or revoked',
};

export type SetupProblem = keyof typeof FIXES | 'no-api-base' | 'no-credential' | 'no-partner-id';

/** What each missing setting is called in the page. */
const missing = (problem: SetupProblem) => (problem === 'no-credential' ? 'publishable-key / token-endpoint' : problem.slice(3));

/** The console line for the integrator: the widget, what to fix, and where the docs say more. */
export const setupAdvice = (tag: string, problem: SetupProblem): string =>
  `<${tag}>: ${problem in FIXES ? FIXES[problem as keyof typeof FIXES].replace('ORIGIN', location.origin) : `set ${missing(problem)}`}. https://github.com/poly-partner/partner-kit/tree/main/packages/widgets#${problem}`;

/** The mistake an API error reveals: a refused origin, or (with a publishable key) a key the API does not know. */
export const problemOf = (error: PartnerApiError, publishable: boolean): SetupProblem | undefined =>
  error.code === 'origin_not_allowed' ? 'origin-not-allowed' : publishable && error.type === 'auth' ? 'key-invalid' : undefined;

/** What a user reads in the widget, in the language being rendered. */
export const setupMessage = (problem: SetupProblem): string =>
  problem === 'secret-key' ? msg('Refused: a secret key must never be in a web page.', { id: 'setup.secretKey' })
  : problem === 'origin-not-allowed' ? msg('This website is not registered for this publishable key.', { id: 'setup.origin' })
  : problem === 'key-invalid' ? msg('The publishable key is not valid or was revoked.', { id: 'setup.key' })
  : msg(str`Not set up: ${missing(problem)} is missing.`, { id: 'setup.missing' });
