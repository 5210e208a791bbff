// The windowed-rows controller on its own, in a small Lit host: which rows it renders, where it scrolls, and the row
// height it keeps per layout (growing when a row's text needs more, starting again at another width).
import { expect, fixture, fixtureCleanup, waitUntil } from '@open-wc/testing';
import { css, html, LitElement } from 'lit';
import { WindowedRowsController } from '../src/internal/windowed-rows-controller.js';
import { windowedBodyStyles } from './support/windowed-body.styles.js';

const ROWS = 1000;

class WindowedRowsHost extends LitElement {
  static override styles = [
    windowedBodyStyles,
    css`
      :host {
        display: block;
        container-type: inline-size;
        --_row-height: 40px;
      }
      .row {
        block-size: var(--_row-height);
        overflow: hidden;
        box-sizing: border-box;
        border-block-end: 1px solid;
      }
      /* Another layout, another row height. */
      @container (max-width: 300px) {
        .body {
          --_row-height: 60px;
        }
      }
    `,
  ];

  /** Row indexes whose text is long (wraps to several lines). */
  long = new Set<number>();

  readonly rows = new WindowedRowsController(this, {
    body: () => this.renderRoot.querySelector<HTMLElement>('.body') ?? undefined,
    count: () => ROWS,
    estimatedRowHeight: 40,
    overscan: 2,
  });

  override render() {
    const indexes = this.rows.slice([...Array(ROWS).keys()]);
    return html`<div class="body">
      ${indexes.map(
        (index) => html`<div role="row" class="row" data-index=${index}>
          Row ${index} ${this.long.has(index) ? 'with a text long enough to wrap to more lines than a row holds '.repeat(6) : ''}
        </div>`,
      )}
    </div>`;
  }

  override updated(): void {
    this.rows.measure();
  }
}
customElements.define('windowed-rows-host', WindowedRowsHost);

const rendered = (el: WindowedRowsHost) => [...el.renderRoot.querySelectorAll<HTMLElement>('.row')].map((row) => Number(row.dataset.index));
const frameStyles = document.createElement('style');
frameStyles.textContent = '.frame--wide { inline-size: 600px; } .frame--narrow { inline-size: 280px; }';
document.head.append(frameStyles);

async function mountHost(width: 'wide' | 'narrow', long: number[] = []): Promise<{ el: WindowedRowsHost; frame: HTMLElement }> {
  const frame = document.createElement('div');
  frame.className = `frame--${width}`;
  const el = document.createElement('windowed-rows-host') as WindowedRowsHost;
  el.long = new Set(long);
  frame.append(el);
  await fixture(frame);
  await waitUntil(() => rendered(el).length > 0, 'rows to render');
  return { el, frame };
}

describe('WindowedRowsController', () => {
  afterEach(() => fixtureCleanup());

  it('renders the rows in view and a few beyond, not all 1,000', async () => {
    const { el } = await mountHost('wide');
    // 200 px of 40 px rows: 5 in view, plus 2 overscan below.
    expect(rendered(el)).to.deep.equal([0, 1, 2, 3, 4, 5, 6]);
    expect(el.rows.rowHeight).to.equal(40);
  });

  it('scrolls to a row far down and renders it, with the rows around it', async () => {
    const { el } = await mountHost('wide');
    el.rows.scrollToRow(500);
    await waitUntil(() => rendered(el).includes(500), 'row 500 to render');
    const body = el.renderRoot.querySelector<HTMLElement>('.body')!;
    const row = el.renderRoot.querySelector<HTMLElement>('[data-index="500"]')!;
    const bodyBox = body.getBoundingClientRect();
    const rowBox = row.getBoundingClientRect();
    expect(rowBox.top, 'row 500 inside the scrollport').to.be.at.least(bodyBox.top - 0.5);
    expect(rowBox.bottom).to.be.at.most(bodyBox.bottom + 0.5);
    expect(rendered(el).length).to.be.lessThan(15);
  });

  it('takes the row height of the layout at the width it is given', async () => {
    const { el, frame } = await mountHost('narrow');
    await waitUntil(() => el.rows.rowHeight === 60, `rows of 60 px at 280 px; they are ${el.rows.rowHeight}`);
    frame.className = 'frame--wide';
    await waitUntil(() => el.rows.rowHeight === 40, `rows of 40 px at 600 px; they are ${el.rows.rowHeight}`);
  });

  it('gives every row the height a row with more text needs, so none is cut off, and starts again at another width', async () => {
    const { el, frame } = await mountHost('narrow', [1]);
    const clipped = () =>
      [...el.renderRoot.querySelectorAll<HTMLElement>('.row')].filter((row) => row.scrollHeight > row.clientHeight + 1).map((row) => row.dataset.index);
    await waitUntil(() => clipped().length === 0, `no row cut off; cut off: ${clipped().join(', ')}`);
    expect(el.rows.rowHeight, 'taller than the layout’s 60 px').to.be.greaterThan(60);
    const heights = new Set([...el.renderRoot.querySelectorAll<HTMLElement>('.row')].map((row) => row.getBoundingClientRect().height));
    expect(heights.size, 'one height for all rows').to.equal(1);

    // Wide, the long text takes fewer lines: the height is measured again from the layout's own.
    const narrowHeight = el.rows.rowHeight;
    frame.className = 'frame--wide';
    await waitUntil(() => el.rows.rowHeight < narrowHeight, 'a smaller row height at 600 px');
    await waitUntil(() => clipped().length === 0, `no row cut off at 600 px; cut off: ${clipped().join(', ')}`);
  });
});
