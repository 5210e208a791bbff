// The catalogue follows GLOSSARY.md: no message uses a form the glossary rules out, and each XLIFF unit carries the
// glossary's guidance for the terms it uses, as notes for translators.
import assert from 'node:assert/strict';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { DEFAULT_POLICY } from '@poly-partner/contract';
import {
  findForbidden,
  parseXliff,
  readGlossary,
  termsUsed,
  withGlossaryNotes,
  XLIFF_PATH,
  type GlossaryTerm,
} from '../scripts/glossary.js';

const glossary = readGlossary();
const enNot = glossary.flatMap((term) => term.enNot);
const deNot = glossary.flatMap((term) => term.deNot);

/** Every use of a "not" form in the catalogue file at `path`, as "unit id (language): form → text". */
function catalogueViolations(path: string, terms: readonly GlossaryTerm[] = glossary): string[] {
  const en = terms.flatMap((term) => term.enNot);
  const de = terms.flatMap((term) => term.deNot);
  return parseXliff(readFileSync(path, 'utf8')).flatMap((unit) => [
    ...findForbidden(unit.source, en).map(({ form }) => `${unit.id} (en): ${form} → ${unit.source}`),
    ...findForbidden(unit.target ?? '', de).map(({ form }) => `${unit.id} (de): ${form} → ${unit.target}`),
  ]);
}

