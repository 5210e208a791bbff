// @poly-partner/widgets: every element class, defined on import, plus the events and the configuration context.
// Not <partner-badge-snippet>: a tool for the reseller's own portal, not a widget for the pages that show the program
// (and 3.5 kB gzip more for every page bundled from here); import `@poly-partner/widgets/partner-badge-snippet.js`.
export { PartnerConfig } from './config/partner-config.js';
export { partnerContext, type PartnerContextValue } from './config/partner-context.js';
export { createTokenEndpointProvider } from './config/token-endpoint-provider.js';
export {
  PartnerErrorEvent,
  PartnerReadyEvent,
  PartnerDealRegisteredEvent,
  PartnerConfigChangeEvent,
  PartnerOpenDealEvent,
  PartnerActionEvent,
} from './events/index.js';
export { PartnerTierBadge } from './components/partner-tier-badge/partner-tier-badge.js';
export { NextTierChecklist } from './components/next-tier-checklist/next-tier-checklist.js';
export { PartnerMemberOverview } from './components/partner-member-overview/partner-member-overview.js';
export { DealRegistrationForm } from './components/deal-registration-form/deal-registration-form.js';
export { PartnerDealList } from './components/partner-deal-list/partner-deal-list.js';
