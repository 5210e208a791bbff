// What integrators and tools read about the widgets: custom-elements.json (from the components' JSDoc), the React
// wrappers generated from it, and the translation of every message into each language of lit-localize.json.
import { readConfigFileAndWriteSchema } from '@lit/localize-tools/lib/config.js';
import { RuntimeLitLocalizer } from '@lit/localize-tools/lib/modes/runtime.js';
import type { RuntimeOutputConfig } from '@lit/localize-tools/lib/types/modes.js';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { catalogLoadersUrl, renderCatalogLoaders, targetLocalesOfConfig } from '../scripts/catalog-imports.js';
import { renderEmbedLoaders } from '../scripts/embed-chunks.js';
import { docsUrl, renderDocs } from '../scripts/generate-docs.js';
import { LOCALES } from '../src/localization/localization.js';
import { renderReactWrappers, reactWrappersUrl } from '../scripts/generate-react-wrappers.js';
import {
  analyze,
  elementsOf,
  manifestUrl,
  packageRoot,
  publicMembers,
  readManifest,
  type ElementDoc,
  type Manifest,
} from '../scripts/manifest.js';

const EXPECTED_TAGS = [
  'deal-registration-form',
  'next-tier-checklist',
  'partner-badge-snippet',
  'partner-config',
  'partner-deal-list',
  'partner-member-overview',
  'partner-tier-badge',
];
const WIDGETS = EXPECTED_TAGS.filter((tag) => tag !== 'partner-config');

let manifest: Manifest;
let elements: ElementDoc[];

function element(tag: string): ElementDoc {
  const found = elements.find((candidate) => candidate.tagName === tag);
  assert.ok(found, `custom-elements.json has no <${tag}>`);
  return found;
}

/** The sources of an element's folder that render markup (not its styles). */
function renderingSources(tag: string): string {
  const folder = new URL(`${tag === 'partner-config' ? 'src/config' : `src/components/${tag}`}/`, packageRoot);
  return readdirSync(folder)
    .filter((name) => name.endsWith('.ts') && !name.endsWith('.styles.ts'))
    .map((name) => readFileSync(new URL(name, folder), 'utf8'))
    .join('\n');
}

function missingDescriptions(items: Array<{ name: string; description?: string }> | undefined): string[] {
  return (items ?? []).filter((item) => !item.description?.trim()).map((item) => item.name);
}

before(async () => {
  manifest = await analyze();
  elements = elementsOf(manifest);
});

describe('custom-elements.json', () => {
  test('lists every element with its tag, and nothing else as an element', () => {
    assert.deepEqual(elements.map((entry) => entry.tagName), EXPECTED_TAGS);
    for (const { tagName, declaration } of elements) {
      assert.equal(declaration.tagName, tagName);
      assert.equal(declaration.customElement, true, `<${tagName}> is not marked as a custom element`);
      assert.ok(declaration.summary?.trim(), `<${tagName}> has no @summary`);
    }
  });

  test('the file on disk is what the analyzer makes of the current sources (run the build if not)', () => {
    assert.ok(existsSync(manifestUrl), 'custom-elements.json is missing: run `pnpm --filter @poly-partner/widgets build`');
    assert.deepEqual(readManifest(), manifest, 'custom-elements.json is stale: run `pnpm --filter @poly-partner/widgets build`');
  });

  for (const tag of EXPECTED_TAGS) {
    test(`<${tag}>: attributes, properties and events, each described`, () => {
      const { declaration } = element(tag);
      assert.ok((declaration.attributes ?? []).length > 0, 'no attributes');
      assert.ok(publicMembers(declaration).some((member) => member.kind === 'field'), 'no public properties');
      assert.ok((declaration.events ?? []).length > 0, 'no events');
      assert.deepEqual(missingDescriptions(declaration.attributes), [], 'attributes without a description');
      assert.deepEqual(missingDescriptions(publicMembers(declaration)), [], 'public members without JSDoc');
      assert.deepEqual(missingDescriptions(declaration.events), [], 'events without a description');
      for (const event of declaration.events ?? []) assert.ok(event.type?.text, `event ${event.name} has no type`);
      // Settable only as a property (no attribute), so the manifest is the only place that tells integrators.
      if (tag !== 'partner-config') {
        assert.ok(publicMembers(declaration).some((member) => member.name === 'client'), 'the inherited `client` is missing');
      }
    });
  }

  for (const tag of WIDGETS) {
    test(`<${tag}>: every part it renders and every custom property of its styles is documented`, () => {
      const { declaration } = element(tag);
      const parts = declaration.cssParts ?? [];
      assert.ok(parts.length > 0, 'no parts');
      assert.deepEqual(missingDescriptions(parts), [], 'parts without a description');
      // A modifier part (`criterion-met`) counts as documented where its main part's description names it.
      const documented = new Set(parts.flatMap((part) => [part.name, ...[...(part.description ?? '').matchAll(/`([a-z0-9-]+)`/g)].map((m) => m[1]!)]));
      const rendered = new Set(
        [...renderingSources(tag).matchAll(/\bpart="([^"]*)"/g)]
          .flatMap((match) => match[1]!.replace(/\$\{[^}]*\}/g, ' ').split(/\s+/))
          .filter((token) => /^[a-z][a-z0-9-]*[a-z0-9]$/.test(token)),
      );
      assert.deepEqual([...rendered].filter((part) => !documented.has(part)).sort(), [], 'rendered parts missing from @csspart');

      const properties = declaration.cssProperties ?? [];
      assert.ok(properties.length > 0, 'no custom properties');
      assert.deepEqual(missingDescriptions(properties), [], 'custom properties without a description');
      const styles = readFileSync(new URL(`src/components/${tag}/${tag}.styles.ts`, packageRoot), 'utf8');
      const prefix = `--partner-${tag.replace(/^partner-/, '')}-`;
      const used = new Set([...styles.matchAll(/var\((--[a-z0-9-]+)/g)].map((match) => match[1]!).filter((name) => name.startsWith(prefix)));
      const listed = new Set(properties.map((property) => property.name));
      assert.deepEqual([...used].filter((name) => !listed.has(name)).sort(), [], 'custom properties missing from @cssproperty');
    });
  }

  test('<partner-config> documents its slot', () => {
    assert.ok((element('partner-config').declaration.slots ?? []).length > 0);
  });
});

