// The issuer's verification page of a partner's badge (`GET /verify/{partnerId}`): plain HTML for people, in English
// or German, complete without JavaScript, unframeable, every partner string escaped.
import { createHash } from 'node:crypto';
import { BADGE_LIFETIME_SECONDS, type Tier } from '@poly-partner/contract';
import { BADGE_WORDS, type BadgeLanguage, escapeXml, formatDay } from './badge-svg.js';

const STYLE = `body{margin:0;font:1rem/1.5 system-ui,Arial,sans-serif;color:#1b1f24;background:#f4f5f7}
main{max-width:40rem;margin:2rem auto;padding:1.5rem;background:#fff;border:1px solid #c4cad2;border-radius:8px}
h1{font-size:1.5rem;margin:.25rem 0 1rem;overflow-wrap:anywhere}.issuer{margin:0;color:#4a525c}
dl{display:grid;grid-template-columns:max-content 1fr;gap:.5rem 1rem}dt{font-weight:700}dd{margin:0}
.notice{padding:.75rem;border-left:4px solid #8a4b00;background:#fff4e5}.left{color:#a1241b;font-weight:700}
.active{color:#1a6b32;font-weight:700}li{overflow-wrap:anywhere}a{color:#0b57d0}`;

/** The page's whole CSP: its one stylesheet by hash, nothing else loads, nothing may frame it. */
export const VERIFY_PAGE_CSP = `default-src 'none'; style-src 'sha256-${createHash('sha256').update(STYLE).digest('base64')}'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'`;

export const VERIFY_PAGE_HEADERS: Record<string, string> = {
  'content-type': 'text/html; charset=utf-8',
  'content-security-policy': VERIFY_PAGE_CSP,
  'x-frame-options': 'DENY',
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  // The page states the partner's standing now: never served from a cache.
  'cache-control': 'no-store',
  vary: 'Accept-Language',
};

const TEXT = {
  en: {
    program: 'Poly partner program: badge verification',
    title: (name: string) => `${name}: Poly partner verification`,
    unknownTitle: 'Poly partner verification: no such partner',
    unknown: 'There is no partner with this id in the Poly partner program. A badge that links here is not genuine.',
    sandbox: 'This page is served by the Poly partner sandbox, for development and tests. Its badges are not issued by Poly.',
    tier: 'Partner tier',
    status: 'Status',
    active: 'Member of the Poly partner program',
    left: (date: string) => `Left the program on ${date}. Its badges no longer verify.`,
    validity: 'Badge validity',
    validityText: `A badge is valid for ${BADGE_LIFETIME_SECONDS / 60} minutes after it is issued and is renewed while the partner keeps its tier, so a change of tier or leaving the program shows within ${BADGE_LIFETIME_SECONDS / 60} minutes.`,
    checked: 'Checked',
    websites: 'Websites',
    websitesText: 'The badge is issued for these websites and their subdomains only. A badge shown anywhere else is not genuine.',
    noWebsites: 'No website is registered: no badge of this partner verifies anywhere.',
    switchLabel: 'Language',
    other: { lang: 'de', name: 'Deutsch' },
  },
  de: {
    program: 'Poly-Partnerprogramm: Bestätigung des Abzeichens',
    title: (name: string) => `${name}: Bestätigung als Poly-Partner`,
    unknownTitle: 'Bestätigung als Poly-Partner: Partner nicht gefunden',
    unknown: 'Im Poly-Partnerprogramm gibt es keinen Partner mit dieser Kennung. Ein Abzeichen, das hierher verweist, ist nicht echt.',
    sandbox: 'Diese Seite kommt aus der Poly-Partner-Sandbox, für Entwicklung und Tests. Ihre Abzeichen sind nicht von Poly ausgestellt.',
    tier: 'Partnerstufe',
    status: 'Status',
    active: 'Mitglied im Poly-Partnerprogramm',
    left: (date: string) => `Hat das Programm am ${date} verlassen. Seine Abzeichen gelten nicht mehr.`,
    validity: 'Gültigkeit des Abzeichens',
    validityText: `Ein Abzeichen gilt ${BADGE_LIFETIME_SECONDS / 60} Minuten ab Ausstellung und wird erneuert, solange der Partner seine Stufe hält; eine geänderte Stufe oder ein Austritt zeigt sich also innerhalb von ${BADGE_LIFETIME_SECONDS / 60} Minuten.`,
    checked: 'Geprüft',
    websites: 'Websites',
    websitesText: 'Das Abzeichen ist nur für diese Websites und ihre Subdomains ausgestellt. Ein Abzeichen an anderer Stelle ist nicht echt.',
    noWebsites: 'Keine Website ist eingetragen: Kein Abzeichen dieses Partners gilt irgendwo.',
    switchLabel: 'Sprache',
    other: { lang: 'en', name: 'English' },
  },
} as const;

export interface VerifyPageInput {
  language: BadgeLanguage;
  /** Undefined: no such partner. */
  partner?: { name: string; tier: Tier; websites: readonly string[]; leftAt: string | null };
  now: Date;
  sandbox: boolean;
}

function page(language: BadgeLanguage, title: string, body: string): string {
  const text = TEXT[language];
  return `<!doctype html>
<html lang="${language}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${escapeXml(title)}</title>
<style>${STYLE}</style>
</head>
<body>
<main>
<p class="issuer">${escapeXml(text.program)}</p>
${body}
<nav aria-label="${text.switchLabel}"><a href="?lang=${text.other.lang}" hreflang="${text.other.lang}" lang="${text.other.lang}">${text.other.name}</a></nav>
</main>
</body>
</html>
`;
}

export function renderVerifyPage(input: VerifyPageInput): string {
  const text = TEXT[input.language];
  const sandbox = input.sandbox ? `<p class="notice">${escapeXml(text.sandbox)}</p>` : '';
  const partner = input.partner;
  if (!partner) return page(input.language, text.unknownTitle, `<h1>${escapeXml(text.unknownTitle)}</h1>\n${sandbox}\n<p>${escapeXml(text.unknown)}</p>`);
  const words = BADGE_WORDS[input.language];
  const checked = `${formatDay(input.now, input.language)}, ${input.now.toISOString().slice(11, 16)} UTC`;
  const status = partner.leftAt
    ? `<span class="left">${escapeXml(text.left(formatDay(new Date(partner.leftAt), input.language)))}</span>`
    : `<span class="active">${escapeXml(text.active)}</span>`;
  const websites = partner.websites.length
    ? `<p>${escapeXml(text.websitesText)}</p>\n<ul>${partner.websites.map((site) => `<li>${escapeXml(site)}</li>`).join('')}</ul>`
    : `<p>${escapeXml(text.noWebsites)}</p>`;
  const body = `<h1>${escapeXml(partner.name)}</h1>
${sandbox}
<dl>
<dt>${text.status}</dt><dd>${status}</dd>
${partner.leftAt ? '' : `<dt>${text.tier}</dt><dd>${escapeXml(words.tierPartner(words.tiers[partner.tier]))}</dd>`}
<dt>${text.validity}</dt><dd>${escapeXml(text.validityText)}</dd>
<dt>${text.checked}</dt><dd>${escapeXml(checked)}</dd>
</dl>
<h2>${text.websites}</h2>
${websites}`;
  return page(input.language, text.title(partner.name), body);
}
