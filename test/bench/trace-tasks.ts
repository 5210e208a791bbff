// Main-thread tasks of a bench page from a Chromium trace, with their wall time and their CPU (thread) time: a busy
// machine stretches a task's wall time while it waits for a core, but not its CPU time. Used by `browser.ts` (the
// CPU time of each widget's longest first-render task, beside the wall time the goal judges) and by `trace.ts`.
import type { Browser, Page } from 'playwright';

export interface TraceEvent {
  name: string;
  cat: string;
  ph: string;
  ts: number;
  dur?: number;
  /** Thread (CPU) time: unlike `dur`, not inflated while the thread waits for a core on a busy machine. */
  tdur?: number;
  pid: number;
  tid: number;
  args?: { name?: string; data?: Record<string, unknown> } & Record<string, unknown>;
}

/** Enough to see tasks and their thread time, and the user-timing mark that ties page time to trace time. */
export const TASK_CATEGORIES = ['toplevel', 'blink.user_timing'];

/** The name of the mark `markTraceSync` sets. */
const SYNC_MARK = 'bench-trace-sync';

/** Sets a performance mark, whose page time (returned) and trace timestamp together map page times onto the trace. */
export function markTraceSync(page: Page): Promise<number> {
  return page.evaluate((name) => performance.mark(name).startTime, SYNC_MARK);
}

/** Complete events from B/E pairs too, so every event has a duration. */
export function completeEvents(events: TraceEvent[]): TraceEvent[] {
  const result: TraceEvent[] = [];
  const open = new Map<string, TraceEvent[]>();
  for (const event of events) {
    if (event.ph === 'X') result.push(event);
    else if (event.ph === 'B') {
      const key = `${event.pid}:${event.tid}`;
      (open.get(key) ?? open.set(key, []).get(key)!).push(event);
    } else if (event.ph === 'E') {
      const begin = open.get(`${event.pid}:${event.tid}`)?.pop();
      if (begin) {
        const tts = (begin as { tts?: number }).tts;
        const endTts = (event as { tts?: number }).tts;
        const tdur = tts !== undefined && endTts !== undefined ? endTts - tts : undefined;
        result.push({ ...begin, ph: 'X', dur: event.ts - begin.ts, ...(tdur === undefined ? {} : { tdur }), args: { ...begin.args, ...event.args } });
      }
    }
  }
  return result;
}

export interface MainThread {
  /** Every event of the page's main thread (the thread that set the sync mark), complete with durations. */
  events: TraceEvent[];
  /** Its id as `pid:tid`, and its pid (for the JS samples of its process). */
  key: string;
  pid: number;
  /** Trace timestamp (µs) -> page time (ms, as performance.now()). */
  toPage(ts: number): number;
}

/** The page's main thread in a parsed trace, found by the sync mark set at page time `markAt`. */
export function mainThread(all: TraceEvent[], markAt: number): MainThread | undefined {
  const mark = all.find((event) => event.name === SYNC_MARK);
  if (!mark) return undefined;
  const key = `${mark.pid}:${mark.tid}`;
  return {
    events: completeEvents(all.filter((event) => `${event.pid}:${event.tid}` === key)),
    key,
    pid: mark.pid,
    toPage: (ts) => (ts - mark.ts) / 1000 + markAt,
  };
}

/** The outermost tasks of the thread that overlap page times `from`–`to`, longest (wall) first. */
export function tasksWithin(thread: MainThread, from: number, to: number): TraceEvent[] {
  // RunTask events nest (the thread controller's, then the scheduler's): keep the outermost.
  let outerEnd = -1;
  return thread.events
    .filter((event) => event.name === 'ThreadControllerImpl::RunTask' || event.name === 'RunTask')
    .sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0))
    .filter((event) => {
      if (event.ts < outerEnd) return false;
      outerEnd = event.ts + (event.dur ?? 0);
      return true;
    })
    .filter((event) => thread.toPage(event.ts + (event.dur ?? 0)) >= from && thread.toPage(event.ts) <= to)
    .sort((a, b) => (b.dur ?? 0) - (a.dur ?? 0));
}

/** Stops the page's trace and parses it. */
export async function stopTrace(browser: Browser): Promise<TraceEvent[]> {
  const trace = JSON.parse((await browser.stopTracing()).toString('utf8')) as { traceEvents: TraceEvent[] } | TraceEvent[];
  return Array.isArray(trace) ? trace : trace.traceEvents;
}
