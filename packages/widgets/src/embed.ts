// The one-script-tag embed (`dist/embed.js`): defines every element lazily — each element's code is fetched only
// when its tag appears in the page — and takes all configuration from the page (attributes, `<partner-config>`).
// Chunks are loaded by relative URL, so the bundle works from whatever origin or CDN path serves it.

// What each tag loads comes from one table (scripts/embed-chunks.ts), which also declares the chunk groups of the
// build: the element's code, and the SDK resources it calls fetched alongside. The same map has a selector per language
// with a message catalog (`[lang|="de"]`): a page that speaks it fetches the catalog beside the elements' code, not
// after it (catalogs other than English load on demand, src/localization/localization.ts). The SDK's client in this bundle loads
// a resource's code on its first call (packages/sdk/src/internal/resources.lazy.ts), which would otherwise wait for the
// element to run and put a round trip before its first request. The build resolves `generated/sdk-resources/*` to the
// SDK's resource modules themselves (vite.config.ts), so these fetch the very chunks the client loads.
import { loaders } from './generated/embed-loaders.js';

/** Selectors (tags, languages) whose code was asked for. */
const requested = new Set<string>();

function load(selector: string): void {
  if (requested.has(selector) || customElements.get(selector)) return;
  requested.add(selector);
  // Only the first (the element, or the catalog) decides success: a resource that fails here is loaded again on its
  // first call, and a catalog by the first element that renders in its language.
  const [first, ...resources] = loaders[selector]!();
  for (const resource of resources) resource.catch(() => undefined);
  first!.catch((error: unknown) => {
    // Let a later appearance try again (say, after the network came back).
    requested.delete(selector);
    console.error(`Poly partner widgets: could not load ${selector}`, error);
  });
}

function scan(root: ParentNode): void {
  for (const selector of Object.keys(loaders)) {
    if (!requested.has(selector) && root.querySelector(selector)) load(selector);
  }
}

function watch(): void {
  scan(document);
  new MutationObserver((records) => {
    for (const record of records) {
      for (const node of record.addedNodes) {
        if (!(node instanceof Element)) continue;
        const tag = node.localName;
        if (tag in loaders) load(tag);
        if (node.firstElementChild) scan(node);
      }
    }
  }).observe(document.documentElement, { childList: true, subtree: true });
}

// A second copy of the embed on the page would find the tags defined and stay idle.
if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', watch, { once: true });
else watch();
