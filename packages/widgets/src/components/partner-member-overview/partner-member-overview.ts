// Registers <partner-member-overview>, and with it the <next-tier-checklist> its detail panel shows (its `dependencies`).
import { define } from '../../internal/define.js';
import { PartnerMemberOverview } from './partner-member-overview.component.js';

export { PartnerMemberOverview };
export default PartnerMemberOverview;

define('partner-member-overview', PartnerMemberOverview);

declare global {
  interface HTMLElementTagNameMap {
    'partner-member-overview': PartnerMemberOverview;
  }
}
