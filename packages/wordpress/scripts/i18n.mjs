// The plugin's translations without wp-cli (not in either registry): extracts the strings of the PHP files, the
// editor script and block.json into languages/poly-partner-badge.pot, adds new ones to each .po (untranslated ones
// are reported), and compiles each .po into the .mo WordPress loads and the JSON its editor script loads.
//   node scripts/i18n.mjs          update .pot, .po, .mo and .json
//   node scripts/i18n.mjs --check  fail when a string has no translation (the build runs this)
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const DOMAIN = 'poly-partner-badge';
const pluginDir = fileURLToPath(new URL('../plugin/poly-partner-badge/', import.meta.url));
const languagesDir = join(pluginDir, 'languages');
const EDITOR_SCRIPT = 'blocks/partner-badge/index.js';

/** @typedef {{ context?: string, id: string, references: string[] }} Message */

function* files(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== 'assets' && entry.name !== 'languages') yield* files(path);
    } else if (/\.(php|js)$/.test(entry.name) && !entry.name.endsWith('.asset.php')) yield path;
  }
}

const unquote = (text) => text.replace(/\\(['\\])/g, '$1');

/** Every message of the plugin, in the order first seen. */
export function extract() {
  /** @type {Map<string, Message>} */
  const messages = new Map();
  const add = (id, context, reference) => {
    const key = `${context ?? ''}\u0004${id}`;
    const message = messages.get(key) ?? { id, context, references: [] };
    message.references.push(reference);
    messages.set(key, message);
  };
  const call = new RegExp(`\\b(?:__|_e|esc_html__|esc_html_e|esc_attr__|esc_attr_e)\\(\\s*'((?:[^'\\\\]|\\\\.)*)'\\s*,\\s*'${DOMAIN}'\\s*\\)`, 'g');
  for (const path of [...files(pluginDir)].sort()) {
    const source = readFileSync(path, 'utf8');
    const file = relative(pluginDir, path);
    for (const match of source.matchAll(call)) {
      const line = source.slice(0, match.index).split('\n').length;
      add(unquote(match[1]), undefined, `${file}:${line}`);
    }
  }
  // block.json's texts, with the contexts WordPress translates them in.
  const block = JSON.parse(readFileSync(join(pluginDir, 'blocks/partner-badge/block.json'), 'utf8'));
  add(block.title, 'block title', 'blocks/partner-badge/block.json');
  add(block.description, 'block description', 'blocks/partner-badge/block.json');
  for (const keyword of block.keywords) add(keyword, 'block keyword', 'blocks/partner-badge/block.json');
  return [...messages.values()];
}

const poString = (text) => `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n')}"`;

function pot(messages) {
  const header = [
    'msgid ""',
    'msgstr ""',
    '"Project-Id-Version: Poly partner badge 0.1.0\\n"',
    '"MIME-Version: 1.0\\n"',
    '"Content-Type: text/plain; charset=UTF-8\\n"',
    '"Content-Transfer-Encoding: 8bit\\n"',
    `"X-Domain: ${DOMAIN}\\n"`,
  ].join('\n');
  const entries = messages.map((message) =>
    [
      `#: ${message.references.join(' ')}`,
      ...(message.context ? [`msgctxt ${poString(message.context)}`] : []),
      `msgid ${poString(message.id)}`,
      'msgstr ""',
    ].join('\n'),
  );
  return `${[header, ...entries].join('\n\n')}\n`;
}

/** The entries of a .po file: header (id '') included. */
function parsePo(text) {
  const entries = [];
  let current = null;
  let field = null;
  const read = (quoted) => JSON.parse(quoted);
  for (const line of text.split('\n')) {
    if (line.startsWith('msgctxt ')) {
      current = { context: read(line.slice(8)), id: '', value: '' };
      entries.push(current);
      field = 'context';
    } else if (line.startsWith('msgid ')) {
      if (!current || field !== 'context') {
        current = { context: undefined, id: '', value: '' };
        entries.push(current);
      }
      current.id = read(line.slice(6));
      field = 'id';
    } else if (line.startsWith('msgstr ')) {
      current.value = read(line.slice(7));
      field = 'value';
    } else if (line.startsWith('"') && current && field) {
      current[field] += read(line);
    } else if (!line.trim()) {
      field = null;
    }
  }
  return entries;
}

const keyOf = (entry) => (entry.context ? `${entry.context}\u0004${entry.id}` : entry.id);

/** GNU .mo: the table of originals and translations, sorted by original, without a hash table. */
function mo(entries) {
  const sorted = entries.filter((entry) => entry.value !== '').map((entry) => [Buffer.from(keyOf(entry)), Buffer.from(entry.value)]);
  sorted.sort((a, b) => Buffer.compare(a[0], b[0]));
  const count = sorted.length;
  const headerSize = 28;
  const originalsTable = headerSize;
  const translationsTable = originalsTable + count * 8;
  let offset = translationsTable + count * 8;
  const tables = Buffer.alloc(count * 16);
  const blobs = [];
  for (const [column, tableStart] of [
    [0, 0],
    [1, count * 8],
  ]) {
    sorted.forEach((pair, index) => {
      const bytes = pair[column];
      tables.writeUInt32LE(bytes.length, tableStart + index * 8);
      tables.writeUInt32LE(offset, tableStart + index * 8 + 4);
      blobs.push(bytes, Buffer.from([0]));
      offset += bytes.length + 1;
    });
  }
  const header = Buffer.alloc(headerSize);
  header.writeUInt32LE(0x950412de, 0);
  header.writeUInt32LE(0, 4);
  header.writeUInt32LE(count, 8);
  header.writeUInt32LE(originalsTable, 12);
  header.writeUInt32LE(translationsTable, 16);
  header.writeUInt32LE(0, 20);
  // Where a hash table would start (there is none): right after the translations table, as msgfmt writes it. The MO
  // reader of WordPress before 6.5 derives the table's length from this offset and refuses the file otherwise.
  header.writeUInt32LE(translationsTable + count * 8, 24);
  return Buffer.concat([header, tables, ...blobs]);
}

/** The editor script's strings in the JED JSON that `wp_set_script_translations` loads, named by the script's path. */
function scriptJson(entries, locale, messages) {
  const used = new Set(messages.filter((message) => message.references.some((reference) => reference.startsWith(EDITOR_SCRIPT))).map(keyOf));
  const data = { '': { domain: 'messages', lang: locale, 'plural-forms': 'nplurals=2; plural=(n != 1);' } };
  for (const entry of entries) if (entry.value && used.has(keyOf(entry))) data[keyOf(entry)] = [entry.value];
  const name = `${DOMAIN}-${locale}-${createHash('md5').update(EDITOR_SCRIPT).digest('hex')}.json`;
  return [name, `${JSON.stringify({ domain: 'messages', locale_data: { messages: data } })}\n`];
}

function main() {
  const check = process.argv.includes('--check');
  const messages = extract();
  const missing = [];
  if (!check) writeFileSync(join(languagesDir, `${DOMAIN}.pot`), pot(messages));
  for (const file of readdirSync(languagesDir).filter((name) => name.endsWith('.po'))) {
    const locale = file.slice(DOMAIN.length + 1, -3);
    const path = join(languagesDir, file);
    const entries = parsePo(readFileSync(path, 'utf8'));
    const known = new Map(entries.map((entry) => [keyOf(entry), entry]));
    const added = [];
    for (const message of messages) {
      const entry = known.get(keyOf(message));
      if (!entry) added.push(message);
      if (!entry?.value) missing.push(`${locale}: ${message.id}`);
    }
    if (!check && added.length > 0) {
      const text = added.map((message) => `${pot([message]).split('\n\n').slice(1).join('\n\n')}`).join('\n');
      writeFileSync(path, `${readFileSync(path, 'utf8').trimEnd()}\n\n${text}`);
    }
    const live = entries.filter((entry) => entry.id === '' || messages.some((message) => keyOf(message) === keyOf(entry)));
    if (!check) {
      writeFileSync(join(languagesDir, `${DOMAIN}-${locale}.mo`), mo(live));
      const [name, json] = scriptJson(live, locale, messages);
      writeFileSync(join(languagesDir, name), json);
    }
  }
  if (missing.length > 0) {
    console.error(`Untranslated (${missing.length}):\n  ${missing.join('\n  ')}`);
    if (check) process.exit(1);
  }
  console.log(`i18n: ${messages.length} messages`);
}

main();
