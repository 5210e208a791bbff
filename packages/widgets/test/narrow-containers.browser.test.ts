// Every widget in a phone, a sidebar, a column and a desktop: containers 280, 360, 600 and 1024 px wide, in English and
// German (longer words). At each width nothing sticks out of the widget, the widget is no wider than its container,
// nothing scrolls sideways inside it, every control is a 24 px touch target, and axe finds no violation.
import { expect, fixture, fixtureCleanup, waitUntil } from '@open-wc/testing';
import type { PartnerClient } from '@poly-partner/sdk';
import '../src/components/deal-registration-form/deal-registration-form.js';
import '../src/components/next-tier-checklist/next-tier-checklist.js';
import '../src/components/partner-deal-list/partner-deal-list.js';
import '../src/components/partner-member-overview/partner-member-overview.js';
import '../src/components/partner-tier-badge/partner-tier-badge.js';
import { clippedText, deepElements, partsOutside, settled, sidewaysOverflow, smallTargets } from './support/layout.js';
import { part, textOf } from '../../../test/support/browser/mount.js';
import { clientFor, demoReseller, publishableClient, sandboxConfig, startSandboxFirst } from '../../../test/support/browser/sandbox.js';

const WIDTHS = [280, 360, 600, 1024] as const;

interface Case {
  tag: string;
  subject: () => Promise<{ attributes: Record<string, string>; client: PartnerClient }>;
  loaded: { en: RegExp; de: RegExp };
  /** Opens what only shows on demand (a panel, a detail), so its layout is checked too. */
  open?: (el: HTMLElement) => Promise<void>;
}

/** An organization with a few hundred members: the list has rows to show, the summary has members to name. */
async function organization(): Promise<string> {
  const { credentials } = await sandboxConfig();
  const first = credentials.organizations[0];
  if (!first) throw new Error('The sandbox has no organization');
  return first.orgId;
}

const CASES: Case[] = [
  {
    tag: 'partner-tier-badge',
    subject: async () => {
      const { client, partnerId } = await publishableClient();
      return { attributes: { 'partner-id': partnerId }, client };
    },
    // On the sandbox the badge says it is a sandbox badge, in the longest of its wordings.
    loaded: { en: /Sandbox badge, not issued by Poly/, de: /Sandbox-Abzeichen, nicht von Poly ausgestellt/ },
  },
  {
    tag: 'next-tier-checklist',
    subject: async () => {
      const { partnerId } = await demoReseller(/protected/i);
      return { attributes: { 'partner-id': partnerId }, client: await clientFor({ partnerId }) };
    },
    loaded: { en: /Your partner tier/, de: /Ihre Partnerstufe/ },
    open: async (el) => {
      const whatIf = part(el, 'what-if') as HTMLDetailsElement | null;
      if (whatIf && !whatIf.open) whatIf.querySelector('summary')!.click();
    },
  },
  {
    tag: 'deal-registration-form',
    subject: async () => {
      const { partnerId } = await demoReseller(/protected Gold/i);
      return { attributes: { 'partner-id': partnerId }, client: await clientFor({ partnerId }) };
    },
    loaded: { en: /Register a deal/, de: /Deal registrieren/ },
  },
  {
    tag: 'partner-deal-list',
    subject: async () => {
      const { partnerId } = await demoReseller(/protected Gold/i);
      return { attributes: { 'partner-id': partnerId }, client: await clientFor({ partnerId }) };
    },
    loaded: { en: /Your deal registrations/, de: /Ihre Deal-Registrierungen/ },
  },
  {
    tag: 'partner-member-overview',
    subject: async () => {
      const orgId = await organization();
      return { attributes: { 'org-id': orgId }, client: await clientFor({ orgId }) };
    },
    loaded: { en: /Members per tier/, de: /Mitglieder je Stufe/ },
    open: async (el) => {
      if (part(el, 'detail')) return;
      part(el, 'grid')!.scrollIntoView({ block: 'start' });
      await waitUntil(() => el.shadowRoot!.querySelector("[role='row'][data-index]"), 'rows to render');
      el.shadowRoot!.querySelector<HTMLElement>("[role='row'][data-index]")!.click();
      const checklist = () => part(el, 'detail')?.querySelector('next-tier-checklist');
      await waitUntil(checklist, 'the detail to open');
      await waitUntil(() => /Current tier|Aktuelle Stufe/.test(textOf(checklist()!)), 'the checklist to load', { timeout: 8000 });
    },
  },
];

