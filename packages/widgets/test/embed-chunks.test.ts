// The script-tag bundle's one table (scripts/embed-chunks.ts): it names every element, its generated loaders are what
// it says, and a build whose chunk group captures no module fails instead of quietly splitting another way.
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import { build, type InlineConfig } from 'vite';
import {
  CHUNK_GROUPS,
  EMBED_ELEMENTS,
  NOT_EMBEDDED,
  chunkGroupProblems,
  embedLoadersUrl,
  embedResources,
  renderEmbedLoaders,
  renderSdkResource,
  sdkResourcesUrl,
  type EmbedElement,
} from '../scripts/embed-chunks.js';
import { elementsOf, packageRoot, readManifest } from '../scripts/manifest.js';

describe('the embed table (scripts/embed-chunks.ts)', () => {
  test('names every element of custom-elements.json, each by the module that defines it or why it is left out', () => {
    const defined = elementsOf(readManifest());
    assert.ok(defined.length >= 6, 'custom-elements.json lists the elements');
    const embedded = Object.keys(EMBED_ELEMENTS);
    assert.deepEqual(embedded.filter((tag) => tag in NOT_EMBEDDED), [], 'no element is both embedded and left out');
    assert.deepEqual([...embedded, ...Object.keys(NOT_EMBEDDED)].sort(), defined.map((element) => element.tagName).sort());
    for (const [tag, element] of Object.entries(EMBED_ELEMENTS) as [string, EmbedElement][]) {
      const source = new URL(`src/${element.module}.ts`, packageRoot);
      assert.ok(existsSync(source), `${tag}: src/${element.module}.ts exists`);
      assert.match(readFileSync(source, 'utf8'), new RegExp(`define\\('${tag}'`), `src/${element.module}.ts defines <${tag}>`);
    }
  });

  test('the generated loaders and SDK resource modules are current', () => {
    assert.equal(readFileSync(embedLoadersUrl, 'utf8'), renderEmbedLoaders(), 'src/generated/embed-loaders.ts is stale: run the build');
    const resources = embedResources();
    assert.ok(resources.length > 0);
    assert.deepEqual(readdirSync(sdkResourcesUrl).sort(), resources.map((resource) => `${resource}.ts`));
    for (const resource of resources) {
      assert.equal(readFileSync(new URL(`${resource}.ts`, sdkResourcesUrl), 'utf8'), renderSdkResource(resource));
    }
  });

  test('a group pattern that captures no module, or a group that became no chunk, is reported', () => {
    const chunk = { name: 'lists', moduleIds: ['/repo/packages/sdk/src/internal/page-walk.ts'] };
    const problems = chunkGroupProblems([chunk]);
    assert.ok(problems.some((problem) => problem.includes('"core"') && problem.includes('no chunk')), problems.join('\n'));
    assert.ok(problems.some((problem) => problem.includes('"lists"') && problem.includes('deal-status-name')), problems.join('\n'));
    assert.ok(!problems.some((problem) => problem.includes('page-walk')), 'a pattern that captured a module is fine');
  });

  test('the build fails when a group pattern captures no module', async () => {
    // The real configuration with one pattern that no module matches (a module moved away).
    const { default: config } = (await import('../vite.config.js')) as { default: InlineConfig };
    const deals = CHUNK_GROUPS.deals!;
    CHUNK_GROUPS.deals = { ...deals, modules: [...deals.modules, /\/widgets\/src\/internal\/moved-away\.ts$/] };
    try {
      await assert.rejects(
        build({ ...config, configFile: false, root: new URL('.', packageRoot).pathname, logLevel: 'silent', build: { ...config.build, write: false } }),
        /chunk group "deals": .*moved-away.* captures no module/,
      );
    } finally {
      CHUNK_GROUPS.deals = deals;
    }
  });
});
