// Calendar arithmetic on `YYYY-MM-DD` days in UTC; the engine never reads the clock.
import { ContractInputError } from '../validation.js';

const DAY_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Parses a `YYYY-MM-DD` day to a UTC timestamp, rejecting impossible dates such as 2027-02-30. */
export function parseDay(day: string): number {
  const match = DAY_PATTERN.exec(day);
  if (match) {
    const [year, month, date] = [Number(match[1]), Number(match[2]), Number(match[3])];
    const time = Date.UTC(year, month - 1, date);
    const check = new Date(time);
    if (check.getUTCFullYear() === year && check.getUTCMonth() === month - 1 && check.getUTCDate() === date) {
      return time;
    }
  }
  throw new ContractInputError('date', [{ path: '', code: 'invalid_format', message: `Not a calendar day: ${JSON.stringify(day)}` }]);
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
