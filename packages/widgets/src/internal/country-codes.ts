// ISO 3166-1 alpha-2 country codes, for country pickers; names come from Intl.DisplayNames in the user's language.
import { countryName } from './country-name.js';

export const COUNTRY_CODES: readonly string[] = (
  'AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW BY BZ ' +
  'CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO FR ' +
  'GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO ' +
  'JP KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR ' +
  'MS MT MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW PY QA RE RO ' +
  'RS RU RW SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR TT TV ' +
  'TW TZ UA UG UM US UY UZ VA VC VE VG VI VN VU WF WS YE YT ZA ZM ZW'
).split(' ');

const cache = new Map<string, [string, string][]>();
/**
 * The options for `lang` if they have been computed, else undefined. Callers rendering their first content can show
 * the chosen country alone (`countryName` in format.ts) and build the list after that, in idle time or when the user reaches the
 * picker: ~250 names, a collator and as many <option> elements.
 */
export function cachedCountryOptions(lang: string): [string, string][] | undefined {
  return cache.get(lang);
}

/** `[code, name]` pairs sorted by name in `lang` ("Deutschland", "Österreich", …); computed once per language. */
export function countryOptions(lang: string): [string, string][] {
  const cached = cache.get(lang);
  if (cached) return cached;
  const collator = new Intl.Collator(lang);
  const options = COUNTRY_CODES.map((code): [string, string] => [code, countryName(code, lang)]).sort((a, b) =>
    collator.compare(a[1], b[1]),
  );
  cache.set(lang, options);
  return options;
}
