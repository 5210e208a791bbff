// Registers <partner-badge-snippet>.
import { define } from '../../internal/define.js';
import { PartnerBadgeSnippet } from './partner-badge-snippet.component.js';

export { PartnerBadgeSnippet };
export default PartnerBadgeSnippet;

define('partner-badge-snippet', PartnerBadgeSnippet);

declare global {
  interface HTMLElementTagNameMap {
    'partner-badge-snippet': PartnerBadgeSnippet;
  }
}
