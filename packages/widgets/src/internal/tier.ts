// How a tier is shown: its localized name and a distinct SHAPE per tier (never colour alone), as inline SVG.
import type { Tier } from '@poly-partner/contract';
import { css, svg, type SVGTemplateResult } from 'lit';
import { msg } from '../localization/localization.js';

/** The tier's name in the language being rendered. */
export function tierName(tier: Tier): string {
  switch (tier) {
    case 'register':
      return msg('Register', { id: 'tier.register' });
    case 'silver':
      return msg('Silver', { id: 'tier.silver' });
    case 'gold':
      return msg('Gold', { id: 'tier.gold' });
    case 'platinum':
      return msg('Platinum', { id: 'tier.platinum' });
  }
}

// Register: a circle; Silver: a diamond; Gold: a star; Platinum: a crown.
const shapes: Record<Tier, SVGTemplateResult> = {
  register: svg`<circle cx="12" cy="12" r="8" />`,
  silver: svg`<path d="M12 2.5 21.5 12 12 21.5 2.5 12Z" />`,
  gold: svg`<path d="M12 2.2l2.9 6.2 6.8.8-5 4.7 1.3 6.7L12 17.3l-6 3.3 1.3-6.7-5-4.7 6.8-.8Z" />`,
  platinum: svg`<path d="M2.5 7.5l5 4.5L12 4l4.5 8 5-4.5-2 11h-15Z" />`,
};

/** The tier's icon, decorative: always render the tier name as text beside it. */
export function tierIcon(tier: Tier): SVGTemplateResult {
  return svg`<svg class="tier-icon tier-icon--${tier}" part="tier-icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">${shapes[tier]}</svg>`;
}

export const tierStyles = css`
  .tier-icon {
    width: 1.25em;
    height: 1.25em;
    flex: none;
    stroke-width: 1.5;
    stroke-linejoin: round;
  }
  .tier-icon--register {
    fill: none;
    stroke: var(--_tier-register);
    stroke-width: 2.5;
  }
  .tier-icon--silver {
    fill: var(--_tier-silver);
    stroke: var(--_tier-silver);
  }
  .tier-icon--gold {
    fill: var(--_tier-gold);
    stroke: var(--_tier-gold);
  }
  .tier-icon--platinum {
    fill: var(--_tier-platinum);
    stroke: var(--_tier-platinum);
  }
`;
