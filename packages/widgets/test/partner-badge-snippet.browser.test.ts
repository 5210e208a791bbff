// <partner-badge-snippet> as a reseller uses it in its portal, against the real sandbox through the page's own
// <partner-config token-endpoint>: create a key, add websites (refused ones say why), copy the code, see the preview;
// in English and German, by keyboard, accessible, and laid out by its own width.
import { expect, fixture, fixtureCleanup, html, waitUntil } from '@open-wc/testing';
import '../src/config/partner-config.js';
import '../src/components/partner-badge-snippet/partner-badge-snippet.js';
import type { PartnerBadgeSnippet } from '../src/components/partner-badge-snippet/partner-badge-snippet.js';
import { focusedIn, sendKeys, tabTo } from './support/keyboard.js';
import { part, textOf, waitForText } from '../../../test/support/browser/mount.js';
import { demoReseller, sandboxConfig, startSandboxFirst } from '../../../test/support/browser/sandbox.js';

/** A portal page for `partnerId`: the config with the test server's token endpoint, and the generator. */
async function portal(partnerId: string, options: { lang?: string; width?: string } = {}): Promise<PartnerBadgeSnippet> {
  const { baseUrl } = await sandboxConfig();
  const wrapper = await fixture(html`<div class=${options.width ?? ''} style=${options.width ? `width:${options.width}` : ''}>
    <partner-config api-base=${baseUrl} token-endpoint="/__sandbox/embed-token" partner-id=${partnerId} environment="sandbox" lang=${options.lang ?? 'en'}>
      <partner-badge-snippet></partner-badge-snippet>
    </partner-config>
  </div>`);
  const el = wrapper.querySelector('partner-badge-snippet') as PartnerBadgeSnippet;
  await waitUntil(() => part(el, 'key') || part(el, 'create-button') || part(el, 'error'), 'the generator to load', { timeout: 10_000 });
  return el;
}

function shadow<E extends Element = HTMLElement>(el: Element, selector: string): E {
  const found = el.shadowRoot!.querySelector<E>(selector);
  if (!found) throw new Error(`no ${selector} in ${textOf(el).slice(0, 200)}`);
  return found;
}

async function addWebsite(el: PartnerBadgeSnippet, address: string): Promise<void> {
  const input = shadow<HTMLInputElement>(el, '#website');
  input.value = address;
  shadow<HTMLButtonElement>(el, '[part="add-button"]').click();
  // The submit clears the last answer at once; then wait for the new one.
  await el.updateComplete;
  await waitUntil(() => !shadow<HTMLButtonElement>(el, '[part="add-button"]').disabled && (part(el, 'website-error') || !input.value), 'the answer', { timeout: 8000 });
}