describe('the glossary', () => {
  test('names the tiers as official, untranslated names, and the terms the program needs', () => {
    const uses = (concept: string) => glossary.find((term) => term.concept.startsWith(concept));
    for (const [concept, name] of [['entry tier', 'Register'], ['second tier', 'Silver'], ['third tier', 'Gold'], ['top tier', 'Platinum']]) {
      assert.deepEqual([uses(concept!)?.en[0], uses(concept!)?.de[0]], [name, name], concept);
    }
    for (const concept of ['criterion: ', 'deal type: ', 'deal state: ', 'status protection', 'aggregator kind: ']) {
      assert.ok(uses(concept), `the glossary covers ${concept}`);
    }
    assert.equal(glossary.filter((term) => term.concept.startsWith('deal state: ')).length, 8, 'all eight deal states');
    assert.equal(glossary.filter((term) => term.concept.startsWith('aggregator kind: ')).length, 4, 'all four aggregator kinds');
    for (const term of glossary) assert.ok(term.en.length > 0 && term.de.length > 0, `${term.concept} has a form to use in both languages`);
  });

  test('no catalogue message uses a form the glossary rules out', () => {
    assert.deepEqual(catalogueViolations(XLIFF_PATH), []);
  });

  test('every message has a German translation', () => {
    assert.deepEqual(parseXliff(readFileSync(XLIFF_PATH, 'utf8')).filter((unit) => unit.target === undefined).map((unit) => unit.id), []);
  });

  test('the program policy’s labels follow it too', () => {
    const labels = [
      ...DEFAULT_POLICY.criteria.flatMap((criterion) => [criterion.label, ...(criterion.counts ? [criterion.counts] : [])]),
      ...Object.values(DEFAULT_POLICY.benefits).flatMap((benefits) => benefits.items.map((item) => item.label)),
    ];
    const problems = labels.flatMap((label) => [
      ...findForbidden(label.en, enNot).map(({ form }) => `en: ${form} → ${label.en}`),
      ...findForbidden(label.de ?? '', deNot).map(({ form }) => `de: ${form} → ${label.de}`),
    ]);
    assert.deepEqual(problems, []);
  });

  test('the demo sites’ own German texts follow it too', () => {
    // The host pages say what the widgets say: "Verkaufschance" there too, never "Opportunity".
    const root = new URL('../../../', import.meta.url);
    const files = ['demo/index.html', 'demo/reseller-portal/index.html', 'demo/aggregator-portal/index.html', 'demo/aggregator-portal/aggregator-portal.ts', 'demo/shared/demo-config.ts', 'packages/sandbox/src/db/seed-data.ts'];
    const german = files.flatMap((file) => {
      const text = readFileSync(new URL(file, root), 'utf8');
      return [...text.matchAll(/data-de="([^"]*)"|\b(?:de|titleDe|aboutDe): '([^']*)'/g)].map((match) => ({ file, text: match[1] ?? match[2]! }));
    });
    assert.ok(german.length > 20, `${german.length} German texts found`);
    const problems = german.flatMap(({ file, text }) => findForbidden(text, deNot).map(({ form }) => `${file}: ${form} → ${text}`));
    assert.deepEqual(problems, []);
  });

  test('fails on a forbidden term planted in a copy of the catalogue', () => {
    const dir = mkdtempSync(join(tmpdir(), 'glossary-'));
    try {
      const copy = join(dir, 'de.xlf');
      copyFileSync(XLIFF_PATH, copy);
      const before = catalogueViolations(copy);
      const xml = readFileSync(copy, 'utf8');
      const planted = xml
        .replace(/(<trans-unit id="deal\.status\.withdrawn">[\s\S]*?<target>)[^<]*/, '$1Storniert')
        .replace(/(<trans-unit id="gap\.certifiedSales\.other">[\s\S]*?<target>)/, '$1zertifizierte Vertriebsmitarbeiterinnen und ')
        .replace(/(<trans-unit id="state\.loading">[\s\S]*?<source>)[^<]*/, '$1Loading...');
      assert.notEqual(planted, xml);
      writeFileSync(copy, planted);
      const found = catalogueViolations(copy);
      assert.ok(found.some((line) => line.startsWith('deal.status.withdrawn (de): Storniert')), found.join('\n'));
      assert.ok(found.some((line) => line.startsWith('gap.certifiedSales.other (de): Vertriebsmitarbeiter*')), found.join('\n'));
      assert.ok(found.some((line) => line.startsWith('state.loading (en): /\\.\\.\\./u')), found.join('\n'));
      assert.equal(found.length, before.length + 3, found.join('\n'));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('a "not" form matches whole words only, as written, and `*` allows compounds', () => {
    const find = (text: string, form: string) => findForbidden(text, [form]).map((violation) => violation.found);
    assert.deepEqual(find('Techniker und Technikerinnen', 'Techniker*'), ['Techniker', 'Technikerinnen']);
    assert.deepEqual(find('Die ISP-Mitglieder', 'isp'), [], 'case counts after the first letter');
    assert.deepEqual(find('kommt bald', 'Kommt bald'), ['kommt bald'], 'the first letter in either case');
    assert.deepEqual(find('Abstiegsgefahr', 'Abstieg'), [], 'a word inside a longer word does not count without *');
  });
});

describe('translator notes in the catalogue', () => {
  const xml = readFileSync(XLIFF_PATH, 'utf8');

  test('are up to date with the glossary (run `localize:extract` after changing either)', () => {
    assert.ok(withGlossaryNotes(xml, glossary) === xml, 'xliff/de.xlf has stale glossary notes: run `pnpm --filter @poly-partner/widgets run localize:extract`');
  });

  test('carry the German guidance of each term a message uses', () => {
    const units = parseXliff(xml);
    const withdrawn = units.find((unit) => unit.id === 'deal.status.withdrawn')!;
    assert.ok(withdrawn.glossaryNotes.some((note) => note.includes('“Zurückgezogen”') && note.includes('not “Storniert”')), withdrawn.glossaryNotes.join('\n'));
    const register = units.find((unit) => unit.id === 'tier.register')!;
    assert.ok(register.glossaryNotes.some((note) => note.includes('Official name, untranslated')), register.glossaryNotes.join('\n'));
    for (const unit of units) {
      assert.equal(unit.glossaryNotes.length, termsUsed(unit.source, glossary).length, unit.id);
    }
    // 165 of 379 when written: the program's own words, not the everyday ones ("Close", "Search").
    assert.ok(units.filter((unit) => unit.glossaryNotes.length > 0).length > units.length / 3, 'many messages use a glossary term');
  });
});
