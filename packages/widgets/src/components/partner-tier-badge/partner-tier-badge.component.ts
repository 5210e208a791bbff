import { initialState } from '@lit/task';
import type { BadgeVerification } from '@poly-partner/sdk';
import { html, nothing, svg } from 'lit';
import { property } from 'lit/decorators/property.js';
import { msg, str } from '../../localization/localization.js';
import { formatDate } from '../../internal/format.js';
import { icon, icons } from '../../internal/icons.js';
import { PartnerElement } from '../../internal/partner-element.js';
import { tierIcon, tierName, tierStyles } from '../../internal/tier.js';
import styles from './partner-tier-badge.styles.js';

/** Verified badge: only the badge shows it. */
const shieldIcon = icon('shield', svg`<path d="M12 2.8 4.5 5.6v6c0 4.6 3.2 8 7.5 9.6 4.3-1.6 7.5-5 7.5-9.6v-6Z" /><path d="m8.5 12 2.5 2.5 4.5-5" />`);

/** Refresh a verified badge this long before it runs out, so a visitor never sees it expire. */
const REFRESH_MARGIN_MS = 60_000;

/**
 * @summary A reseller's Poly partner tier as a signed badge, verified in the browser: verified, expired or not
 * verified (altered, or not issued for this website), each in words and with its own icon.
 *
 * The badge is fetched with the page's client (a publishable key on marketing sites, an embed token in portals) and
 * its Ed25519 signature checked against the keys of the Poly issuer, whose origin is built in: never against keys
 * from the page's `api-base`. With `<partner-config environment="sandbox">` it trusts the sandbox's keys instead and
 * says it is a sandbox badge. What it shows comes from the signed claims only; it refreshes itself before the badge
 * (15 minutes) runs out, so a tier change shows within that time. It links to the issuer's verification page
 * (`/verify/{partnerId}` on the issuer origin; on `api-base` in sandbox mode). `verify-url` was removed: a link the
 * page chooses would undo the check. `size` still works (the widest the badge grows, and its type size).
 *
 * What a visitor sees: "Verified by Poly" and "checked <date>" for a badge signed by the issuer for this website;
 * "Sandbox badge, not issued by Poly" in sandbox mode; "Not verified: altered or not issued by Poly" for a forged
 * claim or a key that is not the issuer's (a page's own api-base); "Not verified: not issued for this website" on a
 * site that is not among the partner's registered websites; "Expired" for a badge past its 15 minutes.
 *
 * @event partner-ready - The badge was loaded and checked.
 * @event partner-error - The badge could not be loaded; `event.error` is the `PartnerApiError`.
 *
 * @slot issuer-mark - The issuer's artwork (an `<img>` with `alt=""`, the badge says "Poly" in words); a neutral mark by default.
 *
 * @csspart base - The badge box, a link to the verification page; also `loading` or `error` while so.
 * @csspart tier - The tier icon and name.
 * @csspart tier-icon - The tier's shape.
 * @csspart issuer-mark - The box of the issuer's mark.
 * @csspart name - The partner's name (wraps; never cut off).
 * @csspart status - Verified, sandbox, expired or not verified, with its icon and when it was checked.
 * @csspart image - The badge as a static image: what a failing badge shows on a public website (`on-error="image"`).
 * @csspart loading - The skeleton while loading.
 * @csspart error - The error message.
 * @csspart retry-button - Retry after an error.
 *
 * @cssproperty --partner-tier-badge-surface - Badge background (default `--partner-color-surface`).
 * @cssproperty --partner-tier-badge-border-color - Badge border (default `--partner-color-border`).
 * @cssproperty --partner-tier-badge-radius - Corner radius (default `--partner-radius`).
 * @cssproperty --partner-color-tier-register - Colour of the Register shape (also -silver, -gold, -platinum).
 */
export class PartnerTierBadge extends PartnerElement {
  static override styles = [PartnerElement.styles, tierStyles, styles];

  /** The reseller whose badge to show; defaults to `<partner-config partner-id>`. */
  @property({ attribute: 'partner-id' }) partnerId?: string;

  /**
   * `small`, `medium` or `large`: the widest the badge grows (12, 17 or 24 rem) and its type size. The badge is
   * never wider than its container, and below 15 rem of width it takes its compact layout.
   */
  @property({ reflect: true }) size: 'small' | 'medium' | 'large' = 'medium';

  /** `compact` or `full` to fix the layout; by default it follows the badge's own width (container queries). */
  @property({ reflect: true }) layout?: 'compact' | 'full';