describe('<partner-badge-snippet>', () => {
  before(startSandboxFirst);
  afterEach(fixtureCleanup);

  it('creates a key, adds a website, and offers the HTML and the image with a live preview (en)', async () => {
    const { partnerId } = await demoReseller(/Register, new to the program/);
    const { baseUrl } = await sandboxConfig();
    let el = await portal(partnerId);
    // A reseller starts without a key: one button, no code yet.
    expect(textOf(el)).to.match(/You have no publishable key yet/);
    expect(textOf(el)).to.match(/Create a publishable key to get the code/);
    await expect(el).to.be.accessible();
    part(el, 'create-button')!.click();
    await waitUntil(() => part(el, 'key'), 'the new key');
    const key = part(el, 'key')!.textContent!.trim();
    expect(key).to.match(/^pk_test_/);
    expect(el.shadowRoot!.activeElement?.id, 'focus moves to the website field').to.equal('website');
    expect(textOf(el)).to.match(/No website yet/);

    await addWebsite(el, 'www.snippet-test.example.de/kontakt');
    expect([...el.shadowRoot!.querySelectorAll('[part="websites"] li')].map((li) => li.textContent)).to.deep.equal(['https://www.snippet-test.example.de']);
    await waitForText(el, /Website added: https:\/\/www\.snippet-test\.example\.de/);

    const code = shadow<HTMLTextAreaElement>(el, '#html-code').value;
    expect(code).to.equal(
      [
        '<script type="module" src="/poly-partner-widgets/embed.js"></script>',
        `<partner-config api-base="${baseUrl}" publishable-key="${key}" environment="sandbox">`,
        `  <partner-tier-badge partner-id="${partnerId}"></partner-tier-badge>`,
        '</partner-config>',
      ].join('\n'),
    );
    const image = shadow<HTMLTextAreaElement>(el, '#image-code').value;
    expect(image).to.equal(
      `<a href="${baseUrl}/verify/${partnerId}"><img src="${baseUrl}/v1/partners/${partnerId}/badge.svg?key=${key}" alt="Poly partner badge, verified by Poly" width="320" height="75"></a>`,
    );
    // The preview is the image itself, fetched with the new key.
    const preview = shadow<HTMLImageElement>(el, '[part="preview"] img');
    await waitUntil(() => preview.complete && preview.naturalWidth > 0, 'the preview image to load', { timeout: 8000 });
    expect(preview.getAttribute('src')).to.equal(`${baseUrl}/v1/partners/${partnerId}/badge.svg?key=${key}`);
    await expect(el).to.be.accessible();

    // Another visit lists the key with its website, from the API.
    fixtureCleanup();
    el = await portal(partnerId);
    expect(part(el, 'key')!.textContent!.trim()).to.equal(key);
    expect(textOf(el)).to.match(/https:\/\/www\.snippet-test\.example\.de/);
  });

  it('says why a website was not added: no address, or no domain of the reseller (the API refuses co.uk)', async () => {
    const { partnerId } = await demoReseller(/Register, new to the program/);
    const el = await portal(partnerId);
    await addWebsite(el, 'not a website');
    expect(part(el, 'website-error')!.textContent).to.match(/Enter a website address, such as https:\/\/www\.example\.com\./);
    const input = shadow<HTMLInputElement>(el, '#website');
    expect(input.getAttribute('aria-invalid')).to.equal('true');
    expect(input.getAttribute('aria-describedby')).to.contain('website-error');
    expect(el.shadowRoot!.activeElement).to.equal(input);

    await addWebsite(el, 'https://co.uk');
    expect(part(el, 'website-error')!.textContent).to.match(/not a domain of your own/);
    await expect(el).to.be.accessible();
    // Nothing was added.
    const listed = [...el.shadowRoot!.querySelectorAll('[part="websites"] li')].map((li) => li.textContent);
    expect(listed, 'co.uk not listed').to.not.include('https://co.uk');
  });

  it('copies the code and confirms it to screen readers; when copying is refused, selects the code and says how', async () => {
    const { partnerId } = await demoReseller(/Register, new to the program/);
    const el = await portal(partnerId);
    const [htmlButton] = el.shadowRoot!.querySelectorAll<HTMLButtonElement>('[part="copy-button"]');
    const status = () => el.shadowRoot!.querySelectorAll('[part~="copy-status"]')[0]!;
    expect(status().getAttribute('role')).to.equal('status');

    const original = navigator.clipboard.writeText;
    let written: string | undefined;
    try {
      // Headless Chromium has no clipboard to read back: record what is written; then a refusal (a fault).
      navigator.clipboard.writeText = async (text: string) => {
        written = text;
      };
      htmlButton!.click();
      await waitUntil(() => /Copied to the clipboard\./.test(status().textContent ?? ''), 'the confirmation');
      expect(written).to.equal(shadow<HTMLTextAreaElement>(el, '#html-code').value);

      navigator.clipboard.writeText = () => Promise.reject(new DOMException('denied', 'NotAllowedError'));
      htmlButton!.click();
      await waitUntil(() => /Copying was not allowed/.test(status().textContent ?? ''), 'the fallback');
      const area = shadow<HTMLTextAreaElement>(el, '#html-code');
      expect(el.shadowRoot!.activeElement).to.equal(area);
      expect([area.selectionStart, area.selectionEnd]).to.deep.equal([0, area.value.length]);
    } finally {
      navigator.clipboard.writeText = original;
    }
  });

  it('works by keyboard: Tab to the field, type, Enter adds the website', async () => {
    const { partnerId } = await demoReseller(/Register, new to the program/);
    const el = await portal(partnerId);
    el.focus();
    await tabTo(el, 'website');
    await sendKeys({ type: 'shop.snippet-keys.example' });
    await sendKeys({ press: 'Enter' });
    await waitForText(el, /Website added: https:\/\/shop\.snippet-keys\.example/);
    expect(focusedIn(el)?.id).to.equal('website');
  });

  it('speaks German on a German page, the API refusal included', async () => {
    const { partnerId } = await demoReseller(/Register, new to the program/);
    const el = await portal(partnerId, { lang: 'de' });
    await waitForText(el, /Publishable Key/);
    expect(textOf(el)).to.match(/Website hinzufügen/);
    expect(textOf(el)).to.match(/Code für Ihre Website/);
    expect(textOf(el)).to.match(/Bild für E-Mail-Signaturen/);
    expect(textOf(el)).to.not.match(/Add a website|Copy HTML/);
    expect(shadow<HTMLTextAreaElement>(el, '#image-code').value).to.contain('alt="Poly-Partnerabzeichen, von Poly geprüft"');
    expect(shadow<HTMLTextAreaElement>(el, '#image-code').value).to.contain('badge.svg?key=').and.contain('&amp;lang=de"');
    await addWebsite(el, 'https://github.io');
    expect(part(el, 'website-error')!.textContent).to.match(/keine eigene Domain/);
    await expect(el).to.be.accessible();
  });

  it('lays itself out by its own width: side by side when wide, stacked when narrow, never wider than its box', async () => {
    const { partnerId } = await demoReseller(/Register, new to the program/);
    for (const [width, sideBySide] of [['60rem', true], ['300px', false]] as const) {
      const el = await portal(partnerId, { width });
      const [keys, code] = [...el.shadowRoot!.querySelectorAll('section')].map((section) => section.getBoundingClientRect());
      expect(Math.abs(keys!.top - code!.top) < 1, `${width}: side by side`).to.equal(sideBySide);
      expect(el.scrollWidth, `${width}: no sideways scrolling`).to.be.at.most(el.clientWidth + 1);
      fixtureCleanup();
    }
  });
});
