// The badge as a static, accessible SVG with the live badge's design and words (see the widgets' <partner-tier-badge>):
// tier as text and as a shape (not colour alone), the partner, "Verified by Poly" and when it was checked; every text
// XML-escaped, long names wrapped rather than cut.
import type { Tier } from '@poly-partner/contract';

export type BadgeLanguage = 'en' | 'de';

/** The badge's words, the same as the widget's messages (packages/widgets/xliff/de.xlf). */
export const BADGE_WORDS: Record<BadgeLanguage, {
  tierPartner: (tier: string) => string;
  verified: string;
  sandbox: string;
  checked: (date: string) => string;
  tiers: Record<Tier, string>;
}> = {
  en: {
    tierPartner: (tier) => `Partner · ${tier}`,
    verified: 'Verified by Poly',
    sandbox: 'Sandbox badge, not issued by Poly',
    checked: (date) => `checked ${date}`,
    tiers: { register: 'Register', silver: 'Silver', gold: 'Gold', platinum: 'Platinum' },
  },
  de: {
    tierPartner: (tier) => `${tier}-Partner`,
    verified: 'Von Poly bestätigt',
    sandbox: 'Sandbox-Abzeichen, nicht von Poly ausgestellt',
    checked: (date) => `geprüft am ${date}`,
    tiers: { register: 'Register', silver: 'Silver', gold: 'Gold', platinum: 'Platinum' },
  },
};

/** `?lang=` when it names a language we have, else the best of `Accept-Language` (by q), else English. */
export function badgeLanguage(query: string | undefined, acceptLanguage: string | undefined): BadgeLanguage {
  if (query === 'de' || query === 'en') return query;
  let best: BadgeLanguage = 'en';
  let bestQ = 0;
  for (const part of (acceptLanguage ?? '').split(',')) {
    const [range, ...params] = part.trim().toLowerCase().split(';');
    const q = Number(params.find((param) => param.trim().startsWith('q='))?.trim().slice(2) ?? 1);
    const language = range?.split('-')[0];
    if ((language === 'de' || language === 'en') && q > bestQ) [best, bestQ] = [language, q];
  }
  return best;
}

/** The day as the widget writes it (`Intl`, medium date style). */
export function formatDay(date: Date, language: BadgeLanguage): string {
  return new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeZone: 'UTC' }).format(date);
}

// Tier shapes in the widget's colours, dark enough on white for a graphic (3:1 and more); the tier is also in text.
const TIER_COLOUR: Record<Tier, string> = { register: '#5b6770', silver: '#56616c', gold: '#7a5a12', platinum: '#3d4f7c' };
const TIER_SHAPE: Record<Tier, string> = {
  register: '<circle cx="12" cy="12" r="8"/>',
  silver: '<path d="M12 2.5 21.5 12 12 21.5 2.5 12Z"/>',
  gold: '<path d="M12 2.2l2.9 6.2 6.8.8-5 4.7 1.3 6.7L12 17.3l-6 3.3 1.3-6.7-5-4.7 6.8-.8Z"/>',
  platinum: '<path d="M2.5 7.5l5 4.5L12 4l4.5 8 5-4.5-2 11h-15Z"/>',
};

export function escapeXml(text: string): string {
  // Characters XML 1.0 cannot carry at all are dropped; the rest is escaped.
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '').replace(/[<>&"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

/** Breaks `text` into lines of at most `width` characters, at spaces where it can: SVG text does not wrap itself. */
export function wrapText(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    for (let rest = word; rest; ) {
      const room = line ? width - line.length - 1 : width;
      if (rest.length <= room) {
        line = line ? `${line} ${rest}` : rest;
        rest = '';
      } else if (line) {
        lines.push(line);
        line = '';
      } else {
        lines.push(rest.slice(0, width));
        rest = rest.slice(width);
      }
    }
  }
  if (line) lines.push(line);
  return lines;
}

const WIDTH = 320;
const NAME_CHARS = 38;

export interface BadgeSvgInput {
  name: string;
  tier: Tier;
  /** The moment the badge was issued: what "checked" says. */
  checkedAt: Date;
  language: BadgeLanguage;
  /** The verification page the badge links to. */
  verifyUrl: string;
  /** The sandbox's badges say so instead of "Verified by Poly". */
  sandbox: boolean;
}

export function renderBadgeSvg(input: BadgeSvgInput): string {
  const words = BADGE_WORDS[input.language];
  const label = words.tierPartner(words.tiers[input.tier]);
  const status = input.sandbox ? words.sandbox : words.verified;
  const checked = words.checked(formatDay(input.checkedAt, input.language));
  const nameLines = wrapText(input.name, NAME_CHARS);
  const height = 58 + nameLines.length * 17 + (input.sandbox ? 17 : 0);
  const title = escapeXml(`${input.name}: ${label}, ${status}, ${checked}`);
  const font = 'font-family="system-ui, Arial, Helvetica, sans-serif"';
  const statusY = 42 + nameLines.length * 17;
  const statusColour = input.sandbox ? '#8a4b00' : '#1a6b32';
  // The sandbox's longer status gets a line of its own for "checked …", so neither is cut off.
  const statusText = input.sandbox
    ? `<text x="16" y="${statusY}" ${font} font-size="12" fill="${statusColour}">${escapeXml(status)}</text>
<text x="16" y="${statusY + 17}" ${font} font-size="12" fill="#4a525c">${escapeXml(checked)}</text>`
    : `<text x="16" y="${statusY}" ${font} font-size="12"><tspan fill="${statusColour}" font-weight="700">${escapeXml(status)}</tspan><tspan fill="#4a525c"> · ${escapeXml(checked)}</tspan></text>`;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${height}" viewBox="0 0 ${WIDTH} ${height}" role="img" aria-labelledby="badge-title" lang="${input.language}">
<title id="badge-title">${title}</title>
<a href="${escapeXml(input.verifyUrl)}" target="_blank">
<rect x="0.5" y="0.5" width="${WIDTH - 1}" height="${height - 1}" rx="8" fill="#ffffff" stroke="#c4cad2"/>
<g data-tier="${input.tier}" transform="translate(14 8)" fill="${TIER_COLOUR[input.tier]}">${TIER_SHAPE[input.tier]}</g>
<text x="44" y="25" ${font} font-size="15" font-weight="700" fill="#1b1f24">${escapeXml(label)}</text>
${nameLines.map((line, index) => `<text x="16" y="${46 + index * 17 - 4}" ${font} font-size="13" fill="#1b1f24" data-part="name">${escapeXml(line)}</text>`).join('\n')}
${statusText}
</a>
</svg>`;
}
