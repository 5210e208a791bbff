// Reads custom-elements.json (written by `cem analyze`, see custom-elements-manifest.config.mjs) for the React-wrapper
// and docs generators and the manifest test. Only the parts of the schema those use are typed here.
import { cli } from '@custom-elements-manifest/analyzer/cli.js';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const packageRoot = new URL('../', import.meta.url);
export const manifestUrl = new URL('custom-elements.json', packageRoot);

export interface TypeText {
  text: string;
}

export interface Named {
  name: string;
  description?: string;
}

export interface Attribute extends Named {
  type?: TypeText;
  default?: string;
  fieldName?: string;
}

export interface Member extends Named {
  kind: 'field' | 'method';
  type?: TypeText;
  default?: string;
  privacy?: 'public' | 'private' | 'protected';
  static?: boolean;
  readonly?: boolean;
  attribute?: string;
  reflects?: boolean;
  parameters?: Array<Named & { type?: TypeText }>;
  return?: { type?: TypeText };
  inheritedFrom?: { name: string; module: string };
}

export interface EventDoc extends Named {
  type?: TypeText;
}

export interface ClassDeclaration extends Named {
  kind: 'class';
  summary?: string;
  tagName?: string;
  customElement?: boolean;
  attributes?: Attribute[];
  members?: Member[];
  events?: EventDoc[];
  slots?: Named[];
  cssParts?: Named[];
  cssProperties?: Array<Named & { syntax?: string; default?: string }>;
}

export interface Module {
  kind: 'javascript-module';
  path: string;
  declarations?: ClassDeclaration[];
  exports?: Array<{ kind: 'js' | 'custom-element-definition'; name: string; declaration: { name: string; module?: string } }>;
}

export interface Manifest {
  schemaVersion: string;
  modules: Module[];
}

/** One element as the generators see it. */
export interface ElementDoc {
  tagName: string;
  /** The class as declared (e.g. `PartnerTierBadge`). */
  className: string;
  declaration: ClassDeclaration;
  /** The module that registers the tag (`src/…/<tag>.ts`); importing it defines the element. */
  definingModule: string;
}

export function readManifest(url: URL = manifestUrl): Manifest {
  return JSON.parse(readFileSync(url, 'utf8')) as Manifest;
}

/** Runs the analyzer with custom-elements-manifest.config.mjs on the current sources, without writing anything. */
export async function analyze(): Promise<Manifest> {
  return (await cli({ argv: ['analyze', '--quiet'], cwd: fileURLToPath(packageRoot), noWrite: true })) as Manifest;
}

/** Every registered element, sorted by tag so that generated files do not depend on the analyzer's order. */
export function elementsOf(manifest: Manifest): ElementDoc[] {
  const declarations = new Map<string, ClassDeclaration>();
  for (const module of manifest.modules) {
    for (const declaration of module.declarations ?? []) declarations.set(`${module.path}#${declaration.name}`, declaration);
  }
  const elements: ElementDoc[] = [];
  for (const module of manifest.modules) {
    for (const definition of module.exports ?? []) {
      if (definition.kind !== 'custom-element-definition') continue;
      const declaration = declarations.get(`${definition.declaration.module}#${definition.declaration.name}`);
      if (!declaration) throw new Error(`custom-elements.json: <${definition.name}> names a class it does not declare`);
      elements.push({ tagName: definition.name, className: declaration.name, declaration, definingModule: module.path });
    }
  }
  return elements.sort((a, b) => a.tagName.localeCompare(b.tagName));
}

/** Public, instance members a host can set or call (not the base class's protected plumbing). */
export function publicMembers(declaration: ClassDeclaration): Member[] {
  return (declaration.members ?? []).filter((member) => !member.static && (member.privacy ?? 'public') === 'public');
}

/** `partner-deal-registered` → `onPartnerDealRegistered`. */
export function reactEventProp(eventName: string): string {
  return `on${eventName.replace(/(^|-)([a-z0-9])/g, (_match, _dash, letter: string) => letter.toUpperCase())}`;
}
