// The committed JSON Schemas (what browsers validate with) are exactly what the zod schemas generate today.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { test } from 'node:test';
import { jsonSchemaFiles } from '../scripts/write-json-schemas.js';

const generated = new URL('../src/generated/', import.meta.url);

test('src/generated/json-schemas{.ts,/} are up to date with the zod schemas (run `pnpm build` after changing one)', () => {
  const files = jsonSchemaFiles();
  for (const [path, text] of files) {
    assert.ok(readFileSync(new URL(path, generated), 'utf8') === text, `src/generated/${path} is stale`);
  }
  // No module of a schema that no longer exists.
  const committed = readdirSync(new URL('json-schemas/', generated)).map((file) => `json-schemas/${file}`).sort();
  assert.deepEqual(committed, [...files.keys()].filter((path) => path.startsWith('json-schemas/')).sort());
});

test('the only `uri` format is z.url with http(s), which the browser validator assumes', () => {
  const text = [...jsonSchemaFiles().values()].join('\n');
  assert.equal(text.match(/"format":"uri"/g)?.length, 1);
});
