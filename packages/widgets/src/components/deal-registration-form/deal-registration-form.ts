// Registers <deal-registration-form>.
import { define } from '../../internal/define.js';
import { DealRegistrationForm } from './deal-registration-form.component.js';

export { DealRegistrationForm };
export default DealRegistrationForm;

define('deal-registration-form', DealRegistrationForm);

declare global {
  interface HTMLElementTagNameMap {
    'deal-registration-form': DealRegistrationForm;
  }
}
