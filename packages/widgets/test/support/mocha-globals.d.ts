// The Mocha globals web-test-runner provides in the browser; @types/mocha is not installed in the workspace.
type MochaHook = (this: { timeout(ms: number): void }) => void | Promise<unknown>;
declare function describe(title: string, body: () => void): void;
declare function it(title: string, test: (this: { timeout(ms: number): void }) => void | Promise<unknown>): void;
declare function before(hook: MochaHook): void;
declare function after(hook: MochaHook): void;
declare function beforeEach(hook: MochaHook): void;
declare function afterEach(hook: MochaHook): void;
