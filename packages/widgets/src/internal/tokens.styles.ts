// Design tokens every widget shares. Hosts theme the widgets with `--partner-<token>` (all widgets) or
// `--partner-<component>-<token>` (one widget); widgets read the private `--_<token>` set here.
import { css } from 'lit';

export const tokenStyles = css`
  :host {
    --_font: var(--partner-font-family, system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif);
    --_font-size: var(--partner-font-size, 1rem);
    --_radius: var(--partner-radius, 0.5rem);
    --_space: var(--partner-spacing, 1rem);
    --_surface: var(--partner-color-surface, #ffffff);
    --_surface-raised: var(--partner-color-surface-raised, #f5f7fa);
    --_text: var(--partner-color-text, #1b2330);
    --_text-muted: var(--partner-color-text-muted, #556070);
    --_border: var(--partner-color-border, #ccd3dc);
    --_accent: var(--partner-color-accent, #0a58a8);
    --_accent-text: var(--partner-color-accent-text, #ffffff);
    --_success: var(--partner-color-success, #17753a);
    --_warning: var(--partner-color-warning, #8a5300);
    --_danger: var(--partner-color-danger, #b3261e);
    --_skeleton: var(--partner-color-skeleton, #e4e8ee);
    --_focus-ring: var(--partner-color-focus-ring, #0a58a8);
    --_tier-register: var(--partner-color-tier-register, #5b6673);
    --_tier-silver: var(--partner-color-tier-silver, #6b7785);
    --_tier-gold: var(--partner-color-tier-gold, #9a6b00);
    --_tier-platinum: var(--partner-color-tier-platinum, #4b3f99);

    box-sizing: border-box;
    color: var(--_text);
    font-family: var(--_font);
    font-size: var(--_font-size);
    line-height: 1.4;
  }

  /* Dark variant: set variant="dark" on a widget, or theme the --partner-color-* properties yourself. */
  :host([variant='dark']) {
    --_surface: var(--partner-color-surface, #161b22);
    --_surface-raised: var(--partner-color-surface-raised, #1f2630);
    --_text: var(--partner-color-text, #e8edf3);
    --_text-muted: var(--partner-color-text-muted, #a7b3c0);
    --_border: var(--partner-color-border, #3a4553);
    --_accent: var(--partner-color-accent, #79b8ff);
    --_accent-text: var(--partner-color-accent-text, #0d1117);
    --_success: var(--partner-color-success, #5fd38a);
    --_warning: var(--partner-color-warning, #f0b64d);
    --_danger: var(--partner-color-danger, #ff8a80);
    --_skeleton: var(--partner-color-skeleton, #2a323d);
    --_focus-ring: var(--partner-color-focus-ring, #79b8ff);
    --_tier-register: var(--partner-color-tier-register, #b4bfcc);
    --_tier-silver: var(--partner-color-tier-silver, #d0d7e0);
    --_tier-gold: var(--partner-color-tier-gold, #f2c14e);
    --_tier-platinum: var(--partner-color-tier-platinum, #b7adff);
  }

  :host([hidden]) {
    display: none !important;
  }

  /* The box paints its own surface, so it sets its own text colour too: a host page's reset (say
     "* { all: unset }" on a dark page) can override :host, and would otherwise leave light text on our surface. */
  [part~='base'] {
    color: var(--_text);
    /* A long German compound or an e-mail address breaks rather than sticking out of a narrow box (also at 200 %
       text with wider letter spacing); 'anywhere', unlike 'break-word', lets grid and table columns shrink for it. */
    overflow-wrap: anywhere;
  }

  *,
  *::before,
  *::after {
    box-sizing: inherit;
  }

  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    margin: -1px;
    padding: 0;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
    border: 0;
  }

  :focus-visible {
    outline: 2px solid var(--_focus-ring);
    outline-offset: 2px;
  }

  button {
    font: inherit;
    cursor: pointer;
    border-radius: var(--_radius);
    padding: 0.4em 1em;
    border: 1px solid var(--_accent);
    background: var(--_accent);
    color: var(--_accent-text);
    /* Every button is a touch target of 24 x 24 CSS px at least (WCAG 2.5.8), link-styled ones too. */
    min-block-size: 24px;
    min-inline-size: 24px;
  }

  /* A disclosure's summary is a touch target too. */
  summary {
    min-block-size: 24px;
  }

  a {
    color: var(--_accent);
  }
`;
