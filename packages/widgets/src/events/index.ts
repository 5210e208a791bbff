export { PartnerErrorEvent } from './partner-error-event.js';
export { PartnerReadyEvent } from './partner-ready-event.js';
export { PartnerDealRegisteredEvent } from './partner-deal-registered-event.js';
export { PartnerConfigChangeEvent } from './partner-config-change-event.js';
export { PartnerOpenDealEvent } from './partner-open-deal-event.js';
export { PartnerActionEvent } from './partner-action-event.js';
