// The cursor-paging controller on its own, in a small Lit host, paging an organization's members on the real sandbox:
// it walks page after page to the last and stops, keeps a failed page for a retry, and drops a page that arrives
// for a list replaced meanwhile.
import { expect, fixture, fixtureCleanup, html, waitUntil } from '@open-wc/testing';
import type { Member, MemberQuery } from '@poly-partner/contract';
import type { PartnerApiError, PartnerClient } from '@poly-partner/sdk';
import { LitElement } from 'lit';
import { CursorPagingController } from '../src/internal/cursor-paging-controller.js';
import { FetchFaults } from '../../../test/support/browser/fetch-faults.js';
import { clientFor, sandboxConfig, startSandboxFirst } from '../../../test/support/browser/sandbox.js';

class PagingHost extends LitElement {
  readonly errors: PartnerApiError[] = [];
  readonly paging = new CursorPagingController<Member>(this, (error) => this.errors.push(error));
  override render() {
    return html`${this.paging.page.items.length}`;
  }
}
customElements.define('paging-host', PagingHost);

const QUERY: MemberQuery = { tier: 'platinum', sort: 'name' };
/** Members per page: the filtered list in four pages (set in `before`). */
let LIMIT = 0;
const memberRequests = (faults: FetchFaults) => faults.seen.filter((path) => path.endsWith('/members')).length;

async function start(fetch?: typeof globalThis.fetch): Promise<{ el: PagingHost; client: PartnerClient; orgId: string }> {
  const { orgId } = (await sandboxConfig()).credentials.organizations[0]!;
  const client = await clientFor({ orgId }, fetch ? { fetch } : {});
  if (!LIMIT) {
    const { total } = await client.organizations.members(orgId, { ...QUERY, limit: 1 });
    expect(total, 'platinum members to page through').to.be.at.least(8);
    LIMIT = Math.ceil(total / 4);
  }
  const el = await fixture<PagingHost>(html`<paging-host></paging-host>`);
  const first = await client.organizations.members(orgId, { ...QUERY, limit: LIMIT });
  el.paging.reset(first, (cursor, signal) => client.organizations.members(orgId, { ...QUERY, limit: LIMIT, cursor }, { signal }));
  return { el, client, orgId };
}

describe('CursorPagingController', function () {
  before(startSandboxFirst);
  afterEach(() => fixtureCleanup());

  it('walks page after page to the last, in order and without repeats, and then stops', async () => {
    const { el, client, orgId } = await start();
    const all = await client.organizations.members(orgId, { ...QUERY, limit: LIMIT }).all();
    expect(all.length, 'more than two pages to walk').to.be.greaterThan(2 * LIMIT);
    expect(el.paging.page.items.length, 'the first page').to.equal(LIMIT);
    let pages = 1;
    while (el.paging.page.nextCursor) {
      const added = await el.paging.more();
      expect(added.length, `page ${pages + 1}`).to.be.greaterThan(0);
      pages += 1;
    }
    expect(pages).to.equal(Math.ceil(all.length / LIMIT));
    expect(el.paging.page.items.map((member) => member.partnerId)).to.deep.equal(all.map((member) => member.partnerId));
    expect(el.paging.page.total).to.equal(all.length);
    // Past the last page: nothing more to load, and nothing is asked for.
    expect(await el.paging.more()).to.deep.equal([]);
    expect(el.paging.loading).to.be.false;
    await el.updateComplete;
    expect(el.shadowRoot!.textContent).to.equal(String(all.length));
  });

  it('loads one page at a time, however often it is asked', async () => {
    const faults = new FetchFaults();
    const { el } = await start(faults.fetch);
    faults.hold();
    const first = el.paging.more();
    const second = el.paging.more();
    expect(el.paging.loading).to.be.true;
    faults.pass();
    const [added, again] = await Promise.all([first, second]);
    expect(added.length).to.equal(LIMIT);
    expect(again, 'the second call while loading').to.deep.equal([]);
    expect(el.paging.page.items.length).to.equal(2 * LIMIT);
    expect(memberRequests(faults)).to.equal(2, 'the first page and one more');
  });

  it('keeps a failed page for a retry, and reports the failure once', async () => {
    const faults = new FetchFaults();
    const { el } = await start(faults.fetch);
    faults.failWith(503);
    expect(await el.paging.more()).to.deep.equal([]);
    expect(el.paging.error?.status).to.equal(503);
    expect(el.errors.map((error) => error.status)).to.deep.equal([503]);
    expect(el.paging.page.items.length, 'the rows loaded stay').to.equal(LIMIT);
    faults.pass();
    expect((await el.paging.more()).length).to.equal(LIMIT);
    expect(el.paging.error).to.be.undefined;
    expect(el.paging.page.items.length).to.equal(2 * LIMIT);
  });

  it('drops a page that arrives after the list was replaced, without an error', async () => {
    const faults = new FetchFaults();
    const { el, client, orgId } = await start(faults.fetch);
    const other = await client.organizations.members(orgId, { sort: 'name', limit: 3 });
    faults.hold();
    const pending = el.paging.more();
    await waitUntil(() => memberRequests(faults) === 3, 'the next page to be asked for');
    el.paging.reset(other, () => Promise.reject(new Error('not called')));
    faults.pass();
    expect(await pending).to.deep.equal([]);
    expect(el.paging.page.items.map((member) => member.partnerId)).to.deep.equal(other.items.map((member) => member.partnerId));
    expect(el.paging.loading).to.be.false;
    expect(el.paging.error).to.be.undefined;
    expect(el.errors).to.deep.equal([]);
  });
});
