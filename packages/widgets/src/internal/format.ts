// Numbers, money, percentages and dates for display, through Intl in the widget's language. Formatters are cached.
import { whenIdle } from './idle.js';

const cache = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat>();

function numberFormat(lang: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `n|${lang}|${JSON.stringify(options)}`;
  let format = cache.get(key) as Intl.NumberFormat | undefined;
  if (!format) cache.set(key, (format = new Intl.NumberFormat(lang, options)));
  return format;
}

function dateFormat(lang: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `d|${lang}|${JSON.stringify(options)}`;
  let format = cache.get(key) as Intl.DateTimeFormat | undefined;
  if (!format) cache.set(key, (format = new Intl.DateTimeFormat(lang, options)));
  return format;
}

const warmed = new Set<string>();

/**
 * The warm-up must be done before the data arrives (one API round trip after a token, a few hundred ms at best): on a
 * busy page idle time may not come that soon, so each step runs at the latest this long after the previous one.
 */
export const WARM_UP_TIMEOUT_MS = 100;

/**
 * Creates the formatters the widgets use for `lang`, one per idle callback, while the widget waits for its data. In
 * Chromium the first Intl.NumberFormat, DateTimeFormat or DisplayNames of a renderer process loads ICU data and
 * builds V8's set of available ICU locales (30–210 ms on the bench machine, in two native parts; the same in a worker
 * makes it free for the page, but a blob worker needs `worker-src blob:` from the host's CSP) and the first date
 * format another 6–130 ms: done during the network wait, that work is off the path from data to content.
 */
export function warmUpFormatters(lang: string): void {
  if (warmed.has(lang)) return;
  warmed.add(lang);
  const steps = [
    // The first Intl.NumberFormat of a process does two things: it loads ICU's likely-subtags data (what
    // Intl.Locale#maximize uses) and then builds V8's set of locales with number data. Done as one step that was
    // 40–55 ms of CPU; this step takes the first half (15–25 ms) on its own, so each idle task is half as long.
    () => {
      try {
        new Intl.Locale(lang).maximize();
      } catch {
        // Not a well-formed tag: the formatters below fall back as they do at render time.
      }
    },
    () => formatNumber(1, lang),
    () => formatDay('2000-01-01', lang),
    () => formatDate(0, lang),
    () => formatPercent(0, lang),
  ];
  const next = () => {
    steps.shift()?.();
    if (steps.length) whenIdle(next, WARM_UP_TIMEOUT_MS);
  };
  whenIdle(next, WARM_UP_TIMEOUT_MS);
}

/** `1234.5` -> "1,234.5" (en) / "1.234,5" (de). */
export function formatNumber(value: number, lang: string, options: Intl.NumberFormatOptions = {}): string {
  return numberFormat(lang, { maximumFractionDigits: 1, ...options }).format(value);
}

/** `250000, 'EUR'` -> "€250,000" (en) / "250.000 €" (de); whole units unless the amount has cents. */
export function formatMoney(amount: number, currency: string, lang: string): string {
  const fractionDigits = Number.isInteger(amount) ? 0 : 2;
  return numberFormat(lang, {
    style: 'currency',
    currency,
    minimumFractionDigits: fractionDigits,
    maximumFractionDigits: fractionDigits,
  }).format(amount);
}

/** `0.42` -> "42%" (en) / "42 %" (de). */
export function formatPercent(fraction: number, lang: string): string {
  return numberFormat(lang, { style: 'percent', maximumFractionDigits: 0 }).format(fraction);
}

/**
 * A calendar day `YYYY-MM-DD` (the API's dates are UTC days) -> "Aug 31, 2027" / "31. Aug. 2027".
 * Formatted in UTC so the day never shifts with the viewer's time zone.
 */
export function formatDay(day: string, lang: string, style: 'medium' | 'long' = 'medium'): string {
  const time = Date.parse(`${day}T00:00:00Z`);
  if (Number.isNaN(time)) return day;
  return dateFormat(lang, { dateStyle: style, timeZone: 'UTC' }).format(time);
}

/** A point in time (ISO string, Date or epoch milliseconds) -> a date in the viewer's time zone. */
export function formatDate(value: string | number | Date, lang: string): string {
  const time = value instanceof Date ? value.getTime() : typeof value === 'number' ? value : Date.parse(value);
  if (Number.isNaN(time)) return String(value);
  return dateFormat(lang, { dateStyle: 'medium' }).format(time);
}

/** A list in words: ["a", "b", "c"] -> "a, b, and c" / "a, b und c". */
export function formatList(items: string[], lang: string): string {
  return new Intl.ListFormat(lang, { type: 'conjunction' }).format(items);
}
