// The grid keyboard controller on its own, in a small Lit host with 1,000 windowed rows: real key presses move focus
// row by row, by ten, to either end (rendering a row far away first), Enter activates, and the grid keeps one Tab stop.
import { expect, fixture, fixtureCleanup, html, waitUntil } from '@open-wc/testing';
import { css, LitElement } from 'lit';
import { GridKeyboardController } from '../src/internal/grid-keyboard-controller.js';
import { WindowedRowsController } from '../src/internal/windowed-rows-controller.js';
import { focusedIn, sendKeys } from './support/keyboard.js';
import { windowedBodyStyles } from './support/windowed-body.styles.js';

const ROWS = 1000;

class GridHost extends LitElement {
  static override styles = [
    windowedBodyStyles,
    css`
      .row {
        block-size: 40px;
        box-sizing: border-box;
      }
    `,
  ];

  readonly activated: number[] = [];
  private get body() {
    return this.renderRoot.querySelector<HTMLElement>('.body') ?? undefined;
  }
  readonly rows = new WindowedRowsController(this, {
    body: () => this.body,
    count: () => ROWS,
    estimatedRowHeight: 40,
    overscan: 2,
    onVisible: ({ first, last }) => this.keyboard.keepInView(first, last),
  });
  readonly keyboard = new GridKeyboardController(this, {
    body: () => this.body,
    rows: this.rows,
    count: () => ROWS,
    activate: (index) => this.activated.push(index),
  });

  override render() {
    const active = this.keyboard.active;
    return html`<button id="before">Before</button>
      <div
        class="body"
        role="rowgroup"
        tabindex=${this.rows.isRendered(active) ? -1 : 0}
        @keydown=${this.keyboard.onKeydown}
        @click=${this.keyboard.onClick}
        @focusin=${this.keyboard.onFocusIn}
      >
        ${this.rows.slice([...Array(ROWS).keys()]).map(
          (index) => html`<div role="row" class="row" data-index=${index} tabindex=${index === active ? 0 : -1}>Row ${index}</div>`,
        )}
      </div>`;
  }

  override updated(): void {
    this.rows.measure();
  }
}
customElements.define('grid-keyboard-host', GridHost);

const focusedRow = (el: GridHost) => Number((focusedIn(el) as HTMLElement | null)?.dataset['index']);

async function mountGrid(): Promise<GridHost> {
  const el = await fixture<GridHost>(html`<grid-keyboard-host></grid-keyboard-host>`);
  await waitUntil(() => el.renderRoot.querySelector('[data-index="0"]'), 'rows to render');
  return el;
}

async function press(el: GridHost, key: string, row: number): Promise<void> {
  await sendKeys({ press: key });
  await waitUntil(() => focusedRow(el) === row, `${key}: focus on row ${row}; it is on ${focusedRow(el)}`);
}

describe('GridKeyboardController', () => {
  afterEach(() => fixtureCleanup());

  it('takes one Tab stop, on the active row, and moves focus with the arrows, PageUp/PageDown, Home and End', async () => {
    const el = await mountGrid();
    el.renderRoot.querySelector<HTMLElement>('#before')!.focus();
    await press(el, 'Tab', 0);
    await press(el, 'ArrowDown', 1);
    await press(el, 'ArrowDown', 2);
    await press(el, 'ArrowUp', 1);
    await press(el, 'PageDown', 11);
    await press(el, 'PageUp', 1);
    await press(el, 'ArrowUp', 0);
    await press(el, 'ArrowUp', 0);
    // The last row is not rendered until the grid scrolls to it.
    expect(el.renderRoot.querySelector('[data-index="999"]')).to.be.null;
    await press(el, 'End', 999);
    await press(el, 'ArrowDown', 999);
    await press(el, 'Home', 0);
    expect(el.renderRoot.querySelectorAll('[tabindex="0"]').length, 'one Tab stop in the grid').to.equal(1);
  });

  it('activates a row with Enter, Space or a click, and makes a clicked row the one Tab returns to', async () => {
    const el = await mountGrid();
    el.renderRoot.querySelector<HTMLElement>('#before')!.focus();
    await press(el, 'Tab', 0);
    await press(el, 'ArrowDown', 1);
    await sendKeys({ press: 'Enter' });
    await press(el, 'ArrowDown', 2);
    await sendKeys({ press: 'Space' });
    el.renderRoot.querySelector<HTMLElement>('[data-index="4"]')!.click();
    expect(el.activated).to.deep.equal([1, 2, 4]);
    el.renderRoot.querySelector<HTMLElement>('[data-index="4"]')!.focus();
    await el.updateComplete;
    el.renderRoot.querySelector<HTMLElement>('#before')!.focus();
    await press(el, 'Tab', 4);
  });

  it('hands the Tab stop to the first visible row when the active one scrolls away, and back to it on focus', async () => {
    const el = await mountGrid();
    const body = el.renderRoot.querySelector<HTMLElement>('.body')!;
    body.scrollTop = 40 * 500;
    await waitUntil(() => el.keyboard.active === 500, `the first visible row (500) active; it is ${el.keyboard.active}`);
    el.renderRoot.querySelector<HTMLElement>('#before')!.focus();
    await press(el, 'Tab', 500);
  });
});
