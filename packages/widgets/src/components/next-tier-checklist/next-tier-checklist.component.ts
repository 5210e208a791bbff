import { initialState } from '@lit/task';
import {
  addDays,
  ContractInputError,
  countedValue,
  daysBetween,
  evaluate,
  tierRank,
  type Checklist,
  type CriterionResult,
  type Evaluation,
  type Tier,
  type ProgramPolicy,
  type TierStatus,
} from '@poly-partner/contract';
import { html, nothing, svg } from 'lit';
import { property, state } from 'lit/decorators.js';
import { msg, str } from '../../localization/localization.js';
import {
  actionText,
  criterionLabel,
  formatCriterionValue,
  gapText,
  localizedText,
  safeUrl,
} from '../../internal/criterion-text.js';
import { formatDay, formatList, formatNumber, formatPercent } from '../../internal/format.js';
import { icons } from '../../internal/icons.js';
import { lockIcon } from '../../internal/lock-icon.js';
import { PartnerElement } from '../../internal/partner-element.js';
import { PartnerActionEvent } from '../../events/partner-action-event.js';
import { tierIcon, tierName, tierStyles } from '../../internal/tier.js';
import styles from './next-tier-checklist.styles.js';

/** The evaluation with the what-if's changes, and how many tiers it is above (below) today's. */
interface Projection {
  projected: Evaluation;
  tierDelta: number;
}

interface WhatIf {
  /** Hypothetical value per criterion id as the checklist counts it, shared staff included (absent: as today). */
  values: Record<string, number>;
  /** Fields whose text is not a number of 0 or more: no projection until they are corrected. */
  invalid?: string[];
  region?: string;
  asOf?: string;
}

/**
 * @summary A reseller's tier — effective, earned and protected — and the checklist to the next tier: each criterion
 * with its progress, the gap in words and what to do about it, plus a what-if panel computed in the browser. While
 * status protection lifts the reseller above what its results earn, it leads with what keeps the protected tier after
 * the protection ends ("To keep Gold after 7 September 2027"): the days left, that tier's checklist and actions, and
 * what a drop would cost from the policy's benefits (deal discount 6 % → 3 %, benefits lost). Protection below what
 * the reseller earns reads as a floor.
 *
 * @event partner-ready - Tier status and program were loaded and are shown.
 * @event partner-error - Loading failed; `event.error` is the `PartnerApiError`.
 * @event {PartnerActionEvent} partner-action - The user followed a suggested step; `event.criterionId`, `event.action`
 * (policy message id and figures), `event.text` and `event.url`. Cancel it to handle the step on the page instead.
 *
 * @csspart base - The widget's box; also `loading` or `error` while so.
 * @csspart tiers - Effective and earned tier.
 * @csspart protection - The status-protection notice.
 * @csspart keep - While protection lifts the partner above what it earns: what keeps the protected tier after
 * the protection ends, with the days left, what a drop would cost and the checklist of the protected tier.
 * @csspart at-stake - What a drop would cost, or what the next tier would bring (from the policy's benefits).
 * @csspart checklist - The list of criteria for the next tier.
 * @csspart criterion - One criterion; also `criterion-met`, `criterion-open` or `criterion-coming`.
 * @csspart progress - A criterion's progress bar.
 * @csspart actions - What to do to close a criterion's gap.
 * @csspart what-if - The what-if panel (a `<details>`).
 * @csspart what-if-result - The projected outcome.
 * @csspart tier-icon - A tier's shape.
 * @csspart retry-button - Retry after an error.
 *
 * @cssproperty --partner-next-tier-checklist-surface - Background (default `--partner-color-surface`).
 * @cssproperty --partner-next-tier-checklist-border-color - Border (default `--partner-color-border`).
 * @cssproperty --partner-next-tier-checklist-bar-fill - Progress of an open criterion (default `--partner-color-accent`).
 * @cssproperty --partner-next-tier-checklist-bar-met - Progress of a met criterion (default `--partner-color-success`).
 * @cssproperty --partner-next-tier-checklist-bar-track - Progress bar track (default `--partner-color-skeleton`).
 * @cssproperty --partner-next-tier-checklist-max-width - Widest the widget grows (default 44rem).
 */
