// Minifies the CSS and HTML inside Lit's css``, html`` and svg`` literals (minify-literals: lightningcss and
// html-minifier-next), which JavaScript minifiers leave as written. Used by the embed build (vite.config.ts), on the
// npm dist after tsc (run as a script: `tsx scripts/minify-literals.ts`), and by measure-sizes.ts.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { minifyHTMLLiterals } from 'minify-literals';

/** The code with its literals minified, or null when nothing changed. */
export async function minifyLitLiterals(code: string, fileName: string) {
  // Whitespace between elements becomes one space, never none: text read aloud or copied keeps its word breaks.
  return minifyHTMLLiterals(code, { fileName, html: { conservativeCollapse: true } });
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const dist = fileURLToPath(new URL('../dist/', import.meta.url));
  let files = 0;
  for (const entry of readdirSync(dist, { recursive: true, encoding: 'utf8' })) {
    if (!entry.endsWith('.js') || entry.startsWith('embed')) continue; // the embed build minifies its own
    const path = `${dist}${entry}`;
    const result = await minifyLitLiterals(readFileSync(path, 'utf8'), path);
    if (result) {
      writeFileSync(path, result.code);
      files += 1;
    }
  }
  console.log(`Minified the Lit literals of ${files} files in dist/`);
}
