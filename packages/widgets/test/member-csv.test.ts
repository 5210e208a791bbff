// The member export as a spreadsheet of the user's locale reads it: separator, decimal sign, names, file name.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DEFAULT_POLICY, type Member } from '@poly-partner/contract';
import { csvSeparatorFor, memberCsv } from '../src/components/partner-member-overview/member-csv.js';
import { loadCatalog, renderInLocale } from '../src/localization/localization.js';
import { parseCsv } from './support/csv-parse.js';

const member = (overrides: Partial<Member>): Member => ({
  partnerId: 'ptr_aaaaaaaaaa',
  name: 'Nordwind Kommunikation GmbH',
  country: 'DE',
  region: 'dach',
  earnedTier: 'silver',
  effectiveTier: 'gold',
  protectedTier: 'gold',
  protectedUntil: '2027-09-07',
  nextTier: 'platinum',
  progress: 1 / 9,
  missingCriteria: 8,
  nextTierGaps: [],
  keepMissingCriteria: 2,
  keepTierGaps: [
    { criterionId: 'revenue', unit: 'money', gap: 120_000 },
    { criterionId: 'certified_technical', unit: 'count', gap: 1 },
  ],
  ...overrides,
});

const members: Member[] = [
  member({}),
  member({
    partnerId: 'ptr_bbbbbbbbbb',
    name: '=cmd; "Müller", Schmidt & Co',
    country: 'AT',
    earnedTier: 'gold',
    protectedTier: null,
    protectedUntil: null,
    progress: 8 / 9,
    missingCriteria: 1,
    nextTierGaps: [{ criterionId: 'certified_technical', unit: 'count', gap: 1 }],
    keepMissingCriteria: 0,
    keepTierGaps: [],
  }),
];


describe('memberCsv', () => {
  it('uses ; where the locale writes decimal commas, and , elsewhere', () => {
    assert.equal(csvSeparatorFor('de'), ';');
    assert.equal(csvSeparatorFor('de-CH'), ',');
    assert.equal(csvSeparatorFor('fr'), ';');
    assert.equal(csvSeparatorFor('en'), ',');
  });

  it('writes English values under English headers, split by commas', () => {
    const csv = renderInLocale('en', () =>
      memberCsv(members, { lang: 'en', policy: DEFAULT_POLICY, organizationName: 'Meridian Carrier Services plc', asOf: '2026-12-06' }),
    );
    assert.equal(csv.separator, ',');
    assert.equal(csv.fileName, 'Meridian-Carrier-Services-plc-members-2026-12-06.csv');
    const [header, first, second] = parseCsv(csv.text, ',');
    assert.equal(header!.length, 13);
    assert.deepEqual(first!.slice(0, 11), [
      'Nordwind Kommunikation GmbH', 'ptr_aaaaaaaaaa', 'Germany', 'DACH', 'Gold', 'Silver', 'Gold', '2027-09-07', 'Platinum', '11.1%', '1 of 9',
    ]);
    assert.equal(first![11], '8 requirements');
    assert.equal(first![12], 'needs €120,000 revenue and 1 certified technician');
    assert.equal(second![0], `'=cmd; "Müller", Schmidt & Co`);
    assert.equal(second![9], '88.9%');
    assert.equal(second![10], '8 of 9');
    assert.equal(second![11], 'needs 1 certified technician');
    assert.equal(second![12], '');
  });

  it('writes German values split by ;, with decimal commas and German names', async () => {
    await loadCatalog('de');
    const csv = renderInLocale('de', () =>
      memberCsv(members, { lang: 'de', policy: DEFAULT_POLICY, organizationName: 'Verband Deutscher Systemhäuser e.V.', asOf: '2026-12-06' }),
    );
    assert.equal(csv.separator, ';');
    assert.equal(csv.fileName, 'Verband-Deutscher-Systemhäuser-e-V-mitglieder-2026-12-06.csv');
    const rows = parseCsv(csv.text, ';');
    assert.ok(rows.length > 1, 'a header and members');
    assert.ok(rows.every((row) => row.length === 13), 'every row splits into 13 columns');
    const [header, first, second] = rows;
    assert.deepEqual(header!.slice(0, 3), ['Name', 'Partner-ID', 'Land']);
    assert.equal(first![2], 'Deutschland');
    assert.equal(first![9], '11,1 %');
    assert.equal(first![10], '1 von 9');
    assert.match(first![12]!, /^braucht 120\.000 € Umsatz und 1 zertifizierte technische Fachkraft$/u);
    // A name with the separator is quoted, so it stays one column; the formula guard still holds.
    assert.equal(second![0], `'=cmd; "Müller", Schmidt & Co`);
    assert.equal(second![2], 'Österreich');
    // An explicit choice wins over the locale.
    const comma = renderInLocale('de', () =>
      memberCsv(members, { lang: 'de', policy: DEFAULT_POLICY, organizationName: 'X', asOf: '2026-12-06', separator: ',' }),
    );
    assert.equal(parseCsv(comma.text, ',')[1]![9], '11,1 %');
  });
});
