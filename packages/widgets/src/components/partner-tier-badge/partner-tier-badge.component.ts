import { initialState } from '@lit/task';
import type { BadgeVerification } from '@poly-partner/sdk';
import { html, nothing } from 'lit';
import { property } from 'lit/decorators/property.js';
import { msg, str } from '../../localization/localization.js';
import { formatDate } from '../../internal/format.js';
import { icons } from '../../internal/icons.js';
import { PartnerElement } from '../../internal/partner-element.js';
import { tierIcon, tierName } from '../../internal/tier.js';
import styles from './partner-tier-badge.styles.js';

/**
 * @summary A reseller's Poly partner tier as a signed badge, verified in the browser: verified, expired or not
 * verified (altered, or not issued for this website), each in words and with its own icon.
 *
 * The badge is fetched with the page's client (a publishable key on marketing sites, an embed token in portals) and
 * its Ed25519 signature checked against the API's published keys; what it shows comes from the signed claims only.
 *
 * @event partner-ready - The badge was loaded and checked.
 * @event partner-error - The badge could not be loaded; `event.error` is the `PartnerApiError`.
 *
 * @csspart base - The badge box (a link when a verification URL is known); also `loading` or `error` while so.
 * @csspart tier - The tier icon and name.
 * @csspart tier-icon - The tier's shape.
 * @csspart name - The partner's name.
 * @csspart status - Verified, expired or not verified, with its icon.
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
  static override styles = [PartnerElement.styles, styles];

  /** The reseller whose badge to show; defaults to `<partner-config partner-id>`. */
  @property({ attribute: 'partner-id' }) partnerId?: string;

  /** `small`, `medium` or `large`; each has a fixed box. */
  @property({ reflect: true }) size: 'small' | 'medium' | 'large' = 'medium';

  /** `light` or `dark`. */
  @property({ reflect: true }) variant: 'light' | 'dark' = 'light';

  /** Where the badge links for verification; defaults to the API's badge image of the partner. */
  @property({ attribute: 'verify-url' }) verifyUrl?: string;

  /** The moment to check expiry against (default: now); for previews and tests. */
  @property({ attribute: false }) now?: Date;

  private readonly badge = this.createDataTask(
    () => [this.settings.partnerId, this.now] as const,
    async (client, [partnerId, now], signal) => {
      if (!partnerId) return initialState;
      const badge = await client.badges.get(partnerId, { signal });
      return client.badges.verify(badge.jws, { signal, now });
    },
  );

  private get linkUrl(): string | undefined {
    if (this.verifyUrl) return this.verifyUrl;
    const apiBase = this.settings.config?.apiBase;
    const partnerId = this.settings.partnerId;
    if (!apiBase || !partnerId) return undefined;
    return new URL(`v1/partners/${encodeURIComponent(partnerId)}/badge.svg`, apiBase.endsWith('/') ? apiBase : `${apiBase}/`).href;
  }

  protected override render() {
    return this.renderTask(this.badge, (verification) => this.renderBadge(verification), 2);
  }

  private renderBadge(verification: BadgeVerification) {
    const content = html`${this.renderHeader(verification)}${this.renderStatus(verification)}`;
    const url = this.linkUrl;
    return url
      ? html`<a part="base" class="badge badge--${verification.status}" href=${url} target="_blank" rel="noopener">
          ${content}<span class="visually-hidden">${msg('(opens the verification in a new tab)', { id: 'badge.opensVerification' })}</span>
        </a>`
      : html`<div part="base" class="badge badge--${verification.status}">${content}</div>`;
  }

  private renderHeader(verification: BadgeVerification) {
    // What an unverified badge claims is not shown as fact: it may be forged.
    if (verification.status === 'unverified') {
      return html`<span part="tier" class="tier">${msg('Poly partner badge', { id: 'badge.generic' })}</span>`;
    }
    const { tier, name } = verification.claims;
    return html`<span part="tier" class="tier">
        ${tierIcon(tier)}<span>${msg(str`${tierName(tier)} partner`, { id: 'badge.tierPartner' })}</span>
      </span>
      <span part="name" class="name" title=${name}>${name}</span>`;
  }

  private renderStatus(verification: BadgeVerification) {
    const lang = this.formatLang;
    switch (verification.status) {
      case 'verified':
        return html`<span part="status" class="status status--verified">
          ${icons.shield}<span>${msg('Verified by Poly', { id: 'badge.verified' })}</span>
          <span class="status__detail">${msg(str`until ${formatDate(verification.claims.exp * 1000, lang)}`, { id: 'badge.validUntil' })}</span>
        </span>`;
      case 'expired':
        return html`<span part="status" class="status status--expired">
          ${icons.clock}<span>${msg('Expired', { id: 'badge.expired' })}</span>
          <span class="status__detail">${msg(str`on ${formatDate(verification.claims.exp * 1000, lang)}`, { id: 'badge.expiredOn' })}</span>
        </span>`;
      case 'unverified':
        return html`<span part="status" class="status status--unverified">
          ${icons.warning}<span>${msg('Not verified', { id: 'badge.unverified' })}</span>
          <span class="status__detail">${this.unverifiedReason(verification.reason)}</span>
        </span>`;
      default:
        return nothing;
    }
  }

  private unverifiedReason(reason: string) {
    return reason === 'domain'
      ? msg('not issued for this website', { id: 'badge.reason.domain' })
      : msg('altered or not issued by Poly', { id: 'badge.reason.signature' });
  }
}
