// Status icons shared by the widgets. Decorative (aria-hidden): the status is always also written in words. An icon
// that few widgets show lives with them (the badge's shield, `lock-icon.ts`), so not every page loads it.
import { svg, type SVGTemplateResult } from 'lit';

export function icon(name: string, body: SVGTemplateResult): SVGTemplateResult {
  return svg`<svg class="icon icon--${name}" viewBox="0 0 24 24" aria-hidden="true" focusable="false" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round">${body}</svg>`;
}

export const icons = {
  /** Met, verified. */
  check: icon('check', svg`<circle cx="12" cy="12" r="9" /><path d="m7.5 12.5 3 3 6-6.5" />`),
  /** Not met yet. */
  open: icon('open', svg`<circle cx="12" cy="12" r="9" stroke-dasharray="3 2.6" />`),
  /** Coming (announced), expired. */
  clock: icon('clock', svg`<circle cx="12" cy="12" r="9" /><path d="M12 7v5l3 2" />`),
  /** Unverified, error. */
  warning: icon('warning', svg`<path d="M12 3 2.5 20h19Z" /><path d="M12 9.5v5" /><path d="M12 17.5v.01" />`),
  /** Nothing to show. */
  empty: icon('empty', svg`<rect x="3.5" y="5" width="17" height="14" rx="2" /><path d="M3.5 13h5l1.5 2h4l1.5-2h5" />`),
};
