// Opaque cursors for keyset pagination: base64url JSON, rejected as a field error when tampered with.
import { ApiProblem } from '../problems.js';

export function encodeCursor(value: unknown): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}

export function decodeCursor<T>(cursor: string, check: (value: unknown) => value is T): T {
  try {
    const value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
    if (check(value)) return value;
  } catch {
    // falls through to the field error
  }
  throw new ApiProblem('validation_failed', 'The cursor is not one this API issued.', [{ path: 'cursor', code: 'invalid_cursor', message: 'Unknown cursor' }]);
}

/** Where a sorted page stopped: the sort it was made for, the last row's sort value and its tie-breaking key. */
export interface SortedPosition {
  s: string;
  v: string | number;
  k: string | number;
}

/**
 * The SQL condition for the rows after a sorted page's cursor: past its sort value, or at the same value and past its
 * tie-breaking key (`tieColumn`), in the sort's direction. A cursor made for another sort is refused.
 */
export function afterSortedCursor(
  cursor: string,
  sort: string,
  expression: string,
  tieColumn: string,
  descending: boolean,
): { condition: string; params: { cursorValue: string | number; cursorKey: string | number } } {
  const position = decodeCursor(
    cursor,
    (value): value is SortedPosition =>
      typeof value === 'object' && value !== null && (value as { s?: unknown }).s === sort &&
      ['string', 'number'].includes(typeof (value as { v?: unknown }).v) &&
      ['string', 'number'].includes(typeof (value as { k?: unknown }).k),
  );
  const op = descending ? '<' : '>';
  return {
    condition: `(${expression} ${op} @cursorValue OR (${expression} = @cursorValue AND ${tieColumn} ${op} @cursorKey))`,
    params: { cursorValue: position.v, cursorKey: position.k },
  };
}
