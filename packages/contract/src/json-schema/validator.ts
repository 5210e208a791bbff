// A small validator for the subset of JSON Schema (2020-12) that z.toJSONSchema writes for this contract, behind
// zod's `safeParse` shape and with zod's issue codes, so browsers check API answers without shipping zod.
//
// It answers as the zod schema it was generated from (test/json-schema-differential.test.ts holds it to that):
// objects without `additionalProperties` are z.object, whose unknown keys are dropped from the output as zod drops
// them; `additionalProperties: false` is z.strictObject; string lengths count UTF-16 units as zod does. What JSON
// Schema cannot say, it cannot check: zod refinements (`z.refine`) — the browser validators add those as code.

/** The keywords z.toJSONSchema uses for this contract; anything else is ignored. */
export interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  propertyNames?: JsonSchema;
  items?: JsonSchema | false;
  prefixItems?: JsonSchema[];
  minItems?: number;
  maxItems?: number;
  enum?: readonly unknown[];
  const?: unknown;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  format?: string;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
}

/** One problem, as zod reports it: `invalid_type`, `too_small`, `too_big`, `invalid_format`, `invalid_value`, … */
export interface ValidationIssue {
  code: string;
  path: PropertyKey[];
  message: string;
  minimum?: number;
  maximum?: number;
}

export type SafeParseResult<T> = { success: true; data: T } | { success: false; error: { issues: ValidationIssue[] } };

/** What the SDK and the engine use of a schema: zod's `safeParse` and `parse`. */
export interface Validator<T> {
  safeParse(data: unknown): SafeParseResult<T>;
  parse(data: unknown): T;
}

const patterns = new Map<string, RegExp>();
function regex(source: string): RegExp {
  let compiled = patterns.get(source);
  if (!compiled) patterns.set(source, (compiled = new RegExp(source)));
  return compiled;
}

function typeOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}

function hasType(value: unknown, type: string): boolean {
  switch (type) {
    case 'integer':
      return Number.isInteger(value);
    case 'number':
      return typeof value === 'number' && Number.isFinite(value);
    case 'object':
      return typeOf(value) === 'object';
    default:
      return typeOf(value) === type;
  }
}

/** z.url({ protocol: /^https?$/ }) is the contract's only `uri`; JSON Schema cannot carry the protocol rule. */
function isHttpUrl(value: string): boolean {
  try {
    return /^https?:$/.test(new URL(value).protocol);
  } catch {
    return false;
  }
}

/**
 * Where a value sits: its key and the path of its parent, made into an array only for an issue. Valid answers, the
 * usual case, then cost no array per value (a 100-member page has several thousand).
 */
interface Path {
  readonly up: Path | undefined;
  readonly key: PropertyKey;
}

function pathArray(path: Path | undefined): PropertyKey[] {
  const keys: PropertyKey[] = [];
  for (let at = path; at; at = at.up) keys.push(at.key);
  return keys.reverse();
}

function issue(issues: ValidationIssue[], path: Path | undefined, code: string, message: string, extra?: Partial<ValidationIssue>): void {
  issues.push({ code, path: pathArray(path), message, ...extra });
}

