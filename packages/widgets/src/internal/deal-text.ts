// Deal registrations in words: the localized names of their types, discounts and conflicts, shared by the deal form
// and list (the names of their states are in deal-status-name.ts).
import type { DealDiscount, DealType } from '@poly-partner/contract';
import { msg, str } from '../localization/localization.js';
import { formatPercent } from './format.js';

export function dealTypeName(type: DealType): string {
  switch (type) {
    case 'opportunity':
      return msg('Opportunity', { id: 'deal.type.opportunity' });
    case 'deal':
      return msg('Deal', { id: 'deal.type.deal' });
    case 'project':
      return msg('Project', { id: 'deal.type.project' });
  }
}

/** "6% expected" until approval, "6% granted" after it, "None" when the tier earns no extra discount. */
export function dealDiscountText(discount: DealDiscount, lang: string): string {
  const percent = formatPercent(discount.percent / 100, lang);
  if (discount.state === 'none' || discount.percent === 0) return msg('None', { id: 'deal.discount.none' });
  return discount.state === 'granted'
    ? msg(str`${percent} granted`, { id: 'deal.discount.granted' })
    : msg(str`${percent} expected`, { id: 'deal.discount.expected' });
}

/** The notice a registration gets when another partner already holds its end customer. */
export function conflictNotice(): string {
  return msg('Another partner has registered this customer; your registration will be reviewed.', {
    id: 'deal.conflictNotice',
  });
}
