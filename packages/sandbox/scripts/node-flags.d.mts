// Types of node-flags.mjs (plain JavaScript, so that scripts/start.mjs and the build can import it too).
export declare const SANDBOX_NODE_FLAGS: readonly string[];
