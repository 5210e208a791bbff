// The member overview's CSV export task on its own, in a small Lit host, on the real sandbox: it runs only when
// asked, walks every page of the list into one file in the list's order, and a cancelled export is no failure.
import { TaskStatus } from '@lit/task';
import { expect, fixture, fixtureCleanup, html, waitUntil } from '@open-wc/testing';
import type { MemberQuery } from '@poly-partner/contract';
import type { PartnerClient } from '@poly-partner/sdk';
import { LitElement } from 'lit';
import { memberExportTask, type MemberExport } from '../src/components/partner-member-overview/member-export.js';
import { FetchFaults } from '../../../test/support/browser/fetch-faults.js';
import { parseCsv } from './support/csv-parse.js';
import { clientFor, sandboxConfig, startSandboxFirst } from '../../../test/support/browser/sandbox.js';

class ExportHost extends LitElement {
  job?: MemberExport;
  readonly errors: unknown[] = [];
  readonly exporting = memberExportTask(this, () => this.job, (error) => this.errors.push(error));
}
customElements.define('member-export-host', ExportHost);

const QUERY: MemberQuery = { tier: 'silver', sort: 'name' };

async function setUp(fetch?: typeof globalThis.fetch): Promise<{ el: ExportHost; client: PartnerClient; orgId: string; faults: FetchFaults }> {
  const faults = new FetchFaults();
  const { orgId } = (await sandboxConfig()).credentials.organizations[0]!;
  const client = await clientFor({ orgId }, { fetch: fetch ?? faults.fetch });
  const el = await fixture<ExportHost>(html`<member-export-host></member-export-host>`);
  const [organization, summary, policy] = await Promise.all([client.organizations.get(orgId), client.organizations.summary(orgId), client.program.get()]);
  el.job = { client, orgId, query: QUERY, locale: 'en', csv: { lang: 'en', policy, organizationName: organization.name, asOf: summary.asOf } };
  return { el, client, orgId, faults };
}

/** The files the export offered, without the browser saving them. */
async function capture(work: () => Promise<unknown>): Promise<Blob[]> {
  const blobs: Blob[] = [];
  const create = URL.createObjectURL;
  const click = HTMLAnchorElement.prototype.click;
  URL.createObjectURL = (blob: Blob | MediaSource) => {
    blobs.push(blob as Blob);
    return create.call(URL, blob);
  };
  HTMLAnchorElement.prototype.click = () => undefined;
  try {
    await work();
  } finally {
    URL.createObjectURL = create;
    HTMLAnchorElement.prototype.click = click;
  }
  return blobs;
}

describe('memberExportTask', function () {
  before(startSandboxFirst);
  afterEach(() => fixtureCleanup());

  it('asks for nothing until run, then offers every member of the list, in its order, as one file', async () => {
    const { el, client, orgId, faults } = await setUp();
    await el.updateComplete;
    expect(faults.seen.filter((path) => path.endsWith('/members')), 'no request before the user asks').to.deep.equal([]);
    const expected = await client.organizations.members(orgId, { ...QUERY, limit: 500 }).all();
    expect(expected.length, 'more than one page of 500').to.be.greaterThan(500);

    const blobs = await capture(() => el.exporting.run());
    expect(el.exporting.value).to.equal(expected.length);
    expect(blobs).to.have.length(1);
    const [header, ...rows] = parseCsv((await blobs[0]!.text()).replace(/^\uFEFF/, ''), ',');
    expect(header![1]).to.equal('Partner ID');
    expect(rows.map((row) => row[1])).to.deep.equal(expected.map((member) => member.partnerId));
    expect(el.errors).to.deep.equal([]);
  });

  it('ends a cancelled export quietly: no file, no error, ready to run again', async () => {
    const { el, faults } = await setUp();
    faults.hold();
    const blobs = await capture(async () => {
      const run = el.exporting.run();
      await waitUntil(() => faults.seen.some((path) => path.endsWith('/members')), 'the export to ask for members');
      el.exporting.abort();
      await run;
    });
    faults.pass();
    expect(blobs).to.deep.equal([]);
    expect(el.exporting.status, 'back to its initial state').to.equal(TaskStatus.INITIAL);
    expect(el.errors).to.deep.equal([]);
  });
});