export class NextTierChecklist extends PartnerElement {
  static override styles = [PartnerElement.styles, tierStyles, styles];

  /** The reseller; defaults to `<partner-config partner-id>`. */
  @property({ attribute: 'partner-id' }) partnerId?: string;

  /**
   * Who reads it: `partner` (default) speaks to the reseller ("Your partner tier") and offers its actions and the
   * what-if; `organization` speaks about the member to the aggregator, in the third person, without the reseller's
   * calls to action.
   */
  @property() audience: 'partner' | 'organization' = 'partner';

  /**
   * The host's own pages for the suggested steps, as JSON from the policy's action id to a URL:
   * `{"action.registerDeals": "#deal-form"}`. A mapped step opens in the same tab (it is the host's page) and wins
   * over the policy's URL; a step the policy gives no URL becomes a link once mapped.
   */
  @property({
    attribute: 'action-urls',
    converter: {
      fromAttribute: (value: string | null): Record<string, string> => {
        if (!value) return {};
        try {
          const parsed: unknown = JSON.parse(value);
          if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) return {};
          return Object.fromEntries(Object.entries(parsed).filter((entry): entry is [string, string] => typeof entry[1] === 'string'));
        } catch {
          return {};
        }
      },
    },
  })
  actionUrls: Record<string, string> = {};

  /** Evaluate at another day (`YYYY-MM-DD`) instead of today. */
  @property({ attribute: 'as-of' }) asOf?: string;

  @state() private whatIf: WhatIf = { values: {} };

  private readonly data = this.createDataTask(
    () => [this.settings.partnerId, this.asOf] as const,
    async (client, [partnerId, asOf], signal) => {
      if (!partnerId) return initialState;
      const [status, policy] = await Promise.all([
        client.partners.tierStatus(partnerId, { signal, asOf: asOf || undefined }),
        client.program.get({ signal }),
      ]);
      this.whatIf = { values: {} };
      return { status, policy };
    },
  );

  protected override render() {
    return this.renderTask(this.data, ({ status, policy }) => this.renderStatus(status, policy), 8);
  }

  private renderStatus(status: TierStatus, policy: ProgramPolicy) {
    const lang = this.formatLang;
    return html`<section part="base" class="checklist" aria-labelledby="heading">
      <h2 id="heading" class="heading">
        ${this.aboutMember
          ? msg('Partner tier', { id: 'checklist.headingMember' })
          : msg('Your partner tier', { id: 'checklist.heading' })}
      </h2>
      <dl part="tiers">
        <dt>${msg('Current tier', { id: 'checklist.effectiveTier' })}</dt>
        <dd>${tierIcon(status.effectiveTier)}${tierName(status.effectiveTier)}</dd>
        ${status.earnedTier !== status.effectiveTier
          ? html`<dt>
                ${this.aboutMember
                  ? msg('Earned by its results', { id: 'checklist.earnedTierMember' })
                  : msg('Earned by your results', { id: 'checklist.earnedTier' })}
              </dt>
              <dd>${tierIcon(status.earnedTier)}${tierName(status.earnedTier)}</dd>`
          : nothing}
        <dt>${msg('Extra discount on registered deals', { id: 'checklist.discount' })}</dt>
        <dd>${formatPercent(status.dealDiscountPercent / 100, lang)}</dd>
      </dl>
      ${this.renderProtection(status)} ${this.renderKeep(status, policy)} ${this.renderNext(status, policy)}
      ${this.aboutMember ? nothing : this.renderWhatIf(status, policy)}
    </section>`;
  }

  private renderProtection(status: TierStatus) {
    if (!status.protectionActive || !status.protectedTier || !status.protectedUntil) return nothing;
    const tier = tierName(status.protectedTier);
    const until = formatDay(status.protectedUntil, this.formatLang, 'long');
    const earned = tierName(status.earnedTier);
    return html`<div part="protection" role="note">
      ${lockIcon}
      <p>
        ${this.aboutMember
          ? this.memberProtectionText(status, tier, until, earned)
          : tierRank(status.protectedTier) < tierRank(status.earnedTier)
          ? // Protected below what it earns: the protection is a floor, not a downgrade.
            msg(str`Status protection: you will not drop below ${tier} before ${until}, whatever your results.`, {
              id: 'checklist.protectionFloor',
            })
          : status.earnedTier === status.effectiveTier
            ? msg(str`Status protection: your ${tier} status from the previous program is protected until ${until}.`, {
                id: 'checklist.protection',
              })
            : msg(
                str`Status protection: you keep ${tier} until ${until}, although your results currently earn ${earned}. After that date your tier follows your results.`,
                { id: 'checklist.protectionAbove' },
              )}
      </p>
    </div>`;
  }

  /** For the aggregator: the member's protection in the third person. */
  private memberProtectionText(status: TierStatus, tier: string, until: string, earned: string): string {
    if (tierRank(status.protectedTier!) < tierRank(status.earnedTier)) {
      return msg(str`Status protection: it will not drop below ${tier} before ${until}, whatever its results.`, {
        id: 'checklist.protectionFloorMember',
      });
    }
    return status.earnedTier === status.effectiveTier
      ? msg(str`Status protection: its ${tier} status from the previous program is protected until ${until}.`, {
          id: 'checklist.protectionMember',
        })
      : msg(str`Status protection: it keeps ${tier} until ${until}, although its results currently earn ${earned}. After that date its tier follows its results.`, {
          id: 'checklist.protectionAboveMember',
        });
  }

  /**
   * Whether the shown steps name the size of the gap themselves ("Register 7 more deals"): then "Missing: 7 more
   * registered deals" above them would say it twice. The aggregator sees no steps, so it gets the gap in words.
   */
  private stepsSayTheGap(item: CriterionResult): boolean {
    return !this.aboutMember && item.actions.length > 0 && item.actions.every((action) => STEPS_WITH_FIGURES.has(action.messageId));
  }

  private get aboutMember(): boolean {
    return this.audience === 'organization';
  }

  private renderNext(status: TierStatus, policy: ProgramPolicy) {
    const checklist = status.checklist;
    if (!checklist) {
      return html`<h3 class="subheading">${tierIcon(status.effectiveTier)}
          ${msg(str`${tierName(status.effectiveTier)} is the highest tier.`, { id: 'checklist.topTier' })}</h3>
`;
    }
    const next = tierName(checklist.tier);
    return html`<h3 class="subheading">
        ${tierIcon(checklist.tier)}${msg(str`Next tier: ${next}`, { id: 'checklist.nextTier' })}
      </h3>
      <p class="checklist__count">
        ${msg(str`${checklist.metCount} of ${checklist.requiredCount} requirements met`, { id: 'checklist.metCount' })}
      </p>
      ${this.renderGain(status, checklist.tier, policy)} ${this.renderCriteria(checklist.items, policy)}`;
  }

  /**
   * What keeps the protected tier once the protection ends: it comes first, because losing a tier costs more than the
   * next one brings, and the date is fixed.
   */
  private renderKeep(status: TierStatus, policy: ProgramPolicy) {
    const keep = status.keepChecklist;
    if (!keep || !status.protectionActive || !status.protectedUntil) return nothing;
    const lang = this.formatLang;
    const tier = tierName(keep.tier);
    const until = formatDay(status.protectedUntil, lang, 'long');
    const days = daysBetween(status.asOf, status.protectedUntil);
    const count = formatNumber(days, lang);
    return html`<section part="keep" class="keep" aria-labelledby="keep-heading">
      <h3 id="keep-heading" class="subheading">
        ${tierIcon(keep.tier)}${this.aboutMember
          ? msg(str`What keeps ${tier} after ${until}`, { id: 'checklist.keepHeadingMember' })
          : msg(str`To keep ${tier} after ${until}`, { id: 'checklist.keepHeading' })}
      </h3>
      <p class="checklist__count">
        ${days === 1
          ? msg('1 day left.', { id: 'checklist.keepDayLeft' })
          : msg(str`${count} days left.`, { id: 'checklist.keepDaysLeft' })}
        ${msg(str`${keep.metCount} of ${keep.requiredCount} requirements for ${tier} met.`, { id: 'checklist.keepMetCount' })}
      </p>
      ${this.renderLoss(status, keep, policy)} ${this.renderCriteria(keep.items, policy)}
    </section>`;
  }

  /** What a drop from the protected tier to the earned one would cost, from the policy's benefits. */
  private renderLoss(status: TierStatus, keep: Checklist, policy: ProgramPolicy) {
    const earned = tierName(status.earnedTier);
    return this.renderStake(
      policy,
      keep.tier,
      status.earnedTier,
      this.aboutMember
        ? msg(str`If it falls to ${earned}:`, { id: 'checklist.lossIntroMember' })
        : msg(str`If you fall to ${earned}:`, { id: 'checklist.lossIntro' }),
      (list) => msg(str`no more: ${list}`, { id: 'checklist.lossBenefits' }),
    );
  }

  /** What the next tier would bring over the one held today. */
  private renderGain(status: TierStatus, next: Tier, policy: ProgramPolicy) {
    const name = tierName(next);
    return this.renderStake(
      policy,
      status.effectiveTier,
      next,
      msg(str`${name} would bring:`, { id: 'checklist.gainIntro' }),
      (list) => msg(str`also: ${list}`, { id: 'checklist.gainBenefits' }),
    );
  }

  /**
   * What moving from tier `from` to tier `to` changes, from the policy's benefits: the deal discount ("6 % → 3 %"),
   * and the benefits only the higher of the two has (`listed` words them). Nothing when both give the same.
   */
  private renderStake(policy: ProgramPolicy, from: Tier, to: Tier, intro: string, listed: (list: string) => string) {
    const lang = this.formatLang;
    const [fromBenefits, toBenefits] = [policy.benefits[from], policy.benefits[to]];
    const [higher, lower] = tierRank(from) > tierRank(to) ? [fromBenefits, toBenefits] : [toBenefits, fromBenefits];
    const only = benefitsMissing(higher.items, lower.items).map((item) => localizedText(item.label, lang));
    const fromPercent = formatPercent(fromBenefits.dealDiscountPercent / 100, lang);
    const toPercent = formatPercent(toBenefits.dealDiscountPercent / 100, lang);
    const discountChanges = fromBenefits.dealDiscountPercent !== toBenefits.dealDiscountPercent;
    if (!discountChanges && only.length === 0) return nothing;
    return html`<div part="at-stake" class="at-stake">
      <p>${intro}</p>
      <ul>
        ${discountChanges
          ? html`<li>
              ${msg(str`extra discount on registered deals ${fromPercent} → ${toPercent}`, { id: 'checklist.lossDiscount' })}
            </li>`
          : nothing}
        ${only.length > 0 ? html`<li>${listed(formatList(only, lang))}</li>` : nothing}
      </ul>
    </div>`;
  }

  /**
   * The criteria by the program's pillars, each a list under its name. Quick wins first: within a pillar the open
   * criteria by the share still missing (smallest first), then the met ones, then the announced; the pillar with the
   * quickest win comes first.
   */
  private renderCriteria(items: CriterionResult[], policy: ProgramPolicy) {
    return groupByPillar(items).map(
      ({ group, items: grouped }) => html`<h4 class="pillar">${pillarName(group)}</h4>
        <ul part="checklist">
          ${grouped.map((item) => this.renderCriterion(item, policy))}
        </ul>`,
    );
  }

  private renderCriterion(item: CriterionResult, policy: ProgramPolicy) {
    const lang = this.formatLang;
    const label = criterionLabel(policy, item.criterionId, lang);
    const value = (amount: number) => formatCriterionValue(item.unit, amount, policy, lang);
    if (item.status === 'announced') {
      return html`<li part="criterion criterion-coming" class="criterion criterion--coming">
        <div class="criterion__head">
          ${icons.clock}<span class="criterion__label">${label}</span>
          <span class="criterion__status">${msg('Announced', { id: 'checklist.coming' })}</span>
        </div>
        <p class="criterion__note">
          ${msg(str`Not counted yet. Planned requirement: ${value(item.required)}.`, {
            id: 'checklist.comingNote',
          })}
        </p>
      </li>`;
    }
    const met = item.met === true;
    const max = item.required > 0 ? item.required : 1;
    const valueText = msg(str`${value(item.current)} of ${value(item.required)}`, { id: 'checklist.valueOf' });
    return html`<li part="criterion ${met ? 'criterion-met' : 'criterion-open'}" class="criterion criterion--${met ? 'met' : 'open'}">
      <div class="criterion__head">
        ${met ? icons.check : icons.open}<span class="criterion__label">${label}</span>
        <span class="criterion__status">
          ${met ? msg('Met', { id: 'checklist.met' }) : msg('Not met yet', { id: 'checklist.notMet' })}
        </span>
      </div>
      <p class="criterion__values">
        ${valueText}${item.sharedCounted > 0
          ? html` ${this.aboutMember
              ? msg(str`(including ${value(item.sharedCounted)} shared within its partner group)`, { id: 'checklist.sharedMember' })
              : msg(str`(including ${value(item.sharedCounted)} shared within your partner group)`, { id: 'checklist.shared' })}`
          : nothing}
      </p>
      <div
        part="progress"
        role="progressbar"
        aria-label=${label}
        aria-valuemin="0"
        aria-valuemax=${max}
        aria-valuenow=${Math.min(item.current, max)}
        aria-valuetext=${valueText}
      >
        ${svg`<svg class="bar" viewBox="0 0 100 4" preserveAspectRatio="none" aria-hidden="true" focusable="false">
          <rect class="bar__track" width="100" height="4" rx="2" />
          <rect class="bar__fill" width=${Math.round(item.progress * 1000) / 10} height="4" rx="2" />
        </svg>`}
      </div>
      ${met
        ? nothing
        : html`${!this.stepsSayTheGap(item)
              ? html`<p class="criterion__gap">${msg(str`Missing: ${gapText(item, policy, lang)}`, { id: 'checklist.gap' })}</p>`
              : nothing}
            ${item.actions.length > 0 && !this.aboutMember
              ? html`<ul part="actions">
                  ${item.actions.map((action) => {
                    const text = actionText(action, item, policy, lang);
                    const hostUrl = hostPageUrl(this.actionUrls[action.messageId]);
                    const url = hostUrl ?? safeUrl(action.url);
                    const follow = (event: Event) => {
                      const step = new PartnerActionEvent(item.criterionId, action, text, url);
                      if (!this.dispatchEvent(step)) event.preventDefault();
                    };
                    return html`<li>
                      ${!url
                        ? text
                        : hostUrl
                          ? html`<a href=${url} @click=${follow}>${text}</a>`
                          : html`<a href=${url} target="_blank" rel="noopener noreferrer" @click=${follow}>${text}</a>`}
                    </li>`;
                  })}
                </ul>`
              : nothing}`}
    </li>`;
  }

  private renderWhatIf(status: TierStatus, policy: ProgramPolicy) {
    const lang = this.formatLang;
    const criteria = policy.criteria.filter((criterion) => criterion.status === 'active');
    // The panel starts closed: run the contract's engine for its projection once it is open (read from the element,
    // which knows at once when a script or the user opens it), not in the first render.
    const open = this.renderRoot.querySelector<HTMLDetailsElement>('[part~="what-if"]')?.open ?? false;
    const projection = open ? this.project(status, policy) : undefined;
    return html`<details part="what-if" @toggle=${this.onWhatIfToggle}>
      <summary>${msg('What if…? Try changes and see your tier', { id: 'whatIf.summary' })}</summary>
      <form class="what-if__form" @input=${(event: Event) => this.onWhatIfInput(event, status)} @submit=${(event: Event) => event.preventDefault()}>
        ${criteria.map((criterion) => {
          // The figure the checklist shows (shared staff included), from the engine's one function for it.
          const today = countedValue(policy, status, criterion.id).current;
          const current = this.whatIf.values[criterion.id] ?? today;
          const invalid = this.whatIf.invalid?.includes(criterion.id) ?? false;
          const id = `what-if-${criterion.id}`;
          // The help is the field's description, outside its label: the accessible name stays the label and unit.
          return html`<div class="what-if__field">
            <label for=${id}>${localizedText(criterion.label, lang)} <span class="what-if__unit">(${unitText(criterion.id, criterion.unit, policy)})</span></label>
            <input
              id=${id}
              type="number"
              name=${criterion.id}
              min="0"
              step=${criterion.unit === 'money' ? 1000 : criterion.unit === 'rating' ? 0.1 : 1}
              inputmode="decimal"
              aria-invalid=${invalid ? 'true' : 'false'}
              aria-describedby="${invalid ? `${id}-error ` : ''}${id}-help"
              .value=${String(current)}
            />
            ${invalid
              ? html`<span id="${id}-error" class="what-if__error error-text">
                  ${msg('Enter a number of 0 or more.', { id: 'whatIf.fieldInvalid' })}
                </span>`
              : nothing}
            <span id="${id}-help" class="what-if__hint">
              ${msg(str`today: ${formatCriterionValue(criterion.unit, today, policy, lang)}`, { id: 'whatIf.today' })}
              ${whatCounts(criterion, policy, lang)}
            </span>
          </div>`;
        })}
        <label class="what-if__field">
          <span>${msg('Region', { id: 'whatIf.region' })}</span>
          <select name="region" .value=${this.whatIf.region ?? status.region}>
            ${policy.regions.map(
              (region) =>
                html`<option value=${region.code} ?selected=${region.code === (this.whatIf.region ?? status.region)}>
                  ${localizedText(region.name, lang)}
                </option>`,
            )}
          </select>
        </label>
        <label class="what-if__field">
          <span>${msg('Date', { id: 'whatIf.date' })}</span>
          <input type="date" name="asOf" .value=${this.whatIf.asOf ?? status.asOf} />
          ${status.protectedUntil
            ? html`<span class="what-if__hint">
                ${msg(str`status protection ends ${formatDay(status.protectedUntil, lang)}`, { id: 'whatIf.protectionEnds' })}
              </span>`
            : nothing}
        </label>
      </form>
      <div part="what-if-result" role="status">${projection ? this.renderProjection(status, projection, policy) : nothing}</div>
      <div class="what-if__actions">
        <button type="button" class="what-if__reset" @click=${() => (this.whatIf = { values: {} })}>
          ${msg('Reset', { id: 'whatIf.reset' })}
        </button>
      </div>
    </details>`;
  }

  private readonly onWhatIfToggle = () => this.requestUpdate();

  /**
   * The what-if outcome, computed here with the contract's engine (its `evaluate`; the baseline is the tier status
   * itself): no request to the API.
   */
  private project(status: TierStatus, policy: ProgramPolicy, asOfOverride?: string): Projection | ContractInputError {
    const metrics = { ...status.metrics };
    // The fields hold counted figures: the partner's own value is what the shared staff does not cover.
    for (const [id, value] of Object.entries(this.whatIf.values)) metrics[id] = Math.max(0, value - countedValue(policy, status, id).sharedCounted);
    try {
      const projected = evaluate(
        policy,
        {
          region: this.whatIf.region || status.region,
          metrics,
          sharedMetrics: status.sharedMetrics,
          // Tier status carries the carried-over tier as `protectedTier`; which program it came from does not change
          // the evaluation, so any of the two stands in for it.
          carriedOver: status.protectedTier ? { program: 'polycom', tier: status.protectedTier } : null,
        },
        { asOf: asOfOverride || this.whatIf.asOf || status.asOf },
      );
      return { projected, tierDelta: tierRank(projected.effectiveTier) - tierRank(status.effectiveTier) };
    } catch (error) {
      if (error instanceof ContractInputError) return error;
      throw error;
    }
  }

  private renderProjection(status: TierStatus, projection: Projection | ContractInputError, policy: ProgramPolicy) {
    if ((this.whatIf.invalid?.length ?? 0) > 0) {
      return html`<p class="error-text">${msg('Please correct the marked fields.', { id: 'whatIf.fixFields' })}</p>`;
    }
    if (projection instanceof ContractInputError) {
      return html`<p class="error-text">${msg('Please enter valid numbers and a valid date.', { id: 'whatIf.invalid' })}</p>`;
    }
    const lang = this.formatLang;
    const { projected, tierDelta } = projection;
    const tier = tierName(projected.effectiveTier);
    const from = tierName(status.effectiveTier);
    const day = formatDay(projected.asOf, lang, 'long');
    return html`<p class="what-if__tier">
        ${tierIcon(projected.effectiveTier)}
        ${msg(str`Projected tier on ${day}: ${tier}`, { id: 'whatIf.projectedTier' })}
      </p>
      <p>
        ${tierDelta > 0
          ? msg(str`Up from ${from}.`, { id: 'whatIf.up' })
          : tierDelta < 0
            ? msg(str`Down from ${from}.`, { id: 'whatIf.down' })
            : msg('No change to your tier.', { id: 'whatIf.same' })}
        ${projected.protectionActive && projected.protectedTier && projected.protectedUntil
          ? msg(str`Status protection still holds ${tierName(projected.protectedTier)} then.`, { id: 'whatIf.protected' })
          : status.protectedTier && !projected.protectionActive && status.protectionActive
            ? msg('Status protection has ended by then.', { id: 'whatIf.protectionEnded' })
            : nothing}
      </p>
      <p>
        ${projected.checklist
          ? msg(
              str`${projected.checklist.metCount} of ${projected.checklist.requiredCount} requirements for ${tierName(projected.checklist.tier)} met.`,
              { id: 'whatIf.nextProgress' },
            )
          : msg('That is the highest tier.', { id: 'whatIf.top' })}
      </p>
      ${this.renderKeepAnswer(status, policy)}`;
  }

  /**
   * "Would this keep Gold?": the same changes evaluated the day after the protection ends, when only results count.
   * Names the requirements of the protected tier still open, and those the changes meet.
   */
  private renderKeepAnswer(status: TierStatus, policy: ProgramPolicy) {
    const keep = status.keepChecklist;
    if (!keep || !status.protectionActive || !status.protectedUntil || this.aboutMember) return nothing;
    const lang = this.formatLang;
    const after = this.project(status, policy, addDays(status.protectedUntil, 1));
    if (after instanceof ContractInputError) return nothing;
    const tier = tierName(keep.tier);
    const until = formatDay(status.protectedUntil, lang, 'long');
    const keeps = tierRank(after.projected.effectiveTier) >= tierRank(keep.tier);
    const projected = after.projected.checklist?.tier === keep.tier ? after.projected.checklist.items : [];
    const openLabels = projected
      .filter((item) => item.status === 'active' && item.met === false)
      .map((item) => criterionLabel(policy, item.criterionId, lang));
    const newlyMet = keep.items
      .filter((item) => item.status === 'active' && item.met === false)
      .filter((item) => keeps || projected.some((other) => other.criterionId === item.criterionId && other.met === true))
      .map((item) => criterionLabel(policy, item.criterionId, lang));
    return html`<p class="what-if__keep">
        ${keeps
          ? msg(str`Would keep ${tier} after ${until}: yes.`, { id: 'whatIf.keepYes' })
          : msg(str`Would keep ${tier} after ${until}: not yet.`, { id: 'whatIf.keepNo' })}
        ${!keeps && openLabels.length > 0
          ? msg(str`Still open: ${formatList(openLabels, lang)}.`, { id: 'whatIf.keepOpen' })
          : nothing}
      </p>
      ${newlyMet.length > 0
        ? html`<p>${msg(str`Met by these changes: ${formatList(newlyMet, lang)}.`, { id: 'whatIf.keepMet' })}</p>`
        : nothing}`;
  }

  private onWhatIfInput(event: Event, status: TierStatus): void {
    const form = event.currentTarget as HTMLFormElement;
    const values: Record<string, number> = {};
    let region: string | undefined;
    let asOf: string | undefined;
    const invalid: string[] = [];
    for (const [name, raw] of new FormData(form)) {
      const text = String(raw).trim();
      if (name === 'region') region = text;
      else if (name === 'asOf') asOf = text || status.asOf;
      else {
        // A number field reports text it cannot read as "" (validity.badInput): refuse it as well as negatives.
        const field = form.elements.namedItem(name) as HTMLInputElement | null;
        const value = Number(text);
        if (field?.validity.badInput || (text !== '' && (!Number.isFinite(value) || value < 0))) {
          invalid.push(name);
          // Keep the last good value, so the field is not rendered over and the user's text stays to be corrected.
          const previous = this.whatIf.values[name];
          if (previous !== undefined) values[name] = previous;
        } else if (text !== '') values[name] = value;
      }
    }
    this.whatIf = { values, region, asOf, ...(invalid.length > 0 ? { invalid } : {}) };
  }
}

