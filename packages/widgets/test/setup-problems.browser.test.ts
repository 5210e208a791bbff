// Setup mistakes explain themselves (issue 25): per mistake, what a visitor sees in the widget and what the console
// tells the integrator, in English and German. Every page here has its full configuration (api-base, partner-id,
// key) but the one piece under test, against the real sandbox.
import { expect, fixture, fixtureCleanup, html, waitUntil } from '@open-wc/testing';
import '../src/config/partner-config.js';
import '../src/components/partner-tier-badge/partner-tier-badge.js';
import type { PartnerTierBadge } from '../src/components/partner-tier-badge/partner-tier-badge.js';
import { part, textOf } from '../../../test/support/browser/mount.js';
import { sandboxConfig, startSandboxFirst } from '../../../test/support/browser/sandbox.js';

const DOCS = 'https://github.com/poly-partner/partner-kit/tree/main/packages/widgets#';
const LANGUAGES = ['en', 'de'] as const;

interface Page {
  apiBase?: string;
  publishableKey?: string;
  partnerId?: string;
  lang: string;
  onError?: 'image' | 'hide' | 'message';
}

describe('setup mistakes explain themselves', () => {
  let logged: string[] = [];
  const original = console.error;
  before(startSandboxFirst);
  beforeEach(() => {
    logged = [];
    console.error = (...args: unknown[]) => logged.push(args.join(' '));
  });
  afterEach(() => {
    console.error = original;
    fixtureCleanup();
  });

  /** The demo marketing page: `<partner-config>` with what `page` gives, and the badge. */
  async function badgePage(page: Page): Promise<PartnerTierBadge> {
    /* eslint-disable lit/no-legacy-template-syntax -- `on-error` is the badge's attribute as a page writes it, not Lit's legacy event syntax */
    const config = await fixture(html`<partner-config api-base=${page.apiBase ?? ''} publishable-key=${page.publishableKey ?? ''} partner-id=${page.partnerId ?? ''} environment="sandbox" lang=${page.lang}>
      <partner-tier-badge on-error=${page.onError ?? 'image'}></partner-tier-badge>
    </partner-config>`);
    /* eslint-enable lit/no-legacy-template-syntax */
    for (const name of ['api-base', 'publishable-key', 'partner-id']) if (!config.getAttribute(name)) config.removeAttribute(name);
    const badge = config.querySelector('partner-tier-badge') as PartnerTierBadge;
    await waitUntil(() => logged.length > 0, 'a console message', { timeout: 8000 });
    await badge.updateComplete;
    return badge;
  }

  async function demo() {
    const { baseUrl, credentials } = await sandboxConfig();
    const { partnerId, publishableKey } = credentials.publishable[0]!;
    return { apiBase: baseUrl, partnerId, publishableKey, secretKey: credentials.resellers[0]!.secretKey };
  }

  /** The console said what to fix, once, with the docs' anchor for `anchor`. */
  function expectConsole(anchor: string, says: RegExp): void {
    expect(logged, 'one console message').to.have.length(1);
    expect(logged[0]).to.match(/^<partner-tier-badge>: /);
    expect(logged[0]).to.match(says);
    expect(logged[0]).to.contain(`${DOCS}${anchor}`);
  }

  /** A visitor sees the words and nothing to act on: no Retry, no request id, no loading placeholder. */
  function expectVisitorReads(badge: PartnerTierBadge, words: string): void {
    expect(textOf(badge)).to.equal(words);
    expect(part(badge, 'retry-button'), 'no Retry').to.not.exist;
    expect(part(badge, 'loading'), 'no endless placeholder').to.not.exist;
    expect(part(badge, 'error')?.getAttribute('role')).to.equal('alert');
  }

  for (const lang of LANGUAGES) {
    describe(`in ${lang === 'en' ? 'English' : 'German'}`, () => {
      it('no api-base: named in the console; on a public page the badge hides, with on-error="message" it says so', async () => {
        const { partnerId, publishableKey } = await demo();
        const hidden = await badgePage({ partnerId, publishableKey, lang });
        expect(hidden.hidden, 'hidden, not an endless placeholder').to.be.true;
        expect(hidden.getBoundingClientRect().height).to.equal(0);
        expectConsole('no-api-base', /: set api-base\. /);
        fixtureCleanup();
        logged = [];
        const told = await badgePage({ partnerId, publishableKey, lang, onError: 'message' });
        expectVisitorReads(told, lang === 'en' ? 'Not set up: api-base is missing.' : 'Nicht eingerichtet: api-base fehlt.');
        expectConsole('no-api-base', /set api-base/);
        await expect(told).to.be.accessible();
      });

      it('no partner-id: named in the widget and the console', async () => {
        const { apiBase, publishableKey } = await demo();
        const badge = await badgePage({ apiBase, publishableKey, lang, onError: 'message' });
        expectVisitorReads(badge, lang === 'en' ? 'Not set up: partner-id is missing.' : 'Nicht eingerichtet: partner-id fehlt.');
        expectConsole('no-partner-id', /: set partner-id\. /);
      });

      it('no credential: named in the widget (nothing to fall back to) and the console', async () => {
        const { apiBase, partnerId } = await demo();
        const badge = await badgePage({ apiBase, partnerId, lang });
        expectVisitorReads(
          badge,
          lang === 'en' ? 'Not set up: publishable-key / token-endpoint is missing.' : 'Nicht eingerichtet: publishable-key / token-endpoint fehlt.',
        );
        expectConsole('no-credential', /: set publishable-key \/ token-endpoint\. /);
      });

      it('a secret key in publishable-key: refused before any request, said in the widget and the console', async () => {
        const { apiBase, partnerId, secretKey } = await demo();
        const requests = () => performance.getEntriesByType('resource').filter((entry) => entry.name.startsWith(apiBase)).length;
        const before = requests();
        const badge = await badgePage({ apiBase, partnerId, publishableKey: secretKey, lang });
        await new Promise((resolve) => setTimeout(resolve, 300));
        expect(requests(), 'no request to the API (nor an image with the key in its URL)').to.equal(before);
        expectVisitorReads(
          badge,
          lang === 'en' ? 'Refused: a secret key must never be in a web page.' : 'Abgelehnt: Ein geheimer Schlüssel gehört nie in eine Webseite.',
        );
        expectConsole('secret-key', /a secret key \(sk_…\) is in publishable-key, where every visitor reads it: revoke it/);
        expect(logged[0]).to.not.contain(secretKey);
      });

      it('a wrong or revoked key: said so (no "session expired"); by default the badge hides', async () => {
        const { apiBase, partnerId } = await demo();
        const publishableKey = 'pk_test_0000000000000000000000';
        const told = await badgePage({ apiBase, partnerId, publishableKey, lang, onError: 'message' });
        expectVisitorReads(
          told,
          lang === 'en' ? 'The publishable key is not valid or was revoked.' : 'Der Publishable Key ist ungültig oder wurde widerrufen.',
        );
        expect(textOf(told)).to.not.match(/session|Sitzung|req_/i);
        expectConsole('key-invalid', /the publishable key is unknown or revoked/);
        fixtureCleanup();
        logged = [];
        // The default, on-error="image": the image is refused too (the same key), so the badge hides itself.
        const quiet = await badgePage({ apiBase, partnerId, publishableKey, lang });
        await waitUntil(() => quiet.hidden, 'the badge to hide after its image failed', { timeout: 5000 });
        expectConsole('key-invalid', /unknown or revoked/);
      });

      it('a website not registered for the key: the badge image for visitors, the reason in the console', async () => {
        // The test server under another name is another origin, which the sandbox does not know.
        const foreign = `http://127.0.0.1:${location.port}/packages/widgets/test/support/foreign-origin-page.html`;
        const visit = async (onError: string) => {
          const frame = document.createElement('iframe');
          const answer = new Promise<any>((resolve) => window.addEventListener('message', (event) => resolve(event.data), { once: true }));
          frame.src = `${foreign}?lang=${lang}&on-error=${onError}`;
          document.body.append(frame);
          try {
            return await answer;
          } finally {
            frame.remove();
          }
        };
        const quiet = await visit('image');
        expect(quiet.image, 'the badge as an image').to.include({ loaded: true });
        expect(quiet.image.src).to.match(/\/badge\.svg\?key=pk_/);
        expect(quiet.image.alt).to.equal(lang === 'en' ? 'Poly partner badge' : 'Poly-Partnerabzeichen');
        expect(quiet.retry, 'no Retry').to.be.false;
        expect(quiet.text).to.not.match(/req_|Retry|Erneut/);
        expect(quiet.console).to.have.length(1);
        expect(quiet.console[0]).to.equal(
          `<partner-tier-badge>: register this origin (${quiet.origin}) for the publishable key. ${DOCS}origin-not-allowed`,
        );

        const told = await visit('message');
        expect(told.text).to.equal(
          lang === 'en' ? 'This website is not registered for this publishable key.' : 'Diese Website ist für diesen Publishable Key nicht registriert.',
        );
        expect(told.retry).to.be.false;
        expect(told.console[0]).to.contain(`${DOCS}origin-not-allowed`);
      });
    });
  }

  it('a page that sets its configuration from a script, a moment later, sees no mistake and no console message', async () => {
    const { apiBase, partnerId, publishableKey } = await demo();
    const config = await fixture(html`<partner-config environment="sandbox"><partner-tier-badge></partner-tier-badge></partner-config>`);
    const badge = config.querySelector('partner-tier-badge') as PartnerTierBadge;
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(part(badge, 'loading'), 'waits, as loading').to.exist;
    Object.assign(config, { apiBase, partnerId, publishableKey });
    await waitUntil(() => part(badge, 'status'), 'the badge to load', { timeout: 8000 });
    expect(textOf(badge)).to.contain('Sandbox badge, not issued by Poly');
    await new Promise((resolve) => setTimeout(resolve, 2000));
    expect(logged).to.deep.equal([]);
    expect(part(badge, 'error')).to.not.exist;
  });

  it('switches the message with the page language, as every other text', async () => {
    const { apiBase, publishableKey } = await demo();
    const badge = await badgePage({ apiBase, publishableKey, lang: 'en', onError: 'message' });
    expect(textOf(badge)).to.equal('Not set up: partner-id is missing.');
    badge.closest('partner-config')!.setAttribute('lang', 'de');
    await waitUntil(() => textOf(badge) === 'Nicht eingerichtet: partner-id fehlt.', 'German after the switch', { timeout: 5000 });
    expect(logged, 'the console is told once').to.have.length(1);
  });
});
