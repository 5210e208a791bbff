// Registers <partner-member-overview> (and the <next-tier-checklist> its detail panel shows).
import '../next-tier-checklist/next-tier-checklist.js';
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
