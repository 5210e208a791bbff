// Deal registrations in words: the localized names of their types and states, shared by the deal form and list.
import type { DealDiscount, DealStatus, DealType } from '@poly-partner/contract';
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

export function dealStatusName(status: DealStatus): string {
  switch (status) {
    case 'submitted':
      return msg('Submitted', { id: 'deal.status.submitted' });
    case 'under_review':
      return msg('Under review', { id: 'deal.status.underReview' });
    case 'approved':
      return msg('Approved', { id: 'deal.status.approved' });
    case 'rejected':
      return msg('Rejected', { id: 'deal.status.rejected' });
    case 'won':
      return msg('Won', { id: 'deal.status.won' });
    case 'lost':
      return msg('Lost', { id: 'deal.status.lost' });
    case 'expired':
      return msg('Expired', { id: 'deal.status.expired' });
    case 'withdrawn':
      return msg('Withdrawn', { id: 'deal.status.withdrawn' });
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
