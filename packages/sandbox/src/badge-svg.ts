// The badge as a static, accessible SVG: tier as text and as a shape (not colour alone), every text XML-escaped.
import type { Tier } from '@poly-partner/contract';

const TIER_LABEL: Record<Tier, string> = { register: 'Registered', silver: 'Silver', gold: 'Gold', platinum: 'Platinum' };
// Dark enough for white text at small sizes (WCAG AA, 4.5:1 or more); the tier is also in the text and the shape.
const TIER_COLOUR: Record<Tier, string> = { register: '#5b6770', silver: '#56616c', gold: '#7a5a12', platinum: '#3d4f7c' };
/** One shape per tier: circle, one, two or three stars' worth of points, so the tier reads without colour. */
const TIER_SHAPE: Record<Tier, string> = {
  register: '<circle cx="24" cy="24" r="12" fill="none" stroke="#fff" stroke-width="3"/>',
  silver: '<polygon points="24,10 38,24 24,38 10,24" fill="#fff"/>',
  gold: '<polygon points="24,8 28.7,18.5 40,19.6 31.5,27.1 34,38.2 24,32.4 14,38.2 16.5,27.1 8,19.6 19.3,18.5" fill="#fff"/>',
  platinum: '<polygon points="24,6 29,16 40,14 34,24 40,34 29,32 24,42 19,32 8,34 14,24 8,14 19,16" fill="#fff"/>',
};

export function escapeXml(text: string): string {
  // Characters XML 1.0 cannot carry at all are dropped; the rest is escaped.
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '').replace(/[<>&"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

export function renderBadgeSvg(input: { name: string; tier: Tier; validUntil: string }): string {
  const name = input.name.length > 60 ? `${input.name.slice(0, 59)}…` : input.name;
  const label = `Poly ${TIER_LABEL[input.tier]} Partner`;
  const title = escapeXml(`${name}: ${label}, valid until ${input.validUntil}`);
  return `<svg xmlns="http://www.w3.org/2000/svg" width="320" height="48" viewBox="0 0 320 48" role="img" aria-labelledby="badge-title">
<title id="badge-title">${title}</title>
<rect width="320" height="48" rx="6" fill="${TIER_COLOUR[input.tier]}"/>
<g data-tier="${input.tier}">${TIER_SHAPE[input.tier]}</g>
<text x="52" y="21" font-family="Arial, Helvetica, sans-serif" font-size="14" font-weight="700" fill="#fff">${escapeXml(label)}</text>
<text x="52" y="38" font-family="Arial, Helvetica, sans-serif" font-size="12" fill="#fff">${escapeXml(name)}</text>
</svg>`;
}
