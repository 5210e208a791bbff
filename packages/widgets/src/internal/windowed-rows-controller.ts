// Windowing for a long list of rows of one height: only the rows in view (plus a few beyond each edge) are rendered.
import type { ReactiveController, ReactiveControllerHost } from 'lit';

export interface RowRange {
  first: number;
  /** Inclusive; below `first` when no row is rendered. */
  last: number;
}

export interface WindowedRowsOptions {
  /** The element that scrolls the rows (its ::before and ::after use `--_rows-before` and `--_rows-total`). */
  body: () => HTMLElement | undefined;
  /** How many rows are loaded. */
  count: () => number;
  /** A row's height before one has been measured, in CSS px. */
  estimatedRowHeight: number;
  /** Rows rendered beyond each edge of the visible ones, so a scroll by a few rows shows no blank before the next frame. */
  overscan: number;
  /** Told which rows are visible after each measurement that found some (to load more, to keep a row tabbable). */
  onVisible?: (visible: RowRange) => void;
}

/**
 * Works out which rows are in view (inside the body's scrollport and the window's viewport) and has the host render
 * those. Every row has one height, so row `i` starts at `i * rowHeight`: blank space (the body's ::before) takes the
 * place of the rows above the rendered ones, and the body's scroll height is that of every loaded row (its ::after).
 *
 * The height comes from the rows' CSS (`block-size: var(--_row-height)`, one value per layout, e.g. per container
 * breakpoint) and is measured on a rendered row. When a row's content needs more (200 % text, wider text spacing, a
 * long name), every row gets the height of the tallest rendered one (`--_row-height` on the body), so no text is cut
 * off; a new width (another breakpoint) starts again from the CSS value.
 */
export class WindowedRowsController implements ReactiveController {
  /** The rows to render. */
  rendered: RowRange = { first: 0, last: -1 };
  /** Every row's height in CSS px. */
  rowHeight: number;

  private readonly host: ReactiveControllerHost & HTMLElement;
  private readonly options: WindowedRowsOptions;
  /** One measurement per frame at most, however many scroll and resize events arrive. */
  private frame = 0;
  private timer?: ReturnType<typeof setTimeout>;
  private resizeObserver?: ResizeObserver;
  private intersectionObserver?: IntersectionObserver;
  /** The body the observers and listeners are on (Lit replaces it when the list goes and comes back). */
  private observed?: HTMLElement;
  private observedWidth = 0;

  constructor(host: ReactiveControllerHost & HTMLElement, options: WindowedRowsOptions) {
    this.host = host;
    this.options = options;
    this.rowHeight = options.estimatedRowHeight;
    host.addController(this);
  }

  hostConnected(): void {
    // Scrolling the page (or any scroller around the host) moves the list in the window's viewport.
    window.addEventListener('scroll', this.schedule, { capture: true, passive: true });
    window.addEventListener('resize', this.schedule, { passive: true });
  }

  hostDisconnected(): void {
    window.removeEventListener('scroll', this.schedule, { capture: true });
    window.removeEventListener('resize', this.schedule);
    cancelAnimationFrame(this.frame);
    clearTimeout(this.timer);
    this.frame = 0;
    this.observe(undefined);
  }

  hostUpdated(): void {
    const body = this.options.body();
    if (body !== this.observed) this.observe(body);
    if (body) this.sizeBody(body);
  }

  /** Renders the first `rows` rows at once (a new list shows its top), before any measurement. */
  showTop(rows: number): void {
    this.rendered = { first: 0, last: Math.min(this.options.count(), rows) - 1 };
  }

  /** The rendered part of `items` (the list may have become shorter than the last measured window). */
  slice<T>(items: readonly T[]): T[] {
    const { first, last } = this.rendered;
    return last >= first ? items.slice(first, last + 1) : [];
  }

  isRendered(index: number): boolean {
    const last = Math.min(this.rendered.last, this.options.count() - 1);
    return index >= this.rendered.first && index <= last;
  }

  /** Scrolls the body so row `index` is inside it (the page too, when the body is out of view), and measures. */
  scrollToRow(index: number): void {
    const body = this.options.body();
    if (!body) return;
    if (!this.isRendered(index)) body.scrollIntoView({ block: 'nearest' });
    const top = index * this.rowHeight;
    if (top < body.scrollTop) body.scrollTop = top;
    else if (top + this.rowHeight > body.scrollTop + body.clientHeight) body.scrollTop = top + this.rowHeight - body.clientHeight;
    this.measure();
  }

