import type { PartnerApiError } from '@poly-partner/sdk';

/**
 * Fired by a widget when loading or sending data fails. The widget shows the error itself (with Retry);
 * the host listens to log it or to react to `error.type === 'auth'` (for example by signing in again).
 */
export class PartnerErrorEvent extends Event {
  readonly error: PartnerApiError;

  constructor(error: PartnerApiError) {
    super('partner-error', { bubbles: true, composed: true });
    this.error = error;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'partner-error': PartnerErrorEvent;
  }
}
