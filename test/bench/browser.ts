// Browser figures for `pnpm bench`: the BUILT script-tag bundle (dist/embed.js, Lit in production mode) on tiny
// pages served from 127.0.0.1, talking to the real sandbox, in headless Chromium. Times from connection to first
// content per widget, the member overview's paint/rows/filter/scroll, long tasks, JS heap, and requests per resource.
import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright';
// @ts-expect-error -- a plain ESM config without type declarations; it exports the launch options every suite shares.
import { chromiumLaunchOptions } from '../../web-test-runner.config.mjs';
import type { BenchSandbox } from './sandbox.js';
import { mainThread, markTraceSync, stopTrace, TASK_CATEGORIES, tasksWithin } from './trace-tasks.js';

const dist = new URL('../../packages/widgets/dist/', import.meta.url).pathname;

export const PARTNER_WIDGETS = ['partner-tier-badge', 'next-tier-checklist', 'partner-deal-list', 'deal-registration-form'] as const;
export const OVERVIEW = 'partner-member-overview';
const EVERY_WIDGET = [...PARTNER_WIDGETS, OVERVIEW];

/** How long any one wait in a page may take; a bench that hangs tells nobody anything. */
const WAIT_MS = 20_000;

/** The static server: pages, the built bundle, and a token endpoint that mints embed tokens like a host's backend. */
export interface PageServer {
  origin: string;
  /** Tell the server which sandbox to mint tokens from (it starts before the sandbox, which must know its origin). */
  use(sandbox: BenchSandbox): void;
  close(): Promise<void>;
}