// Containers of fixed widths, set by class: the test page could run under a strict CSP too.
const frameStyles = document.createElement('style');
frameStyles.textContent = WIDTHS.map((width) => `.frame--${width} { inline-size: ${width}px; }`).join('\n');
document.head.append(frameStyles);

async function mountIn(frame: HTMLElement, { tag, subject, loaded }: Case, lang: 'en' | 'de'): Promise<HTMLElement> {
  document.documentElement.lang = lang;
  const { attributes, client } = await subject();
  const el = document.createElement(tag) as HTMLElement & { client?: PartnerClient };
  for (const [name, value] of Object.entries(attributes)) el.setAttribute(name, value);
  el.client = client;
  frame.append(el);
  await fixture(frame);
  await waitUntil(() => loaded[lang].test(textOf(el)), `<${tag}> to load in ${lang}`, { timeout: 10_000 });
  return el;
}

function findings(host: HTMLElement, frame: HTMLElement): string[] {
  const found: string[] = [];
  const hostWidth = host.getBoundingClientRect().width;
  const frameWidth = frame.getBoundingClientRect().width;
  if (hostWidth > frameWidth + 0.5) found.push(`the host is ${hostWidth.toFixed(1)} px wide in a ${frameWidth} px container`);
  found.push(...partsOutside(host), ...sidewaysOverflow(host), ...smallTargets(host), ...clippedText(host));
  return found;
}

describe('Widgets in narrow and wide containers', () => {
  const htmlLang = document.documentElement.lang;
  before(startSandboxFirst);
  afterEach(() => {
    document.documentElement.lang = htmlLang;
    fixtureCleanup();
  });

  for (const { tag, subject, loaded, open } of CASES) {
    for (const lang of ['en', 'de'] as const) {
      it(`<${tag}> in ${lang} holds 280, 360, 600 and 1024 px`, async function () {
        this.timeout(90_000);
        const frame = document.createElement('div');
        const el = await mountIn(frame, { tag, subject, loaded }, lang);

        const report: string[] = [];
        for (const width of WIDTHS) {
          frame.className = `frame frame--${width}`;
          await settled(el);
          report.push(...findings(el, frame).map((finding) => `${width} px: ${finding}`));
          await expect(el, `axe at ${width} px`).to.be.accessible();
          if (open) {
            await open(el);
            await settled(el);
            report.push(...findings(el, frame).map((finding) => `${width} px, opened: ${finding}`));
            await expect(el, `axe at ${width} px, opened`).to.be.accessible();
          }
        }
        expect(report, report.join('\n')).to.deep.equal([]);
      });
    }
  }
});

// WCAG 1.4.12: what a reader's tool sets for legibility. Tools that reach into shadow roots apply it there too.
const TEXT_SPACING = `
  * { line-height: 1.5 !important; letter-spacing: 0.12em !important; word-spacing: 0.16em !important; }
  p { margin-block-end: 2em !important; }
`;

/** Adds the text-spacing overrides to every shadow root under `host` (and its own). */
function applyTextSpacing(host: Element): void {
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(TEXT_SPACING);
  for (const element of [host, ...deepElements(host.shadowRoot!)]) {
    const root = element.shadowRoot;
    if (root && !root.adoptedStyleSheets.includes(sheet)) root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
  }
}

describe('Widgets with 200 % text and WCAG 1.4.12 text spacing', () => {
  const htmlLang = document.documentElement.lang;
  before(startSandboxFirst);
  afterEach(() => {
    document.documentElement.lang = htmlLang;
    document.documentElement.classList.remove('text-200');
    fixtureCleanup();
  });

  const zoom = document.createElement('style');
  zoom.textContent = 'html.text-200 { font-size: 200%; }';
  document.head.append(zoom);

  for (const { tag, subject, loaded, open } of CASES) {
    it(`<${tag}> in German loses no content at 360 and 1024 px`, async function () {
      this.timeout(90_000);
      // Text at 200 % (the browser's text size setting: the root font size) and the spacing overrides together.
      document.documentElement.classList.add('text-200');
      const frame = document.createElement('div');
      const el = await mountIn(frame, { tag, subject, loaded }, 'de');
      const report: string[] = [];
      for (const width of [360, 1024]) {
        frame.className = `frame frame--${width}`;
        if (open) await open(el);
        applyTextSpacing(el);
        await settled(el);
        report.push(...findings(el, frame).map((finding) => `${width} px: ${finding}`));
      }
      expect(report, report.join('\n')).to.deep.equal([]);
    });
  }
});