describe('React wrappers (src/react/index.ts)', () => {
  test('are what the generator makes of the current manifest (run the build if not)', () => {
    assert.equal(readFileSync(reactWrappersUrl, 'utf8'), renderReactWrappers(manifest), 'src/react/index.ts is stale');
  });

  test('wrap every element, with a typed on… prop per event', () => {
    const generated = renderReactWrappers(manifest);
    for (const { tagName, className, declaration } of elements) {
      assert.match(generated, new RegExp(`export const ${className} = createComponent\\(\\{[^}]*tagName: '${tagName}'`));
      for (const event of declaration.events ?? []) {
        assert.ok(generated.includes(`: '${event.name}' as EventName<${event.type?.text}>`), `${className}: ${event.name}`);
      }
    }
    assert.ok(generated.includes("onPartnerDealRegistered: 'partner-deal-registered' as EventName<PartnerDealRegisteredEvent>"));
    assert.ok(generated.includes("onPartnerError: 'partner-error' as EventName<PartnerErrorEvent>"));
  });
});

describe('package entry points', () => {
  const packageJson = JSON.parse(readFileSync(new URL('package.json', packageRoot), 'utf8')) as {
    exports: Record<string, string>;
    publishConfig: { exports: Record<string, string | { types: string; default: string }> };
  };

  test('every entry point is published, one per element plus the index, react and embed.js', () => {
    const published = Object.keys(packageJson.publishConfig.exports).sort();
    assert.deepEqual(published, [...new Set([...Object.keys(packageJson.exports), './embed.js'])].sort());
    for (const tag of EXPECTED_TAGS) assert.ok(published.includes(`./${tag}.js`), tag);
    assert.ok(published.includes('./react'));
  });

  test('the published files exist after the build, with their types, and import only files that exist', () => {
    for (const [entry, target] of Object.entries(packageJson.publishConfig.exports)) {
      const files = typeof target === 'string' ? [target] : [target.default, target.types];
      for (const file of files) {
        const url = new URL(file, packageRoot);
        assert.ok(existsSync(url), `${entry}: ${file} is missing (run the build)`);
        if (!file.endsWith('.js')) continue;
        for (const [, specifier] of readFileSync(url, 'utf8').matchAll(/(?:from|import)\s*\(?\s*["'](\.{1,2}\/[^"']+)["']/g)) {
          assert.ok(existsSync(new URL(specifier!, url)), `${file} imports ${specifier}, which is not in dist`);
        }
      }
    }
  });
});

describe('integrator docs (docs/)', () => {
  test('are what the generator makes of the current manifest: a page per element and the index', () => {
    const pages = renderDocs(manifest);
    assert.deepEqual([...pages.keys()].sort(), ['README.md', ...EXPECTED_TAGS.map((tag) => `${tag}.md`)].sort());
    for (const [name, content] of pages) {
      const url = new URL(name, docsUrl);
      assert.ok(existsSync(url), `docs/${name} is missing: run the build`);
      assert.equal(readFileSync(url, 'utf8'), content, `docs/${name} is stale: run the build`);
    }
  });

  test('each page shows a copy-paste snippet with the script tag, <partner-config> and the element', () => {
    for (const tag of WIDGETS) {
      const page = renderDocs(manifest).get(`${tag}.md`)!;
      assert.match(page, /<script type="module" src="[^"]*embed\.js"><\/script>\n<partner-config [^>]*>\n {2}<[a-z-]+ /);
      assert.ok(page.includes(`<${tag} `), tag);
      // Absolute, at the repository: the docs ship in the npm package, where ../../../docs/ is not.
      const screenshot = /!\[[^\]]*\]\((https:\/\/github\.com\/[^)]+)\/raw\/main\/(docs\/screenshots\/[a-z-]+\.png)\)/.exec(page);
      assert.ok(screenshot, `${tag}: screenshot linked at the repository`);
      assert.ok(existsSync(new URL(`../../${screenshot[2]}`, packageRoot)), `${tag}: ${screenshot[2]} exists`);
    }
  });
});