/** Validates `value`; pushes issues; returns the output (unknown z.object keys dropped). */
function check(schema: JsonSchema, value: unknown, path: Path | undefined, issues: ValidationIssue[]): unknown {
  if (schema.anyOf || schema.oneOf) {
    const branches = (schema.anyOf ?? schema.oneOf)!;
    // z.nullable: null passes, anything else answers as the inner schema (its issues, not a union's).
    if (branches.length === 2 && (branches[0]!.type === 'null') !== (branches[1]!.type === 'null')) {
      return value === null ? null : check(branches[0]!.type === 'null' ? branches[1]! : branches[0]!, value, path, issues);
    }
    for (const branch of branches) {
      const branchIssues: ValidationIssue[] = [];
      const output = check(branch, value, path, branchIssues);
      if (branchIssues.length === 0) return output;
    }
    issue(issues, path, 'invalid_union', 'Invalid input');
    return value;
  }

  // z.enum and z.literal answer invalid_value for anything else, whatever its type.
  if (schema.type !== undefined && schema.enum === undefined && schema.const === undefined) {
    const fits = typeof schema.type === 'string' ? hasType(value, schema.type) : schema.type.some((type) => hasType(value, type));
    if (!fits) {
      const types = typeof schema.type === 'string' ? [schema.type] : schema.type;
      // Several types (null aside, which is z.nullable) are z.union of primitives: zod reports a failed union.
      if (types.filter((type) => type !== 'null').length > 1) {
        issue(issues, path, 'invalid_union', 'Invalid input');
        return value;
      }
      issue(issues, path, 'invalid_type', `Invalid input: expected ${types.join(' or ')}, received ${value === undefined ? 'undefined' : typeOf(value)}`);
      return value;
    }
  }
  if (schema.const !== undefined && value !== schema.const) {
    issue(issues, path, 'invalid_value', `Invalid input: expected ${JSON.stringify(schema.const)}`);
    return value;
  }
  if (schema.enum && !schema.enum.includes(value)) {
    issue(issues, path, 'invalid_value', `Invalid option: expected one of ${schema.enum.map((option) => JSON.stringify(option)).join('|')}`);
    return value;
  }

  if (typeof value === 'string') {
    if (schema.minLength !== undefined && value.length < schema.minLength) {
      issue(issues, path, 'too_small', `Too small: expected string to have >=${schema.minLength} characters`, { minimum: schema.minLength });
    }
    if (schema.maxLength !== undefined && value.length > schema.maxLength) {
      issue(issues, path, 'too_big', `Too big: expected string to have <=${schema.maxLength} characters`, { maximum: schema.maxLength });
    }
    if (schema.pattern !== undefined && !regex(schema.pattern).test(value)) {
      issue(issues, path, 'invalid_format', `Invalid ${schema.format ?? 'string'}: must match pattern ${schema.pattern}`);
    }
    if (schema.format === 'uri') {
      // z.url() checks and answers the trimmed string (a transform JSON Schema does not show).
      const trimmed = value.trim();
      if (!isHttpUrl(trimmed)) issue(issues, path, 'invalid_format', 'Invalid URL');
      return trimmed;
    }
    return value;
  }

  if (typeof value === 'number') {
    if (schema.minimum !== undefined && value < schema.minimum) {
      issue(issues, path, 'too_small', `Too small: expected number to be >=${schema.minimum}`, { minimum: schema.minimum });
    }
    if (schema.exclusiveMinimum !== undefined && value <= schema.exclusiveMinimum) {
      issue(issues, path, 'too_small', `Too small: expected number to be >${schema.exclusiveMinimum}`, { minimum: schema.exclusiveMinimum });
    }
    if (schema.maximum !== undefined && value > schema.maximum) {
      issue(issues, path, 'too_big', `Too big: expected number to be <=${schema.maximum}`, { maximum: schema.maximum });
    }
    if (schema.exclusiveMaximum !== undefined && value >= schema.exclusiveMaximum) {
      issue(issues, path, 'too_big', `Too big: expected number to be <${schema.exclusiveMaximum}`, { maximum: schema.exclusiveMaximum });
    }
    return value;
  }

  if (Array.isArray(value)) {
    // z.tuple reports a wrong length before it looks at the items; z.array the other way round.
    const tupleLength = schema.prefixItems !== undefined && (value.length < (schema.minItems ?? 0) || value.length > (schema.maxItems ?? Infinity));
    if (tupleLength) {
      issue(issues, path, value.length < schema.minItems! ? 'too_small' : 'too_big', `Expected a tuple of ${schema.prefixItems!.length} items`);
      return value;
    }
    const output = value.map((item, index) => {
      const itemSchema = schema.prefixItems?.[index] ?? schema.items;
      return itemSchema ? check(itemSchema, item, { up: path, key: index }, issues) : item;
    });
    if (schema.minItems !== undefined && value.length < schema.minItems) {
      issue(issues, path, 'too_small', `Too small: expected array to have >=${schema.minItems} items`, { minimum: schema.minItems });
    }
    if (schema.maxItems !== undefined && value.length > schema.maxItems) {
      issue(issues, path, 'too_big', `Too big: expected array to have <=${schema.maxItems} items`, { maximum: schema.maxItems });
    }
    return output;
  }

  if (typeOf(value) === 'object') {
    const input = value as Record<string, unknown>;
    const output: Record<string, unknown> = {};
    const properties = schema.properties ?? {};
    const required = schema.required ?? [];
    for (const key in properties) {
      const propertySchema = properties[key]!;
      const present = Object.hasOwn(input, key) && input[key] !== undefined;
      if (!present) {
        if (required.includes(key)) check(propertySchema, undefined, { up: path, key }, issues);
        continue;
      }
      output[key] = check(propertySchema, input[key], { up: path, key }, issues);
    }
    const rest = schema.additionalProperties;
    // Without `additionalProperties` (z.object) unknown keys are left out, as zod's output leaves them out.
    if (rest === undefined || rest === true) return output;
    const extra = Object.keys(input).filter((key) => !Object.hasOwn(properties, key));
    if (rest === false) {
      if (extra.length > 0) issue(issues, path, 'unrecognized_keys', `Unrecognized key${extra.length > 1 ? 's' : ''}: ${extra.join(', ')}`);
    } else {
      // z.record and z.catchall: every other key is checked, and kept.
      for (const key of extra) {
        if (schema.propertyNames) {
          const keyIssues: ValidationIssue[] = [];
          check(schema.propertyNames, key, { up: path, key }, keyIssues);
          if (keyIssues.length > 0) {
            issue(issues, { up: path, key }, 'invalid_key', 'Invalid key in record');
            continue;
          }
        }
        output[key] = check(rest, input[key], { up: path, key }, issues);
      }
    }
    return output;
  }
  return value;
}

