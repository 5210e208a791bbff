// A member's missing requirements in words, for the list's rows, the summary cards and the CSV export: how many of
// the next tier's requirements it meets, and the one or two it misses with their size ("needs €120,000 revenue").
import type { Member, MemberGap, ProgramPolicy } from '@poly-partner/contract';
import { msg, str } from '../../localization/localization.js';
import { criterionLabel, formatCriterionValue } from '../../internal/criterion-text.js';

/**
 * Met and required criteria of the next tier. The member carries the share met and the number missing; the number
 * required follows from both (`missing / (1 - progress)`), rounded against floating-point noise.
 */
export function requirementCounts(member: Member): { met: number; total: number } {
  const missing = member.missingCriteria;
  const total = member.progress < 1 ? Math.round(missing / (1 - member.progress)) : missing;
  return { met: total - missing, total };
}

/** "needs 1 certified technician and €120,000 revenue": one or two missing requirements with their size. */
export function gapsText(gaps: MemberGap[], policy: ProgramPolicy, lang: string): string {
  const parts = gaps.map((gap) => needText(gap, policy, lang));
  const list = new Intl.ListFormat(lang, { type: 'conjunction' }).format(parts);
  return msg(str`needs ${list}`, { id: 'memberOverview.needs' });
}

/** One missing requirement and its size, without a verb: "1 certified technician", "€120,000 revenue". */
export function needText(gap: MemberGap, policy: ProgramPolicy, lang: string): string {
  const n = formatCriterionValue(gap.unit, gap.gap, policy, lang);
  const one = new Intl.PluralRules(lang).select(gap.gap) === 'one';
  switch (gap.criterionId) {
    case 'revenue':
      return msg(str`${n} revenue`, { id: 'memberOverview.need.revenue' });
    case 'certified_sales':
      return one
        ? msg('1 certified salesperson', { id: 'memberOverview.need.certifiedSales.one' })
        : msg(str`${n} certified sales staff`, { id: 'memberOverview.need.certifiedSales.other' });
    case 'certified_technical':
      return one
        ? msg('1 certified technician', { id: 'memberOverview.need.certifiedTechnical.one' })
        : msg(str`${n} certified technicians`, { id: 'memberOverview.need.certifiedTechnical.other' });
    case 'staff_sales':
      return one
        ? msg('1 person in sales', { id: 'memberOverview.need.staffSales.one' })
        : msg(str`${n} people in sales`, { id: 'memberOverview.need.staffSales.other' });
    case 'staff_technical':
      return one
        ? msg('1 person in a technical role', { id: 'memberOverview.need.staffTechnical.one' })
        : msg(str`${n} people in technical roles`, { id: 'memberOverview.need.staffTechnical.other' });
    case 'demo_equipment':
      return one
        ? msg('1 demo unit', { id: 'memberOverview.need.demoEquipment.one' })
        : msg(str`${n} demo units`, { id: 'memberOverview.need.demoEquipment.other' });
    case 'sales_initiatives':
      return one
        ? msg('1 sales initiative', { id: 'memberOverview.need.salesInitiatives.one' })
        : msg(str`${n} sales initiatives`, { id: 'memberOverview.need.salesInitiatives.other' });
    case 'registered_deals':
      return one
        ? msg('1 registered deal', { id: 'memberOverview.need.registeredDeals.one' })
        : msg(str`${n} registered deals`, { id: 'memberOverview.need.registeredDeals.other' });
    case 'marketing_activities':
      return one
        ? msg('1 marketing activity', { id: 'memberOverview.need.marketingActivities.one' })
        : msg(str`${n} marketing activities`, { id: 'memberOverview.need.marketingActivities.other' });
    default:
      return `${n} ${criterionLabel(policy, gap.criterionId, lang)}`;
  }
}
