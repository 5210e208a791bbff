// Configuration of `cem analyze` (custom-elements.json at the package root, read by the React-wrapper and docs
// generators, by IDEs and by Storybook-like tools).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const packageRoot = new URL('.', import.meta.url).pathname;

/**
 * The analyzer sees only the `*.component.ts` files (the classes); their tags are registered by
 * `define('<tag>', Class)` in the sibling `<tag>.ts`. This plugin reads those siblings, so each class gets its
 * `tagName` and the manifest a `custom-element-definition` export pointing at the module that registers it.
 */
function tagsFromDefineCalls() {
  return {
    name: 'poly-partner:tags-from-define-calls',
    packageLinkPhase({ customElementsManifest }) {
      const registeringModules = [];
      for (const module of customElementsManifest.modules) {
        if (!module.path.endsWith('.component.ts')) continue;
        const registering = module.path.replace(/\.component\.ts$/, '.ts');
        const source = readFileSync(join(packageRoot, registering), 'utf8');
        const exports = [];
        for (const [, tagName, className] of source.matchAll(/\bdefine\(\s*['"]([a-z][a-z0-9-]*-[a-z0-9-]*)['"]\s*,\s*(\w+)\s*\)/g)) {
          const declaration = module.declarations.find((candidate) => candidate.name === className);
          if (!declaration) throw new Error(`${registering} defines <${tagName}> with ${className}, which ${module.path} does not declare`);
          declaration.tagName = tagName;
          declaration.customElement = true;
          const reference = { name: className, module: module.path };
          exports.push({ kind: 'js', name: className, declaration: reference });
          exports.push({ kind: 'custom-element-definition', name: tagName, declaration: reference });
        }
        if (exports.length > 0) registeringModules.push({ kind: 'javascript-module', path: registering, declarations: [], exports });
      }
      customElementsManifest.modules.push(...registeringModules);
    },
  };
}

/**
 * The JSDoc `@event name - description` lines carry no type; the event classes declare theirs in
 * `GlobalEventHandlersEventMap` (src/events/). This plugin copies that type onto every event of that name, so the
 * React wrappers and the docs can name `PartnerErrorEvent` rather than `Event`.
 */
function eventTypesFromEventMap() {
  const eventsDir = join(packageRoot, 'src/events');
  const types = new Map();
  for (const file of readdirSync(eventsDir).filter((name) => name.endsWith('.ts')).sort()) {
    const source = readFileSync(join(eventsDir, file), 'utf8');
    const eventMap = /interface GlobalEventHandlersEventMap\s*{([^}]*)}/.exec(source)?.[1] ?? '';
    for (const [, eventName, typeName] of eventMap.matchAll(/['"]([a-z0-9-]+)['"]\s*:\s*(\w+)/g)) {
      types.set(eventName, { typeName });
    }
  }
  return {
    name: 'poly-partner:event-types-from-event-map',
    packageLinkPhase({ customElementsManifest }) {
      for (const module of customElementsManifest.modules) {
        for (const declaration of module.declarations ?? []) {
          for (const event of declaration.events ?? []) {
            // From `dispatchEvent(new PartnerErrorEvent(apiError))` the analyzer takes the type and guesses the name
            // from the first argument (or none); the event class sets the real name in its constructor.
            const nameOfType = [...types].find(([, known]) => known.typeName === event.type?.text)?.[0];
            if (nameOfType) event.name = nameOfType;
            const known = types.get(event.name);
            if (known) event.type = { text: known.typeName };
          }
          if (declaration.events) declaration.events = declaration.events.filter((event) => event.name);
          // Where a JSDoc line and a `dispatchEvent(new …)` both describe the event, keep one entry.
          if (declaration.events) {
            const seen = new Map();
            for (const event of declaration.events) {
              const first = seen.get(event.name);
              if (!first) seen.set(event.name, event);
              else first.description ??= event.description;
            }
            declaration.events = [...seen.values()];
          }
        }
      }
    },
  };
}

/**
 * The components write their description after `@summary`, and the analyzer then reads all of it as the summary.
 * This plugin keeps the first paragraph as the one-line summary and moves the rest to `description`.
 */
function summaryFirstParagraph() {
  return {
    name: 'poly-partner:summary-first-paragraph',
    packageLinkPhase({ customElementsManifest }) {
      for (const module of customElementsManifest.modules) {
        for (const declaration of module.declarations ?? []) {
          if (!declaration.summary || declaration.description) continue;
          const [first, ...rest] = declaration.summary.split(/\n\s*\n/);
          declaration.summary = first.replace(/\s*\n\s*/g, ' ').trim();
          if (rest.length > 0) declaration.description = rest.join('\n\n').trim();
        }
      }
    },
  };
}

/** Modules sorted by path: the glob's order depends on the file system, and the manifest is committed. */
function stableModuleOrder() {
  return {
    name: 'poly-partner:stable-module-order',
    packageLinkPhase({ customElementsManifest }) {
      customElementsManifest.modules.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    },
  };
}

export default {
  globs: [
    'src/components/**/*.component.ts',
    'src/config/*.component.ts',
    // The widgets' base class: analysed so that what every widget inherits (the `client` property) is listed.
    'src/internal/partner-element.ts',
  ],
  outdir: '.',
  litelement: true,
  // package.json already names the manifest; otherwise the analyzer rewrites the package.json of the current
  // directory (the repository root's, when the test runs it).
  packagejson: false,
  plugins: [tagsFromDefineCalls(), eventTypesFromEventMap(), summaryFirstParagraph(), stableModuleOrder()],
};
