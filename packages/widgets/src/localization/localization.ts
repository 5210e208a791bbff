// The widgets' `msg()`: @lit/localize's runtime lookup, but per element, so each widget renders in its own locale.
//
// Why not `configureLocalization`: it holds ONE locale per page and may be called only once per page. Our widgets
// follow their own `lang` (two widgets on one page may differ), and a host page that uses @lit/localize itself must
// keep its own configuration. So we call the same runtime lookup (`runtimeMsg`) with the catalog of the locale
// the element is rendering in, and never install anything globally. The `MsgFn` type makes `lit-localize extract`
// find these calls exactly as it finds `msg` from '@lit/localize'.
//
// Catalogs other than English load on demand, as @lit/localize's runtime mode does: a page whose widgets speak only
// English never downloads German (15 kB). `loadCatalog` starts the load; elements hold their render until it is
// there (see `PartnerElement.scheduleUpdate`), so German pages never flash English text.
import type { MsgFn, TemplateLike, TemplateMap } from '@lit/localize';
import { joinStringsAndValues, type StrResult } from '@lit/localize/internal/str-tag.js';
import type { TemplateResult } from 'lit';
import { catalogLoaders } from '../generated/catalog-loaders.js';
import { allLocales } from '../generated/locale-codes.js';

// From its module, not the package's index, whose other modules run code on import (the runtime's locale state).
export { str } from '@lit/localize/internal/str-tag.js';

/**
 * Locales with a message catalog, `en` (the source) among them: lit-localize.json's, as `lit-localize build` writes them.
 * A new language is its XLIFF file and a line there (CONTRIBUTING.md, "Adding a language").
 */
export const LOCALES = allLocales;
export type Locale = (typeof LOCALES)[number];

const catalogs: Partial<Record<Locale, TemplateMap>> = {};
const loading: Partial<Record<Locale, Promise<void>>> = {};

/**
 * Loads the message catalog of `locale`: undefined when it is there already (or is English, the source), else the
 * promise of its load. A failed load is forgotten, so the next call tries again; until then `msg()` answers English.
 */
export function loadCatalog(locale: Locale): Promise<void> | undefined {
  if (locale === 'en' || catalogs[locale]) return undefined;
  // Relative imports (src/generated/catalog-loaders.ts): the widgets run on other people's domains, so the chunk is
  // found beside the code that loads it.
  return (loading[locale] ??= catalogLoaders[locale]().then(
    (module) => {
      catalogs[locale] = module.templates;
    },
    (error: unknown) => {
      delete loading[locale];
      throw error;
    },
  ));
}

/** The catalog locale for a BCP 47 tag (`de-CH` -> `de`), or undefined when we have no catalog for it. */
export function catalogLocale(lang: string | null | undefined): Locale | undefined {
  const language = lang?.trim().toLowerCase().split(/[-_]/)[0];
  return LOCALES.find((locale) => locale === language);
}

// Set while an element renders (see `renderInLocale`); a render is synchronous, so this never leaks between elements.
let renderingLocale: Locale | undefined;

function currentLocale(): Locale {
  return renderingLocale ?? catalogLocale(globalThis.document?.documentElement.lang) ?? 'en';
}

/**
 * @lit/localize's `runtimeMsg`, by the explicit id every `msg()` here carries (test/manifest.test.ts holds that),
 * without its fallback of hashing the English text into an id (half a kilobyte of code no call needs).
 */
function lookup(catalog: TemplateMap | undefined, template: TemplateLike, id: string | undefined): TemplateLike {
  const localized = id === undefined ? undefined : catalog?.[id];
  if (localized === undefined) {
    // English, the source: str`` joined with its values, plain strings and html`` as they are.
    return typeof template !== 'string' && 'strTag' in template ? joinStringsAndValues(template.strings, template.values) : template;
  }
  if (typeof localized === 'string') return localized;
  // A translation's expressions are numbers: the index of the source's value to put there (translators may reorder).
  if ('strTag' in localized) return joinStringsAndValues(localized.strings, (template as StrResult).values, localized.values as number[]);
  return { ...localized, values: (localized.values as number[]).map((index) => (template as TemplateResult).values[index]) };
}

/** Looks a message up in the catalog of the locale being rendered (outside a render: the page's `<html lang>`). */
export const msg = ((template, options) => lookup(catalogs[currentLocale()], template, options?.id)) as MsgFn;

/** Runs `work` (an element's update) with `msg()` answering in `locale`. */
export function renderInLocale<T>(locale: Locale, work: () => T): T {
  const previous = renderingLocale;
  renderingLocale = locale;
  try {
    return work();
  } finally {
    renderingLocale = previous;
  }
}
