// Writes packages/contract/openapi.json from buildOpenApiDocument(); run by the package's `build` script.
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { buildOpenApiDocument } from '../src/openapi/document.js';

/** The committed file's exact text: pretty-printed, one trailing newline. */
export function openApiFileText(): string {
  return `${JSON.stringify(buildOpenApiDocument(), null, 2)}\n`;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const target = fileURLToPath(new URL('../openapi.json', import.meta.url));
  writeFileSync(target, openApiFileText());
  console.log(`Wrote ${target}`);
}
