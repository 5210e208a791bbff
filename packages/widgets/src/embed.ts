// The one-script-tag embed (`dist/embed.js`): defines every element lazily — each element's code is fetched only
// when its tag appears in the page — and takes all configuration from the page (attributes, `<partner-config>`).
// Chunks are loaded by relative URL, so the bundle works from whatever origin or CDN path serves it.

/**
 * An element's code, with the SDK resources it calls fetched alongside: the SDK's client in this bundle loads a
 * resource's code on its first call (packages/sdk/src/internal/resources.lazy.ts), which would otherwise wait for the
 * element to run and put a round trip before its first request. Only the element decides success: a resource that
 * fails here is loaded again on its first call. The build resolves `./internal/sdk-resources/*` to the SDK's resource
 * modules themselves (vite.config.ts), so these fetch the very chunks the client loads.
 */
function withResources(element: Promise<unknown>, ...resources: Promise<unknown>[]): Promise<unknown> {
  for (const resource of resources) resource.catch(() => undefined);
  return element;
}

const loaders: Record<string, () => Promise<unknown>> = {
  'partner-config': () => import('./config/partner-config.js'),
  // The badge's SDK resource is in the badge's own chunk (vite.config.ts groups them): nothing to fetch beside it.
  'partner-tier-badge': () => import('./components/partner-tier-badge/partner-tier-badge.js'),
  'next-tier-checklist': () =>
    withResources(
      import('./components/next-tier-checklist/next-tier-checklist.js'),
      import('./internal/sdk-resources/partners.js'),
      import('./internal/sdk-resources/program.js'),
    ),
  'deal-registration-form': () =>
    withResources(
      import('./components/deal-registration-form/deal-registration-form.js'),
      import('./internal/sdk-resources/products.js'),
      import('./internal/sdk-resources/partners.js'),
      import('./internal/sdk-resources/deals.js'),
    ),
  'partner-deal-list': () =>
    withResources(import('./components/partner-deal-list/partner-deal-list.js'), import('./internal/sdk-resources/deals.js')),
  'partner-member-overview': () =>
    withResources(
      import('./components/partner-member-overview/partner-member-overview.js'),
      import('./internal/sdk-resources/organizations.js'),
      import('./internal/sdk-resources/program.js'),
    ),
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
