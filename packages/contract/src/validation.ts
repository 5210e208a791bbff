// Turning validation issues (zod's, or the browser validator's of the same shape) into the API's per-field errors,
// and the error the engine throws on bad input.
import type { FieldError } from './schemas/problem.js';

/** What `toFieldErrors` reads of an issue. */
export interface IssueLike {
  readonly path: readonly PropertyKey[];
  readonly code: string;
  readonly message: string;
}

/** Dotted path of an issue (`customer.contact.email`, `products.0.sku`); empty for the root. */
export function issuePath(path: readonly PropertyKey[]): string {
  return path.map(String).join('.');
}

/** One `FieldError` per zod issue, unions flattened to their first failing branch. */
export function toFieldErrors(issues: readonly IssueLike[]): FieldError[] {
  return issues.map((issue) => ({
    path: issuePath(issue.path),
    code: issue.code,
    message: issue.message,
  }));
}

/** Thrown by the engine when a policy, a standing or a simulation is not valid; `issues` says what and where. */
export class ContractInputError extends Error {
  override readonly name = 'ContractInputError';
  constructor(
    readonly subject: 'policy' | 'standing' | 'changes' | 'date',
    readonly issues: readonly FieldError[],
  ) {
    super(
      `Invalid ${subject}: ` +
        issues.map((issue) => (issue.path ? `${issue.path}: ${issue.message}` : issue.message)).join('; '),
    );
  }
}
