// What every demo page needs from its backend, and the language switch each site has.

export interface DemoConfig {
  apiBase: string;
  resellers: { partnerId: string; name: string; about: string }[];
  organizations: { orgId: string; kind: 'distributor' | 'isp' | 'carrier' | 'systemhaus_association'; name: string }[];
  publishable: { partnerId: string; publishableKey: string }[];
}

export async function loadDemoConfig(): Promise<DemoConfig> {
  const response = await fetch('/api/demo-config');
  if (!response.ok) throw new Error(`Demo backend answered ${response.status}: is the sandbox running?`);
  return (await response.json()) as DemoConfig;
}

const LANGUAGE_KEY = 'poly-demo-language';

/**
 * Wires the site's English/German buttons (`[data-set-lang]`) to `<html lang>`, which the widgets follow,
 * and remembers the choice across pages.
 */
export function setUpLanguageSwitch(): void {
  const saved = localStorage.getItem(LANGUAGE_KEY);
  if (saved === 'en' || saved === 'de') document.documentElement.lang = saved;
  const buttons = [...document.querySelectorAll<HTMLButtonElement>('[data-set-lang]')];
  const reflect = () => {
    for (const button of buttons) {
      button.setAttribute('aria-pressed', String(button.dataset.setLang === document.documentElement.lang));
    }
  };
  for (const button of buttons) {
    button.addEventListener('click', () => {
      document.documentElement.lang = button.dataset.setLang!;
      localStorage.setItem(LANGUAGE_KEY, document.documentElement.lang);
      reflect();
    });
  }
  reflect();
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
