import { ContextProvider } from '@lit/context';
import { createPartnerClient, type PartnerClient } from '@poly-partner/sdk';
import { css, html, LitElement, type PropertyValues } from 'lit';
import { property } from 'lit/decorators/property.js';
import { PartnerConfigChangeEvent } from '../events/partner-config-change-event.js';
import { partnerContext, type PartnerContextValue } from './partner-context.js';
import { createTokenEndpointProvider } from './token-endpoint-provider.js';

/**
 * @summary Page-level configuration of the Poly partner widgets: where the API is and how to authenticate.
 * Widgets inside it use it; widgets elsewhere on the page use the first `<partner-config>` of the document.
 *
 * @slot - Widgets (or any content) that use this configuration.
 * @event partner-config-change - The client or settings changed (widgets listen to it; hosts rarely need to).
 */
export class PartnerConfig extends LitElement {
  static override styles = css`
    :host {
      display: contents;
    }
  `;

  /** Base URL of the Poly partner API, e.g. `https://api.partners.poly.example`. */
  @property({ attribute: 'api-base' }) apiBase?: string;

  /** A publishable key (`pk_…`) for marketing sites: reads the partner's badge, nothing else. */
  @property({ attribute: 'publishable-key' }) publishableKey?: string;

  /** URL on the page's own origin that answers POST with `{ token, expiresAt }` (an embed token for the signed-in user). */
  @property({ attribute: 'token-endpoint' }) tokenEndpoint?: string;

  /** Default partner for partner widgets inside (their own `partner-id` wins). */
  @property({ attribute: 'partner-id' }) partnerId?: string;

  /** Default organization for organization widgets inside (their own `org-id` wins). */
  @property({ attribute: 'org-id' }) orgId?: string;

  /**
   * `sandbox` for development against the Poly partner sandbox: badges are checked with the keys of `api-base` and
   * say visibly that they are sandbox badges. Otherwise (production, the default) badges are checked only with the
   * keys of the Poly issuer built into the widgets, whatever `api-base` says.
   */
  @property() environment?: 'production' | 'sandbox';

  /** A ready-made client (for example with a `secretKey` in tests, or a custom `fetch`); wins over the attributes. */
  @property({ attribute: false }) client?: PartnerClient;

  /**
   * Language of the widgets that use this configuration (`en`, `de`), unless they or an element between have their
   * own `lang`. Declared (it is a global attribute) so a change re-provides the context, also to widgets outside.
   */
  @property({ reflect: true }) override lang!: string;

  private builtClient?: PartnerClient;
  private readonly provider = new ContextProvider(this, { context: partnerContext, initialValue: this.contextValue });

  /**
   * What the widgets see.
   * @internal
   */
  get contextValue(): PartnerContextValue {
    return {
      client: this.client ?? this.builtClient,
      locale: this.lang || undefined,
      partnerId: this.partnerId || undefined,
      orgId: this.orgId || undefined,
      apiBase: this.apiBase,
      publishableKey: this.tokenEndpoint ? undefined : this.publishableKey,
    };
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    const credentialChanged =
      changed.has('apiBase') || changed.has('publishableKey') || changed.has('tokenEndpoint') || changed.has('environment') ||
      // The token endpoint is asked for a token of this subject.
      (this.tokenEndpoint && (changed.has('partnerId') || changed.has('orgId')));
    if (credentialChanged) this.builtClient = this.buildClient();
    this.provider.setValue(this.contextValue);
    this.dispatchEvent(new PartnerConfigChangeEvent());
  }

  private buildClient(): PartnerClient | undefined {
    if (!this.apiBase) return undefined;
    const common = { baseUrl: this.apiBase, environment: this.environment === 'sandbox' ? 'sandbox' : 'production' } as const;
    if (this.tokenEndpoint) {
      return createPartnerClient({
        ...common,
        getToken: createTokenEndpointProvider(this.tokenEndpoint, { partnerId: this.partnerId, orgId: this.orgId }),
      });
    }
    // A secret key in a page is published to every visitor: never sent (the widgets say so, see setup-problems.ts).
    if (this.publishableKey && !this.publishableKey.startsWith('sk_')) return createPartnerClient({ ...common, publishableKey: this.publishableKey });
    return undefined;
  }

  protected override render() {
    return html`<slot></slot>`;
  }
}