  /** `light` or `dark`. */
  @property({ reflect: true }) variant: 'light' | 'dark' = 'light';

  /** The moment to check expiry against (default: now); for previews and tests. */
  @property({ attribute: false }) now?: Date;

  private refreshTimer?: ReturnType<typeof setTimeout>;
  private imageFailed = false;

  private readonly badge = this.createDataTask(
    () => [this.settings.partnerId, this.now] as const,
    async (client, [partnerId, now], signal) => {
      if (!partnerId) return initialState;
      const badge = await client.badges.get(partnerId, { signal });
      const checkedAt = now ?? new Date();
      const verification = await client.badges.verify(badge.jws, { signal, now: checkedAt });
      clearTimeout(this.refreshTimer);
      if (verification.status === 'verified') {
        // Badges live minutes, not the page's lifetime: fetch a fresh one in time (a dropped tier shows then).
        const delay = verification.claims.exp * 1000 - checkedAt.getTime() - REFRESH_MARGIN_MS;
        this.refreshTimer = setTimeout(() => void this.badge.run(), Math.max(delay, REFRESH_MARGIN_MS));
      }
      return { verification, checkedAt, url: await client.badges.verificationUrl(partnerId) };
    },
  );

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.refreshTimer);
  }

  protected override render() {
    return this.renderTask(
      this.badge,
      ({ verification, checkedAt, url }) => html`<a part="base" class="badge badge--${verification.status}" href=${url} target="_blank" rel="noopener">
        ${this.renderHeader(verification)}${this.renderStatus(verification, checkedAt)}<span class="visually-hidden">${msg('(opens the verification in a new tab)', { id: 'badge.opensVerification' })}</span>
      </a>`,
      2,
    );
  }

  /** The sandbox's `badge.svg` of this partner with the page's publishable key; nothing (hidden) if it fails too. */
  protected override renderImageFallback() {
    const { config, partnerId } = this.settings;
    if (!config?.publishableKey || !config.apiBase || !partnerId || this.imageFailed) return nothing;
    const src = `${config.apiBase.replace(/\/$/, '')}/v1/partners/${encodeURIComponent(partnerId)}/badge.svg?key=${encodeURIComponent(config.publishableKey)}&lang=${this.localization.locale}`;
    const failed = () => {
      this.imageFailed = true;
      this.requestUpdate();
    };
    return html`<img part="base image" src=${src} alt=${msg('Poly partner badge', { id: 'badge.generic' })} @error=${failed}>`;
  }

  private renderHeader(verification: BadgeVerification) {
    const mark = html`<span part="issuer-mark" class="mark"><slot name="issuer-mark">${icons.check}</slot></span>`;
    // What an unverified badge claims is not shown as fact: it may be forged.
    if (verification.status === 'unverified') {
      return html`<span class="head"><span part="tier" class="tier">${msg('Poly partner badge', { id: 'badge.generic' })}</span>${mark}</span>`;
    }
    const { tier, name } = verification.claims;
    return html`<span class="head"><span part="tier" class="tier">
        ${tierIcon(tier)}<span>${msg(str`Partner · ${tierName(tier)}`, { id: 'badge.tierPartner' })}</span> </span>${mark}</span>
      <span part="name" class="name">${name}</span>`;
  }

  private renderStatus(verification: BadgeVerification, checkedAt: Date) {
    const { status } = verification;
    // A sandbox key is not the issuer's: such a badge never says "Verified by Poly".
    const sandbox = status === 'verified' && verification.sandbox;
    const [kind, icon, words] =
      status === 'unverified'
        ? ['unverified', icons.warning, msg('Not verified', { id: 'badge.unverified' })]
        : status === 'expired'
          ? ['expired', icons.clock, msg('Expired', { id: 'badge.expired' })]
          : sandbox
            ? ['sandbox', icons.warning, msg('Sandbox badge, not issued by Poly', { id: 'badge.sandbox' })]
            : ['verified', shieldIcon, msg('Verified by Poly', { id: 'badge.verified' })];
    const detail =
      status === 'unverified'
        ? verification.reason === 'domain'
          ? msg('not issued for this website', { id: 'badge.reason.domain' })
          : msg('altered or not issued by Poly', { id: 'badge.reason.signature' })
        : msg(str`checked ${formatDate(checkedAt, this.formatLang)}`, { id: 'badge.checked' });
    return html`<span part="status" class="status status--${kind}">${icon}<span>${words}</span> <span class="status__detail">${detail}</span></span>`;
  }
}
