// Registers <next-tier-checklist>.
import { define } from '../../internal/define.js';
import { NextTierChecklist } from './next-tier-checklist.component.js';

export { NextTierChecklist };
export default NextTierChecklist;

define('next-tier-checklist', NextTierChecklist);

declare global {
  interface HTMLElementTagNameMap {
    'next-tier-checklist': NextTierChecklist;
  }
}
