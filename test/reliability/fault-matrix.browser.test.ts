// Every widget × every fault the network or the API can produce: a visible, localized error with Retry (or, for
// latency, the skeleton then the content), `partner-error`, nothing on the console, and recovery once the fault ends.
import { expect, fixture, fixtureCleanup, waitUntil } from '@open-wc/testing';
import '@poly-partner/widgets';
import type { PartnerErrorEvent } from '../../packages/widgets/src/events/partner-error-event.js';
import { part, textOf } from '../support/browser/mount.js';
import { startSandboxFirst } from '../support/browser/sandbox.js';
import { type FaultKind, FaultyFetch, PageGuard, WIDGETS } from '../support/widgets.js';

interface FaultSpec {
  kind: FaultKind;
  /** The error type the SDK reports, and the message the user reads, per language; absent for latency. */
  expected?: { type: string; en: string; de: string };
}

const UNREADABLE = { type: 'invalid_response', en: 'The partner service sent an answer that could not be read.', de: 'Die Antwort von Poly konnte nicht gelesen werden.' };
const UNREACHABLE = { type: 'network', en: 'The partner service cannot be reached. Check your connection and try again.', de: 'Keine Verbindung zu Poly. Prüfen Sie Ihre Internetverbindung und versuchen Sie es erneut.' };
const SERVER = { type: 'api', en: 'The partner service had a problem. Please try again.', de: 'Bei Poly ist ein Fehler aufgetreten. Bitte versuchen Sie es erneut.' };

const FAULTS: FaultSpec[] = [
  { kind: 'status-500', expected: SERVER },
  { kind: 'status-503', expected: SERVER },
  { kind: 'rate-limited', expected: { type: 'rate_limited', en: 'Too many requests. Please try again in 1 seconds.', de: 'Zu viele Anfragen. Bitte versuchen Sie es in 1 Sekunden erneut.' } },
  { kind: 'reset', expected: UNREACHABLE },
  { kind: 'offline', expected: UNREACHABLE },
  { kind: 'malformed-json', expected: UNREADABLE },
  { kind: 'schema-breaking', expected: UNREADABLE },
  { kind: 'timeout', expected: { type: 'timeout', en: 'The partner service took too long to answer. Please try again.', de: 'Poly hat nicht rechtzeitig geantwortet. Bitte versuchen Sie es erneut.' } },
  { kind: 'latency' },
];

/** Client timeout per cell: short where the fault is a timeout (so the matrix stays quick), long enough for 3 s of latency. */
const TIMEOUT_MS: Partial<Record<FaultKind, number>> = { timeout: 1_000, latency: 10_000 };
const RETRY = { en: 'Retry', de: 'Erneut versuchen' };