/** `distDir`: the built widgets to serve (another build's copy, to compare two builds side by side in one run). */
export async function startPageServer(distDir = dist): Promise<PageServer> {
  let sandbox: BenchSandbox | undefined;
  const server: Server = createServer(async (request, response) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    try {
      if (request.method === 'POST' && url.pathname === '/token') {
        const chunks: Buffer[] = [];
        for await (const chunk of request) chunks.push(chunk as Buffer);
        const subject = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') as { partnerId?: string; orgId?: string };
        const secretKey = subject.orgId ? sandbox!.orgKey(subject.orgId) : sandbox!.credentials.resellers[0]!.secretKey;
        const minted = await fetch(`${sandbox!.url}/v1/embed-tokens`, {
          method: 'POST',
          headers: { authorization: `Bearer ${secretKey}`, 'content-type': 'application/json' },
          body: JSON.stringify({ origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, subject: subject.orgId ? { orgId: subject.orgId } : { partnerId: subject.partnerId } }),
        });
        response.writeHead(minted.status, { 'content-type': 'application/json' }).end(await minted.text());
        return;
      }
      if (url.pathname === '/blank') {
        response.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><title>blank</title><body></body>');
        return;
      }
      if (url.pathname === '/page') {
        response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(pageHtml(url.searchParams, sandbox!));
        return;
      }
      const file = normalize(join(distDir, url.pathname));
      if (!file.startsWith(distDir) || !['.js', '.map'].includes(extname(file))) throw Object.assign(new Error('not found'), { code: 'ENOENT' });
      response.writeHead(200, { 'content-type': 'text/javascript' }).end(await readFile(file));
    } catch (error) {
      const missing = (error as { code?: string }).code === 'ENOENT';
      response.writeHead(missing ? 404 : 500, { 'content-type': 'text/plain' }).end(missing ? 'not found' : String(error));
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    use: (value) => void (sandbox = value),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/**
 * A page with the widgets named in `widgets` (comma-separated); partner widgets under one `<partner-config>` for the
 * demo reseller, the member overview under one for `org`. The inline script runs before the bundle and records, per
 * tag, when it was defined (its elements connected), when `partner-ready` fired, and when the frame after it painted.
 */
function pageHtml(params: URLSearchParams, sandbox: BenchSandbox): string {
  const widgets = (params.get('widgets') ?? '').split(',').filter(Boolean);
  const partnerId = sandbox.credentials.resellers[0]!.partnerId;
  const partnerTags = widgets.filter((tag) => tag !== OVERVIEW);
  const config = (subject: string, inner: string) =>
    `<partner-config environment="sandbox" api-base="${sandbox.url}" token-endpoint="/token" ${subject} lang="en">${inner}</partner-config>`;
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>bench</title>
<script>
window.__bench = { longTasks: [], connected: {}, ready: {}, painted: {} };
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) __bench.longTasks.push({ start: entry.startTime, duration: entry.duration });
}).observe({ type: 'longtask', buffered: true });
for (const tag of ${JSON.stringify(widgets)}) customElements.whenDefined(tag).then(() => { __bench.connected[tag] = performance.now(); });
// The first frame in which the widget shows content (for the overview: member rows), then the moment after it painted.
const hasContent = (element) => element.localName !== '${OVERVIEW}' ||
  element.shadowRoot.querySelectorAll('[role=row]:not(.row--head)').length > 0;
document.addEventListener('partner-ready', (event) => {
  const element = event.target, tag = element.localName;
  if (tag in __bench.ready) return;
  __bench.ready[tag] = performance.now();
  let frames = 0;
  const frame = () => {
    if (!hasContent(element) && ++frames < 600) return requestAnimationFrame(frame);
    const channel = new MessageChannel();
    channel.port1.onmessage = () => { __bench.painted[tag] = performance.now(); };
    channel.port2.postMessage(0);
  };
  requestAnimationFrame(frame);
}, true);
</script>
<script type="module" src="/embed.js"></script>
<style>partner-member-overview { display: block; }</style>
</head><body>
${partnerTags.length ? config(`partner-id="${partnerId}"`, partnerTags.map((tag) => `<${tag}></${tag}>`).join('\n')) : ''}
${widgets.includes(OVERVIEW) ? config(`org-id="${params.get('org')}"`, `<${OVERVIEW}></${OVERVIEW}>`) : ''}
</body></html>`;
}

export interface PageTimes {
  longTasks: { start: number; duration: number }[];
  connected: Record<string, number>;
  ready: Record<string, number>;
  painted: Record<string, number>;
}

const round = (value: number, digits = 1) => Math.round(value * 10 ** digits) / 10 ** digits;

/** Long tasks overlapping [from, to] in the page's timeline. */
export function longTasksWithin(times: PageTimes, from: number, to: number) {
  const tasks = times.longTasks.filter((task) => task.start + task.duration >= from && task.start <= to);
  return { count: tasks.length, longestMs: round(Math.max(0, ...tasks.map((task) => task.duration))) };
}

/** Waits until each of `tags` has painted its first content; the page's times then. */
export async function waitForPainted(page: Page, tags: string[]): Promise<PageTimes> {
  await page.waitForFunction(
    (expected) => expected.every((tag) => tag in (window as unknown as { __bench: PageTimes }).__bench.painted),
    tags,
    { timeout: WAIT_MS, polling: 50 },
  );
  return page.evaluate(() => (window as unknown as { __bench: PageTimes }).__bench);
}

/** JS heap in use after a full garbage collection, in bytes. */
async function heapUsed(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  await cdp.detach();
  return usedSize;
}

const MB = 1024 * 1024;

export interface OverviewFigures {
  org: string;
  members: number;
  connectedToReadyMs: number;
  /** From the last API answer the first render needed to the frame with member rows painted. */
  firstRowsAfterDataMs: number;
  domRowsFirst: number;
  firstRenderLongTasks: { count: number; longestMs: number };
  filterRoundTripMs: number;
  filterLongTasks: { count: number; longestMs: number };
  scrolledMembers: number;
  scrollSeconds: number;
  domRowsAfterScroll: number;
  scrollLongTasks: { count: number; longestMs: number };
  heapAfterScrollMB: number;
}

export interface BrowserFigures {
  blankHeapMB: number;
  widgets: Record<string, {
    connectedToReadyMs: number;
    connectedToPaintedMs: number;
    longTasks: { count: number; longestMs: number };
    /** The same first render in a traced page: its longest task (wall) and the most CPU time any one task used. */
    traced?: TracedFirstRender;
    heapMB: number;
    heapBeyondBlankMB: number;
  }>;
  everyWidgetPage: { heapMB: number; heapBeyondBlankMB: number };
  partnerPageRequests: {
    byResource: Record<string, number>;
    total: number;
    mostPerResource: number;
    /** API answer bodies as they travelled (compressed as Chromium accepted them), and their headers, in bytes. */
    bodyBytesOnWire: number;
    headerBytes: number;
  };
  overviews: OverviewFigures[];
}

export async function measureBrowser(server: PageServer, sandbox: BenchSandbox, log: (line: string) => void): Promise<BrowserFigures> {
  const browser = await chromium.launch(chromiumLaunchOptions);
  try {
    const open = async (path: string) => {
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-US' });
      const page = await context.newPage();
      page.setDefaultTimeout(WAIT_MS);
      page.on('pageerror', (error) => log(`  page error on ${path}: ${error.message}`));
      await page.goto(`${server.origin}${path}`);
      return page;
    };
    const largest = sandbox.largestOrg();

    const blank = await open('/blank');
    const blankHeap = await heapUsed(blank);
    await blank.context().close();

    const widgets: BrowserFigures['widgets'] = {};
    for (const tag of EVERY_WIDGET) {
      const page = await open(`/page?widgets=${tag}&org=${largest.orgId}`);
      const times = await waitForPainted(page, [tag]);
      const heap = await heapUsed(page);
      widgets[tag] = {
        connectedToReadyMs: round(times.ready[tag]! - times.connected[tag]!),
        connectedToPaintedMs: round(times.painted[tag]! - times.connected[tag]!),
        longTasks: longTasksWithin(times, times.connected[tag]!, times.painted[tag]!),
        heapMB: round(heap / MB, 2),
        heapBeyondBlankMB: round((heap - blankHeap) / MB, 2),
      };
      log(`  ${tag}: ready ${widgets[tag].connectedToReadyMs} ms after connection`);
      await page.context().close();
    }

    // Each first render once more, traced: a task's CPU time is not stretched by waiting for a core, its wall time
    // (what the goal judges) is. Separate pages, as tracing costs a page some time of its own.
    for (const tag of EVERY_WIDGET) widgets[tag]!.traced = await tracedFirstRender(browser, server, `/page?widgets=${tag}&org=${largest.orgId}`, tag, sandbox.url);

    const every = await open(`/page?widgets=${EVERY_WIDGET.join(',')}&org=${largest.orgId}`);
    await waitForPainted(every, EVERY_WIDGET);
    const everyHeap = await heapUsed(every);
    await every.context().close();

    const partnerPageRequests = await requestsPerResource(browser, server, sandbox);
    const overviews = [await measureOverview(open, largest, sandbox.url, log)];
    overviews.push(await measureOverview(open, sandbox.syntheticOrg, sandbox.url, log));
    return {
      blankHeapMB: round(blankHeap / MB, 2),
      widgets,
      everyWidgetPage: { heapMB: round(everyHeap / MB, 2), heapBeyondBlankMB: round((everyHeap - blankHeap) / MB, 2) },
      partnerPageRequests,
      overviews,
    };
  } finally {
    await browser.close();
  }
}

export interface TracedFirstRender {
  longestTaskMs: number;
  mostCpuInOneTaskMs: number;
  /** The member overview only. */
  firstRowsAfterData?: { wallMs: number; cpuMs: number };
}

/** A widget's page with a trace running: its tasks from connection to first content, wall and CPU (thread) time. */
async function tracedFirstRender(browser: Browser, server: PageServer, path: string, tag: string, api: string): Promise<TracedFirstRender> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-US' });
  try {
    const page = await context.newPage();
    page.setDefaultTimeout(WAIT_MS);
    await browser.startTracing(page, { categories: TASK_CATEGORIES });
    await page.goto(`${server.origin}${path}`);
    return await tracedFigures(browser, page, await waitForPainted(page, [tag]), tag, api);
  } finally {
    await context.close();
  }
}

/**
 * Stops the trace of `page` (started before it loaded, `TASK_CATEGORIES`) and reads its tasks from the widget's
 * connection to its first content: the longest (wall) and the most CPU time one used; for the member overview also
 * the wall and CPU time from its last API answer to its first rows. Also used by compare.ts.
 */
export async function tracedFigures(browser: Browser, page: Page, times: PageTimes, tag: string, api: string): Promise<TracedFirstRender> {
  const markAt = await markTraceSync(page);
  const thread = mainThread(await stopTrace(browser), markAt);
  if (!thread) throw new Error(`the trace of ${tag}'s page has no main thread mark`);
  const painted = times.painted[tag]!;
  const tasks = tasksWithin(thread, times.connected[tag]!, painted);
  const figures: TracedFirstRender = {
    longestTaskMs: round((tasks[0]?.dur ?? 0) / 1000),
    mostCpuInOneTaskMs: round(Math.max(0, ...tasks.map((task) => task.tdur ?? 0)) / 1000),
  };
  if (tag === OVERVIEW) {
    // From its data to its first rows painted: the wall time the goal judges, and the CPU time of the tasks in it.
    const dataArrived = await lastAnswerBefore(page, painted, api);
    const afterData = tasksWithin(thread, dataArrived, painted);
    figures.firstRowsAfterData = {
      wallMs: round(painted - dataArrived),
      cpuMs: round(afterData.reduce((sum, task) => sum + (task.tdur ?? 0), 0) / 1000),
    };
  }
  return figures;
}

