// Reads GLOSSARY.md (the program's terms in English and German), finds its "not" forms in messages, and writes its
// guidance into the XLIFF catalogue as translator notes. Used by test/glossary.test.ts and by `localize:extract`.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export interface GlossaryTerm {
  concept: string;
  en: string[];
  enNot: string[];
  de: string[];
  deNot: string[];
  note: string;
}

export const GLOSSARY_PATH = fileURLToPath(new URL('../GLOSSARY.md', import.meta.url));
export const XLIFF_PATH = fileURLToPath(new URL('../xliff/de.xlf', import.meta.url));

/** The forms written in backticks in one table cell. */
function forms(cell: string): string[] {
  return [...cell.matchAll(/`([^`]+)`/g)].map((match) => match[1]!);
}

/** The rows of the table under "## Terms". */
export function parseGlossary(markdown: string): GlossaryTerm[] {
  const section = markdown.split(/^## Terms$/m)[1];
  if (!section) throw new Error('GLOSSARY.md has no "## Terms" section');
  const rows = section.split('\n').filter((line) => line.startsWith('|'));
  const header = rows[0]!.split('|').slice(1, -1).map((cell) => cell.trim());
  const expected = ['Concept', 'English', 'English: not', 'German', 'German: not', 'Note'];
  if (header.join('|') !== expected.join('|')) throw new Error(`GLOSSARY.md's table has columns ${header.join(', ')}`);
  return rows.slice(2).map((row) => {
    const cells = row.split('|').slice(1, -1).map((cell) => cell.trim());
    if (cells.length !== expected.length) throw new Error(`GLOSSARY.md: a row has ${cells.length} cells: ${row}`);
    const [concept, en, enNot, de, deNot, note] = cells as [string, string, string, string, string, string];
    return { concept, en: forms(en), enNot: forms(enNot), de: forms(de), deNot: forms(deNot), note };
  });
}

export function readGlossary(path = GLOSSARY_PATH): GlossaryTerm[] {
  return parseGlossary(readFileSync(path, 'utf8'));
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * A form as a pattern: `/…/` is a regular expression; otherwise a whole word or phrase whose first letter matches in
 * either case, with `*` at the end standing for any letters after it.
 */
export function formPattern(form: string, { plural = false } = {}): RegExp {
  const regex = /^\/(.+)\/u?$/.exec(form);
  if (regex) return new RegExp(regex[1]!, 'gu');
  const open = form.endsWith('*');
  const text = open ? form.slice(0, -1) : form;
  const first = text[0]!;
  const head = first.toLowerCase() === first.toUpperCase() ? escapeRegExp(first) : `[${first.toLowerCase()}${first.toUpperCase()}]`;
  const tail = open ? '\\p{L}*' : plural ? '(?:s|es)?' : '';
  return new RegExp(`(?<!\\p{L})${head}${escapeRegExp(text.slice(1))}${tail}(?!\\p{L})`, 'gu');
}

export interface Violation {
  form: string;
  found: string;
}

/** Each "not" form that occurs in `text`, with what it matched. */
export function findForbidden(text: string, notForms: readonly string[]): Violation[] {
  const found: Violation[] = [];
  for (const form of notForms) {
    for (const match of text.matchAll(formPattern(form))) found.push({ form, found: match[0] });
  }
  return found;
}

export interface XliffUnit {
  id: string;
  /** The English text, placeholders (`<x …/>`, which hold code) removed. */
  source: string;
  /** The German text, placeholders removed; undefined when the unit has no translation. */
  target: string | undefined;
  glossaryNotes: string[];
}

const unescapeXml = (text: string) =>
  text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
const escapeXml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
/** Message text without its placeholders, which are code (`${tierName(tier)}`), not words. */
const messageText = (xml: string) => unescapeXml(xml.replace(/<x [^>]*\/>/g, ' ').replace(/<[^>]+>/g, ''));

const UNIT = /<trans-unit id="([^"]+)">([\s\S]*?)<\/trans-unit>/g;
const GLOSSARY_NOTE = /\n[ \t]*<note from="glossary">[\s\S]*?<\/note>/g;

export function parseXliff(xml: string): XliffUnit[] {
  return [...xml.matchAll(UNIT)].map(([, id, body]) => {
    const source = /<source>([\s\S]*?)<\/source>/.exec(body!)?.[1] ?? '';
    const target = /<target>([\s\S]*?)<\/target>/.exec(body!)?.[1];
    const glossaryNotes = [...body!.matchAll(/<note from="glossary">([\s\S]*?)<\/note>/g)].map((match) => unescapeXml(match[1]!));
    return { id: id!, source: messageText(source), target: target === undefined ? undefined : messageText(target), glossaryNotes };
  });
}

/** The glossary's guidance for one term, as a translator reads it beside the message. */
export function guidance(term: GlossaryTerm): string {
  const not = term.deNot.filter((form) => !form.startsWith('/'));
  return [
    `Glossary, ${term.concept}: German “${term.de.join('”, “')}”`,
    not.length > 0 ? `, not “${not.join('”, “')}”` : '',
    '.',
    term.note ? ` ${term.note}` : '',
  ].join('');
}

/** The terms whose English form the English text uses (singular or plural). */
export function termsUsed(source: string, glossary: readonly GlossaryTerm[]): GlossaryTerm[] {
  return glossary.filter((term) => term.de.length > 0 && term.en.some((form) => formPattern(form, { plural: true }).test(source)));
}

/** The catalogue with each unit's glossary notes rewritten from the glossary (one note per term it uses). */
export function withGlossaryNotes(xml: string, glossary: readonly GlossaryTerm[]): string {
  return xml.replace(UNIT, (unit: string, id: string, body: string) => {
    const cleaned = body.replace(GLOSSARY_NOTE, '');
    const source = messageText(/<source>([\s\S]*?)<\/source>/.exec(cleaned)?.[1] ?? '');
    const notes = termsUsed(source, glossary).map((term) => `\n  <note from="glossary">${escapeXml(guidance(term))}</note>`);
    const closing = cleaned.lastIndexOf('\n');
    return `<trans-unit id="${id}">${cleaned.slice(0, closing)}${notes.join('')}${cleaned.slice(closing)}</trans-unit>`;
  });
}

// `tsx scripts/glossary.ts`: writes the notes into xliff/de.xlf.
if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const xml = readFileSync(XLIFF_PATH, 'utf8');
  const updated = withGlossaryNotes(xml, readGlossary());
  if (updated !== xml) writeFileSync(XLIFF_PATH, updated);
  console.log(`glossary: notes ${updated === xml ? 'up to date' : 'written'} in xliff/de.xlf`);
}
