// What every widget must do, as one suite each widget's test file runs (like Web Awesome's runFormControlBaseTests):
// a skeleton that holds its size while loading, a localized error with a working Retry, `partner-error`,
// re-rendering in German when the language changes, and accessibility in every state.
import { expect, fixtureCleanup } from '@open-wc/testing';
import { isPartnerApiError, type PartnerClient } from '@poly-partner/sdk';
import { FetchFaults } from '../../../../test/support/browser/fetch-faults.js';
import { mount, part, textOf, waitForText } from '../../../../test/support/browser/mount.js';
import { startSandboxFirst } from '../../../../test/support/browser/sandbox.js';

export interface WidgetBaseTestOptions {
  tag: string;
  /** Attributes of a widget that loads successfully. */
  attributes: () => Promise<Record<string, string>>;
  /** A client for it whose requests go through `fetch` (the suite's fault injector). */
  client: (fetch: typeof globalThis.fetch) => Promise<PartnerClient>;
  /** Text the loaded widget shows in English and in German (and not in the other language). */
  loadedText: { en: RegExp; de: RegExp };
  /**
   * `fixed`: the loading box has exactly the loaded size (badges); `reserved`: the skeleton reserves at least the
   * height the widget needs for its header, and the loaded widget only grows below it (lists, checklists).
   */
  size: 'fixed' | 'reserved';
}

export function runWidgetBaseTests(options: WidgetBaseTestOptions): void {
  const { tag } = options;

  describe(`<${tag}> base behaviour`, () => {
    const htmlLang = document.documentElement.lang;
    before(startSandboxFirst);
    afterEach(() => {
      document.documentElement.lang = htmlLang;
      fixtureCleanup();
    });

    it('shows an accessible skeleton while loading that keeps its size when the data arrives', async () => {
      const faults = new FetchFaults();
      faults.hold();
      const { el, ready } = await mount(tag, await options.attributes(), await options.client(faults.fetch));
      const loading = part(el, 'loading');
      expect(loading, 'loading part').to.exist;
      expect(loading!.getAttribute('role')).to.equal('status');
      const before = el.getBoundingClientRect();
      expect(before.height, 'skeleton height').to.be.greaterThan(0);
      await expect(el).to.be.accessible();

      faults.pass();
      await ready;
      await (el as unknown as { updateComplete: Promise<unknown> }).updateComplete;
      expect(part(el, 'loading'), 'skeleton gone').to.not.exist;
      const after = el.getBoundingClientRect();
      if (options.size === 'fixed') {
        expect(after.width, 'width unchanged').to.equal(before.width);
        expect(after.height, 'height unchanged').to.equal(before.height);
      } else {
        expect(after.height, 'loaded height at least the reserved height').to.be.at.least(before.height);
        expect(after.width, 'width unchanged').to.equal(before.width);
      }
    });

    it('shows a localized error, fires partner-error, and Retry loads the data', async () => {
      const faults = new FetchFaults();
      faults.failWith(503, 'service_unavailable');
      const { el, error, ready } = await mount(tag, await options.attributes(), await options.client(faults.fetch));
      const event = await error;
      expect(isPartnerApiError(event.error), 'carries a PartnerApiError').to.be.true;
      expect(event.error.status).to.equal(503);
      expect(event.bubbles && event.composed, 'bubbles out of shadow roots').to.be.true;

      await waitForText(el, /The partner service had a problem/);
      expect(textOf(el)).to.contain('req_injected_fault');
      const alert = part(el, 'error');
      expect(alert?.getAttribute('role')).to.equal('alert');
      await expect(el).to.be.accessible();

      faults.pass();
      part(el, 'retry-button')!.click();
      await ready;
      await waitForText(el, options.loadedText.en);
      expect(part(el, 'error')).to.not.exist;
    });

    it('shows the error in German on a German page, also for a network failure', async () => {
      document.documentElement.lang = 'de';
      const faults = new FetchFaults();
      faults.failNetwork();
      const { el, error } = await mount(tag, await options.attributes(), await options.client(faults.fetch));
      expect((await error).error.type).to.equal('network');
      await waitForText(el, /Keine Verbindung zu Poly/);
      expect(part(el, 'retry-button')?.textContent?.trim()).to.equal('Erneut versuchen');
      await expect(el).to.be.accessible();
    });

    it('re-renders in German when <html lang> switches, and follows its own lang first', async () => {
      document.documentElement.lang = 'en';
      const { el, ready } = await mount(tag, await options.attributes(), await options.client(new FetchFaults().fetch));
      await ready;
      await waitForText(el, options.loadedText.en);
      expect(textOf(el)).to.not.match(options.loadedText.de);
      await expect(el).to.be.accessible();

      document.documentElement.lang = 'de-DE';
      await waitForText(el, options.loadedText.de);
      expect(textOf(el)).to.not.match(options.loadedText.en);
      await expect(el).to.be.accessible();

      el.setAttribute('lang', 'en');
      await waitForText(el, options.loadedText.en);
      el.removeAttribute('lang');
      await waitForText(el, options.loadedText.de);
    });
  });
}
