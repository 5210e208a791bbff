// The three states every widget shares besides its content: loading (a skeleton that holds the final size),
// empty, and error (a localized message per error type, with a Retry button).
import { isPartnerApiError, PartnerApiError } from '@poly-partner/sdk';
import { css, html, nothing, type TemplateResult } from 'lit';
import { msg, str } from '../localization/localization.js';
import { icons } from './icons.js';

/** Anything a task threw, as the SDK's error (non-SDK failures become type `api`, code `client_error`). */
export function asPartnerApiError(error: unknown): PartnerApiError {
  if (isPartnerApiError(error)) return error;
  return new PartnerApiError({
    type: 'api',
    code: 'client_error',
    message: error instanceof Error ? error.message : String(error),
    cause: error,
  });
}

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

/**
 * A skeleton: `rows` grey bars in a box with the widget's final size (the widget's styles give `.state` its size),
 * announced as "Loading" to screen readers.
 */
export function renderLoading(rows = 3): TemplateResult {
  return html`<div part="base loading" class="state state--loading" role="status" aria-busy="true">
    <span class="visually-hidden">${msg('Loading…', { id: 'state.loading' })}</span>
    ${Array.from({ length: rows }, () => html`<span class="skeleton" aria-hidden="true"></span>`)}
  </div>`;
}

/** Nothing to show, said in words. */
export function renderEmpty(message: string): TemplateResult {
  return html`<div part="base empty" class="state state--empty">${icons.empty}<p>${message}</p></div>`;
}

/**
 * The error in words, the request id to quote to support, and Retry (when retrying can help); or only `words` (a
 * setup mistake, a public website's visitor).
 */
export function renderError(error: PartnerApiError | string, retry?: () => void): TemplateResult {
  const words = typeof error === 'string';
  const canRetry = !words && retry && error.type !== 'forbidden' && error.type !== 'not_found';
  return html`<div part="base error" class="state state--error" role="alert">
    ${icons.warning}
    <p class="state__message">${words ? error : errorMessage(error)}</p>
    ${!words && error.requestId
      ? html`<p class="state__detail">${msg(str`Request ID: ${error.requestId}`, { id: 'state.requestId' })}</p>`
      : nothing}
    ${canRetry
      ? html`<button type="button" part="retry-button" class="state__retry" @click=${retry}>
          ${msg('Retry', { id: 'state.retry' })}
        </button>`
      : nothing}
  </div>`;
}

export const stateStyles = css`
  .state {
    display: flex;
    flex-direction: column;
    justify-content: center;
    align-items: flex-start;
    gap: 0.5em;
    padding: var(--_space);
    color: var(--_text);
  }
  .state--loading {
    justify-content: flex-start;
    align-items: stretch;
  }
  .skeleton {
    display: block;
    height: 1em;
    border-radius: var(--_radius);
    background: var(--_skeleton);
  }
  .skeleton:first-of-type {
    width: 60%;
  }
  @media (prefers-reduced-motion: no-preference) {
    .skeleton {
      animation: partner-pulse 1.4s ease-in-out infinite;
    }
  }
  @keyframes partner-pulse {
    50% {
      opacity: 0.5;
    }
  }
  .state--error .icon {
    color: var(--_danger);
  }
  .state .icon {
    width: 1.5em;
    height: 1.5em;
  }
  .state p {
    margin: 0;
  }
  .state__detail {
    color: var(--_text-muted);
    font-size: 0.85em;
  }
`;
