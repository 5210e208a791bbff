import type { Deal } from '@poly-partner/contract';

/** Fired by `<deal-registration-form>` when the API accepted a registration; `deal` is the created registration. */
export class PartnerDealRegisteredEvent extends Event {
  readonly deal: Deal;

  constructor(deal: Deal) {
    super('partner-deal-registered', { bubbles: true, composed: true });
    this.deal = deal;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'partner-deal-registered': PartnerDealRegisteredEvent;
  }
}
