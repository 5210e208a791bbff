/**
 * Fired by `<deal-registration-form>` when the user chooses to open the partner's own registration of the same end
 * customer instead of registering it twice; `<partner-deal-list>` on the page opens it, or the host navigates there.
 */
export class PartnerOpenDealEvent extends Event {
  readonly dealId: string;
  readonly reference: string;

  constructor(dealId: string, reference: string) {
    super('partner-open-deal', { bubbles: true, composed: true });
    this.dealId = dealId;
    this.reference = reference;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'partner-open-deal': PartnerOpenDealEvent;
  }
}
