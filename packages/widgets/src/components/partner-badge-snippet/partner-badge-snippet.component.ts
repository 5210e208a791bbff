import { initialState } from '@lit/task';
import { createPublishableKeysClient, type PublishableKey, type PublishableKeyList, type PublishableKeysResource } from '@poly-partner/sdk';
import { html, nothing } from 'lit';
import { property } from 'lit/decorators/property.js';
import { state } from 'lit/decorators/state.js';
import { createTokenEndpointProvider } from '../../config/token-endpoint-provider.js';
import { msg, str } from '../../localization/localization.js';
import { PartnerElement } from '../../internal/partner-element.js';
import { asPartnerApiError, errorMessage } from '../../internal/state-view.js';
import styles from './partner-badge-snippet.styles.js';

/** Where the snippet loads the embed from unless `embed-src` says otherwise: the reseller's own site (strict CSP). */
const DEFAULT_EMBED_SRC = '/poly-partner-widgets/embed.js';
/** How long "Copied" stays shown. */
const COPIED_MS = 6_000;

/** Why a website was not added: checked here (`format`), or the API's answer (an error code of `PartnerApiError`). */
type AddProblem = { kind: 'format' } | { kind: 'not_registrable' } | { kind: 'api'; error: unknown };

/** The website origin `input` names (`www.example.de`, `https://example.de/shop`), or undefined when it names none. */
export function websiteOrigin(input: string): string | undefined {
  const text = input.trim();
  if (!text || /\s/.test(text)) return undefined;
  let url: URL;
  try {
    url = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : `https://${text}`);
  } catch {
    return undefined;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return undefined;
  if (url.username || url.password) return undefined;
  // A host with a dot (a domain; the API checks it is a registrable one), or a developer's own machine.
  const host = url.hostname;
  if (!host.includes('.') && host !== 'localhost') return undefined;
  if (host.startsWith('.') || host.endsWith('.') || host.includes('..')) return undefined;
  return url.origin;
}

/**
 * This element's German messages are a catalog of their own (scripts/catalog-imports.ts moves them out of the German
 * of every page): loaded with the German catalog and added to it, once per page.
 */
let ownGerman: Promise<void> | undefined;
function loadOwnGerman(): Promise<void> {
  return (ownGerman ??= Promise.all([import('../../generated/locales/de.js'), import('../../generated/snippet-locales/de.js')]).then(
    ([catalog, own]) => {
      Object.assign(catalog.templates as Record<string, unknown>, own.templates);
    },
    (error: unknown) => {
      ownGerman = undefined;
      throw error;
    },
  ));
}

/** `"` and `&` and `<` escaped, for values written into attributes of the snippet. */
function attribute(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
}

/**
 * @summary For the reseller's own portal: its publishable key (or a button that creates one), the websites the key is
 * valid for, a form that registers another website, and the HTML to copy onto those websites — the script tag, the
 * configuration and the badge — with the `<img>` variant for e-mail signatures and a live preview.
 *
 * It talks to the API with the page's `<partner-config>`: its `api-base` and `token-endpoint` (embed tokens with the
 * `badge:manage` scope, which a reseller's tokens hold unless minted narrower), or with the `keys-client` property. A website is checked here (an address such as `www.example.com`) and
 * by the API, which accepts only registrable domains (not `co.uk` or `github.io`). The badge then verifies on the
 * reseller's registered websites, which Poly maintains.
 *
 * @event partner-ready - The keys were loaded.
 * @event partner-error - Loading, creating a key or adding a website failed; `event.error` is the `PartnerApiError`.
 *
 * @csspart base - The whole box; also `loading` or `error` while so.
 * @csspart key - The publishable key.
 * @csspart create-button - Creates a publishable key when the reseller has none.
 * @csspart websites - The list of websites the key is valid for.
 * @csspart website-input - The address of a website to add.
 * @csspart add-button - Adds the website.
 * @csspart website-error - Why the website was not added.
 * @csspart html-code - The HTML for web pages.
 * @csspart image-code - The `<img>` HTML for e-mail signatures and pages without JavaScript.
 * @csspart copy-button - A copy button (one per code).
 * @csspart copy-status - "Copied", announced to screen readers.
 * @csspart preview - The live preview of the badge image.
 *
 * @cssproperty --partner-badge-snippet-surface - Background (default `--partner-color-surface`).
 * @cssproperty --partner-badge-snippet-border-color - Border (default `--partner-color-border`).
 */
