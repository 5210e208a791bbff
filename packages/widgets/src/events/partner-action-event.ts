import type { Action } from '@poly-partner/contract';

/**
 * Fired by `<next-tier-checklist>` when the user follows one of a criterion's suggested steps ("Register 7 more
 * deals"). Cancelable: a host that handles the step on its own page (opens its deal form) calls `preventDefault()`,
 * and the link is not followed.
 */
export class PartnerActionEvent extends Event {
  /** The criterion the step closes, e.g. `registered_deals`. */
  readonly criterionId: string;
  /** The step as the policy names it (`action.registerDeals`) with its figures (`gap`, `required`, …). */
  readonly action: Action;
  /** The step in words, as the widget shows it. */
  readonly text: string;
  /** Where the link leads: the host's `action-urls` entry, or the policy's URL. */
  readonly url: string | undefined;

  constructor(criterionId: string, action: Action, text: string, url: string | undefined) {
    super('partner-action', { bubbles: true, composed: true, cancelable: true });
    this.criterionId = criterionId;
    this.action = action;
    this.text = text;
    this.url = url;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'partner-action': PartnerActionEvent;
  }
}
