// Registers <partner-deal-list>.
import { define } from '../../internal/define.js';
import { PartnerDealList } from './partner-deal-list.component.js';

export { PartnerDealList };
export default PartnerDealList;

define('partner-deal-list', PartnerDealList);

declare global {
  interface HTMLElementTagNameMap {
    'partner-deal-list': PartnerDealList;
  }
}