/** Validates `data` against `schema`, answering as zod's `safeParse` does. */
export function validate<T>(schema: JsonSchema, data: unknown): SafeParseResult<T> {
  const issues: ValidationIssue[] = [];
  const output = check(schema, data, undefined, issues);
  return issues.length === 0 ? { success: true, data: output as T } : { success: false, error: { issues } };
}

/** Thrown by `parse()`, like zod's error: the issues are on it. */
export class ValidationError extends Error {
  override readonly name = 'ValidationError';
  constructor(readonly issues: ValidationIssue[]) {
    super(issues.map((issue) => `${issue.path.map(String).join('.') || '(root)'}: ${issue.message}`).join('; '));
  }
}

/**
 * A validator for one schema; `refine` adds what JSON Schema cannot say (zod's refinements). Like zod's, it runs
 * even when other parts failed (it gets the raw input and must check types itself); its issues come after.
 */
export function jsonSchemaValidator<T>(
  schema: JsonSchema,
  refine?: (data: unknown, issues: ValidationIssue[]) => void,
): Validator<T> {
  const safeParse = (data: unknown): SafeParseResult<T> => {
    const result = validate<T>(schema, data);
    if (!refine) return result;
    const issues = result.success ? [] : [...result.error.issues];
    refine(data, issues);
    return issues.length === 0 ? result : { success: false, error: { issues } };
  };
  return fromSafeParse(safeParse);
}

/** A validator from its `safeParse`, with zod's `parse` beside it (for validators that are code, not a schema). */
export function fromSafeParse<T>(safeParse: (data: unknown) => SafeParseResult<T>): Validator<T> {
  return {
    safeParse,
    parse: (data) => {
      const result = safeParse(data);
      if (!result.success) throw new ValidationError(result.error.issues);
      return result.data;
    },
  };
}
