// The script-tag bundle's split in one table, keyed by role: what each element loads (its module and the SDK resources
// it calls, fetched beside it), and which modules share a chunk. `src/embed.ts` loads the elements through
// `src/generated/embed-loaders.ts`, which this script writes from the table; vite.config.ts takes its chunk groups
// from it, and its `checkChunkGroups()` plugin fails the build when a module pattern of a group captures no module,
// so a renamed or moved file cannot leave a group silently empty. Run by the build before `vite build`:
//   tsx scripts/embed-chunks.ts
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { PartnerClient } from '@poly-partner/sdk';
import { targetLocales } from '../src/generated/locale-codes.js';

/** An SDK resource, by its name on the client (`client.badges`). */
export type SdkResource = Exclude<keyof PartnerClient, 'clearCache'>;

/** An element the embed defines on first sight of its tag: its module under `src/`, and the resources it calls. */
export interface EmbedElement {
  module: string;
  resources: readonly SdkResource[];
}

/** Elements in the order embed.ts scans for them. test/embed-chunks.test.ts holds them to custom-elements.json. */
export const EMBED_ELEMENTS = {
  'partner-config': { module: 'config/partner-config', resources: [] },
  'partner-tier-badge': { module: 'components/partner-tier-badge/partner-tier-badge', resources: ['badges'] },
  'next-tier-checklist': { module: 'components/next-tier-checklist/next-tier-checklist', resources: ['partners', 'program'] },
  'deal-registration-form': {
    module: 'components/deal-registration-form/deal-registration-form',
    resources: ['products', 'partners', 'deals'],
  },
  'partner-deal-list': { module: 'components/partner-deal-list/partner-deal-list', resources: ['deals'] },
  'partner-member-overview': {
    module: 'components/partner-member-overview/partner-member-overview',
    resources: ['organizations', 'program'],
  },
} as const satisfies Record<string, EmbedElement>;

export type EmbedTag = keyof typeof EMBED_ELEMENTS;

/**
 * Elements of the package that embed.js leaves out, each with the reason. The test holds EMBED_ELEMENTS and this list
 * together to custom-elements.json, so a new element is either embedded or named here.
 */
export const NOT_EMBEDDED: Record<string, string> = {
  'partner-badge-snippet':
    'A tool for the reseller\'s own portal, imported from @poly-partner/widgets/partner-badge-snippet.js. Its loader ' +
    'entry and shared-core imports would add 21-53 B gzip to every embed page, the badge page\'s among them, which ' +
    'has no room under its size ratchet.',
};

/**
 * A chunk of modules several pages share. Each pattern is matched against the bundler's module ids (absolute paths,
 * `/` separated) and must capture at least one module, else the build fails. `withDependencies`: the group takes
 * what its modules import too (rolldown's `includeDependenciesRecursively`).
 */
export interface ChunkGroup {
  why: string;
  modules: readonly RegExp[];
  withDependencies: boolean;
}

