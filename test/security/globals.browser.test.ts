// Loading and rendering the widgets writes no global of their own, and a tag the host page already uses stays the host's.
// Nothing of the widgets or the SDK is imported statically here: the snapshot of `window` comes first.
import { expect } from '@open-wc/testing';

const before = new Set(Object.getOwnPropertyNames(window));

/**
 * Globals the widgets' dependencies write by design, to find other copies of themselves on the page: Lit's version
 * lists (and its dev-mode warning set) and zod's shared configuration and registry. Anything else is ours and a bug.
 */
const DEPENDENCY_GLOBALS = new Set([
  'litHtmlVersions',
  'litElementVersions',
  'reactiveElementVersions',
  'litIssuedWarnings',
  'litElementHydrateSupport',
  'litHtmlPolyfillSupport',
  'reactiveElementPolyfillSupport',
  '__zod_globalConfig',
  '__zod_globalRegistry',
]);

/** The host page's own element, defined before the widgets arrive, under one of their tags. */
class HostDealList extends HTMLElement {
  connectedCallback() {
    this.textContent = "the host page's own deal list";
  }
}

describe('globals and taken tags', function () {
  it("defines only the elements: no globals of its own, and the host page's element keeps its tag", async function () {
    this.timeout(90_000);
    customElements.define('partner-deal-list', HostDealList);
    const { startSandboxFirst } = await import('../support/browser/sandbox.js');
    await startSandboxFirst.call(this);
    const warnings: string[] = [];
    const warn = console.warn;
    console.warn = (...args: unknown[]) => {
      warnings.push(args.map(String).join(' '));
      warn.apply(console, args);
    };
    try {
      await import('@poly-partner/widgets');
    } finally {
      console.warn = warn;
    }
    expect(customElements.get('partner-deal-list'), 'the host keeps its element').to.equal(HostDealList);
    expect(warnings.join('\n')).to.contain('<partner-deal-list> is already defined');

    const { showWidget, WIDGETS } = await import('../support/widgets.js');
    for (const widget of WIDGETS.filter((candidate) => candidate.tag !== 'partner-deal-list')) (await showWidget(widget)).remove();
    const hosts = document.createElement('partner-deal-list');
    document.body.append(hosts);
    expect(hosts.textContent).to.equal("the host page's own deal list");
    hosts.remove();

    const added = Object.getOwnPropertyNames(window).filter((name) => !before.has(name));
    // The test runner's own handle appears once mocha starts, after the snapshot.
    const ours = added.filter((name) => !DEPENDENCY_GLOBALS.has(name) && !name.startsWith('__WTR_'));
    expect(ours, `globals written (all new: ${added.join(', ')})`).to.deep.equal([]);
  });
});
