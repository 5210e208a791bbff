import { css } from 'lit';

export default css`
  :host {
    display: block;
    container-type: inline-size;
  }

  [part~='base'] {
    display: grid;
    gap: var(--_space);
    padding: var(--_space);
    border: 1px solid var(--partner-badge-snippet-border-color, var(--_border));
    border-radius: var(--_radius);
    background: var(--partner-badge-snippet-surface, var(--_surface));
  }
  .state {
    min-block-size: 12rem;
  }

  /* Side by side from 44 rem of the widget's own width: the key and websites left, the code right. */
  @container (min-width: 44rem) {
    [part~='base'].snippet {
      grid-template-columns: minmax(0, 2fr) minmax(0, 3fr);
      align-items: start;
    }
  }

  h3,
  h4 {
    margin: 0 0 0.4em;
    font-size: 1em;
  }
  p {
    margin: 0 0 0.5em;
  }
  .muted {
    color: var(--_text-muted);
    font-size: 0.9em;
  }
  section {
    display: grid;
    gap: 0.75em;
    align-content: start;
  }

  [part='key'] {
    display: block;
    padding: 0.4em 0.6em;
    border-radius: var(--_radius);
    background: var(--_surface-raised);
    font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace;
    font-size: 0.9em;
  }

  [part='websites'] {
    margin: 0;
    padding-inline-start: 1.2em;
  }

  form {
    display: grid;
    gap: 0.35em;
  }
  .field-row {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5em;
  }
  label {
    font-weight: 600;
  }
  input,
  textarea {
    font: inherit;
    color: var(--_text);
    background: var(--_surface);
    border: 1px solid var(--_text-muted);
    border-radius: var(--_radius);
    padding: 0.4em 0.6em;
  }
  input {
    flex: 1 1 12rem;
    min-inline-size: 0;
    min-block-size: 24px;
  }
  input[aria-invalid='true'] {
    border-color: var(--_danger);
  }
  textarea {
    inline-size: 100%;
    resize: vertical;
    font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace;
    font-size: 0.85em;
    line-height: 1.45;
    background: var(--_surface-raised);
  }
  .error {
    color: var(--_danger);
    margin: 0;
  }
  .copy-row {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5em;
  }
  [part~='copy-status'] {
    color: var(--_success);
    font-size: 0.9em;
  }
  [part~='copy-status'].failed {
    color: var(--_warning);
  }
  [part='preview'] {
    margin: 0;
    display: grid;
    gap: 0.35em;
    justify-items: start;
  }
  [part='preview'] img {
    max-inline-size: 100%;
    block-size: auto;
  }
  figcaption {
    font-size: 0.9em;
    color: var(--_text-muted);
  }
`;
