// The keyboard of an ARIA grid of windowed rows (rows carry `data-index`): one row takes the Tab stop (roving
// tabindex), arrows, PageUp/PageDown, Home and End move focus, Enter, Space and a click activate a row.
import type { ReactiveControllerHost } from 'lit';
import type { WindowedRowsController } from './windowed-rows-controller.js';

/** Rows PageUp/PageDown move by. */
const PAGE_ROWS = 10;

export interface GridKeyboardOptions {
  /** The element that holds the rows and takes the Tab stop while the active row is not rendered. */
  body: () => HTMLElement | undefined;
  rows: WindowedRowsController;
  /** How many rows are loaded. */
  count: () => number;
  /** Enter, Space or a click on row `index`. */
  activate: (index: number) => void;
}

/** Needs no lifecycle of its own: the host wires its handlers to the grid's body and calls `keepInView`. */
export class GridKeyboardController {
  /** The row that takes focus when the user tabs into the grid. */
  active = 0;

  private readonly host: ReactiveControllerHost;
  private readonly options: GridKeyboardOptions;

  constructor(host: ReactiveControllerHost, options: GridKeyboardOptions) {
    this.host = host;
    this.options = options;
  }

  /** Makes row `index` the one that takes the Tab stop. */
  setActive(index: number): void {
    if (index === this.active) return;
    this.active = index;
    this.host.requestUpdate();
  }

  /** Keeps a row tabbable: when the active row has scrolled away (and does not hold focus), the first visible row takes over. */
  keepInView(first: number, last: number): void {
    const body = this.options.body();
    if (body && !body.contains((body.getRootNode() as ShadowRoot).activeElement) && (this.active < first || this.active > last)) {
      this.setActive(first);
    }
  }

  readonly onFocusIn = (event: FocusEvent): void => {
    if (event.target === this.options.body()) {
      void this.focusRow(this.active);
      return;
    }
    const index = indexOf(event);
    if (index !== undefined) this.setActive(index);
  };

  readonly onClick = (event: MouseEvent): void => {
    const index = indexOf(event);
    if (index !== undefined) this.options.activate(index);
  };

  readonly onKeydown = (event: KeyboardEvent): void => {
    const index = indexOf(event);
    if (index === undefined) return;
    const last = this.options.count() - 1;
    const target = {
      ArrowDown: index + 1,
      ArrowUp: index - 1,
      PageDown: index + PAGE_ROWS,
      PageUp: index - PAGE_ROWS,
      Home: 0,
      End: last,
    }[event.key];
    if (target === undefined && event.key !== 'Enter' && event.key !== ' ') return;
    event.preventDefault();
    if (target === undefined) this.options.activate(index);
    else void this.focusRow(Math.max(0, Math.min(last, target)));
  };

  /** Moves focus to a row, scrolling the list (and the page, when the row is not rendered) to it first. */
  async focusRow(index: number): Promise<void> {
    const { rows } = this.options;
    this.setActive(index);
    let row = this.row(index);
    // Rows render only inside the window's viewport: bring the list into view, then the row into the list's.
    rows.scrollToRow(index);
    if (!row) {
      await this.host.updateComplete;
      row = this.row(index);
      // A page scrolled by other means (smooth scrolling) settles within a few frames.
      for (let frame = 0; frame < 20 && !row; frame++) {
        await new Promise((resolve) => requestAnimationFrame(resolve));
        row = this.row(index);
      }
    }
    await this.host.updateComplete;
    // Rendering it may have changed the rows' height (a row whose text needs more): scroll to it again.
    if (row) rows.scrollToRow(index);
    row?.focus();
  }

  private row(index: number): HTMLElement | null | undefined {
    return this.options.body()?.querySelector<HTMLElement>(`[role='row'][data-index='${index}']`);
  }
}

/** The index of the row an event happened in. */
function indexOf(event: Event): number | undefined {
  const index = (event.target as HTMLElement).closest<HTMLElement>('[data-index]')?.dataset['index'];
  return index === undefined ? undefined : Number(index);
}
