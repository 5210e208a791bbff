import { css } from 'lit';

export default css`
  :host {
    --_list-surface: var(--partner-deal-list-surface, var(--_surface));
    --_list-border: var(--partner-deal-list-border-color, var(--_border));
    --_row-border: var(--partner-deal-list-row-border-color, var(--_border));
    --_header-background: var(--partner-deal-list-header-background, var(--_surface-raised));
    display: block;
    max-inline-size: var(--partner-deal-list-max-width, 60rem);
  }

  /* Loading and loaded share this box; the skeleton reserves the toolbar and the first rows. */
  [part~='base'] {
    min-block-size: 16rem;
    padding: var(--_space);
    border: 1px solid var(--_list-border);
    border-radius: var(--_radius);
    background: var(--_list-surface);
  }
  .state--loading .skeleton {
    block-size: 1.6em;
    margin-block: 0.35em;
  }

  h2,
  p {
    margin: 0;
  }
  .toolbar {
    display: flex;
    flex-wrap: wrap;
    justify-content: space-between;
    align-items: end;
    gap: 0.75em 1.5em;
  }
  .heading {
    font-size: 1.25em;
    font-weight: 700;
  }
  .filter {
    display: flex;
    align-items: center;
    gap: 0.5em;
  }
  .filter label {
    font-weight: 600;
  }
  select {
    font: inherit;
    color: var(--_text);
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: 0.3em 0.45em;
  }
  .count {
    margin-block: 0.5em;
    color: var(--_text-muted);
    font-size: 0.9em;
  }
  [aria-busy='true'] .table-wrap {
    opacity: 0.6;
  }

  .table-wrap {
    overflow-x: auto;
  }
  table {
    inline-size: 100%;
    border-collapse: collapse;
  }
  th,
  td {
    text-align: start;
    vertical-align: top;
    padding: 0.5em 0.6em;
    border-block-end: 1px solid var(--_row-border);
  }
  thead th {
    background: var(--_header-background);
    font-size: 0.9em;
    white-space: nowrap;
  }
  tbody th {
    font-weight: 600;
  }
  .number {
    text-align: end;
    white-space: nowrap;
  }
  .customer,
  .muted {
    display: block;
  }
  .muted {
    color: var(--_text-muted);
    font-size: 0.85em;
    font-weight: 400;
  }
  .status {
    display: inline-flex;
    align-items: center;
    gap: 0.35em;
    white-space: nowrap;
  }
  .icon {
    inline-size: 1.1em;
    block-size: 1.1em;
    flex: none;
  }
  .status--approved .icon,
  .status--won .icon {
    color: var(--_success);
  }
  .status--submitted .icon,
  .status--under_review .icon {
    color: var(--_warning);
  }
  .status--rejected .icon {
    color: var(--_danger);
  }
  .status--lost .icon,
  .status--expired .icon,
  .status--withdrawn .icon {
    color: var(--_text-muted);
  }

  .load-more {
    margin-block-start: 0.75em;
  }
  .load-more[aria-disabled='true'] {
    cursor: progress;
    opacity: 0.7;
  }
  .load-more-error {
    display: flex;
    gap: 0.4em;
    margin-block-start: 0.75em;
    color: var(--_danger);
  }
`;
