// Formatting and criterion wording in Node: what users read for numbers, money, dates, gaps, actions and links.
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { DEFAULT_POLICY, type CriterionResult } from '@poly-partner/contract';
import { actionText, criterionLabel, gapText, localizedText, safeUrl } from '../src/internal/criterion-text.js';
import { formatDay, formatMoney, formatNumber, formatPercent } from '../src/internal/format.js';
import { catalogLocale, loadCatalog, renderInLocale } from '../src/localization/localization.js';

// Intl output uses narrow no-break spaces in places; compare with ordinary spaces.
const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');

function item(criterionId: string, gap: number, unit: CriterionResult['unit'] = 'count'): CriterionResult {
  return {
    criterionId, group: 'capability', unit, status: 'active', current: 0, own: 0, sharedCounted: 0,
    required: gap, met: false, gap, progress: 0,
    actions: [{ messageId: `action.${criterionId}`, params: { gap, tier: 'gold' } }],
  };
}

describe('format', () => {
  it('formats money and numbers the English and the German way', () => {
    assert.equal(plain(formatMoney(1_020_000, 'EUR', 'en')), '€1,020,000');
    assert.equal(plain(formatMoney(1_020_000, 'EUR', 'de')), '1.020.000 €');
    assert.equal(plain(formatMoney(12.5, 'EUR', 'de')), '12,50 €');
    assert.equal(formatNumber(1234.5, 'de'), '1.234,5');
    assert.equal(plain(formatPercent(0.06, 'de')), '6 %');
  });

  it('shows an API day as that day in every time zone', () => {
    assert.equal(formatDay('2027-08-29', 'en', 'long'), 'August 29, 2027');
    assert.equal(formatDay('2027-08-29', 'de', 'long'), '29. August 2027');
    assert.equal(formatDay('not a day', 'en'), 'not a day');
  });
});

describe('localization', () => {
  // German loads on demand (elements wait for it before they render); these calls render outside an element.
  before(() => loadCatalog('de'));

  it('maps language tags to a message catalog', () => {
    assert.equal(catalogLocale('de-CH'), 'de');
    assert.equal(catalogLocale('EN_us'), 'en');
    assert.equal(catalogLocale('fr'), undefined);
    assert.equal(catalogLocale(''), undefined);
  });

  it('words gaps and actions per locale, singular and plural', () => {
    const policy = DEFAULT_POLICY;
    assert.equal(renderInLocale('en', () => gapText(item('certified_technical', 2), policy, 'en')), '2 more certified technical staff');
    assert.equal(renderInLocale('en', () => gapText(item('certified_technical', 1), policy, 'en')), '1 more certified technician');
    assert.equal(renderInLocale('de', () => gapText(item('certified_technical', 2), policy, 'de')), '2 weitere zertifizierte technische Fachkräfte');
    assert.equal(
      plain(renderInLocale('de', () => gapText(item('revenue', 50_000, 'money'), policy, 'de'))),
      '50.000 € mehr Umsatz',
    );
    const register = { ...item('registered_deals', 3), actions: [{ messageId: 'action.registerDeals', params: { gap: 3 } }] };
    assert.equal(renderInLocale('de', () => actionText(register.actions[0]!, register, policy, 'de')), 'Registrieren Sie 3 weitere Deals');
  });

  it('falls back to the policy label for a criterion it does not know', () => {
    const policy = {
      ...DEFAULT_POLICY,
      criteria: [...DEFAULT_POLICY.criteria, { ...DEFAULT_POLICY.criteria[0]!, id: 'webinars', unit: 'count' as const, label: { en: 'Webinars held', de: 'Gehaltene Webinare' } }],
    };
    assert.equal(criterionLabel(policy, 'webinars', 'de-AT'), 'Gehaltene Webinare');
    assert.equal(renderInLocale('de', () => gapText(item('webinars', 2), policy, 'de')), '2 mehr bei „Gehaltene Webinare“');
    assert.equal(localizedText({ en: 'Only English' }, 'de'), 'Only English');
  });

  it('links only to http(s)', () => {
    assert.equal(safeUrl('https://university.poly.example/tracks'), 'https://university.poly.example/tracks');
    assert.equal(safeUrl('javascript:alert(1)'), undefined);
    assert.equal(safeUrl('data:text/html,<script>alert(1)</script>'), undefined);
    assert.equal(safeUrl('not a url'), undefined);
    assert.equal(safeUrl(undefined), undefined);
  });
});
