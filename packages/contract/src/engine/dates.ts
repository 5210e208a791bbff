// Calendar arithmetic on `YYYY-MM-DD` days in UTC; the engine never reads the clock.
import { ContractInputError } from '../validation.js';

const DAY_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Parses a `YYYY-MM-DD` day to a UTC timestamp, rejecting impossible dates such as 2027-02-30. */
export function parseDay(day: string): number {
  const match = typeof day === 'string' ? DAY_PATTERN.exec(day) : null;
  if (match) {
    const [year, month, date] = [Number(match[1]), Number(match[2]), Number(match[3])];
    // setUTCFullYear, unlike Date.UTC, does not read years 0–99 as 1900–1999.
    const check = new Date(0);
    check.setUTCFullYear(year, month - 1, date);
    if (check.getUTCFullYear() === year && check.getUTCMonth() === month - 1 && check.getUTCDate() === date) {
      return check.getTime();
    }
  }
  throw new ContractInputError('date', [{ path: '', code: 'invalid_format', message: `Not a calendar day: ${JSON.stringify(day)}` }]);
}

/** Like `parseDay`, for a required option: says which one is missing or wrong. */
export function requireDay(day: unknown, path: string): string {
  if (day === undefined || day === null) {
    throw new ContractInputError('date', [{ path, code: 'invalid_type', message: `${path} is required (YYYY-MM-DD)` }]);
  }
  try {
    parseDay(day as string);
  } catch {
    throw new ContractInputError('date', [{ path, code: 'invalid_format', message: `${path} is not a calendar day: ${JSON.stringify(day)}` }]);
  }
  return day as string;
}

export function formatDay(time: number): string {
  return new Date(time).toISOString().slice(0, 10);
}

/** Adds calendar months, clamping to the month's last day (2027-01-31 + 1 month = 2027-02-28). */
export function addMonths(day: string, months: number): string {
  const start = new Date(parseDay(day));
  const year = start.getUTCFullYear();
  const month = start.getUTCMonth() + months;
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return formatDay(Date.UTC(year, month, Math.min(start.getUTCDate(), lastDay)));
}

export function addDays(day: string, days: number): string {
  return formatDay(parseDay(day) + days * 86_400_000);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((parseDay(to) - parseDay(from)) / 86_400_000);
}
