import { css } from 'lit';

export default css`
  :host {
    --_list-surface: var(--partner-deal-list-surface, var(--_surface));
    --_list-border: var(--partner-deal-list-border-color, var(--_border));
    --_row-border: var(--partner-deal-list-row-border-color, var(--_border));
    --_header-background: var(--partner-deal-list-header-background, var(--_surface-raised));
    display: block;
    max-inline-size: var(--partner-deal-list-max-width, 60rem);
    /* The list lays itself out from its own width (cards below 48rem), and its content never widens its column. */
    container-type: inline-size;
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
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5em;
  }
  .filter {
    max-inline-size: 100%;
    min-inline-size: 0;
  }
  .filter label {
    font-weight: 600;
  }
  select,
  input[type='search'] {
    font: inherit;
    color: var(--_text);
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: 0.3em 0.45em;
    min-block-size: 24px;
    max-inline-size: 100%;
    min-inline-size: 0;
  }
  .count {
    margin-block: 0.5em;
    color: var(--_text-muted);
    font-size: 0.9em;
  }
  [aria-busy='true'] .table-wrap {
    opacity: 0.6;
  }

  .cell-label {
    display: none;
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
  /* Eight columns: headers wrap rather than widen the table beyond its box. */
  thead th {
    background: var(--_header-background);
    font-size: 0.9em;
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
  /* Narrower than eight columns need: each registration is a card, the customer first, then label and value pairs. */
  @container (max-width: 56rem) {
    .sort-select {
      display: flex;
    }
    thead {
      position: absolute;
      inline-size: 1px;
      block-size: 1px;
      overflow: hidden;
      clip: rect(0 0 0 0);
    }
    table,
    tbody,
    tr,
    th,
    td {
      display: block;
    }
    tbody {
      display: grid;
      grid-template-columns: minmax(0, 1fr);
      gap: 0.75em;
    }
    tr {
      border: 1px solid var(--_row-border);
      border-radius: var(--_radius);
      padding: 0.5em 0.75em;
    }
    th,
    td {
      border: 0;
      padding: 0.15em 0;
    }
    tbody th {
      padding-block-end: 0.35em;
    }
    tbody td {
      display: grid;
      grid-template-columns: minmax(0, 9em) minmax(0, 1fr);
      gap: 0 0.75em;
      align-items: baseline;
    }
    tbody td > :not(.cell-label) {
      grid-column: 2;
    }
    .cell-label {
      display: block;
      color: var(--_text-muted);
      font-size: 0.9em;
    }
    .number {
      text-align: start;
      white-space: normal;
    }
    .status {
      white-space: normal;
    }
  }
  /* A phone or a sidebar: the labels go above their values. */
  @container (max-width: 22rem) {
    tbody td {
      grid-template-columns: minmax(0, 1fr);
    }
    tbody td > :not(.cell-label) {
      grid-column: 1;
    }
  }

  input[type='search'] {
    inline-size: 16em;
  }
  /* The column headers sort the table; in the card layout (no headers) this select does. */
  .sort-select {
    display: none;
  }
  .sort,
  .link {
    background: none;
    border: 0;
    padding: 0;
    color: inherit;
    font-weight: inherit;
    text-align: start;
  }
  .sort {
    display: inline-flex;
    gap: 0.25em;
    align-items: center;
    text-decoration: underline dotted;
  }
  .sort__mark {
    inline-size: 1em;
    font-size: 0.8em;
  }
  .link {
    color: var(--_accent);
    text-decoration: underline;
    font-variant-numeric: tabular-nums;
  }
  .secondary {
    background: var(--_surface);
    color: var(--_accent);
  }
  .row--new {
    background: var(--_surface-raised);
    outline: 2px solid var(--_accent);
    outline-offset: -2px;
  }
  .new-badge {
    display: inline-block;
    margin-inline-start: 0.4em;
    padding: 0 0.4em;
    border-radius: var(--_radius);
    border: 1px solid var(--_accent);
    color: var(--_accent);
    font-size: 0.8em;
  }
  .detail {
    inline-size: min(40rem, calc(100vw - 2rem));
    max-block-size: calc(100vh - 2rem);
    padding: var(--_space);
    border: 1px solid var(--_list-border);
    border-radius: var(--_radius);
    background: var(--_list-surface);
    color: var(--_text);
  }
  /* No dimmed backdrop: the page behind stays legible (and passes contrast checks); a shadow sets the dialog apart. */
  .detail::backdrop {
    background: transparent;
  }
  .detail {
    box-shadow: 0 0.5rem 2rem rgb(0 0 0 / 35%);
  }
  .detail__heading {
    margin: 0 0 0.5em;
    font-size: 1.15em;
  }
  .detail__subheading {
    margin: 1em 0 0.25em;
  }
  .detail__fields {
    display: grid;
    grid-template-columns: minmax(0, max-content) minmax(0, 1fr);
    gap: 0.25em 1em;
    margin: 0;
  }
  .detail__fields dt {
    color: var(--_text-muted);
  }
  .detail__fields dd {
    margin: 0;
    overflow-wrap: anywhere;
  }
  .history {
    margin: 0;
    padding-inline-start: 1.25em;
  }
  .detail__actions,
  .confirm {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5em;
    align-items: center;
    margin-block-start: 1em;
  }
  .confirm p {
    flex-basis: 100%;
  }
  .load-more-error {
    display: flex;
    gap: 0.4em;
    margin-block-start: 0.75em;
    color: var(--_danger);
  }
`;
