// Size budgets of issue 7, measured as `pnpm bench` measures them (scripts/measure-sizes.ts, on the build that
// `pnpm test` makes first). Sizes, not timings: the same code always gives the same bytes.
//
// The goals (badge path <= 12 kB gzip; every widget + SDK + English and German <= 45 kB gzip) are not met yet, so
// these are RATCHETS: they hold the sizes reached so that nothing grows back, and are to be lowered as code
// shrinks (and replaced by the goals once reached). See packages/widgets/README.md, "Size budgets", for what holds
// each back.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { before, describe, test } from 'node:test';
import { chunksOf, embedFiles, measure, type Size } from '../scripts/measure-sizes.js';
import { packageRoot } from '../scripts/manifest.js';

const KB = 1024;
let figures: { entries: Size[]; embed: Size[] };
const named = (sizes: Size[], name: string) => {
  const size = sizes.find((candidate) => candidate.name === name);
  assert.ok(size, `measure-sizes reports "${name}"`);
  return size;
};

before(async () => {
  figures = await measure();
});

describe('size budgets (issue 7)', () => {
  test('ratchet: the badge path (embed.js + <partner-config> + <partner-tier-badge>, as built) stays <= 22.1 kB gzip (goal: 12)', () => {
    const badgePath = named(figures.embed, 'embed.js + <partner-config> + <partner-tier-badge>');
    assert.ok(badgePath.gzip <= 22.1 * KB, `badge path ${(badgePath.gzip / KB).toFixed(1)} kB gzip`);
  });

  test('ratchet: every widget + SDK + English and German (npm entry, one bundle) stays <= 52.3 kB gzip (goal: 45)', () => {
    const everything = named(figures.entries, '@poly-partner/widgets (every element)');
    assert.ok(everything.gzip <= 52.3 * KB, `every element ${(everything.gzip / KB).toFixed(1)} kB gzip`);
  });

  test("the badge path carries the badge's SDK resource and no other: no deal, member, program, product or tier-status code", () => {
    const read = (files: string[]) => files.map((file) => readFileSync(new URL(`dist/${file}`, packageRoot), 'utf8')).join('\n');
    const badgePath = read(embedFiles([...chunksOf('partner-config'), ...chunksOf('partner-tier-badge')]));
    const everything = read(embedFiles(readdirSync(new URL('dist/embed-chunks/', packageRoot)).filter((file) => file.endsWith('.js')).map((file) => `embed-chunks/${file}`)));
    // Each resource's request paths are template literals of its module (`/v1/partners/${id}/badge` and so on).
    assert.ok(badgePath.includes('/badge`') && badgePath.includes('jwks.json'), 'the badges resource is on the path');
    for (const path of ['/deals`', '/v1/deals/', '/members`', '/summary`', '/v1/program`', '/v1/products`', '/tier-status`', '/tier-simulations`']) {
      assert.ok(everything.includes(path), `${path} is in the embed (else this check proves nothing)`);
      assert.ok(!badgePath.includes(path), `${path} is on the badge path`);
    }
    // Nor their JSON Schemas (a property only the tier status and member pages have).
    assert.match(everything, /nextTier/);
    assert.doesNotMatch(badgePath, /nextTier/, 'tier-status or member schemas on the badge path');
  });

  test('no zod and no ky reach the browser: neither the embed chunks nor the npm bundles carry them', () => {
    const chunks = new URL('dist/embed-chunks/', packageRoot);
    const code = [
      readFileSync(new URL('dist/embed.js', packageRoot), 'utf8'),
      ...readdirSync(chunks).filter((file) => file.endsWith('.js')).map((file) => readFileSync(new URL(file, chunks), 'utf8')),
    ].join('\n');
    // `_zod` is the property every zod schema carries; ky's messages name its options.
    assert.doesNotMatch(code, /_zod\b/, 'zod in the embed');
    assert.doesNotMatch(code, /prefixUrl|`input` must be a string/, 'ky in the embed');
    assert.ok(code.includes('additionalProperties'), 'the JSON Schema validators are there instead');
  });

  test('German is a chunk of its own, loaded only by pages that speak it', () => {
    const chunks = readdirSync(new URL('dist/embed-chunks/', packageRoot)).filter((file) => file.endsWith('.js'));
    const german = chunks.filter((file) => readFileSync(new URL(`dist/embed-chunks/${file}`, packageRoot), 'utf8').includes('Poly-Partnerabzeichen'));
    assert.deepEqual(german.map((file) => file.replace(/-[\w-]+\.js$/, '')), ['de']);
  });
});
