// Resolves which API client, partner, organization and language a widget uses, from the widget and the page.
import { ContextConsumer } from '@lit/context';
import type { PartnerClient } from '@poly-partner/sdk';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { partnerContext, type PartnerContextValue } from '../config/partner-context.js';
import type { SetupProblem } from './setup-problems.js';

/** What a widget may set on itself; each wins over the page's `<partner-config>`. */
export interface ClientHost extends ReactiveControllerHost, HTMLElement {
  client?: PartnerClient | undefined;
  partnerId?: string | undefined;
  orgId?: string | undefined;
}

/** How long a widget waits for its configuration before it names what is missing. */
const SETTLE_MS = 2000;

/** The closest `<partner-config>` above `start` (crossing shadow roots), else the first in the document. */
function findConfig(start: Element): Element | null {
  let node: Element | null = start;
  while (node) {
    const found = node.closest('partner-config');
    if (found) return found;
    const root = node.getRootNode();
    node = root instanceof ShadowRoot ? root.host : null;
  }
  return document.querySelector('partner-config');
}

/**
 * Order of precedence: the widget's `client` property, else the nearest `<partner-config>` above it (through
 * @lit/context), else the first `<partner-config>` in the document. `partnerId`/`orgId`: the widget's attribute,
 * else the config's. Re-renders the host whenever the configuration it uses changes.
 */
export class ClientController implements ReactiveController {
  private readonly host: ClientHost;
  private fromContext?: PartnerContextValue;
  private fallbackConfig?: Element;
  private fromFallback?: PartnerContextValue;
  private settled = false;

  constructor(host: ClientHost) {
    this.host = host;
    // Added before this controller, so the context has answered (or not) by the time `hostConnected` below runs.
    new ContextConsumer(host, {
      context: partnerContext,
      subscribe: true,
      callback: (value) => {
        this.fromContext = value;
        host.requestUpdate();
      },
    });
    host.addController(this);
  }

  /** The page's configuration as this widget sees it (context first, then the document's config). */
  get config(): PartnerContextValue | undefined {
    return this.fromContext ?? this.fromFallback;
  }

  get client(): PartnerClient | undefined {
    return this.host.client ?? this.config?.client;
  }

  get partnerId(): string | undefined {
    return this.host.partnerId || this.config?.partnerId;
  }

  get orgId(): string | undefined {
    return this.host.orgId || this.config?.orgId;
  }

  /**
   * A setup mistake that stops the widget (see setup-problems.ts): a secret key in the page, no config at all or
   * none of its API and credential, no `partner-id` (the partner widgets ask). None while the page's config awaits
   * its definition, nor within `SETTLE_MS` of connecting.
   */
  get problem(): SetupProblem | undefined {
    const config = this.config;
    return config?.publishableKey?.startsWith('sk_') ? 'secret-key'
      : !this.settled ? undefined
      : this.client ? (this.partnerId ? undefined : 'no-partner-id')
      : config?.apiBase ? 'no-credential'
      : config || !this.fallbackConfig ? 'no-api-base' : undefined;
  }

  /** Whether the widget reads with the page's publishable key: a public website, whose visitors see no details. */
  get publishable(): boolean {
    return !this.host.client && this.problem !== 'secret-key' && !!this.config?.publishableKey;
  }

  /** The config's `lang`, for the locale controller. */
  get configLang(): string | undefined {
    return this.config?.locale;
  }

  hostConnected(): void {
    // A page may set its configuration from a script once it has fetched it (the demo portals do): what is missing
    // counts as a mistake only after a grace period, so such pages never see (or log) one.
    setTimeout(() => {
      this.settled = true;
      this.host.requestUpdate();
    }, SETTLE_MS);
    // The context answers synchronously when an upgraded <partner-config> wraps the widget. It does not when the
    // config is elsewhere in the page, or is defined later than the widget (the embed loads elements lazily):
    // then read the config element directly, once it is defined, and follow its changes.
    if (this.fromContext) return;
    const config = findConfig(this.host);
    if (!config) return;
    this.fallbackConfig = config;
    config.addEventListener('partner-config-change', this.onConfigChange);
    void customElements.whenDefined('partner-config').then(() => {
      if (this.fallbackConfig === config) this.onConfigChange();
    });
  }

  hostDisconnected(): void {
    this.fallbackConfig?.removeEventListener('partner-config-change', this.onConfigChange);
    this.fallbackConfig = undefined;
    this.fromFallback = undefined;
  }

  private readonly onConfigChange = () => {
    const value = (this.fallbackConfig as { contextValue?: PartnerContextValue } | undefined)?.contextValue;
    if (!value) return;
    this.fromFallback = value;
    this.host.requestUpdate();
  };
}
