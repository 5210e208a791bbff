// Registers <partner-config>.
import { define } from '../internal/define.js';
import { PartnerConfig } from './partner-config.component.js';

export { PartnerConfig };
export default PartnerConfig;

define('partner-config', PartnerConfig);

declare global {
  interface HTMLElementTagNameMap {
    'partner-config': PartnerConfig;
  }
}
