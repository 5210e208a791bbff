import { css } from 'lit';

export default css`
  :host {
    --_badge-surface: var(--partner-tier-badge-surface, var(--_surface));
    --_badge-border: var(--partner-tier-badge-border-color, var(--_border));
    --_badge-radius: var(--partner-tier-badge-radius, var(--_radius));
    --_width: 17rem;
    --_height: 7.25rem;
    display: inline-block;
    vertical-align: middle;
  }
  :host([size='small']) {
    --_width: 12rem;
    --_height: 5.75rem;
    font-size: 0.8125rem;
  }
  :host([size='large']) {
    --_width: 24rem;
    --_height: 8.75rem;
    font-size: 1.125rem;
  }

  /* One fixed box per size, the same while loading and when loaded: no layout shift. */
  [part~='base'] {
    display: flex;
    flex-direction: column;
    justify-content: center;
    gap: 0.15em;
    inline-size: var(--_width);
    block-size: var(--_height);
    padding: 0.5em 0.85em;
    overflow: hidden;
    border: 1px solid var(--_badge-border);
    border-radius: var(--_badge-radius);
    background: var(--_badge-surface);
    color: var(--_text);
    text-decoration: none;
  }
  /* An error must stay readable and its Retry reachable, even in the small badge. */
  [part~='error'] {
    block-size: auto;
    min-block-size: var(--_height);
    font-size: 0.875em;
  }
  a[part~='base']:hover {
    border-color: var(--_accent);
  }

  .tier {
    display: flex;
    align-items: center;
    gap: 0.4em;
    font-weight: 700;
    font-size: 1.05em;
  }
  /* The box never has to grow: the name gets two lines, the others one; what is longer ends in an ellipsis
     (the full name is in the title). */
  .tier,
  .name,
  [part~='status'] {
    min-inline-size: 0;
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
  }
  .name {
    display: -webkit-box;
    -webkit-box-orient: vertical;
    -webkit-line-clamp: 2;
    line-clamp: 2;
    white-space: normal;
    line-height: 1.25;
  }
  [part~='status'] {
    display: flex;
    align-items: center;
    gap: 0.35em;
    font-size: 0.85em;
  }
  .status__detail {
    overflow: hidden;
    text-overflow: ellipsis;
  }
  [part~='status'] .icon {
    width: 1.2em;
    height: 1.2em;
    flex: none;
  }
  .status--verified {
    color: var(--_success);
  }
  .status--expired {
    color: var(--_warning);
  }
  .status--unverified {
    color: var(--_danger);
  }
  .status__detail {
    color: var(--_text-muted);
  }
  :host([size='small']) .status__detail {
    display: none;
  }
`;