export class PartnerBadgeSnippet extends PartnerElement {
  static override styles = [PartnerElement.styles, styles];

  /** The reseller whose keys to show; defaults to `<partner-config partner-id>`. */
  @property({ attribute: 'partner-id' }) partnerId?: string;

  /** The API base URL written into the snippet; defaults to the page's `<partner-config api-base>`. */
  @property({ attribute: 'api-base' }) apiBase?: string;

  /**
   * Where the reseller's pages load `embed.js` from, written into the snippet. Default `/poly-partner-widgets/embed.js`:
   * the file and its `embed-chunks/` folder copied to the reseller's own site.
   */
  @property({ attribute: 'embed-src' }) embedSrc?: string;

  /** `sandbox` writes `environment="sandbox"` into the snippet; defaults to the page's `<partner-config environment>`. */
  @property() environment?: 'production' | 'sandbox';

  /**
   * The client for the reseller's keys (`createPublishableKeysClient()` of the SDK). By default one is made from the
   * page's `<partner-config>`: its `api-base` and `token-endpoint`. (Key management is not in the page's shared
   * client, so that pages which only show widgets do not carry its code.)
   */
  @property({ attribute: false }) keysClient?: PublishableKeysResource;

  /** The client made from the page's configuration, and what it was made from. */
  private madeKeysClient?: { from: string; client: PublishableKeysResource };

  /** The key shown after this widget created one or added a website (the loaded list until then). */
  @state() private current?: PublishableKey;
  @state() private busy: 'create' | 'add' | undefined;
  @state() private problem?: AddProblem;
  /** The origin just added, for the announcement. */
  @state() private added?: string;
  @state() private copied?: { which: 'html' | 'image'; ok: boolean };
  private copiedTimer?: ReturnType<typeof setTimeout>;

  private readonly keys = this.createDataTask(
    () => [this.settings.partnerId, this.keysResource] as const,
    async (client, [partnerId, keys], signal): Promise<{ list: PublishableKeyList; verifyUrl: string } | typeof initialState> => {
      if (!partnerId || !keys) return initialState;
      // The issuer's verification page, where the image links: the page's client knows it (the sandbox's in sandbox mode).
      const [list, verifyUrl] = await Promise.all([keys.list(partnerId, { signal }), client.badges.verificationUrl(partnerId)]);
      this.current = undefined;
      return { list, verifyUrl };
    },
  );