/** The groups by role, which is also the chunk's name; earlier groups take a module first. */
export const CHUNK_GROUPS: Record<string, ChunkGroup> = {
  core: {
    why:
      "What every page with a widget runs: <partner-config> with the SDK's core, and the widgets' base class, with " +
      "everything they import (lit, @lit/*, the validator); also the SDK's small internals the resources share. One " +
      'file instead of eight: each file is gzipped on its own, and one compression window over all of it is smaller ' +
      "than the sum of small ones. (Not the bundler's runtime: rolldown places it itself, in a chunk of its own here.)",
    modules: [
      /\/packages\/widgets\/src\/config\/partner-config\.ts$/,
      /\/packages\/widgets\/src\/internal\/partner-element\.ts$/,
      /\/packages\/sdk\/src\/internal\/(?!page-walk\.ts$)/,
      /\/json-schemas\/(id|tier)\.ts$/,
    ],
    withDependencies: true,
  },
  tiers: {
    why:
      "What the pages of the elements that show tiers (the badge, the checklist, the member overview) load, and the " +
      "deal pages do not: tiers' names and shapes, and their styles.",
    modules: [/\/widgets\/src\/internal\/tier\.ts$/],
    withDependencies: false,
  },
  'partner-tier-badge': {
    why:
      'The badge with the one SDK resource it calls, which no other element calls: one file for its page rather ' +
      "than two. What they import beyond the core is the badge's own JSON Schemas.",
    modules: [/\/widgets\/src\/components\/partner-tier-badge\//, /\/sdk\/src\/resources\/badges\.ts$/],
    withDependencies: true,
  },
  elements: {
    why:
      "What the pages of every element but the badge load, and no other: the contract's constants, Lit's @state, and " +
      'the date and country-code JSON Schemas. Not what they import (lit/decorators.js re-exports @query too, which ' +
      'only the member overview uses).',
    modules: [
      /\/contract\/src\/constants\.ts$/,
      /decorators[\\/]state\.js$/,
      /lit[\\/]decorators\.js$/,
      /\/json-schemas\/(iso-date|country-code)\.ts$/,
    ],
    withDependencies: false,
  },
  criteria: {
    why:
      'What the pages of the elements that show tier criteria (the checklist, the deal form through the partner\'s ' +
      'tier status, the member overview) load, and no other: the criterion and region-code JSON Schemas, and the ' +
      "partner ones (the deal form reads the profile; the checklist's engine, on the overview's page too, checks a " +
      'standing with them).',
    modules: [/\/json-schemas\/(criterion-(id|group|status|unit)|region-code)\.ts$/, /\/contract\/src\/browser-validators\/partner\.ts$/],
    withDependencies: true,
  },
  lists: {
    why:
      'What the pages of the elements that call list resources (the deal form and list, the member overview) load ' +
      "and no other page does: walking on from a page of a list (the SDK's page-walk.ts, kept out of the core for " +
      "it), the money and deal-state JSON Schemas, the deal states in words, paging on request (the deal list's and " +
      "the member overview's), and country names.",
    modules: [
      /\/sdk\/src\/internal\/page-walk\.ts$/,
      /\/json-schemas\/(money|currency|deal-status)\.ts$/,
      /\/widgets\/src\/internal\/deal-status-name\.ts$/,
      /\/widgets\/src\/internal\/cursor-paging-controller\.ts$/,
      /\/widgets\/src\/internal\/country-name\.ts$/,
    ],
    withDependencies: true,
  },
  deals: {
    why:
      "What the deal form's and the deal list's pages load, and no other: the SDK's deals resource, the deal JSON " +
      'Schemas, and deal types and discounts in words.',
    modules: [
      /\/contract\/src\/browser-validators\/deal\.ts$/,
      /\/widgets\/src\/internal\/deal-text\.ts$/,
      /\/sdk\/src\/resources\/deals\.ts$/,
    ],
    withDependencies: true,
  },
};

/** One rolldown test for a group: any of its patterns. */
export function groupTest(group: ChunkGroup): RegExp {
  return new RegExp(group.modules.map((pattern) => pattern.source).join('|'));
}

/**
 * What is wrong with the groups after a build, given the chunks' names and module ids: a pattern that matches no
 * module of the bundle, or a group that became no chunk. Empty when every group captured what it names.
 */
export function chunkGroupProblems(chunks: readonly { name: string; moduleIds: readonly string[] }[]): string[] {
  const problems: string[] = [];
  for (const [role, group] of Object.entries(CHUNK_GROUPS)) {
    const chunk = chunks.find((candidate) => candidate.name === role);
    if (!chunk) {
      problems.push(`chunk group "${role}" captured no module (no chunk named "${role}")`);
      continue;
    }
    for (const pattern of group.modules) {
      if (!chunk.moduleIds.some((id) => pattern.test(id.replaceAll('\\', '/')))) {
        problems.push(`chunk group "${role}": ${pattern} captures no module (moved or renamed?)`);
      }
    }
  }
  return problems;
}

export const embedLoadersUrl = new URL('../src/generated/embed-loaders.ts', import.meta.url);
export const sdkResourcesUrl = new URL('../src/generated/sdk-resources/', import.meta.url);

const className = (resource: SdkResource) => `${resource[0]!.toUpperCase()}${resource.slice(1)}Resource`;

/**
 * src/generated/embed-loaders.ts: per CSS selector, what embed.ts loads when a match appears. An element's tag: the
 * import of the element, then those of the SDK resources it calls. A language other than the source (`[lang|="de"]`,
 * one per target locale of lit-localize.json): its message catalog, fetched beside the elements' code.
 */
export function renderEmbedLoaders(locales: readonly string[] = targetLocales): string {
  const line = (selector: string, imports: string[]) => `  '${selector}': () => [${imports.map((path) => `import('${path}')`).join(', ')}],`;
  return [
    '// Generated by scripts/embed-chunks.ts from its table and lit-localize.json: do not edit by hand.',
    '// Per selector, what src/embed.ts loads when a match appears: the catalog of a language the page speaks; an element,',
    '// then the SDK resources it calls (fetched beside it).',
    'export const loaders: Record<string, () => Promise<unknown>[]> = {',
    ...locales.map((locale) => line(`[lang|="${locale}"]`, [`./locales/${locale}.js`])),
    ...Object.entries(EMBED_ELEMENTS).map(([tag, element]: [string, EmbedElement]) =>
      line(tag, [`../${element.module}.js`, ...element.resources.map((resource) => `./sdk-resources/${resource}.js`)]),
    ),
    '};',
    '',
  ].join('\n');
}

/**
 * src/generated/sdk-resources/<resource>.ts: the SDK's resource class, re-exported for embed-loaders.ts to import. The
 * build resolves these to the SDK's resource modules themselves (vite.config.ts), the very chunks its lazy client loads.
 */
export function renderSdkResource(resource: SdkResource): string {
  return [
    '// Generated by scripts/embed-chunks.ts: do not edit by hand. The build imports the SDK module itself (vite.config.ts).',
    `export { ${className(resource)} } from '@poly-partner/sdk';`,
    '',
  ].join('\n');
}

/** Every resource some element calls, once, sorted. */
export function embedResources(): SdkResource[] {
  return [...new Set(Object.values(EMBED_ELEMENTS).flatMap((element: EmbedElement) => element.resources))].sort();
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  writeFileSync(embedLoadersUrl, renderEmbedLoaders());
  mkdirSync(sdkResourcesUrl, { recursive: true });
  const wanted = new Set(embedResources().map((resource) => `${resource}.ts`));
  for (const file of readdirSync(sdkResourcesUrl)) if (!wanted.has(file)) rmSync(new URL(file, sdkResourcesUrl));
  for (const resource of embedResources()) writeFileSync(new URL(`${resource}.ts`, sdkResourcesUrl), renderSdkResource(resource));
}