describe('languages: lit-localize.json is the one list', () => {
  const locales = targetLocalesOfConfig();

  test('the widgets know every language of lit-localize.json, with its catalog loader and its embed prefetch', () => {
    assert.ok(locales.length > 0, 'lit-localize.json has target locales');
    assert.deepEqual([...LOCALES].sort(), ['en', ...locales].sort(), 'src/generated/locale-codes.ts is stale: run the build');
    assert.equal(readFileSync(catalogLoadersUrl, 'utf8'), renderCatalogLoaders(locales), 'src/generated/catalog-loaders.ts is stale');
    const loaders = renderEmbedLoaders(locales);
    for (const locale of locales) assert.ok(loaders.includes(`'[lang|="${locale}"]': () => [import('./locales/${locale}.js')]`), locale);
  });
});

for (const locale of targetLocalesOfConfig()) describe(`translation (xliff/${locale}.xlf)`, () => {
  const xliff = readFileSync(new URL(`xliff/${locale}.xlf`, packageRoot), 'utf8');
  const units = [...xliff.matchAll(/<trans-unit\s+id="([^"]+)"[^>]*>([\s\S]*?)<\/trans-unit>/g)].map((match) => ({
    id: match[1]!,
    body: match[2]!,
  }));

  test('has a non-empty <target> for every <trans-unit>', () => {
    assert.ok(units.length > 0, 'no trans-units');
    const untranslated = units.filter((unit) => !/<target>[\s\S]*\S[\s\S]*<\/target>/.test(unit.body)).map((unit) => unit.id);
    assert.deepEqual(untranslated, []);
  });

  test('translates every msg() in src, with the same placeholders', () => {
    const config = readConfigFileAndWriteSchema(fileURLToPath(new URL('lit-localize.json', packageRoot)));
    const localizer = new RuntimeLitLocalizer(config as typeof config & { output: RuntimeOutputConfig });
    const { messages, errors } = localizer.extractSourceMessages();
    assert.deepEqual(errors.map((error) => String(error.messageText)), [], 'lit-localize could not read every msg() call');
    assert.ok(messages.length > 0);
    // Every call names its id (`{ id: 'badge.verified' }`): our msg() looks translations up by it and, unlike
    // @lit/localize's runtime, does not hash the English text into one (lit-localize names those `s…`/`h…` + hash).
    assert.deepEqual(messages.map((message) => message.name).filter((id) => !/^[a-z][a-zA-Z]*(\.[a-zA-Z0-9]+)+$/.test(id)), [], 'msg() without an explicit dotted id');
    const ids = new Set(units.map((unit) => unit.id));
    assert.deepEqual(messages.map((message) => message.name).filter((id) => !ids.has(id)).sort(), [], `msg() ids missing from ${locale}.xlf`);
    assert.deepEqual(localizer.validateTranslations().errors, []);
  });
});