/**
 * The page of every partner widget for one partner: how many API requests it makes for each resource, and the bytes
 * their answers took on the wire (Playwright's request sizes: the body as received, before decompression).
 */
async function requestsPerResource(browser: Browser, server: PageServer, sandbox: BenchSandbox) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const byResource: Record<string, number> = {};
  const sizes: Promise<{ responseBodySize: number; responseHeadersSize: number }>[] = [];
  page.on('request', (request) => {
    if (!request.url().startsWith(sandbox.url) || request.method() === 'OPTIONS') return;
    const key = `${request.method()} ${new URL(request.url()).pathname}`;
    byResource[key] = (byResource[key] ?? 0) + 1;
  });
  page.on('requestfinished', (request) => {
    if (request.url().startsWith(sandbox.url) && request.method() !== 'OPTIONS') sizes.push(request.sizes());
  });
  await page.goto(`${server.origin}/page?widgets=${PARTNER_WIDGETS.join(',')}`);
  await waitForPainted(page, [...PARTNER_WIDGETS]);
  // Let late requests (a lazy second load, a re-validation) show up too.
  await page.waitForTimeout(1000);
  const answered = await Promise.all(sizes);
  await context.close();
  const counts = Object.values(byResource);
  return {
    byResource,
    total: counts.reduce((sum, n) => sum + n, 0),
    mostPerResource: Math.max(0, ...counts),
    bodyBytesOnWire: answered.reduce((sum, size) => sum + size.responseBodySize, 0),
    headerBytes: answered.reduce((sum, size) => sum + size.responseHeadersSize, 0),
  };
}

