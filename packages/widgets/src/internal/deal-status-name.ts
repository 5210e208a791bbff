// The localized names of the states of a deal registration: for the deal form and list, and the member overview's
// pipeline. A module of its own, for the embed to put it where all three pages find it (vite.config.ts, 'lists').
import type { DealStatus } from '@poly-partner/contract';
import { msg } from '../localization/localization.js';

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
