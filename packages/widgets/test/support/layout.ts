// Layout checks shared by the narrow-container tests: what sticks out of a widget, what scrolls sideways inside it,
// which touch targets are too small, and what text is cut off. Each returns readable findings, empty when all is well.

/** Every element of `root`, descending into open shadow roots (a checklist inside the member overview's detail). */
export function deepElements(root: ParentNode): Element[] {
  const found: Element[] = [];
  for (const element of root.querySelectorAll('*')) {
    found.push(element);
    if (element.shadowRoot) found.push(...deepElements(element.shadowRoot));
  }
  return found;
}

function describe(element: Element): string {
  const part = element.getAttribute('part');
  const classes = element.getAttribute('class');
  const id = element.id ? `#${element.id}` : '';
  return `<${element.localName}${id}${part ? ` part="${part}"` : ''}${classes ? ` class="${classes}"` : ''}>`;
}

/** Visually hidden text (1 px, clipped) is meant to sit where it sits; so are elements that are not rendered. */
function isLaidOut(element: Element, rect: DOMRect): boolean {
  if (rect.width === 0 && rect.height === 0) return false;
  for (let node: Element | null = element; node; node = node.parentElement) {
    if (getComputedStyle(node).clip !== 'auto') return false;
  }
  return true;
}

/** Parts of `host` that reach past its left or right edge (half a pixel of rounding allowed). */
export function partsOutside(host: HTMLElement): string[] {
  const box = host.getBoundingClientRect();
  const findings: string[] = [];
  for (const element of deepElements(host.shadowRoot ?? host)) {
    const rect = element.getBoundingClientRect();
    if (!isLaidOut(element, rect)) continue;
    if (rect.left < box.left - 0.5 || rect.right > box.right + 0.5) {
      findings.push(`${describe(element)} spans ${rect.left.toFixed(0)}–${rect.right.toFixed(0)} px, the host ${box.left.toFixed(0)}–${box.right.toFixed(0)} px`);
    }
  }
  return findings;
}

/** Boxes inside `host` whose content is wider than they are: they scroll sideways, or cut their content off. */
export function sidewaysOverflow(host: HTMLElement): string[] {
  const findings: string[] = [];
  for (const element of deepElements(host.shadowRoot ?? host)) {
    if (!(element instanceof HTMLElement)) continue;
    const rect = element.getBoundingClientRect();
    if (!isLaidOut(element, rect)) continue;
    const overflow = getComputedStyle(element).overflowX;
    if (overflow === 'visible') continue;
    if (element.scrollWidth > element.clientWidth + 1) {
      findings.push(`${describe(element)} holds ${element.scrollWidth} px in ${element.clientWidth} px (overflow-x: ${overflow})`);
    }
  }
  return findings;
}

const TARGETS = 'button, select, textarea, input:not([type="hidden"]), summary, a[href]:not(p a, li a), [role="row"][tabindex]';

/** Controls smaller than 24 × 24 CSS px (WCAG 2.2 2.5.8); a radio or checkbox counts with its label around it. */
export function smallTargets(host: HTMLElement): string[] {
  const findings: string[] = [];
  for (const element of deepElements(host.shadowRoot ?? host)) {
    if (!element.matches(TARGETS)) continue;
    const box = element.matches('input[type="radio"], input[type="checkbox"]') ? (element.closest('label') ?? element) : element;
    const rect = box.getBoundingClientRect();
    if (!isLaidOut(element, rect)) continue;
    if (rect.width < 23.5 || rect.height < 23.5) {
      findings.push(`${describe(element)} is ${rect.width.toFixed(1)} × ${rect.height.toFixed(1)} px`);
    }
  }
  return findings;
}

/** Elements that cut their text off vertically (overflow hidden or clipped, content taller than the box). */
export function clippedText(host: HTMLElement): string[] {
  const findings: string[] = [];
  for (const element of deepElements(host.shadowRoot ?? host)) {
    if (!(element instanceof HTMLElement)) continue;
    const rect = element.getBoundingClientRect();
    if (!isLaidOut(element, rect)) continue;
    const style = getComputedStyle(element);
    if (style.overflowY === 'visible' || style.overflowY === 'auto' || style.overflowY === 'scroll') continue;
    if (element.scrollHeight > element.clientHeight + 1 && (element.textContent ?? '').trim() !== '') {
      findings.push(`${describe(element)} shows ${element.clientHeight} px of ${element.scrollHeight} px`);
    }
  }
  return findings;
}

const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));

/**
 * Waits until `host` has settled after a resize: its shadow DOM (rows rendered, sizes the widget sets) and its height
 * are the same over three frames in a row, or 60 frames have passed (a widget that keeps changing is itself a finding).
 */
export async function settled(host: HTMLElement): Promise<void> {
  const snapshot = () => `${host.getBoundingClientRect().height}|${deepElements(host.shadowRoot ?? host).length}|${host.shadowRoot?.innerHTML.length}`;
  let last = '';
  let same = 0;
  for (let count = 0; count < 60 && same < 3; count++) {
    await frame();
    // A measurement may wait for a task after the frame (to run after paint).
    await new Promise((resolve) => setTimeout(resolve));
    const now = snapshot();
    same = now === last ? same + 1 : 0;
    last = now;
  }
}
