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