type Open = (path: string) => Promise<Page>;

/** The last API answer before `until` (for the overview: the first render needs all of them — summary, program, page). */
export function lastAnswerBefore(page: Page, until: number, api: string): Promise<number> {
  return page.evaluate(
    ({ until, api }) =>
      Math.max(0, ...performance.getEntriesByType('resource').filter((entry) => entry.name.startsWith(api) && (entry as PerformanceResourceTiming).responseEnd <= until).map((entry) => (entry as PerformanceResourceTiming).responseEnd)),
    { until, api },
  );
}

async function measureOverview(open: Open, org: { orgId: string; members: number }, api: string, log: (line: string) => void): Promise<OverviewFigures> {
  const page = await open(`/page?widgets=${OVERVIEW}&org=${org.orgId}`);
  const times = await waitForPainted(page, [OVERVIEW]);
  const tag = OVERVIEW;
  const dataArrived = await lastAnswerBefore(page, times.painted[tag]!, api);
  const rows = () =>
    page.evaluate((name) => document.querySelector(name)!.shadowRoot!.querySelectorAll('[role=row]:not(.row--head)').length, tag);
  const domRowsFirst = await rows();

  // (No named inner functions in the evaluated code: tsx would wrap them in a helper the page does not have.)
  // A filter round-trip as a user makes it: pick a tier, wait until the new list is shown and painted.
  const filter = await page.evaluate(async ({ name, waitMs }) => {
    const element = document.querySelector(name) as HTMLElement & { list?: { items: unknown[]; total: number; query: object } };
    const root = element.shadowRoot!;
    const select = root.querySelector('select[name=tier]') as HTMLSelectElement;
    const before = element.list;
    const started = performance.now();
    select.value = 'gold';
    select.dispatchEvent(new Event('change', { bubbles: true }));
    while (performance.now() - started < waitMs) {
      await new Promise((resolve) => requestAnimationFrame(resolve));
      const list = element.list;
      if (list && list !== before && 'tier' in list.query && root.querySelectorAll('[role=row]:not(.row--head)').length > 0) break;
    }
    await new Promise((resolve) => requestAnimationFrame(resolve));
    await new Promise((resolve) => setTimeout(resolve, 0));
    return { started, ended: performance.now(), total: element.list?.total ?? 0 };
  }, { name: tag, waitMs: WAIT_MS });
  const afterFilter = await page.evaluate(() => (window as unknown as { __bench: PageTimes }).__bench);

  // Back to every member, then scroll to the end, page by page, as the list loads more.
  await page.evaluate(async ({ name, waitMs }) => {
    const element = document.querySelector(name) as HTMLElement & { list?: { items: unknown[]; query: object } };
    const select = element.shadowRoot!.querySelector('select[name=tier]') as HTMLSelectElement;
    select.value = '';
    select.dispatchEvent(new Event('change', { bubbles: true }));
    const started = performance.now();
    while (performance.now() - started < waitMs && (!element.list || 'tier' in element.list.query)) await new Promise((resolve) => setTimeout(resolve, 20));
  }, { name: tag, waitMs: WAIT_MS });
  const scroll = await page.evaluate(async ({ name, budgetMs }) => {
    const element = document.querySelector(name) as HTMLElement & { list?: { items: unknown[]; total: number; nextCursor: string | null } };
    const body = element.shadowRoot!.querySelector('.grid__body') as HTMLElement;
    const started = performance.now();
    // Bounded by time and by count: at most one step per loaded page of 100, with room for retries.
    for (let step = 0; step < 2_000 && performance.now() - started < budgetMs; step++) {
      body.scrollTop = body.scrollHeight;
      await new Promise((resolve) => requestAnimationFrame(resolve));
      const list = element.list;
      if (list && list.nextCursor === null && list.items.length >= list.total) break;
    }
    await new Promise((resolve) => requestAnimationFrame(resolve));
    return { started, ended: performance.now(), loaded: element.list?.items.length ?? 0 };
  }, { name: tag, budgetMs: 90_000 });
  const domRowsAfterScroll = await rows();
  const final = await page.evaluate(() => (window as unknown as { __bench: PageTimes }).__bench);
  const heap = await heapUsed(page);
  await page.context().close();
  log(`  overview of ${org.members} members: rows ${round(times.painted[tag]! - dataArrived)} ms after data, scrolled ${scroll.loaded} in ${round((scroll.ended - scroll.started) / 1000)} s`);
  return {
    org: org.orgId,
    members: org.members,
    connectedToReadyMs: round(times.ready[tag]! - times.connected[tag]!),
    firstRowsAfterDataMs: round(times.painted[tag]! - dataArrived),
    domRowsFirst,
    firstRenderLongTasks: longTasksWithin(times, times.connected[tag]!, times.painted[tag]!),
    filterRoundTripMs: round(filter.ended - filter.started),
    filterLongTasks: longTasksWithin(afterFilter, filter.started, filter.ended),
    scrolledMembers: scroll.loaded,
    scrollSeconds: round((scroll.ended - scroll.started) / 1000),
    domRowsAfterScroll,
    scrollLongTasks: longTasksWithin(final, scroll.started, scroll.ended),
    heapAfterScrollMB: round(heap / MB, 2),
  };
}
