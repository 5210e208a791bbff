// What a host of WindowedRowsController gives its scrolling `.body` (as the member overview's grid body does): the
// space of the rows above the rendered ones (`--_rows-before`) and the height of all rows (`--_rows-total`), both set
// by the controller. Shared by the controller tests' small hosts.
import { css } from 'lit';

export const windowedBodyStyles = css`
  .body {
    block-size: 200px;
    overflow-y: auto;
    position: relative;
  }
  .body::before {
    content: '';
    display: block;
    block-size: var(--_rows-before, 0);
  }
  .body::after {
    content: '';
    position: absolute;
    inset-block-start: 0;
    inline-size: 1px;
    block-size: var(--_rows-total, 0);
  }
`;
