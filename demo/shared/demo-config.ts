// What every demo page needs from its backend, and the language switch each site has.

export interface DemoConfig {
  apiBase: string;
  resellers: { partnerId: string; name: string; about: string; aboutDe: string }[];
  organizations: { orgId: string; kind: 'distributor' | 'isp' | 'carrier' | 'systemhaus_association'; name: string }[];
  publishable: { partnerId: string; publishableKey: string }[];
}

export async function loadDemoConfig(): Promise<DemoConfig> {
  const response = await fetch('/api/demo-config');
  if (!response.ok) throw new Error(`Demo backend answered ${response.status}: is the sandbox running?`);
  return (await response.json()) as DemoConfig;
}

const LANGUAGE_KEY = 'poly-demo-language';

/** The aggregator kinds as people name them (GLOSSARY.md), never the API's codes. */
export const KIND_NAMES: Record<DemoConfig['organizations'][number]['kind'], { en: string; de: string }> = {
  distributor: { en: 'Distributor', de: 'Distributor' },
  isp: { en: 'ISP', de: 'ISP' },
  carrier: { en: 'Carrier', de: 'Carrier' },
  systemhaus_association: { en: 'Systemhaus association', de: 'Systemhaus-Verband' },
};

/**
 * Puts the site's own text in `lang`: each element with `data-de` (the pages are written in English) shows that text
 * in German and its original text otherwise, and `data-de-label` does the same for `aria-label`, so `<html lang>`
 * always matches what the page says (WCAG 3.1.1). `<title>` is an element like the others.
 */
function translateSite(lang: string): void {
  for (const element of document.querySelectorAll<HTMLElement>('[data-de]')) {
    element.dataset.en ??= element.textContent ?? '';
    element.textContent = (lang === 'de' ? element.dataset.de : element.dataset.en) ?? '';
  }
  for (const element of document.querySelectorAll<HTMLElement>('[data-de-label]')) {
    element.dataset.enLabel ??= element.getAttribute('aria-label') ?? '';
    element.setAttribute('aria-label', (lang === 'de' ? element.dataset.deLabel : element.dataset.enLabel) ?? '');
  }
}

/** A text of the site's own in both languages, set in the language the page shows now and switched with it. */
export function siteText<T extends HTMLElement>(element: T, en: string, de: string): T {
  element.dataset.en = en;
  element.dataset.de = de;
  element.textContent = document.documentElement.lang === 'de' ? de : en;
  return element;
}

/**
 * Wires the site's English/German buttons (`[data-set-lang]`) to `<html lang>`, which the widgets follow, translates
 * the site's own text, and remembers the choice across pages.
 */
export function setUpLanguageSwitch(): void {
  const buttons = [...document.querySelectorAll<HTMLButtonElement>('[data-set-lang]')];
  const apply = (lang: string) => {
    document.documentElement.lang = lang;
    translateSite(lang);
    for (const button of buttons) button.setAttribute('aria-pressed', String(button.dataset.setLang === lang));
  };
  for (const button of buttons) {
    button.addEventListener('click', () => {
      localStorage.setItem(LANGUAGE_KEY, button.dataset.setLang!);
      apply(button.dataset.setLang!);
    });
  }
  const saved = localStorage.getItem(LANGUAGE_KEY);
  apply(saved === 'en' || saved === 'de' ? saved : document.documentElement.lang);
}

/** Shows a message where the widgets would be when the demo backend or sandbox is not reachable. */
export function showStartupError(error: unknown): void {
  const main = document.querySelector('main');
  const notice = document.createElement('p');
  notice.className = 'demo-error';
  notice.setAttribute('role', 'alert');
  notice.textContent = error instanceof Error ? error.message : String(error);
  main?.prepend(notice);
}
