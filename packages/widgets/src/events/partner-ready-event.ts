/** Fired once a widget has loaded its data and shows it for the first time (not again on later reloads). */
export class PartnerReadyEvent extends Event {
  constructor() {
    super('partner-ready', { bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'partner-ready': PartnerReadyEvent;
  }
}
