import { css } from 'lit';

export default css`
  :host {
    --_form-surface: var(--partner-deal-registration-form-surface, var(--_surface));
    --_form-border: var(--partner-deal-registration-form-border-color, var(--_border));
    --_field-border: var(--partner-deal-registration-form-field-border-color, var(--_border));
    --_error: var(--partner-deal-registration-form-error-color, var(--_danger));
    display: block;
    max-inline-size: var(--partner-deal-registration-form-max-width, 46rem);
    /* The form follows the width it is given: its own content never widens the column it sits in. */
    container-type: inline-size;
  }

  /* Loading and loaded share this box; the skeleton reserves the height of the form's first groups. */
  [part~='base'] {
    min-block-size: 30rem;
    padding: var(--_space);
    border: 1px solid var(--_form-border);
    border-radius: var(--_radius);
    background: var(--_form-surface);
  }
  .state--loading .skeleton {
    block-size: 2em;
    margin-block: 0.5em;
  }

  h2,
  h3,
  p {
    margin: 0;
  }
  .heading {
    font-size: 1.25em;
    font-weight: 700;
    display: flex;
    align-items: center;
    gap: 0.4em;
  }
  .heading:focus {
    outline: none;
  }
  .heading:focus-visible {
    outline: 2px solid var(--_focus-ring);
  }

  .form {
    display: grid;
    grid-template-columns: minmax(0, 1fr);
    gap: 1.25em;
  }
  .group {
    border: 0;
    margin: 0;
    padding: 0;
    min-inline-size: 0;
  }
  .group > legend {
    font-weight: 700;
    font-size: 1.05em;
    padding: 0;
    margin-block-end: 0.5em;
  }
  .grid {
    display: grid;
    /* Two or more columns where 16rem fit, one full-width column in a phone-sized box. */
    grid-template-columns: repeat(auto-fill, minmax(min(16rem, 100%), 1fr));
    gap: 0.75em 1em;
  }
  .field {
    display: grid;
    grid-template-columns: minmax(0, 1fr);
    gap: 0.25em;
    align-content: start;
  }
  .field--check,
  .grid + .field {
    margin-block-start: 0.75em;
  }
  label {
    font-weight: 600;
  }
  /* One line is always reserved, so the echo appearing as the user types moves nothing below it. */
  .echo {
    display: block;
    min-block-size: 1lh;
    font-size: 0.9em;
    color: var(--_text-muted);
    font-variant-numeric: tabular-nums;
  }
  .plausibility {
    display: block;
    color: var(--_text);
  }
  .optional,
  .hint {
    font-weight: 400;
    color: var(--_text-muted);
    font-size: 0.9em;
  }
  input:not([type='radio'], [type='checkbox']),
  select,
  textarea {
    font: inherit;
    color: var(--_text);
    background: var(--_surface);
    border: 1px solid var(--_field-border);
    border-radius: var(--_radius);
    padding: 0.4em 0.5em;
    inline-size: 100%;
    min-block-size: 2.5em;
  }
  textarea {
    resize: vertical;
  }
  [aria-invalid='true']:not([type='radio'], [type='checkbox']) {
    border: 2px solid var(--_error);
  }
  .choices {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5em 1.5em;
  }
  /* The label is the radio's or checkbox's touch target: 24 px high at least (WCAG 2.5.8). */
  .choice {
    display: inline-flex;
    align-items: flex-start;
    gap: 0.5em;
    font-weight: 400;
    min-block-size: 24px;
    padding-block: 0.1em;
  }
  .choice input {
    inline-size: 1.2em;
    block-size: 1.2em;
    margin: 0.1em 0 0;
    flex: none;
  }

  .field-error {
    display: flex;
    gap: 0.35em;
    align-items: flex-start;
    color: var(--_error);
    font-weight: 600;
    font-size: 0.95em;
  }
  .icon {
    inline-size: 1.2em;
    block-size: 1.2em;
    flex: none;
  }

  .summary,
  .submit-error {
    border: 2px solid var(--_error);
    border-radius: var(--_radius);
    padding: 0.75em 1em;
  }
  .summary:focus-visible,
  .submit-error:focus-visible,
  .summary:focus,
  .submit-error:focus {
    outline: 3px solid var(--_focus-ring);
    outline-offset: 2px;
  }
  .summary h3 {
    font-size: 1em;
    color: var(--_error);
  }
  .summary ul {
    margin: 0.4em 0 0;
    padding-inline-start: 1.2em;
  }
  .summary a {
    color: var(--_error);
    font-weight: 600;
  }
  .submit-error {
    display: flex;
    gap: 0.6em;
  }
  .submit-error .icon {
    color: var(--_error);
  }
  .submit-error div {
    display: grid;
    gap: 0.3em;
  }
  .detail {
    color: var(--_text-muted);
    font-size: 0.85em;
  }
  .notice {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: 0.5em 1em;
    padding: 0.5em 0.75em;
    background: var(--_surface-raised);
    border-radius: var(--_radius);
  }

  .conflict:empty {
    display: none;
  }
  .conflict {
    display: flex;
    gap: 0.5em;
    align-items: flex-start;
    margin-block-start: 0.75em;
    padding: 0.6em 0.8em;
    border-inline-start: 4px solid var(--_warning);
    background: var(--_surface-raised);
    border-radius: var(--_radius);
  }
  .conflict .icon {
    color: var(--_warning);
  }

  .lines {
    list-style: none;
    margin: 0 0 0.75em;
    padding: 0;
    display: grid;
    grid-template-columns: minmax(0, 1fr);
    gap: 0.75em;
  }
  .line__fields {
    border: 0;
    margin: 0;
    padding: 0;
    min-inline-size: 0;
    display: grid;
    grid-template-columns: minmax(0, 1fr) 7em auto;
    gap: 0.5em 0.75em;
    align-items: start;
  }
  .line__remove {
    margin-block-start: 1.6em;
  }
  /* The form's own width decides, not the window's: product, quantity and Remove stack in a narrow box. */
  @container (max-width: 32rem) {
    .line__fields {
      grid-template-columns: minmax(0, 1fr);
    }
    .line__remove {
      margin-block-start: 0;
      justify-self: start;
    }
  }

  button.secondary {
    background: transparent;
    color: var(--_accent);
  }
  button:disabled {
    cursor: progress;
    opacity: 0.7;
  }
  .actions {
    display: flex;
    justify-content: flex-start;
  }
  .submit {
    padding: 0.6em 1.5em;
    font-weight: 600;
  }

  /* The form's reserved height is for loading; the success view is as tall as what it says, with no empty half box. */
  .success {
    display: grid;
    align-content: start;
    gap: 1em;
    min-block-size: 0;
  }
  .success .actions {
    flex-wrap: wrap;
    gap: 0.5em;
  }
  .success .heading .icon {
    color: var(--_success);
    inline-size: 1.5em;
    block-size: 1.5em;
  }
  .result {
    display: grid;
    grid-template-columns: max-content 1fr;
    gap: 0.35em 1em;
    margin: 0;
  }
  .result dt {
    color: var(--_text-muted);
  }
  .result dd {
    margin: 0;
    font-weight: 600;
  }
  .success button {
    justify-self: start;
  }
`;
