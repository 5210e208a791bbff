import { css } from 'lit';

export default css`
  /* The host takes the size's width, never wider than its container, and is the container its layout follows. */
  :host {
    --_badge-surface: var(--partner-tier-badge-surface, var(--_surface));
    --_badge-border: var(--partner-tier-badge-border-color, var(--_border));
    --_badge-radius: var(--partner-tier-badge-radius, var(--_radius));
    --_width: 17rem;
    --_height: 8.25rem;
    /* A definite width (the size's, capped by the container): as a container of its own inline size the host has no
       width from its content, and would collapse to nothing in a flex row. */
    display: block;
    inline-size: var(--_width);
    max-inline-size: 100%;
    container-type: inline-size;
  }
  :host([size='small']) {
    --_width: 12rem;
    --_height: 9rem;
    font-size: 0.8125rem;
  }
  :host([size='large']) {
    --_width: 24rem;
    --_height: 8.5rem;
    font-size: 1.125rem;
  }

  /* The same box loading and loaded (no layout shift); it grows rather than cut off a long name. */
  [part~='base'] {
    display: flex;
    flex-direction: column;
    justify-content: center;
    gap: 0.15em;
    box-sizing: border-box;
    inline-size: 100%;
    min-block-size: var(--_height);
    padding: 0.5em 0.85em;
    border: 1px solid var(--_badge-border);
    border-radius: var(--_badge-radius);
    background: var(--_badge-surface);
    color: var(--_text);
    text-decoration: none;
    overflow-wrap: anywhere;
  }
  [part~='error'] {
    font-size: 0.875em;
  }
  a[part~='base']:hover {
    border-color: var(--_accent);
  }

  .head {
    display: flex;
    align-items: flex-start;
    justify-content: space-between;
    gap: 0.5em;
  }
  .tier {
    display: flex;
    align-items: center;
    gap: 0.4em;
    font-weight: 700;
    font-size: 1.05em;
  }
  .mark {
    display: flex;
    flex: none;
    color: var(--_text-muted);
  }
  .mark .icon,
  ::slotted(*) {
    inline-size: 1.25em;
    block-size: 1.25em;
  }
  .name {
    line-height: 1.25;
  }
  [part~='status'] {
    font-size: 0.85em;
  }
  [part~='status'] .icon {
    width: 1.2em;
    height: 1.2em;
    margin-inline-end: 0.3em;
    vertical-align: middle;
  }
  .status--verified {
    color: var(--_success);
  }
  .status--expired,
  .status--sandbox {
    color: var(--_warning);
  }
  .status--unverified {
    color: var(--_danger);
  }
  .status__detail {
    color: var(--_text-muted);
  }

  /* Compact, for narrow places (below 15rem, or layout="compact"): "checked …" on a line of its own. */
  @container (max-width: 15rem) {
    :host(:not([layout='full'])) .status__detail {
      display: block;
    }
  }
  :host([layout='compact']) .status__detail {
    display: block;
  }
`;