  /**
   * Measures once the host's next frame has been painted: the browser lays the host out and paints it once (a
   * measurement now, or in that frame's animation callbacks, would force a layout first, render again and lay out
   * again before the first paint).
   */
  measureAfterPaint(): void {
    cancelAnimationFrame(this.frame);
    clearTimeout(this.timer);
    // Scroll and observer callbacks meanwhile find a measurement pending (`frame` set) and add none.
    this.frame = requestAnimationFrame(() => {
      // A task queued in the frame's callbacks runs after that frame has been painted.
      this.timer = setTimeout(() => {
        this.frame = 0;
        this.measure();
      });
    });
  }

  readonly schedule = (): void => {
    this.frame ||= requestAnimationFrame(() => {
      this.frame = 0;
      this.measure();
    });
  };

  /** Measures the row height and the visible rows now, and has the host render again when the rows to render changed. */
  measure(): void {
    const body = this.options.body();
    if (!body) return;
    this.measureRowHeight(body);
    const count = this.options.count();
    const rect = body.getBoundingClientRect();
    const viewTop = rect.top + body.clientTop;
    const top = Math.max(viewTop, 0);
    const bottom = Math.min(viewTop + body.clientHeight, window.innerHeight);
    let rendered: RowRange = { first: 0, last: -1 };
    if (bottom > top && count > 0) {
      const offset = body.scrollTop - viewTop;
      const first = Math.min(count - 1, Math.max(0, Math.floor((top + offset) / this.rowHeight)));
      const last = Math.min(count - 1, Math.max(first, Math.ceil((bottom + offset) / this.rowHeight) - 1));
      const { overscan } = this.options;
      rendered = { first: Math.max(0, first - overscan), last: Math.min(count - 1, last + overscan) };
      this.options.onVisible?.({ first, last });
    }
    if (rendered.first !== this.rendered.first || rendered.last !== this.rendered.last) {
      this.rendered = rendered;
      this.host.requestUpdate();
    }
  }

  private measureRowHeight(body: HTMLElement): void {
    // Another width may be another layout with its own row height: start again from the CSS value.
    if (body.clientWidth !== this.observedWidth) {
      this.observedWidth = body.clientWidth;
      body.style.removeProperty('--_row-height');
    }
    let height = 0;
    let needed = 0;
    for (const row of body.querySelectorAll<HTMLElement>("[role='row']")) {
      const box = row.getBoundingClientRect().height;
      height = Math.max(height, box);
      // The content's height plus the row's borders: more than the box when the row cuts its content off.
      needed = Math.max(needed, row.scrollHeight + (box - row.clientHeight));
    }
    if (needed > height + 0.5) {
      body.style.setProperty('--_row-height', `${Math.ceil(needed)}px`);
      height = Math.ceil(needed);
    }
    if (height > 0 && Math.abs(height - this.rowHeight) > 0.01) {
      // The same rows stay in view: the scroll position is kept in rows, not in pixels.
      const scrolledRows = body.scrollTop / this.rowHeight;
      this.rowHeight = height;
      this.sizeBody(body);
      if (scrolledRows > 0) body.scrollTop = scrolledRows * height;
    }
  }

  /** Set through the CSSOM, as a strict CSP blocks `style` attributes. */
  private sizeBody(body: HTMLElement): void {
    const count = this.options.count();
    body.style.setProperty('--_rows-before', `${Math.min(this.rendered.first, count) * this.rowHeight}px`);
    body.style.setProperty('--_rows-total', `${count * this.rowHeight}px`);
  }

  /** Watches the body for what moves rows into or out of view: its scrolling, its size, its place on the page. */
  private observe(body: HTMLElement | undefined): void {
    this.observed?.removeEventListener('scroll', this.schedule);
    this.resizeObserver?.disconnect();
    this.intersectionObserver?.disconnect();
    this.observed = body;
    if (!body) return;
    body.addEventListener('scroll', this.schedule, { passive: true });
    (this.resizeObserver ??= new ResizeObserver(this.schedule)).observe(body);
    // Content above the list that grows or shrinks moves it without any scroll event.
    (this.intersectionObserver ??= new IntersectionObserver(this.schedule, { threshold: [0, 0.25, 0.5, 0.75, 1] })).observe(body);
  }
}
