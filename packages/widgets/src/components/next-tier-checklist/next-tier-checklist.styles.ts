import { css } from 'lit';

export default css`
  :host {
    --_checklist-surface: var(--partner-next-tier-checklist-surface, var(--_surface));
    --_checklist-border: var(--partner-next-tier-checklist-border-color, var(--_border));
    --_bar-track: var(--partner-next-tier-checklist-bar-track, var(--_skeleton));
    --_bar-fill: var(--partner-next-tier-checklist-bar-fill, var(--_accent));
    --_bar-met: var(--partner-next-tier-checklist-bar-met, var(--_success));
    display: block;
    max-inline-size: var(--partner-next-tier-checklist-max-width, 44rem);
    /* The checklist follows the width it is given: its content never widens the column it sits in, so the
       skeleton and the loaded checklist have one width (a grid column sized by content made them 90 and 600 px). */
    container-type: inline-size;
  }

  /* Loading and loaded share this box; the skeleton reserves the height of the header and the first rows. */
  [part~='base'] {
    min-block-size: 24rem;
    padding: var(--_space);
    border: 1px solid var(--_checklist-border);
    border-radius: var(--_radius);
    background: var(--_checklist-surface);
  }
  .state--loading .skeleton {
    block-size: 1.25em;
    margin-block: 0.4em;
  }

  h2,
  h3,
  p {
    margin: 0;
  }
  .heading {
    font-size: 1.25em;
    font-weight: 700;
  }
  .subheading {
    font-size: 1.05em;
    font-weight: 700;
    display: flex;
    align-items: center;
    gap: 0.4em;
    margin-block: 1.25em 0.5em;
  }

  /* The protected tier's checklist leads, set apart from the next tier's by a rule below it. */
  [part~='keep'] {
    padding-block-end: 0.5em;
    border-block-end: 1px solid var(--_checklist-border);
  }
  [part~='at-stake'] {
    margin-block-end: 0.75em;
  }
  [part~='at-stake'] ul {
    margin: 0.25em 0 0;
    padding-inline-start: 1.25em;
  }

  .pillar {
    font-size: 0.9em;
    font-weight: 600;
    color: var(--_text-muted);
    margin: 0.75em 0 0.25em;
  }

  .checklist__count {
    margin-block-end: 0.75em;
  }

  [part~='tiers'] {
    display: grid;
    grid-template-columns: minmax(0, max-content) minmax(0, 1fr);
    gap: 0.25em 1em;
    margin: 0.75em 0 0;
  }
  [part~='tiers'] dt {
    color: var(--_text-muted);
  }
  [part~='tiers'] dd {
    margin: 0;
    display: flex;
    align-items: center;
    gap: 0.4em;
    font-weight: 600;
  }

  [part~='protection'] {
    display: flex;
    gap: 0.6em;
    align-items: flex-start;
    margin-block-start: 0.75em;
    padding: 0.6em 0.8em;
    border-inline-start: 4px solid var(--_accent);
    background: var(--_surface-raised);
    border-radius: var(--_radius);
  }
  .icon {
    width: 1.25em;
    height: 1.25em;
    flex: none;
  }

  [part~='checklist'] {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    grid-template-columns: minmax(0, 1fr);
    gap: 0.9em;
  }
  /* The status moves under the label when both do not fit on one line (a phone, German). */
  .criterion__head {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.15em 0.5em;
  }
  .criterion__label {
    flex: 1 1 8em;
    min-inline-size: 0;
    font-weight: 600;
  }
  .criterion__status {
    font-size: 0.9em;
  }
  .criterion--met .criterion__head .icon,
  .criterion--met .criterion__status {
    color: var(--_success);
  }
  .criterion--open .criterion__head .icon {
    color: var(--_text-muted);
  }
  .criterion--coming .criterion__head .icon,
  .criterion--coming .criterion__status {
    color: var(--_text-muted);
  }
  .criterion__values,
  .criterion__note {
    color: var(--_text-muted);
    font-size: 0.9em;
    margin-block-start: 0.2em;
  }
  .criterion__gap {
    margin-block-start: 0.2em;
  }

  /* The bar's fill is an SVG rect sized by its width attribute: no style attribute, so a strict CSP holds. */
  .bar {
    display: block;
    inline-size: 100%;
    block-size: 0.5em;
    margin-block-start: 0.35em;
  }
  .bar__track {
    fill: var(--_bar-track);
  }
  .bar__fill {
    fill: var(--_bar-fill);
  }
  .criterion--met .bar__fill {
    fill: var(--_bar-met);
  }

  [part~='actions'] {
    margin: 0.35em 0 0;
    padding-inline-start: 1.2em;
  }

  [part~='what-if'] {
    margin-block-start: 1.5em;
    border-block-start: 1px solid var(--_checklist-border);
    padding-block-start: 0.75em;
  }
  [part~='what-if'] summary {
    cursor: pointer;
    font-weight: 700;
    min-block-size: 24px;
    padding-block: 0.2em;
  }
  .what-if__form {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(min(14rem, 100%), 1fr));
    gap: 0.75em 1em;
    margin-block-start: 0.75em;
  }
  .what-if__field {
    display: grid;
    grid-template-columns: minmax(0, 1fr);
    gap: 0.2em;
    font-size: 0.9em;
  }
  /* Full width of their column, which may be a phone's only one; never wider (an input's default size is 20 characters). */
  .what-if__field input,
  .what-if__field select {
    inline-size: 100%;
    min-inline-size: 0;
    font: inherit;
    padding: 0.3em 0.45em;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    color: var(--_text);
  }
  .what-if__hint {
    color: var(--_text-muted);
    font-size: 0.85em;
  }
  [part~='what-if-result'] {
    display: block;
    margin-block-start: 1em;
    padding: 0.75em;
    background: var(--_surface-raised);
    border-radius: var(--_radius);
  }
  .what-if__tier {
    display: flex;
    align-items: center;
    gap: 0.4em;
    font-weight: 700;
  }
  .what-if__actions {
    margin-block-start: 0.75em;
  }
  .what-if__reset {
    background: transparent;
    color: var(--_accent);
  }
  .error-text {
    color: var(--_danger);
  }

  /* On a phone the loaded checklist is 1,500 px and more (280 px: 2,360): the skeleton keeps more of that room. */
  @container (max-width: 30rem) {
    [part~='base'] {
      min-block-size: 40rem;
    }
  }

  /* A phone or a narrow column: the tier names go under their labels. */
  @container (max-width: 24rem) {
    [part~='tiers'] {
      grid-template-columns: minmax(0, 1fr);
      gap: 0;
    }
    [part~='tiers'] dd + dt {
      margin-block-start: 0.35em;
    }
  }
`;