describe('fault matrix: every widget × every fault', function () {
  const guard = new PageGuard();
  before(startSandboxFirst);
  before(() => guard.install());
  after(() => guard.uninstall());
  afterEach(() => {
    fixtureCleanup();
  });

  let cell = 0;
  for (const fault of FAULTS) {
    for (const widget of WIDGETS) {
      // Alternate the page language, so that every fault and every widget is seen localized in both.
      const lang = cell++ % 2 === 0 ? 'en' : 'de';
      it(`${widget.tag} × ${fault.kind} (${lang})`, async function () {
        this.timeout(30_000);
        guard.take();
        const faults = new FaultyFetch(fault.kind);
        const { attributes, client } = await widget.setup(faults.fetch, TIMEOUT_MS[fault.kind] ?? 5_000);
        const el = document.createElement(widget.tag) as HTMLElement & { client: unknown; updateComplete: Promise<unknown> };
        for (const [name, value] of Object.entries(attributes)) el.setAttribute(name, value);
        el.setAttribute('lang', lang);
        el.client = client;
        const reported: PartnerErrorEvent[] = [];
        el.addEventListener('partner-error', (event) => reported.push(event as PartnerErrorEvent));
        if (fault.kind === 'offline') window.dispatchEvent(new Event('offline'));
        await fixture(el);

        if (!fault.expected) {
          // Latency: the skeleton shows while the answer is on its way, then the content; nothing is an error.
          expect(part(el, 'loading'), 'skeleton while waiting').to.exist;
          expect(part(el, 'loading')!.getAttribute('role')).to.equal('status');
          await waitUntil(() => widget.loaded[lang].test(textOf(el)), `content after the delay; text: ${textOf(el)}`, { timeout: 20_000 });
          expect(reported, 'no partner-error for a slow answer').to.have.length(0);
          expect(faults.passed, 'the delayed requests reached the sandbox').to.be.greaterThan(0);
        } else {
          await waitUntil(() => reported.length > 0 && part(el, 'error') !== null, `partner-error and an error state; text: ${textOf(el)}`, { timeout: 10_000 });
          expect(reported[0]!.error.type).to.equal(fault.expected.type);
          const alert = part(el, 'error')!;
          expect(alert.getAttribute('role')).to.equal('alert');
          expect(alert.getBoundingClientRect().height, 'the error is visible').to.be.greaterThan(0);
          expect(textOf(el)).to.contain(fault.expected[lang]);
          const retry = part(el, 'retry-button');
          expect(retry, 'a Retry button').to.exist;
          expect(retry!.textContent!.trim()).to.equal(RETRY[lang]);

          // The fault ends; Retry brings the content.
          faults.end();
          if (fault.kind === 'offline') window.dispatchEvent(new Event('online'));
          retry!.click();
          await waitUntil(() => widget.loaded[lang].test(textOf(el)) && part(el, 'error') === null, `content after Retry; text: ${textOf(el)}`, { timeout: 15_000 });
        }
        expect(guard.take(), 'console errors and unhandled rejections').to.deep.equal([]);
      });
    }
  }

  describe('back online: a widget that could not reach the service loads again by itself', function () {
    // The fault matrix's hooks (sandbox first, the page guard, fixture clean-up) apply here too.

    /** The widget in the error state `kind` leaves it in; resolves once the error shows. */
    async function failed(widget: (typeof WIDGETS)[number], kind: FaultKind) {
      const faults = new FaultyFetch(kind);
      const { attributes, client } = await widget.setup(faults.fetch, 5_000);
      const el = document.createElement(widget.tag) as HTMLElement & { client: unknown };
      for (const [name, value] of Object.entries(attributes)) el.setAttribute(name, value);
      el.client = client;
      if (kind === 'offline') window.dispatchEvent(new Event('offline'));
      await fixture(el);
      await waitUntil(() => part(el, 'error') !== null, `an error state; text: ${textOf(el)}`, { timeout: 10_000 });
      return { el, faults };
    }

    for (const widget of WIDGETS) {
      it(`${widget.tag}: offline, then online — the content, without pressing Retry`, async function () {
        this.timeout(30_000);
        guard.take();
        const { el, faults } = await failed(widget, 'offline');
        faults.end();
        window.dispatchEvent(new Event('online'));
        await waitUntil(() => widget.loaded.en.test(textOf(el)) && part(el, 'error') === null, `content once online; text: ${textOf(el)}`, { timeout: 15_000 });
        expect(guard.take(), 'console errors and unhandled rejections').to.deep.equal([]);
      });
    }

    it('a server error is not retried on "online": it would fail the same way, so Retry stays the way', async function () {
      this.timeout(30_000);
      guard.take();
      const widget = WIDGETS[0]!;
      const server = await failed(widget, 'status-500');
      // The control: a widget that could not reach the service, beside it. Both hear the same "online" event, and
      // would ask at the same point of it; once the control has asked and shown its content, a request of the other
      // would have been sent. No fixed wait.
      const offline = await failed(widget, 'offline');
      offline.faults.end();
      const requests = server.faults.calls;
      const controlRequests = offline.faults.calls;
      window.dispatchEvent(new Event('online'));
      await waitUntil(() => widget.loaded.en.test(textOf(offline.el)) && part(offline.el, 'error') === null, `the control's content once online; text: ${textOf(offline.el)}`, { timeout: 15_000 });
      expect(offline.faults.calls, 'the control asked again').to.be.greaterThan(controlRequests);
      expect(server.faults.calls, 'no request after "online"').to.equal(requests);
      expect(part(server.el, 'error'), 'the error stays').to.exist;
      expect(guard.take(), 'console errors and unhandled rejections').to.deep.equal([]);
    });
  });
});
