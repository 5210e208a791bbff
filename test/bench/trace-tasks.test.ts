// The task extraction behind the bench's CPU figures (trace-tasks.ts), on small hand-made traces: which events count
// as a page's tasks, in which window, and with which wall and CPU time.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { completeEvents, mainThread, tasksWithin, type TraceEvent } from './trace-tasks.js';

const MAIN = { pid: 1, tid: 10 };
const OTHER = { pid: 1, tid: 11 };
/** A complete event; times in ms (traces use µs). */
const task = (name: string, startMs: number, wallMs: number, cpuMs: number, thread = MAIN): TraceEvent => ({
  name, cat: 'toplevel', ph: 'X', ts: startMs * 1000, dur: wallMs * 1000, tdur: cpuMs * 1000, ...thread,
});
/** The sync mark at trace time 1,000 ms, set at page time 400 ms: page time = trace time − 600 ms. */
const mark: TraceEvent = { name: 'bench-trace-sync', cat: 'blink.user_timing', ph: 'R', ts: 1_000_000, ...MAIN };

describe('trace tasks (bench CPU figures)', () => {
  test('begin/end pairs become complete events, with CPU time from their thread timestamps', () => {
    const events = completeEvents([
      { name: 'RunTask', cat: 'toplevel', ph: 'B', ts: 5_000, tts: 100, ...MAIN } as TraceEvent,
      { name: 'RunTask', cat: 'toplevel', ph: 'E', ts: 65_000, tts: 20_100, ...MAIN } as TraceEvent,
    ]);
    assert.equal(events.length, 1);
    assert.equal(events[0]!.dur, 60_000);
    assert.equal(events[0]!.tdur, 20_000);
  });

  test("the page's main thread is the mark's, and its times map onto page time", () => {
    const thread = mainThread([mark, task('RunTask', 1_100, 10, 5), task('RunTask', 1_100, 70, 60, OTHER)], 400);
    assert.ok(thread);
    assert.equal(thread.key, '1:10');
    assert.deepEqual(thread.events.filter((event) => event.name === 'RunTask').map((event) => event.dur), [10_000]);
    assert.equal(thread.toPage(1_100_000), 500);
    assert.equal(mainThread([task('RunTask', 0, 1, 1)], 0), undefined, 'no mark, no thread');
  });

  test('tasks: outermost only, overlapping the window, longest wall first, each with its own CPU time', () => {
    const thread = mainThread([
      mark,
      task('ThreadControllerImpl::RunTask', 1_200, 80, 30), // page 600–680
      task('RunTask', 1_205, 70, 28), // nested in the one above: not a task of its own
      task('ThreadControllerImpl::RunTask', 1_300, 20, 19), // page 700–720
      task('ThreadControllerImpl::RunTask', 1_090, 15, 10), // page 490–505: ends before the window
      task('ThreadControllerImpl::RunTask', 1_395, 40, 40), // page 795–835: starts inside the window
      task('ThreadControllerImpl::RunTask', 1_500, 90, 90), // page 900–990: after it
      task('ParseHTML', 1_310, 5, 5), // not a task
    ], 400)!;
    const tasks = tasksWithin(thread, 550, 800);
    assert.deepEqual(tasks.map((entry) => [entry.dur! / 1000, entry.tdur! / 1000]), [[80, 30], [40, 40], [20, 19]]);
  });
});
