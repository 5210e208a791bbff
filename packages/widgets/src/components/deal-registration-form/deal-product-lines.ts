// The deal form's product lines: a product (grouped by family) and a quantity per line.
import type { Product } from '@poly-partner/contract';
import { html, nothing } from 'lit';
import { live } from 'lit/directives/live.js';
import { repeat } from 'lit/directives/repeat.js';
import { fieldAria } from '../../internal/field-aria.js';
import { msg, str } from '../../localization/localization.js';
import { issueAt, renderFieldError, type FieldContext } from './deal-form-fields.js';

/**
 * The products: one line per product with its quantity, each removable, and "Add a product". `add` and `remove`
 * change the draft and move focus (to the new line; to the line that took a removed one's place).
 */
export function renderProductLines(f: FieldContext, products: Product[], add: () => void, remove: (index: number) => void) {
  const families = [...new Set(products.map((product) => product.family))];
  const listIssue = issueAt(f, 'products');
  return html`<fieldset class="group" aria-describedby=${listIssue ? 'add-product-error' : nothing}>
    <legend>${msg('Products', { id: 'dealForm.products' })}</legend>
    <ol class="lines">
      ${repeat(
        f.draft.products,
        (line) => line.key,
        (line, index) => {
          const n = index + 1;
          const skuPath = `products.${index}.sku`;
          const quantityPath = `products.${index}.quantity`;
          const skuId = `product-${index}-sku`;
          const quantityId = `product-${index}-quantity`;
          return html`<li part="product-line" class="line">
            <fieldset class="line__fields">
              <legend class="visually-hidden">${msg(str`Product line ${n}`, { id: 'dealForm.productLine' })}</legend>
              <div part="field" class="field line__product">
                <label for=${skuId}>${msg('Product', { id: 'dealForm.product' })}</label>
                <select
                  id=${skuId}
                  name="sku"
                  data-line=${index}
                  required
                  ${fieldAria(skuId, issueAt(f, skuPath))}
                >
                  <option value="" ?selected=${line.sku === ''}>${msg('Choose a product', { id: 'dealForm.chooseProduct' })}</option>
                  ${families.map(
                    (family) => html`<optgroup label=${family}>
                      ${products
                        .filter((product) => product.family === family)
                        .map(
                          (product) =>
                            html`<option value=${product.sku} ?selected=${product.sku === line.sku}>${product.name} (${product.sku})</option>`,
                        )}
                    </optgroup>`,
                  )}
                </select>
                ${renderFieldError(f, skuPath, skuId)}
              </div>
              <div part="field" class="field line__quantity">
                <label for=${quantityId}>${msg('Quantity', { id: 'dealForm.quantity' })}</label>
                <input
                  id=${quantityId}
                  name="quantity"
                  data-line=${index}
                  type="number"
                  inputmode="numeric"
                  min="1"
                  max="100000"
                  step="1"
                  required
                  autocomplete="off"
                  .value=${live(line.quantity)}
                  ${fieldAria(quantityId, issueAt(f, quantityPath))}
                />
                ${renderFieldError(f, quantityPath, quantityId)}
              </div>
              <button
                type="button"
                part="remove-product-button"
                class="secondary line__remove"
                aria-label=${msg(str`Remove product line ${n}`, { id: 'dealForm.removeLine' })}
                @click=${() => remove(index)}
              >
                ${msg('Remove', { id: 'dealForm.remove' })}
              </button>
            </fieldset>
          </li>`;
        },
      )}
    </ol>
    <button type="button" id="add-product" part="add-product-button" class="secondary" @click=${add}>
      ${msg('Add a product', { id: 'dealForm.addProduct' })}
    </button>
    ${renderFieldError(f, 'products', 'add-product')}
  </fieldset>`;
}