  protected override scheduleUpdate(): void | Promise<unknown> {
    // Resolves the language (and starts the page's German catalog, as the base class does).
    void this.localization.catalogPending()?.catch(() => undefined);
    if (this.localization.locale !== 'de') return super.scheduleUpdate();
    // A failed load renders English, like the base class.
    return loadOwnGerman().catch(() => undefined).then(() => super.scheduleUpdate());
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.copiedTimer);
  }

  /** The page's `<partner-config>`, for what the snippet repeats of it (API base, environment). */
  private pageConfig(name: string): string | undefined {
    const config = this.closest('partner-config') ?? document.querySelector('partner-config');
    return config?.getAttribute(name) ?? undefined;
  }

  /** `keys-client`, else one made from the page's `api-base` and `token-endpoint` (the same one while they stay). */
  private get keysResource(): PublishableKeysResource | undefined {
    if (this.keysClient) return this.keysClient;
    const apiBase = this.snippetApiBase;
    const endpoint = this.pageConfig('token-endpoint');
    const partnerId = this.settings.partnerId;
    if (!apiBase || !endpoint || !partnerId) return undefined;
    const from = `${apiBase} ${endpoint} ${partnerId} ${this.sandbox}`;
    if (this.madeKeysClient?.from !== from) {
      const client = createPublishableKeysClient({
        baseUrl: apiBase,
        environment: this.sandbox ? 'sandbox' : 'production',
        getToken: createTokenEndpointProvider(endpoint, { partnerId }),
      });
      this.madeKeysClient = { from, client };
    }
    return this.madeKeysClient.client;
  }

  private get snippetApiBase(): string {
    return (this.apiBase ?? this.pageConfig('api-base') ?? '').replace(/\/+$/, '');
  }

  private get sandbox(): boolean {
    return (this.environment ?? this.pageConfig('environment')) === 'sandbox';
  }

  protected override render() {
    return this.renderTask(this.keys, ({ list, verifyUrl }) => {
      const key = this.current ?? list.items.find((candidate) => candidate.origins.length > 0) ?? list.items[0];
      return html`<div part="base" class="snippet">
        <section aria-labelledby="key-heading">${this.renderKey(key)}</section>
        <section aria-labelledby="code-heading">${this.renderCode(key, verifyUrl)}</section>
      </div>`;
    }, 4);
  }

  private renderKey(key: PublishableKey | undefined) {
    if (!key) {
      return html`<h3 id="key-heading">${msg('Publishable key', { id: 'snippet.keyHeading' })}</h3>
        <p>${msg('You have no publishable key yet. It lets your web pages show your badge, and nothing else.', { id: 'snippet.noKey' })}</p>
        <div><button part="create-button" type="button" ?disabled=${this.busy === 'create'} @click=${this.createKey}>
          ${msg('Create a publishable key', { id: 'snippet.createKey' })}</button></div>
        ${this.problem?.kind === 'api' ? html`<p class="error" role="alert">${errorMessage(asPartnerApiError(this.problem.error))}</p>` : nothing}`;
    }
    const error = this.problem ? this.problemText(this.problem) : undefined;
    return html`<h3 id="key-heading">${msg('Publishable key', { id: 'snippet.keyHeading' })}</h3>
      <code part="key">${key.key}</code>
      <p class="muted">${msg('Safe to publish: it reads only your badge, and only on the websites below.', { id: 'snippet.keySafe' })}</p>
      <h4 id="websites-heading">${msg('Websites', { id: 'snippet.websites' })}</h4>
      ${key.origins.length
        ? html`<ul part="websites" aria-labelledby="websites-heading">${key.origins.map((origin) => html`<li>${origin}</li>`)}</ul>`
        : html`<p>${msg('No website yet: add the address of the site that will show your badge.', { id: 'snippet.noWebsites' })}</p>`}
      <form novalidate @submit=${(event: SubmitEvent) => this.addWebsite(event, key)}>
        <label for="website">${msg('Add a website', { id: 'snippet.addLabel' })}</label>
        <span id="website-hint" class="muted">${msg('Its address, such as https://www.example.com', { id: 'snippet.addHint' })}</span>
        <div class="field-row">
          <input part="website-input" id="website" name="website" type="text" inputmode="url" autocomplete="url" spellcheck="false"
            aria-describedby=${error ? 'website-hint website-error' : 'website-hint'} aria-invalid=${error ? 'true' : 'false'} />
          <button part="add-button" type="submit" ?disabled=${this.busy === 'add'}>${msg('Add website', { id: 'snippet.addButton' })}</button>
        </div>
        ${error ? html`<p part="website-error" id="website-error" class="error">${error}</p>` : nothing}
        <p class="visually-hidden" role="status">${this.added ? msg(str`Website added: ${this.added}`, { id: 'snippet.added' }) : ''}</p>
      </form>`;
  }

  private problemText(problem: AddProblem): string {
    if (problem.kind === 'format') return msg('Enter a website address, such as https://www.example.com.', { id: 'snippet.error.format' });
    if (problem.kind === 'not_registrable') {
      return msg('This is not a domain of your own. Use your website\'s address, such as www.example.com, not a shared ending such as co.uk or github.io.', { id: 'snippet.error.notRegistrable' });
    }
    return errorMessage(asPartnerApiError(problem.error));
  }

  private renderCode(key: PublishableKey | undefined, verifyUrl: string) {
    const heading = html`<h3 id="code-heading">${msg('Code for your website', { id: 'snippet.codeHeading' })}</h3>`;
    const partnerId = this.settings.partnerId;
    if (!key || !partnerId) return html`${heading}<p class="muted">${msg('Create a publishable key to get the code.', { id: 'snippet.codeNeedsKey' })}</p>`;
    const apiBase = this.snippetApiBase;
    const embedSrc = this.embedSrc ?? DEFAULT_EMBED_SRC;
    const german = this.localization.lang.toLowerCase().startsWith('de');
    const imageUrl = `${apiBase}/v1/partners/${encodeURIComponent(partnerId)}/badge.svg?key=${encodeURIComponent(key.key)}${german ? '&lang=de' : ''}`;
    const alt = msg('Poly partner badge, verified by Poly', { id: 'snippet.imageAlt' });
    const pageCode = [
      `<script type="module" src="${attribute(embedSrc)}"></script>`,
      `<partner-config api-base="${attribute(apiBase)}" publishable-key="${attribute(key.key)}"${this.sandbox ? ' environment="sandbox"' : ''}>`,
      `  <partner-tier-badge partner-id="${attribute(partnerId)}"></partner-tier-badge>`,
      '</partner-config>',
    ].join('\n');
    const imageCode = `<a href="${attribute(verifyUrl)}"><img src="${attribute(imageUrl)}" alt="${attribute(alt)}" width="320" height="75"></a>`;
    return html`${heading}
      ${key.origins.length
        ? nothing
        : html`<p class="muted">${msg('The badge shows only on websites added to the key.', { id: 'snippet.codeNeedsWebsite' })}</p>`}
      <label for="html-code">${msg('HTML for your web pages', { id: 'snippet.htmlLabel' })}</label>
      <span id="html-hint" class="muted">${msg(str`Copy embed.js and its embed-chunks folder to ${embedSrc} on your site, or change the path.`, { id: 'snippet.htmlHint' })}</span>
      <textarea part="html-code" id="html-code" readonly rows="5" spellcheck="false" aria-describedby="html-hint" .value=${pageCode}></textarea>
      ${this.renderCopy('html', pageCode)}
      <label for="image-code">${msg('Image for e-mail signatures and pages without JavaScript', { id: 'snippet.imageLabel' })}</label>
      <textarea part="image-code" id="image-code" readonly rows="4" spellcheck="false" .value=${imageCode}></textarea>
      ${this.renderCopy('image', imageCode)}
      <figure part="preview">
        <img src=${imageUrl} alt=${alt} width="320" height="75" />
        <figcaption>${msg('Preview', { id: 'snippet.preview' })}</figcaption>
      </figure>`;
  }

  private renderCopy(which: 'html' | 'image', text: string) {
    const shown = this.copied?.which === which ? this.copied : undefined;
    const label = which === 'html' ? msg('Copy HTML', { id: 'snippet.copyHtml' }) : msg('Copy image HTML', { id: 'snippet.copyImage' });
    return html`<div class="copy-row">
      <button part="copy-button" type="button" @click=${() => this.copy(which, text)}>${label}</button>
      <span part="copy-status" class=${shown && !shown.ok ? 'failed' : ''} role="status">${shown
        ? shown.ok
          ? msg('Copied to the clipboard.', { id: 'snippet.copied' })
          : msg('Copying was not allowed. The code is selected: press Ctrl+C (⌘C on a Mac).', { id: 'snippet.copyFailed' })
        : ''}</span>
    </div>`;
  }

  private async copy(which: 'html' | 'image', text: string): Promise<void> {
    clearTimeout(this.copiedTimer);
    let ok = true;
    try {
      await navigator.clipboard.writeText(text);
    } catch {
      ok = false;
      const area = this.renderRoot.querySelector<HTMLTextAreaElement>(which === 'html' ? '#html-code' : '#image-code');
      area?.focus();
      area?.select();
    }
    this.copied = { which, ok };
    if (ok) this.copiedTimer = setTimeout(() => (this.copied = undefined), COPIED_MS);
  }

  private async createKey(): Promise<void> {
    const keys = this.keysResource;
    const partnerId = this.settings.partnerId;
    if (!keys || !partnerId) return;
    this.busy = 'create';
    this.problem = undefined;
    try {
      this.current = await keys.create(partnerId);
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLInputElement>('#website')?.focus();
    } catch (error) {
      this.problem = { kind: 'api', error };
      this.reportError(error);
    } finally {
      this.busy = undefined;
    }
  }

  private async addWebsite(event: SubmitEvent, key: PublishableKey): Promise<void> {
    event.preventDefault();
    const input = this.renderRoot.querySelector<HTMLInputElement>('#website')!;
    const keys = this.keysResource;
    const partnerId = this.settings.partnerId;
    this.added = undefined;
    const origin = websiteOrigin(input.value);
    if (!origin) {
      this.problem = { kind: 'format' };
      input.focus();
      return;
    }
    if (!keys || !partnerId) return;
    this.busy = 'add';
    this.problem = undefined;
    try {
      this.current = await keys.addOrigin(partnerId, key.id, origin);
      this.added = origin;
      input.value = '';
    } catch (error) {
      const apiError = asPartnerApiError(error);
      this.problem = apiError.fieldErrors.some((field) => field.path === 'origin') ? { kind: 'not_registrable' } : { kind: 'api', error };
      this.reportError(error);
    } finally {
      this.busy = undefined;
    }
    if (this.problem) {
      await this.updateComplete;
      input.focus();
    }
  }
}
