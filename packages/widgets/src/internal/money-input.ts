// Reads an amount as a person of the widget's language and region types it ("38.500,00" in de, "38'500" in de-CH,
// "38,500.00" in en) through Intl's separators, and refuses what could be read two ways instead of guessing.

/** What an amount field holds: nothing, a number, or text that cannot be taken as one amount. */
export type AmountReading =
  | { kind: 'empty' }
  | { kind: 'amount'; value: number }
  /** Separators that could mean thousands or cents ("38.500" in en, "38,500.00" in de): the user must rewrite it. */
  | { kind: 'ambiguous' }
  /** Not an amount at all (letters, a minus sign, two decimal separators). */
  | { kind: 'invalid' };

export interface Separators {
  group: string;
  decimal: string;
}

const separatorCache = new Map<string, Separators>();

/** The grouping and decimal separators Intl uses for `lang` ("de-CH": ’ and .). */
export function separatorsOf(lang: string): Separators {
  let found = separatorCache.get(lang);
  if (!found) {
    let parts: Intl.NumberFormatPart[];
    try {
      parts = new Intl.NumberFormat(lang).formatToParts(12345.6);
    } catch {
      parts = new Intl.NumberFormat('en').formatToParts(12345.6);
    }
    found = {
      group: parts.find((part) => part.type === 'group')?.value ?? ',',
      decimal: parts.find((part) => part.type === 'decimal')?.value ?? '.',
    };
    separatorCache.set(lang, found);
  }
  return found;
}

/** Spaces of every kind Intl groups with (fr, pl: narrow no-break space) or people type. */
const SPACES = /[\s\u00a0\u202f\u2009]/;
/** Apostrophes never mark cents anywhere, so they are read as grouping in every language ("38'500"). */
const APOSTROPHES = /['’]/;
/** A currency sign or code typed with the amount ("€ 38.500", "38.500 EUR"): the currency has its own field. */
const CURRENCY = /^(?:€|\$|£|EUR|USD|GBP|CHF|Fr\.?|SFr\.?)\s*|\s*(?:€|\$|£|EUR|USD|GBP|CHF|Fr\.?|SFr\.?)$/gi;

/** Whether `digits` split by one grouping separator form valid groups: 1–3 digits, then threes. */
const validGroups = (groups: string[]) =>
  groups.length > 0 && /^\d{1,3}$/.test(groups[0]!) && groups.slice(1).every((group) => /^\d{3}$/.test(group));

/**
 * Reads `text` as an amount in `lang`, with at most `fractionDigits` digits of cents. A separator is read as the
 * locale's decimal separator only where the locale says so; the other of "." and "," counts as grouping only where
 * the locale groups with it. Three digits after the decimal separator ("38.500" in en) look like a thousands group
 * typed the other way round, so they are refused as ambiguous rather than taken for 38.5.
 */
export function readAmount(text: string, lang: string, fractionDigits = 2): AmountReading {
  const trimmed = text.trim().replace(CURRENCY, '').trim();
  if (trimmed === '') return { kind: 'empty' };
  if (!/^[\d.,'’\s\u00a0\u202f\u2009]+$/.test(trimmed) || !/\d/.test(trimmed)) return { kind: 'invalid' };
  const { group, decimal } = separatorsOf(lang);
  const decimalAt = trimmed.lastIndexOf(decimal);
  const whole = decimalAt >= 0 ? trimmed.slice(0, decimalAt) : trimmed;
  const cents = decimalAt >= 0 ? trimmed.slice(decimalAt + 1) : '';

  if (decimalAt >= 0) {
    if (!/^\d*$/.test(cents)) {
      // Another separator after the decimal one: "38,500.00" in de, "38.500,00" in en.
      return /^\d+$/.test(cents.replace(/[.,]/g, '')) ? { kind: 'ambiguous' } : { kind: 'invalid' };
    }
    if (cents.length > fractionDigits) return cents.length === 3 ? { kind: 'ambiguous' } : { kind: 'invalid' };
  }

  // The whole part: digits, grouped by one kind of separator at most.
  const groupChars = new Set([...whole].filter((char) => !/\d/.test(char)));
  let digits = whole;
  if (groupChars.size > 0) {
    const kinds = new Set(
      [...groupChars].map((char) => (SPACES.test(char) ? 'space' : APOSTROPHES.test(char) ? 'apostrophe' : char)),
    );
    if (kinds.size > 1) return { kind: 'ambiguous' };
    const [kind] = kinds;
    const readable = kind === 'space' || kind === 'apostrophe' || kind === group || (SPACES.test(group) && kind === 'space');
    // "." where the locale groups with "," (or the reverse) may be a decimal separator typed the other way round.
    if (!readable) return kind === '.' || kind === ',' ? { kind: 'ambiguous' } : { kind: 'invalid' };
    const groups = whole.split(/[^\d]/);
    if (!validGroups(groups)) return kind === '.' || kind === ',' ? { kind: 'ambiguous' } : { kind: 'invalid' };
    digits = groups.join('');
  }
  if (digits === '' && cents === '') return { kind: 'invalid' };
  const value = Number(`${digits || '0'}.${cents || '0'}`);
  return Number.isFinite(value) ? { kind: 'amount', value } : { kind: 'invalid' };
}

/** `38500, 'EUR', 'de'` -> "38.500,00 €": the echo beside the field, always with cents so the separators show. */
export function echoAmount(value: number, currency: string, lang: string): string {
  try {
    return new Intl.NumberFormat(lang, { style: 'currency', currency, minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(value);
  } catch {
    return new Intl.NumberFormat(lang, { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(value);
  }
}

/**
 * Whether an amount is far from what the products list at (below a fifth or above five times the list total), worth
 * a hint but never a refusal: discounts and services move real deals a long way from list price.
 */
export function farFromListPrice(amount: number, listTotal: number): boolean {
  return listTotal > 0 && amount > 0 && (amount < listTotal / 5 || amount > listTotal * 5);
}
