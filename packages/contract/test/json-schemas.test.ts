// The committed JSON Schemas (what browsers validate with) are exactly what the zod schemas generate today.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { jsonSchemasFileText } from '../scripts/write-json-schemas.js';

test('src/generated/json-schemas.ts is up to date with the zod schemas (run `pnpm build` after changing one)', () => {
  const committed = readFileSync(new URL('../src/generated/json-schemas.ts', import.meta.url), 'utf8');
  assert.ok(committed === jsonSchemasFileText(), 'src/generated/json-schemas.ts is stale');
});

test('the only `uri` format is z.url with http(s), which the browser validator assumes', () => {
  const text = jsonSchemasFileText();
  assert.equal(text.match(/"format":"uri"/g)?.length, 1);
});
