// Validates every response the tests receive against the contract's OpenAPI document (ajv, JSON Schema 2020-12).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';

interface Operation {
  responses: Record<string, { $ref?: string; content?: Record<string, { schema?: unknown }> }>;
}
interface Document {
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, unknown>; responses?: Record<string, { content?: Record<string, { schema?: unknown }> }> };
}

const require = createRequire(import.meta.url);
const document = JSON.parse(readFileSync(require.resolve('@poly-partner/contract/openapi.json'), 'utf8')) as Document;

/** Nested `$schema` keywords (zod's output) are not allowed below the root in ajv; drop them. */
function strip(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(strip);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).filter(([key]) => key !== '$schema').map(([key, inner]) => [key, strip(inner)]));
  }
  return value;
}

// ajv-formats is CommonJS: under Node's ESM loader its function sits on `default`.
const addFormats = ((addFormatsModule as unknown as { default?: typeof addFormatsModule }).default ?? addFormatsModule);
const ajv = new Ajv2020({ strict: false, allErrors: true });
addFormats(ajv);
ajv.addSchema({ $id: 'openapi', components: strip(document.components) });

const templates = Object.keys(document.paths).map((template) => ({
  template,
  pattern: new RegExp(`^${template.replace(/[.]/g, '\\.').replace(/\{[^}]+\}/g, '[^/]+')}$`),
}));

function schemaOf(operation: Operation, status: number, contentType: string): unknown {
  let response = operation.responses[String(status)] ?? operation.responses.default;
  if (!response) throw new Error(`status ${status} is not documented`);
  if (response.$ref) response = document.components.responses![response.$ref.split('/').pop()!]!;
  const media = contentType.split(';')[0]!.trim();
  const content = response.content?.[media];
  if (!content) throw new Error(`content type ${media} is not documented for status ${status}`);
  return content.schema;
}

function rewriteRefs(schema: unknown): unknown {
  return JSON.parse(JSON.stringify(strip(schema)).replace(/"\$ref":"#\//g, '"$ref":"openapi#/'));
}

const compiled = new Map<string, ReturnType<typeof ajv.compile>>();

/** Throws when the response does not match the document; JSON bodies only (SVG and 304 are checked for status). */
export function assertConforms(method: string, url: string, status: number, contentType: string, body: unknown): void {
  const path = new URL(url).pathname;
  const match = templates.find((candidate) => candidate.pattern.test(path));
  if (!match) {
    if (status === 404 || status === 405) return; // unknown paths and methods answer problems by design
    throw new Error(`${path} is not in the OpenAPI document`);
  }
  const operation = document.paths[match.template]![method.toLowerCase()];
  if (!operation) {
    if (status === 405) return;
    throw new Error(`${method} ${match.template} is not in the OpenAPI document`);
  }
  if (status === 304) {
    if (!operation.responses['304'] && !operation.responses[String(status)]) throw new Error('304 not documented');
    return;
  }
  if (status === 204) {
    // No content: documented without a body, answered without one.
    if (!operation.responses['204'] || operation.responses['204'].content) throw new Error('204 not documented as bodiless');
    if (body !== '' && body !== undefined) throw new Error('a 204 answer has a body');
    return;
  }
  const schema = schemaOf(operation, status, contentType);
  if (!contentType.includes('json')) return;
  const key = `${method} ${match.template} ${status} ${contentType}`;
  let validate = compiled.get(key);
  if (!validate) {
    validate = ajv.compile(rewriteRefs(schema) as object);
    compiled.set(key, validate);
  }
  if (!validate(body)) {
    throw new Error(`${method} ${path} ${status} does not conform: ${ajv.errorsText(validate.errors)}`);
  }
}
