// The context `<partner-config>` provides to the widgets inside it: the API client and the page's settings.
import { createContext } from '@lit/context';
import type { PartnerClient } from '@poly-partner/sdk';

export interface PartnerContextValue {
  /** The client widgets load data through; undefined until `api-base` and a credential are set. */
  client: PartnerClient | undefined;
  /** The config's `lang` (BCP 47), when it has one. */
  locale: string | undefined;
  /** Defaults for partner widgets (`partner-id`) and organization widgets (`org-id`); a widget's own attribute wins. */
  partnerId: string | undefined;
  orgId: string | undefined;
  /** What the client was built from on a public website: the badge's image fallback and setup checks read them. */
  apiBase?: string | undefined;
  publishableKey?: string | undefined;
}

// Symbol.for: two copies of the widgets on one page still find each other's configuration.
export const partnerContext = createContext<PartnerContextValue>(Symbol.for('@poly-partner/widgets/partner-context'));
