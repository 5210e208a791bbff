// Run after `lit-localize build`: the generated catalogs (src/generated/locales/*.ts) take `str` from @lit/localize's
// str-tag module instead of the package's index, which would bring the runtime's other modules (locale state, id
// hashing, the localized decorator) into every bundle that carries a catalog; src/localization does the same.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';

const folder = new URL('../src/generated/locales/', import.meta.url);
for (const file of readdirSync(folder).filter((name) => name.endsWith('.ts'))) {
  const code = readFileSync(new URL(file, folder), 'utf8');
  const fixed = code.replace("import {str} from '@lit/localize';", "import {str} from '@lit/localize/internal/str-tag.js';");
  if (fixed !== code) writeFileSync(new URL(file, folder), fixed);
}
