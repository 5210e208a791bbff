// Registers a custom element once: a second copy of the widgets on the page warns instead of throwing.

/** An element class; `dependencies` names the elements it renders, defined with it (as Shoelace's are). */
type ElementClass = CustomElementConstructor & { dependencies?: Record<string, CustomElementConstructor> };

/** Defines `tag` and its dependencies unless some script already did; then warns (and names the other class if it differs). */
export function define(tag: string, constructor: ElementClass): void {
  for (const name in constructor.dependencies) define(name, constructor.dependencies[name]!);
  const existing = customElements.get(tag);
  if (!existing) customElements.define(tag, constructor);
  else if (existing !== constructor) console.warn(`<${tag}> is already defined by another copy of @poly-partner/widgets; this one is skipped.`);
}
