// Registers a custom element once: a second copy of the widgets on the page warns instead of throwing.

/** Defines `tag` unless some script already did; then warns (and names the other class if it differs). */
export function define(tag: string, constructor: CustomElementConstructor): void {
  const existing = customElements.get(tag);
  if (existing) {
    if (existing !== constructor) {
      console.warn(`<${tag}> is already defined by another copy of @poly-partner/widgets; this one is skipped.`);
    }
    return;
  }
  customElements.define(tag, constructor);
}
