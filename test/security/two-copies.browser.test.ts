// Two copies of the widgets on one page — the script-tag bundle (with its own bundled Lit) and then the npm package
// (with the workspace's Lit) — do not throw, and the widgets of both work.
import { expect } from '@open-wc/testing';
import { startSandboxFirst } from '../support/browser/sandbox.js';
import { PageGuard, showWidget, WIDGETS } from '../support/widgets.js';

describe('two copies of the widgets on one page', function () {
  const guard = new PageGuard();
  before(startSandboxFirst);
  before(() => guard.install());
  after(() => guard.uninstall());

  it('the embed bundle, then the npm package: the second copy warns and stands aside, nothing throws, all widgets work', async function () {
    this.timeout(90_000);
    const embedUrl = new URL('../../packages/widgets/dist/embed.js', import.meta.url).href;
    const built = await fetch(embedUrl, { method: 'HEAD' });
    expect(built.ok, 'packages/widgets/dist/embed.js exists (pnpm build runs before the browser tests)').to.be.true;
    await import(/* @vite-ignore */ embedUrl);

    // The first copy (the bundle) defines each element as its tag appears.
    for (const widget of WIDGETS) (await showWidget(widget)).remove();
    const firstCopy = Object.fromEntries(WIDGETS.map((widget) => [widget.tag, customElements.get(widget.tag)]));
    for (const widget of WIDGETS) expect(firstCopy[widget.tag], `<${widget.tag}> defined by the bundle`).to.exist;

    const warnings: string[] = [];
    const warn = console.warn;
    console.warn = (...args: unknown[]) => {
      warnings.push(args.map(String).join(' '));
      warn.apply(console, args);
    };
    try {
      const secondCopy = await import('@poly-partner/widgets');
      expect(secondCopy.PartnerTierBadge, 'the second copy has its own classes').to.not.equal(firstCopy['partner-tier-badge']);
    } finally {
      console.warn = warn;
    }
    for (const widget of WIDGETS) {
      expect(customElements.get(widget.tag), `<${widget.tag}> still the first copy's`).to.equal(firstCopy[widget.tag]);
      expect(warnings.some((warning) => warning.includes(`<${widget.tag}> is already defined`)), `a warning for <${widget.tag}>`).to.be.true;
    }
    // Both copies loaded, the page still works: every widget renders again with data.
    for (const widget of WIDGETS) (await showWidget(widget, { lang: 'de' })).remove();
    expect(guard.take(), 'console errors, uncaught errors, unhandled rejections').to.deep.equal([]);
  });
});
