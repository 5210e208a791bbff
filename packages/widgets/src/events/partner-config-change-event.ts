/** Fired by `<partner-config>` when its client or settings change; widgets outside it listen to re-read them. */
export class PartnerConfigChangeEvent extends Event {
  constructor() {
    super('partner-config-change', { bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'partner-config-change': PartnerConfigChangeEvent;
  }
}
