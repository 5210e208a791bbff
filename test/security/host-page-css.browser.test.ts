// The host page's own global CSS and its own, globally configured copy of zod do not break the widgets.
import { expect, waitUntil } from '@open-wc/testing';
import '@poly-partner/widgets';
// The host page's zod: the classic build, loaded from another path than the widgets' zod/mini.
import * as hostZod from 'zod';
import { part } from '../support/browser/mount.js';
import { startSandboxFirst } from '../support/browser/sandbox.js';
import { PageGuard, showWidget, visibleText, WIDGETS } from '../support/widgets.js';

/** Rules a careless host page might have: a global reset on a dark page, hidden divs and buttons, huge fonts. */
const HOST_CSS = `
  * { all: unset !important; }
  html, body { display: block !important; font-size: 40px !important; color: #ffffff !important; background: #111111 !important; line-height: 0 !important; }
  div, section, p, span, button, form, input, select, h2, h3, ul, li { display: none !important; }
  button { visibility: hidden !important; }
  [part], .state, .skeleton { display: none !important; }
`;

describe('widgets on a page with hostile global CSS and its own zod', function () {
  const guard = new PageGuard();
  before(startSandboxFirst);
  before(() => guard.install());
  after(() => guard.uninstall());

  it('render visibly, with their own colours and controls, under the host page\'s global CSS', async function () {
    this.timeout(60_000);
    const style = document.createElement('style');
    style.textContent = HOST_CSS;
    document.head.append(style);
    // The rules are in force on the host's own elements (the check itself works).
    const hostDiv = document.createElement('div');
    document.body.append(hostDiv);
    expect(getComputedStyle(hostDiv).display).to.equal('none');
    hostDiv.remove();
    try {
      for (const widget of WIDGETS) {
        const el = await showWidget(widget);
        expect(el.getBoundingClientRect().height, `${widget.tag} takes space`).to.be.greaterThan(20);
        const base = part(el, 'base')!;
        expect(base, `${widget.tag} base part`).to.exist;
        expect(getComputedStyle(base).display, `${widget.tag} base displayed`).to.not.equal('none');
        expect(base.getBoundingClientRect().height, `${widget.tag} base has height`).to.be.greaterThan(20);
        const color = getComputedStyle(base).color;
        expect(color, `${widget.tag} text colour is its own, not the host page's white on the widget's own light surface`).to.not.equal('rgb(255, 255, 255)');
        el.remove();
      }
      // The form's controls stay usable: its submit button is displayed and visible.
      const form = await showWidget(WIDGETS.find((widget) => widget.tag === 'deal-registration-form')!);
      const submit = part(form, 'submit-button')!;
      expect(getComputedStyle(submit).display).to.not.equal('none');
      expect(getComputedStyle(submit).visibility).to.equal('visible');
      expect(submit.getBoundingClientRect().width).to.be.greaterThan(0);
      form.remove();
    } finally {
      style.remove();
    }
    expect(guard.take()).to.deep.equal([]);
  });

  it("keep their own messages when the host page configures zod globally (custom errors, another locale)", async function () {
    this.timeout(30_000);
    hostZod.config(hostZod.locales.fr());
    hostZod.config({ customError: () => 'MESSAGE DE LA PAGE HÔTE' });
    // The host's configuration is in force for the host's own schemas.
    expect(hostZod.string().safeParse(1).error?.issues[0]?.message).to.equal('MESSAGE DE LA PAGE HÔTE');
    try {
      const shown: HTMLElement[] = [];
      for (const widget of WIDGETS) shown.push(await showWidget(widget, { lang: 'de' }));
      // The form validates an empty submit with the contract's schemas: its messages are its own, in its language.
      const form = shown.find((el) => el.localName === 'deal-registration-form')!;
      (part(form, 'submit-button') as HTMLButtonElement).click();
      await waitUntil(() => part(form, 'error-summary'), 'the error summary');
      expect(visibleText(form)).to.contain('Geben Sie');
      expect(visibleText(form)).to.not.contain('MESSAGE DE LA PAGE HÔTE');
      for (const el of shown) expect(visibleText(el)).to.not.contain('MESSAGE DE LA PAGE HÔTE');
      for (const el of shown) el.remove();
    } finally {
      hostZod.config({ customError: undefined });
      hostZod.config(hostZod.locales.en());
    }
    expect(guard.take()).to.deep.equal([]);
  });
});
