// A form control's `aria-invalid` and `aria-describedby` in one binding: `<input id="email" ${fieldAria('email',
// invalid, hint)}>` names `email-hint` and `email-error` (when shown) as its descriptions.
import { nothing } from 'lit';
import { Directive, directive, type ElementPart } from 'lit/directive.js';

class FieldAriaDirective extends Directive {
  render(_id: string, _invalid: unknown, _hint?: unknown, _after?: string) {
    return nothing;
  }

  override update({ element }: ElementPart, [id, invalid, hint, after]: Parameters<this['render']>) {
    // In the order they are read: the hint, the error, then what the control shows after it (the amount's echo).
    const describedBy = [hint && `${id}-hint`, invalid && `${id}-error`, after].filter(Boolean).join(' ');
    if (invalid) element.setAttribute('aria-invalid', 'true');
    else element.removeAttribute('aria-invalid');
    if (describedBy) element.setAttribute('aria-describedby', describedBy);
    else element.removeAttribute('aria-describedby');
    return nothing;
  }
}

/**
 * Marks the control invalid and described by `<id>-error` while `invalid`, and by `<id>-hint` when it has a `hint`,
 * and by the element `after` names. Only in an element's tag.
 */
export const fieldAria = directive(FieldAriaDirective);