/** Steps whose text carries the size of the gap (see `actionText`). */
const STEPS_WITH_FIGURES = new Set([
  'action.growRevenue',
  'action.certifySales',
  'action.certifyTechnical',
  'action.addSalesStaff',
  'action.addTechnicalStaff',
  'action.registerDemoEquipment',
  'action.startSalesInitiative',
  'action.registerDeals',
  'action.runMarketingActivity',
]);

/** The benefits in `items` that `other` does not have (by message id). */
function benefitsMissing<T extends { messageId: string }>(items: T[], other: T[]): T[] {
  const kept = new Set(other.map((item) => item.messageId));
  return items.filter((item) => !kept.has(item.messageId));
}

/** What a what-if field counts in: the policy's currency, a rating out of 5, people, devices, or a number. */
function unitText(id: string, unit: CriterionResult['unit'], policy: ProgramPolicy): string {
  if (unit === 'money') return policy.currency === 'EUR' ? '€' : policy.currency;
  if (unit === 'rating') return msg('out of 5', { id: 'whatIf.unitRating' });
  if (/^(certified|staff)_/.test(id)) return msg('people', { id: 'whatIf.unitPeople' });
  if (id === 'demo_equipment') return msg('units', { id: 'whatIf.unitUnits' });
  return msg('number', { id: 'whatIf.unitCount' });
}

