// Criteria of the tier program in words: a criterion's label from the policy, its values, the gap ("2 more certified
// technical staff"), and its actions (the policy's message ids, localized here).
import type { Action, CriterionResult, LocalizedText, ProgramPolicy } from '@poly-partner/contract';
import { msg, str } from '../localization/localization.js';
import { formatMoney, formatNumber } from './format.js';
import { tierName } from './tier.js';

/** Text of a policy's localized field: the exact language (`de-CH`), then its catalog locale (`de`), then English. */
export function localizedText(text: LocalizedText, lang: string): string {
  const language = lang.toLowerCase().split('-')[0] ?? 'en';
  return text[lang] ?? text[language] ?? text.en;
}

/** The policy's label of a criterion, in the widget's language (the criterion id when the policy lacks it). */
export function criterionLabel(policy: ProgramPolicy, criterionId: string, lang: string): string {
  const criterion = policy.criteria.find((candidate) => candidate.id === criterionId);
  return criterion ? localizedText(criterion.label, lang) : criterionId;
}

/** A value of the criterion's unit: money in the policy's currency, a count, or a rating out of 5. */
export function formatCriterionValue(unit: CriterionResult['unit'], value: number, policy: ProgramPolicy, lang: string): string {
  if (unit === 'money') return formatMoney(value, policy.currency, lang);
  if (unit === 'rating') return formatNumber(value, lang, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
  return formatNumber(value, lang, { maximumFractionDigits: 0 });
}

const isOne = (count: number, lang: string) => new Intl.PluralRules(lang).select(count) === 'one';

/** What is missing, in words: "2 more certified technical staff", "€1,020,000 more revenue". */
export function gapText(item: CriterionResult, policy: ProgramPolicy, lang: string): string {
  const n = formatCriterionValue(item.unit, item.gap, policy, lang);
  const one = isOne(item.gap, lang);
  switch (item.criterionId) {
    case 'revenue':
      return msg(str`${n} more revenue`, { id: 'gap.revenue' });
    case 'certified_sales':
      return one
        ? msg('1 more certified salesperson', { id: 'gap.certifiedSales.one' })
        : msg(str`${n} more certified sales staff`, { id: 'gap.certifiedSales.other' });
    case 'certified_technical':
      return one
        ? msg('1 more certified technician', { id: 'gap.certifiedTechnical.one' })
        : msg(str`${n} more certified technical staff`, { id: 'gap.certifiedTechnical.other' });
    case 'staff_sales':
      return one
        ? msg('1 more person in sales', { id: 'gap.staffSales.one' })
        : msg(str`${n} more people in sales`, { id: 'gap.staffSales.other' });
    case 'staff_technical':
      return one
        ? msg('1 more person in a technical role', { id: 'gap.staffTechnical.one' })
        : msg(str`${n} more people in technical roles`, { id: 'gap.staffTechnical.other' });
    case 'demo_equipment':
      return one
        ? msg('1 more registered demo unit', { id: 'gap.demoEquipment.one' })
        : msg(str`${n} more registered demo units`, { id: 'gap.demoEquipment.other' });
    case 'sales_initiatives':
      return one
        ? msg('1 more sales initiative', { id: 'gap.salesInitiatives.one' })
        : msg(str`${n} more sales initiatives`, { id: 'gap.salesInitiatives.other' });
    case 'registered_deals':
      return one
        ? msg('1 more registered deal', { id: 'gap.registeredDeals.one' })
        : msg(str`${n} more registered deals`, { id: 'gap.registeredDeals.other' });
    case 'marketing_activities':
      return one
        ? msg('1 more marketing activity', { id: 'gap.marketingActivities.one' })
        : msg(str`${n} more marketing activities`, { id: 'gap.marketingActivities.other' });
    case 'customer_rating':
      return msg(str`a customer rating ${n} points higher`, { id: 'gap.customerRating' });
    default: {
      // A criterion this version of the widgets does not know yet: the policy's label carries the meaning.
      const label = criterionLabel(policy, item.criterionId, lang);
      return msg(str`${n} more for “${label}”`, { id: 'gap.other' });
    }
  }
}

/** An action in words. `messageId` comes from the policy; an id this version does not know gets a generic text. */
export function actionText(action: Action, item: CriterionResult, policy: ProgramPolicy, lang: string): string {
  const gap = typeof action.params.gap === 'number' ? action.params.gap : item.gap;
  const n = formatCriterionValue(item.unit, gap, policy, lang);
  const one = isOne(gap, lang);
  const tier = typeof action.params.tier === 'string' && isTier(action.params.tier) ? tierName(action.params.tier) : '';
  switch (action.messageId) {
    case 'action.growRevenue':
      return msg(str`Grow your revenue with Poly by ${n}: use the sales tools`, { id: 'action.growRevenue' });
    case 'action.certifySales':
      return one
        ? msg('Certify 1 more salesperson at Poly University', { id: 'action.certifySales.one' })
        : msg(str`Certify ${n} more sales staff at Poly University`, { id: 'action.certifySales.other' });
    case 'action.certifyTechnical':
      return one
        ? msg('Certify 1 more technician at Poly University', { id: 'action.certifyTechnical.one' })
        : msg(str`Certify ${n} more technical staff at Poly University`, { id: 'action.certifyTechnical.other' });
    case 'action.addSalesStaff':
      return one
        ? msg('Add 1 more person to your sales team', { id: 'action.addSalesStaff.one' })
        : msg(str`Add ${n} more people to your sales team`, { id: 'action.addSalesStaff.other' });
    case 'action.addTechnicalStaff':
      return one
        ? msg('Add 1 more person to your technical team', { id: 'action.addTechnicalStaff.one' })
        : msg(str`Add ${n} more people to your technical team`, { id: 'action.addTechnicalStaff.other' });
    case 'action.registerDemoEquipment':
      return one
        ? msg('Register 1 more demo unit', { id: 'action.registerDemoEquipment.one' })
        : msg(str`Register ${n} more demo units`, { id: 'action.registerDemoEquipment.other' });
    case 'action.startSalesInitiative':
      return one
        ? msg('Start 1 more sales initiative', { id: 'action.startSalesInitiative.one' })
        : msg(str`Start ${n} more sales initiatives`, { id: 'action.startSalesInitiative.other' });
    case 'action.registerDeals':
      return one
        ? msg('Register 1 more deal', { id: 'action.registerDeals.one' })
        : msg(str`Register ${n} more deals`, { id: 'action.registerDeals.other' });
    case 'action.runMarketingActivity':
      return one
        ? msg('Run 1 more marketing activity with Poly material', { id: 'action.runMarketingActivity.one' })
        : msg(str`Run ${n} more marketing activities with Poly material`, { id: 'action.runMarketingActivity.other' });
    case 'action.collectRatings':
      return msg('Ask your customers to rate your work', { id: 'action.collectRatings' });
    default:
      return tier
        ? msg(str`What to do next for ${tier}`, { id: 'action.other.tier' })
        : msg('What to do next', { id: 'action.other' });
  }
}

function isTier(value: string): value is 'register' | 'silver' | 'gold' | 'platinum' {
  return value === 'register' || value === 'silver' || value === 'gold' || value === 'platinum';
}

/** An http(s) link, or undefined: a URL from data never becomes a `javascript:` link. */
export function safeUrl(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.href : undefined;
  } catch {
    return undefined;
  }
}
