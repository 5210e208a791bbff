// The Node.js flags the sandbox runs with wherever it is launched: the bin's shebang (written by scripts/build.mjs),
// hence `pnpm sandbox`, which runs the bin; `pnpm start`; and the bench's child process (test/bench/sandbox.ts).
// They keep a busy sandbox's V8 heap near what is live in it (~10 MB) instead of V8's defaults, which suit processes
// that trade memory for throughput. Their cost did not show above the noise of this shared machine
// (test/bench/sandbox-flags.ts compares them with Node's defaults: CPU time per request, req/s, RSS).
export const SANDBOX_NODE_FLAGS = [
  // Under a few thousand requests a second V8 grows its young generation, where the garbage of each request lives
  // and dies, to 16 MB per semi-space, and keeps it: ~30 MB more resident memory for objects that live microseconds.
  '--max-semi-space-size=4',
  // Objects of requests still in flight at a scavenge move to the old generation and die there. V8 lets it grow to
  // up to ~4 × the live size before collecting it (old space swung between 24 and 35 MB with 10 MB live, and RSS with
  // it); 1.2 × keeps it at 15–17 MB.
  '--heap-growing-percent=20',
];