/** Which results count toward a criterion (a what-if field's help): the policy's words, and the shared staff. */
function whatCounts(criterion: ProgramPolicy['criteria'][number], policy: ProgramPolicy, lang: string): string {
  const { criteria, maxPerCriterion } = policy.sharedResources;
  return `${criterion.counts ? localizedText(criterion.counts, lang) : ''} ${
    criteria.includes(criterion.id) && maxPerCriterion > 0
      ? msg(str`Includes up to ${maxPerCriterion} from your partner group in other countries.`, { id: 'whatIf.countsShared' })
      : ''
  }`;
}

/** A host's URL for a step, relative to its page ("#deal-form", "/deals/new"); http(s) only, never `javascript:`. */
function hostPageUrl(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const parsed = new URL(url, document.baseURI);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.href : undefined;
  } catch {
    return undefined;
  }
}

/** How far a criterion is from met, as a share of its requirement: 0 when met, 1 when nothing is there yet. */
function missingShare(item: CriterionResult): number {
  if (item.status === 'announced') return 3;
  if (item.met) return 2;
  return item.required > 0 ? item.gap / item.required : 1;
}

function groupByPillar(items: CriterionResult[]): { group: CriterionResult['group']; items: CriterionResult[] }[] {
  const groups = new Map<CriterionResult['group'], CriterionResult[]>();
  for (const item of [...items].sort((a, b) => missingShare(a) - missingShare(b))) {
    const list = groups.get(item.group) ?? [];
    list.push(item);
    groups.set(item.group, list);
  }
  // Map keeps insertion order: the pillar of the quickest win first.
  return [...groups].map(([group, grouped]) => ({ group, items: grouped }));
}

function pillarName(group: CriterionResult['group']): string {
  switch (group) {
    case 'contribution':
      return msg('Revenue and customers', { id: 'checklist.pillar.contribution' });
    case 'capability':
      return msg('People and certifications', { id: 'checklist.pillar.capability' });
    case 'commitment':
      return msg('Investment and engagement', { id: 'checklist.pillar.commitment' });
    default:
      return group;
  }
}
