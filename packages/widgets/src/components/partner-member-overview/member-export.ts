// The CSV export of <partner-member-overview>: a task that runs only when the user asks, walks every page of the
// filtered list and offers it as a file (the file itself is member-csv.ts's).
import { initialState, Task, TaskStatus } from '@lit/task';
import type { MemberQuery } from '@poly-partner/contract';
import type { PartnerClient } from '@poly-partner/sdk';
import { html, type ReactiveControllerHost } from 'lit';
import { msg, renderInLocale, str, type Locale } from '../../localization/localization.js';
import { downloadCsv } from '../../internal/csv.js';
import { formatNumber } from '../../internal/format.js';
import { asPartnerApiError, errorMessage } from '../../internal/state-view.js';
import { memberCsv, type MemberCsvOptions } from './member-csv.js';

/** Members per request: the most the API allows. */
const EXPORT_PAGE_SIZE = 500;

/** One export: the list's query, and what the file says about it. */
export interface MemberExport {
  client: PartnerClient;
  orgId: string;
  query: MemberQuery;
  /** The widget's locale: the file's headings and values are in its language. */
  locale: Locale;
  csv: MemberCsvOptions;
}

export type MemberExportTask = Task<readonly [MemberExport | undefined], number>;

/** Walks every page of the list (500 members per request) and offers it as a CSV file; its value is how many members. */
export function memberExportTask(
  host: ReactiveControllerHost,
  job: () => MemberExport | undefined,
  onError: (error: unknown) => void,
): MemberExportTask {
  return new Task(host, {
    autoRun: false,
    args: () => [job()] as const,
    task: async ([job], { signal }) => {
      if (!job) return initialState;
      try {
        const members = await job.client.organizations.members(job.orgId, { ...job.query, limit: EXPORT_PAGE_SIZE }, { signal }).all({ signal });
        // Outside a render, so say which language the file is in.
        const csv = renderInLocale(job.locale, () => memberCsv(members, job.csv));
        downloadCsv(csv.text, csv.fileName);
        return members.length;
      } catch (error) {
        // Cancelled (the widget left the page): not a failure.
        if (signal.aborted) return initialState;
        throw error;
      }
    },
    onError,
  });
}

/** The export button, and what the export did (announced). */
export function renderExport(task: MemberExportTask, lang: string) {
  return html`<div class="toolbar__export">
    <button type="button" part="export-button" ?disabled=${task.status === TaskStatus.PENDING} aria-describedby="export-status" @click=${() => task.run()}>
      ${msg('Export CSV', { id: 'memberOverview.export' })}
    </button>
    <span id="export-status" class="export-status" role="status">${task.render({
      pending: () => msg('Exporting…', { id: 'memberOverview.exporting' }),
      complete: (count) => msg(str`Exported ${formatNumber(count, lang)} members.`, { id: 'memberOverview.exported' }),
      error: (error) => html`<span class="error-text">${errorMessage(asPartnerApiError(error))}</span>`,
    })}</span>
  </div>`;
}
