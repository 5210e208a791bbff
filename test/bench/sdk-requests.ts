// The SDK's request counts for a page of six partner widgets, without and with dedup + ETag, and the bytes of its
// answers on the wire without and with compression (bodyBytes* are content-length, as sent): runs
// packages/sdk/scripts/measure.ts (which starts its own small sandbox) and reads the JSON line it prints last.
import { spawn } from 'node:child_process';

export interface PageRequests {
  firstRender: number;
  reRender: number;
  notModified: number;
  bodyBytesFirst: number;
  bodyBytesReRender: number;
}

export interface SdkFigures {
  /** No dedup, no ETag, no compression. */
  without: PageRequests;
  /** Dedup + ETag, no compression. */
  withCache: PageRequests;
  /** Dedup + ETag, answers compressed as a browser accepts them (`br, gzip`). */
  compressed: PageRequests;
}

export function measureSdkRequests(timeoutMs = 120_000): Promise<SdkFigures> {
  const script = new URL('../../packages/sdk/scripts/measure.ts', import.meta.url).pathname;
  const root = new URL('../../', import.meta.url).pathname;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', script], { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    const timer = setTimeout(() => child.kill(), timeoutMs);
    child.once('exit', (code) => {
      clearTimeout(timer);
      const last = output.trim().split('\n').reverse().find((line) => line.startsWith('{'));
      if (code !== 0 || !last) return reject(new Error(`packages/sdk/scripts/measure.ts exited with ${code}:\n${output.slice(-2000)}`));
      const { without, withCache, compressed } = JSON.parse(last) as SdkFigures;
      resolve({ without, withCache, compressed });
    });
  });
}
