// Resolves the language a widget renders in and re-renders it when that language changes on the page.
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { catalogLocale, loadCatalog, type Locale } from './localization.js';

/** The closest element at or above `start` (crossing shadow roots) that carries a `lang` attribute. */
function closestLang(start: Element): Element | null {
  let node: Element | null = start;
  while (node) {
    const found: Element | null = node.closest('[lang]');
    if (found) return found;
    const root = node.getRootNode();
    node = root instanceof ShadowRoot ? root.host : null;
  }
  return null;
}

/**
 * Order: the element's own `lang`, else the nearest ancestor's `lang` (a wrapping `<partner-config lang>` is one),
 * else the `lang` of the page's `<partner-config>`, else `<html lang>`, else English.
 * `lang` keeps the full tag (`de-CH`) for `Intl`; `locale` is the message catalog (`de`).
 */
export class LocaleController implements ReactiveController {
  /** BCP 47 tag for `Intl` formatting. */
  lang = 'en';
  /** Message catalog to render with. */
  locale: Locale = 'en';

  private readonly host: ReactiveControllerHost & HTMLElement;
  private readonly configLang: () => string | undefined;
  private observer?: MutationObserver;

  constructor(host: ReactiveControllerHost & HTMLElement, configLang: () => string | undefined) {
    this.host = host;
    this.configLang = configLang;
    host.addController(this);
  }

  hostConnected(): void {
    // `lang` is rarely changed, so watching every `lang` attribute of the light DOM is cheap and catches
    // switches on <html>, on any wrapper, and on the element itself.
    this.observer = new MutationObserver(() => this.refresh());
    this.observer.observe(document.documentElement, { attributes: true, attributeFilter: ['lang'], subtree: true });
    const root = this.host.getRootNode();
    if (root instanceof ShadowRoot) this.observer.observe(root, { attributes: true, attributeFilter: ['lang'], subtree: true });
    this.resolve();
    // Start a German catalog's load now, before the element's first update asks for it.
    loadCatalog(this.locale)?.catch(() => undefined);
  }

  hostDisconnected(): void {
    this.observer?.disconnect();
    this.observer = undefined;
  }

  /**
   * Undefined when the catalog of the language this element renders in is loaded; else the promise of its load
   * (started here). Resolves the language first: a config's `lang` arrives through context without an observer.
   */
  catalogPending(): Promise<void> | undefined {
    this.resolve();
    return loadCatalog(this.locale);
  }

  hostUpdate(): void {
    // The config's language arrives through context, which does not go through the observer.
    this.resolve();
  }

  private refresh(): void {
    const before = this.lang;
    this.resolve();
    if (this.lang !== before) this.host.requestUpdate();
  }

  private resolve(): void {
    const candidates: (string | null | undefined)[] = [];
    const holder = closestLang(this.host);
    if (holder && holder !== document.documentElement) candidates.push(holder.getAttribute('lang'));
    candidates.push(this.configLang(), document.documentElement.lang);
    const lang = candidates.find((tag) => catalogLocale(tag) !== undefined) ?? 'en';
    this.lang = lang.trim();
    this.locale = catalogLocale(lang) ?? 'en';
  }
}
