// Filling the deal form's native controls in its shadow root the way a user leaves them.
import type { DealRegistrationForm } from '@poly-partner/widgets';

/** A control of a widget's shadow root by id; throws when the form has no such control. */
export function control<T extends HTMLElement = HTMLInputElement>(el: Element, id: string): T {
  const found = el.shadowRoot!.getElementById(id);
  if (!found) throw new Error(`no #${id} in <${el.localName}>`);
  return found as T;
}

/** Sets controls as a user would leave them (value, then `input` and `change`), by id; `true` checks a box or radio. */
export async function fill(el: DealRegistrationForm, values: Record<string, string | boolean>): Promise<void> {
  for (const [id, value] of Object.entries(values)) {
    const target = control<HTMLInputElement>(el, id);
    // A user reaches a control before changing it (the country select builds its options then, if not yet).
    target.focus();
    await el.updateComplete;
    if (typeof value === 'boolean') target.checked = value;
    else target.value = value;
    target.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    target.dispatchEvent(new Event('change', { bubbles: true }));
    await el.updateComplete;
  }
}
