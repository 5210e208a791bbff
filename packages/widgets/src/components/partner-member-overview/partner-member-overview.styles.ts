import { css } from 'lit';

export default css`
  :host {
    --_overview-surface: var(--partner-member-overview-surface, var(--_surface));
    --_overview-border: var(--partner-member-overview-border-color, var(--_border));
    --_overview-bar: var(--partner-member-overview-bar-color, var(--_accent));
    --_overview-selected: var(--partner-member-overview-row-selected, var(--_surface-raised));
    --_list-height: var(--partner-member-overview-list-height, 28rem);
    --_row-height: 3.5rem;
    display: block;
    container-type: inline-size;
  }

  /* The skeleton reserves the height of the summary, the toolbar and the list, so nothing jumps when data arrives. */
  [part~='base'] {
    min-block-size: 48rem;
    padding: var(--_space);
    border: 1px solid var(--_overview-border);
    border-radius: var(--_radius);
    background: var(--_overview-surface);
  }
  /* A state inside the member list (loading, empty, error) fills the list's box instead. */
  .members [part~='base'] {
    min-block-size: calc(var(--_list-height) + 2.5rem);
    border: 0;
    padding: 0;
  }
  .state--loading .skeleton {
    block-size: 1.5em;
    margin-block: 0.5em;
  }

  h2,
  h3,
  p,
  figure {
    margin: 0;
  }
  .heading {
    font-size: 1.25em;
    font-weight: 700;
  }
  .subheading {
    font-size: 1.05em;
    font-weight: 700;
  }
  .muted,
  .card__note,
  .card__detail,
  .cell__note {
    color: var(--_text-muted);
  }
  .error-text {
    color: var(--_danger);
  }
  .icon {
    width: 1.1em;
    height: 1.1em;
    flex: none;
  }

  button.secondary,
  .link-button {
    background: transparent;
    color: var(--_accent);
  }
  .link-button {
    border: 0;
    padding: 0;
    text-align: start;
    text-decoration: underline;
  }

  /* ---- Summary ---- */
  .summary {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(min(15rem, 100%), 1fr));
    gap: var(--_space);
    margin-block: 1em 1.5em;
  }
  .card {
    padding: 0.75em;
    border: 1px solid var(--_overview-border);
    border-radius: var(--_radius);
    display: grid;
    grid-template-columns: minmax(0, 1fr);
    gap: 0.4em;
    align-content: start;
  }
  .card__heading {
    display: flex;
    align-items: center;
    gap: 0.4em;
    font-size: 1em;
    font-weight: 700;
  }
  .card__lead {
    font-weight: 600;
  }
  .card__note,
  .card__detail {
    font-size: 0.85em;
  }
  .card__list {
    margin: 0;
    padding: 0;
    list-style: none;
    display: grid;
    gap: 0.35em;
  }
  .card__list li {
    display: grid;
  }
  .card table {
    border-collapse: collapse;
    inline-size: 100%;
    font-size: 0.9em;
  }
  .card th,
  .card td {
    text-align: start;
    padding: 0.2em 0.4em;
    border-block-end: 1px solid var(--_overview-border);
  }
  /* On a phone the table fits by breaking what can break: column names between words, a row's name anywhere if it must;
     numbers and amounts stay whole. */
  .card th[scope='col'] {
    overflow-wrap: normal;
  }
  .card td {
    white-space: nowrap;
  }
  /* Narrower still (280 px, or large text): everything may break, rather than stick out of the card. */
  @container (max-width: 22rem) {
    .card th[scope='col'],
    .card td {
      overflow-wrap: anywhere;
      white-space: normal;
    }
  }
  .card .number {
    text-align: end;
    font-variant-numeric: tabular-nums;
  }
  .card__table summary {
    cursor: pointer;
    color: var(--_accent);
    font-size: 0.9em;
  }

  .tier-chart {
    margin: 0;
    padding: 0;
    list-style: none;
    display: grid;
    gap: 0.35em;
  }
  .tier-bar {
    display: grid;
    grid-template-columns: minmax(0, 7em) minmax(0, 1fr) auto;
    align-items: center;
    gap: 0.5em;
  }
  .tier-bar__name {
    display: flex;
    align-items: center;
    gap: 0.35em;
  }
  /* The fill is an SVG rect sized by its width attribute: no style attribute, so a strict CSP holds. */
  .tier-bar__bar {
    display: block;
    inline-size: 100%;
    block-size: 0.9em;
  }
  .tier-bar__fill {
    fill: var(--_overview-bar);
  }
  .tier-bar__count {
    font-variant-numeric: tabular-nums;
    font-weight: 600;
    min-inline-size: 3em;
    text-align: end;
  }

  /* ---- When protection ends ---- */
  .forecast {
    grid-column: 1 / -1;
  }
  .forecast__legend {
    margin: 0;
    padding: 0;
    list-style: none;
    display: flex;
    flex-wrap: wrap;
    gap: 0.25em 1em;
    font-size: 0.9em;
  }
  .forecast__legend li {
    display: flex;
    align-items: center;
    gap: 0.3em;
  }
  .forecast__swatch {
    inline-size: 1.6em;
    block-size: 1em;
    flex: none;
  }
  .forecast__bars {
    margin: 0;
    padding: 0;
    list-style: none;
    display: grid;
    gap: 0.35em;
  }
  .forecast__row {
    display: grid;
    grid-template-columns: minmax(0, 10em) minmax(0, 1fr);
    align-items: center;
    gap: 0.5em;
  }
  /* Bars are SVG shapes sized by attributes: no style attribute, so a strict CSP holds. */
  .forecast__bar {
    display: block;
    inline-size: 100%;
    block-size: 1.1em;
  }
  .forecast__segment rect {
    stroke: var(--_overview-surface);
    stroke-width: 0.3;
    vector-effect: non-scaling-stroke;
  }
  .forecast__segment--register rect {
    fill: var(--_tier-register);
  }
  .forecast__segment--silver rect {
    fill: var(--_tier-silver);
  }
  .forecast__segment--gold rect {
    fill: var(--_tier-gold);
  }
  .forecast__segment--platinum rect {
    fill: var(--_tier-platinum);
  }
  .forecast__hatch {
    stroke: var(--_overview-surface);
    stroke-width: 1.5;
    vector-effect: non-scaling-stroke;
  }
  /* The table's eight columns do not fit: each day becomes a block of "label value" lines. */
  @container (max-width: 48rem) {
    .forecast__table thead {
      display: none;
    }
    .forecast__table,
    .forecast__table tbody,
    .forecast__table tr,
    .forecast__table th,
    .forecast__table td {
      display: block;
    }
    .forecast__table tr {
      padding-block: 0.3em;
      border-block-end: 1px solid var(--_overview-border);
    }
    .forecast__table th,
    .forecast__table td {
      border: 0;
    }
    .forecast__table td {
      display: flex;
      justify-content: space-between;
      gap: 1em;
      white-space: normal;
    }
    .forecast__table td::before {
      content: attr(data-label);
      text-align: start;
      font-weight: 400;
    }
  }
  @container (max-width: 22rem) {
    .forecast__row {
      grid-template-columns: minmax(0, 1fr);
      gap: 0.1em;
    }
  }

  /* ---- Members ---- */
  .layout {
    display: grid;
    gap: var(--_space);
  }
  @container (min-width: 70rem) {
    .layout--detail {
      grid-template-columns: minmax(0, 3fr) minmax(0, 2fr);
      align-items: start;
    }
  }
  .members {
    display: grid;
    grid-template-columns: minmax(0, 1fr);
    gap: 0.6em;
    min-inline-size: 0;
  }
  .toolbar {
    display: flex;
    flex-wrap: wrap;
    gap: 0.6em 1em;
    align-items: end;
  }
  .field {
    display: grid;
    grid-template-columns: minmax(0, 1fr);
    gap: 0.2em;
    font-size: 0.9em;
  }
  .field--search {
    flex: 1 1 14rem;
  }
  .field input,
  .field select {
    max-inline-size: 100%;
    min-block-size: 24px;
    font: inherit;
    padding: 0.35em 0.5em;
    border: 1px solid var(--_overview-border);
    border-radius: var(--_radius);
    background: var(--_surface);
    color: var(--_text);
  }
  .toolbar__export {
    display: grid;
    gap: 0.2em;
    justify-items: start;
  }
  .export-status {
    font-size: 0.85em;
    min-block-size: 1.2em;
  }
  .count {
    min-block-size: 1.4em;
    color: var(--_text-muted);
  }

  .grid {
    border: 1px solid var(--_overview-border);
    border-radius: var(--_radius);
    overflow: hidden;
  }
  .grid[aria-busy='true'] .grid__body {
    opacity: 0.6;
  }
  .row {
    display: grid;
    grid-template-columns: minmax(8rem, 2fr) minmax(7rem, 1.2fr) minmax(6rem, 1fr) minmax(9rem, 1.6fr) minmax(7rem, 1fr);
    align-items: center;
    inline-size: 100%;
    border-block-end: 1px solid var(--_overview-border);
  }
  /* Every member row has the same height: the list computes where a row is instead of measuring each. The height is
     one per layout (3.5rem; 7rem in a narrow box, where a row has two lines); when a rendered row's text needs more (200 % text, wider text
     spacing, a long name), the windowed-rows controller gives all rows the tallest one's height. */
  .grid__body .row {
    block-size: var(--_row-height);
    overflow: hidden;
  }
  .row--head {
    background: var(--_surface-raised);
    font-weight: 700;
    font-size: 0.9em;
  }
  .grid__head {
    /* Keeps the header's columns over the body's, whose scrollbar takes a gutter. */
    overflow: hidden;
    scrollbar-gutter: stable;
  }
  .grid__body {
    block-size: var(--_list-height);
    overflow-y: auto;
    /* Rows come and go at the edges while scrolling; the browser must not shift the scroll position for them. */
    overflow-anchor: none;
    scrollbar-gutter: stable;
  }
  /* The space of the rows above the rendered ones, and the height of all loaded rows (both set by the component). */
  .grid__body {
    position: relative;
  }
  .grid__body::before {
    content: '';
    display: block;
    block-size: var(--_rows-before, 0);
  }
  .grid__body::after {
    content: '';
    position: absolute;
    inset-block-start: 0;
    inline-size: 1px;
    block-size: var(--_rows-total, 0);
  }
  .cell {
    padding: 0.3em 0.6em;
    min-inline-size: 0;
    overflow-wrap: anywhere;
  }
  .row:not(.row--head) {
    cursor: pointer;
  }
  .row:not(.row--head):hover {
    background: var(--_overview-selected);
  }
  .row--selected {
    background: var(--_overview-selected);
    box-shadow: inset 4px 0 0 var(--_accent);
  }
  .row:focus-visible {
    outline-offset: -3px;
  }
  .cell--name {
    font-weight: 600;
  }
  .cell--tier {
    display: grid;
    gap: 0.1em;
  }
  .tier,
  .cell__note {
    display: flex;
    align-items: center;
    gap: 0.3em;
  }
  .cell__note,
  .cell--progress {
    font-size: 0.85em;
  }
  .sort-button {
    min-block-size: 24px;
    background: transparent;
    color: inherit;
    border: 0;
    padding: 0;
    font-weight: inherit;
    text-align: start;
    display: inline-flex;
    gap: 0.3em;
    align-items: center;
  }
  .sort-indicator {
    font-size: 0.75em;
  }
  .more {
    display: flex;
    gap: 0.6em;
    align-items: center;
    font-size: 0.9em;
  }

  /* Narrow containers (a phone, a sidebar): one summary card per line, and each member a two-line row (the name, then
     tier and progress); country and protection are in the member's detail. The rows are taller then, and all of one
     height still: the list measures a rendered row and windows with that height. */
  @container (max-width: 40rem) {
    /* On the grid, not :host: a container query styles the container's descendants only. */
    .grid {
      --_row-height: 7rem;
    }
    /* Too narrow for a mark on every header: the toolbar's sort control says what the list can be sorted by. */
    .sort-indicator--sortable {
      display: none;
    }
    .summary {
      grid-template-columns: minmax(0, 1fr);
    }
    .row {
      grid-template-columns: minmax(0, 1fr) minmax(0, 1fr);
      grid-template-areas: 'name name' 'tier progress';
      align-items: start;
      /* Content that needs more than the row overflows downwards, where scrollHeight sees it (centred, it would
         overflow upwards by half, unmeasured). */
      align-content: start;
      padding-block: 0.35em;
    }
    .cell--name {
      grid-area: name;
    }
    .cell--tier {
      grid-area: tier;
    }
    .cell--progress {
      grid-area: progress;
    }
    .cell {
      overflow-wrap: break-word;
    }
    .row--head {
      grid-template-areas: 'name tier' 'progress progress';
    }
    .cell--country,
    .cell--protectedUntil {
      display: none;
    }
  }

  /* ---- Detail ---- */
  .detail {
    display: grid;
    gap: 0.6em;
    padding: 0.75em;
    border: 1px solid var(--_overview-border);
    border-radius: var(--_radius);
  }
  .detail__head {
    display: flex;
    flex-wrap: wrap;
    justify-content: space-between;
    align-items: center;
    gap: 0.6em;
  }
`;
