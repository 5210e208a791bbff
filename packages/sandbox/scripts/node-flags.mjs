// The Node.js flags the sandbox runs with wherever it is launched: the bin's shebang (written by scripts/build.mjs),
// hence `pnpm sandbox`, which runs the bin; `pnpm start`; and the bench's child process (test/bench/sandbox.ts).
//
// --max-semi-space-size=4: under a few thousand requests a second V8 grows its young generation, where the garbage of
// each request lives and dies, to its default limit of 16 MB per semi-space, and keeps it: ~30 MB more resident
// memory for objects that live for microseconds (`heapTotal` 13 → 50 MB while live objects stay ~15 MB). Capped at
// 4 MB, the young generation stays small and is collected more often; that cost did not show above the noise of
// this shared machine (see test/bench/README.md).
export const SANDBOX_NODE_FLAGS = ['--max-semi-space-size=4'];
