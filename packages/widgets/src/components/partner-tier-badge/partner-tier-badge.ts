// Registers <partner-tier-badge>.
import { define } from '../../internal/define.js';
import { PartnerTierBadge } from './partner-tier-badge.component.js';

export { PartnerTierBadge };
export default PartnerTierBadge;

define('partner-tier-badge', PartnerTierBadge);

declare global {
  interface HTMLElementTagNameMap {
    'partner-tier-badge': PartnerTierBadge;
  }
}
