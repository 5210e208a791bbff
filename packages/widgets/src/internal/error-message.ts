// What the user reads for an error, a message per error type: a module of its own, apart from state-view.ts, so that
// a page whose widget does not fail never downloads it (partner-element.ts loads it on a first failure; elements that
// show errors of their own beside their content import it).
import type { PartnerApiError } from '@poly-partner/sdk';
import { msg, str } from '../localization/localization.js';

/** What the user reads for an error, in the language being rendered. */
export function errorMessage(error: PartnerApiError): string {
  switch (error.type) {
    case 'auth':
      return msg('Your session has expired or is not valid. Please sign in again.', { id: 'error.auth' });
    case 'forbidden':
      return msg('You do not have access to this information.', { id: 'error.forbidden' });
    case 'not_found':
      return msg('This information could not be found.', { id: 'error.notFound' });
    case 'conflict':
      return msg('This conflicts with a change made elsewhere. Please reload and try again.', { id: 'error.conflict' });
    case 'validation':
      return msg('Some of the information is not valid.', { id: 'error.validation' });
    case 'rate_limited':
      return error.retryAfter
        ? msg(str`Too many requests. Please try again in ${error.retryAfter} seconds.`, { id: 'error.rateLimitedSeconds' })
        : msg('Too many requests. Please wait a moment and try again.', { id: 'error.rateLimited' });
    case 'network':
      return msg('The partner service cannot be reached. Check your connection and try again.', { id: 'error.network' });
    case 'timeout':
      return msg('The partner service took too long to answer. Please try again.', { id: 'error.timeout' });
    case 'invalid_response':
      return msg('The partner service sent an answer that could not be read.', { id: 'error.invalidResponse' });
    case 'aborted':
      return msg('The request was cancelled.', { id: 'error.aborted' });
    case 'api':
    default:
      return msg('The partner service had a problem. Please try again.', { id: 'error.api' });
  }
}

