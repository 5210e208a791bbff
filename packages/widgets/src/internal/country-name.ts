// Country names in the viewer's language: a module of its own, apart from format.ts (in the core chunk every page
// loads), for the elements that show countries (the deal form and list, the member overview): it joins their lists
// chunk. (Nor with the country codes, so a widget showing a few names does not load the list of every code.)
import { WARM_UP_TIMEOUT_MS } from './format.js';
import { whenIdle } from './idle.js';

const regionNames = new Map<string, Intl.DisplayNames | null>();

/**
 * Country names for `lang` in idle time (after format.ts's formatters): a first Intl.DisplayNames of a page loads the
 * region names of its language (10–120 ms on the bench machine). For widgets that show country names at once.
 */
export function warmUpCountryNames(lang: string): void {
  if (regionNames.has(lang)) return;
  whenIdle(() => countryName('DE', lang), WARM_UP_TIMEOUT_MS);
}

/** "DE" -> "Germany" / "Deutschland"; the code itself when the browser has no name for it. */
export function countryName(code: string, lang: string): string {
  let names = regionNames.get(lang);
  if (names === undefined) {
    try {
      names = new Intl.DisplayNames([lang, 'en'], { type: 'region', fallback: 'code' });
    } catch {
      names = null;
    }
    regionNames.set(lang, names);
  }
  try {
    return names?.of(code) ?? code;
  } catch {
    return code;
  }
}

