// The member list as a CSV file that opens as columns in the spreadsheet of the widget's locale: German Excel splits
// on `;` and reads `,` as the decimal sign, so where a locale writes decimals with a comma the file uses `;`. Values
// are what the list shows (localized tier, region and country names, percentages, the missing requirements named),
// not codes. Quoting and the formula guard are csv.ts's.
import type { Member, ProgramPolicy, Tier } from '@poly-partner/contract';
import { msg, str } from '../../localization/localization.js';
import { localizedText } from '../../internal/criterion-text.js';
import { csvCell } from '../../internal/csv.js';
import { countryName } from '../../internal/country-name.js';
import { tierName } from '../../internal/tier.js';
import { gapsText, requirementCounts } from './member-gaps.js';

export type CsvSeparator = ',' | ';';

export interface MemberCsvOptions {
  lang: string;
  policy: ProgramPolicy;
  organizationName: string;
  /** The day the data is of (`YYYY-MM-DD`), for the file name. */
  asOf: string;
  /** Overrides the locale's separator (an integrator's explicit choice). */
  separator?: CsvSeparator;
}

export interface MemberCsv {
  text: string;
  fileName: string;
  separator: CsvSeparator;
}

/** `;` where the locale's decimal sign is a comma (de, fr, es, …), else `,`. */
export function csvSeparatorFor(lang: string): CsvSeparator {
  const decimal = new Intl.NumberFormat(lang).formatToParts(1.5).find((part) => part.type === 'decimal')?.value;
  return decimal === ',' ? ';' : ',';
}

/** A file name from the organization's name and the day: "Meridian-Carrier-Services-plc-members-2026-12-06.csv". */
export function memberCsvFileName(organizationName: string, asOf: string): string {
  const name = organizationName
    .normalize('NFC')
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80);
  return `${name || 'organization'}-${msg('members', { id: 'memberOverview.csv.fileMembers' })}-${asOf}.csv`;
}

/** The members as CSV text (CRLF line ends), in the order given: the list's order. Call it inside `renderInLocale`. */
export function memberCsv(members: readonly Member[], options: MemberCsvOptions): MemberCsv {
  const { lang, policy } = options;
  const separator = options.separator ?? csvSeparatorFor(lang);
  // Spaces of the locale's number formats (de: "22,2 %" with a no-break space) as plain spaces, which Excel reads.
  const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');
  const percent = new Intl.NumberFormat(lang, { style: 'percent', maximumFractionDigits: 1 });
  const regionName = (code: string) => {
    const region = policy.regions.find((candidate) => candidate.code === code);
    return region ? localizedText(region.name, lang) : code;
  };
  const tier = (value: Tier | null) => (value ? tierName(value) : '');
  const header = [
    msg('Name', { id: 'memberOverview.column.name' }),
    msg('Partner ID', { id: 'memberOverview.csv.partnerId' }),
    msg('Country', { id: 'memberOverview.column.country' }),
    msg('Region', { id: 'memberOverview.region' }),
    msg('Current tier', { id: 'memberOverview.currentTierCount' }),
    msg('Earned by results', { id: 'memberOverview.earnedTierCount' }),
    msg('Protected tier', { id: 'memberOverview.csv.protectedTier' }),
    msg('Protected until', { id: 'memberOverview.column.protectedUntil' }),
    msg('Next tier', { id: 'memberOverview.csv.nextTier' }),
    msg('Progress to next tier', { id: 'memberOverview.column.progress' }),
    msg('Requirements met', { id: 'memberOverview.csv.met' }),
    msg('Missing for the next tier', { id: 'memberOverview.csv.missingNext' }),
    msg('Missing to keep the tier', { id: 'memberOverview.csv.missingKeep' }),
  ];
  const rows = members.map((member) => {
    const { met, total } = requirementCounts(member);
    return [
      member.name,
      member.partnerId,
      countryName(member.country, lang),
      regionName(member.region),
      tier(member.effectiveTier),
      tier(member.earnedTier),
      tier(member.protectedTier),
      // ISO days: every spreadsheet reads them as dates, whatever its locale.
      member.protectedUntil ?? '',
      tier(member.nextTier),
      member.nextTier ? plain(percent.format(member.progress)) : '',
      // Words, not "8/9", which a spreadsheet would take for a date.
      member.nextTier ? msg(str`${met} of ${total}`, { id: 'memberOverview.csv.metOf' }) : '',
      missingText(member.nextTierGaps, member.missingCriteria, member.nextTier !== null),
      missingText(member.keepTierGaps, member.keepMissingCriteria, member.keepMissingCriteria > 0),
    ];
  });
  const text = [header, ...rows].map((row) => row.map((value) => cell(value, separator)).join(separator)).join('\r\n') + '\r\n';
  return { text, fileName: memberCsvFileName(options.organizationName, options.asOf), separator };

  function missingText(gaps: Member['nextTierGaps'], count: number, applies: boolean): string {
    if (!applies || count === 0) return '';
    if (gaps.length > 0) return plain(gapsText(gaps, policy, lang));
    return msg(str`${count} requirements`, { id: 'memberOverview.csv.missingCount' });
  }
}

/** csv.ts's cell (quoting, formula guard), also quoted when it holds the separator `;`, which csv.ts does not quote. */
function cell(value: string, separator: CsvSeparator): string {
  const written = csvCell(value);
  return separator !== ',' && !written.startsWith('"') && written.includes(separator) ? `"${written}"` : written;
}
