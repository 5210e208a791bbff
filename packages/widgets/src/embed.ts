// The one-script-tag embed (`dist/embed.js`): defines every element lazily — each element's code is fetched only
// when its tag appears in the page — and takes all configuration from the page (attributes, `<partner-config>`).
// Chunks are loaded by relative URL, so the bundle works from whatever origin or CDN path serves it.

const loaders: Record<string, () => Promise<unknown>> = {
  'partner-config': () => import('./config/partner-config.js'),
  'partner-tier-badge': () => import('./components/partner-tier-badge/partner-tier-badge.js'),
  'next-tier-checklist': () => import('./components/next-tier-checklist/next-tier-checklist.js'),
  'deal-registration-form': () => import('./components/deal-registration-form/deal-registration-form.js'),
  'partner-deal-list': () => import('./components/partner-deal-list/partner-deal-list.js'),
  'partner-member-overview': () => import('./components/partner-member-overview/partner-member-overview.js'),
};

const requested = new Set<string>();

function load(tag: string): void {
  if (requested.has(tag) || customElements.get(tag)) return;
  requested.add(tag);
  loaders[tag]!().catch((error: unknown) => {
    // Let a later appearance of the tag try again (say, after the network came back).
    requested.delete(tag);
    console.error(`Poly partner widgets: could not load <${tag}>`, error);
  });
}

function scan(root: ParentNode): void {
  for (const tag of Object.keys(loaders)) {
    if (!requested.has(tag) && root.querySelector(tag)) load(tag);
  }
}

function watch(): void {
  // A German page: fetch the German catalog (loaded on demand) alongside the elements' code, not after it.
  if (document.querySelector('[lang|="de"]')) import('./generated/locales/de.js').catch(() => undefined);
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
