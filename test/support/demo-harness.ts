// End-to-end harness for the demo sites: one real sandbox, the demo built and served by Vite's preview server
// (with its token-minting backend), and one Chromium; plus pages that record every console error, page error,
// failed request, HTTP error and CSP violation, so a test can assert that a site ran cleanly.
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startSandbox, type Credentials } from '@poly-partner/sandbox';
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from 'playwright';
import { build, preview, type PreviewServer } from 'vite';
// @ts-expect-error -- a plain ESM config without type declarations; it exports the launch options every suite shares.
import { chromiumLaunchOptions } from '../../web-test-runner.config.mjs';

const root = fileURLToPath(new URL('../../', import.meta.url));
const configFile = join(root, 'vite.config.ts');

/** Everything a browser-side problem can be; each test expects all of them empty. */
export interface PageProblems {
  console: string[];
  pageErrors: string[];
  failedRequests: string[];
  httpErrors: string[];
  cspViolations: string[];
}

export interface DemoPage {
  page: Page;
  context: BrowserContext;
  /** What went wrong so far on this page, across navigations. */
  problems(): Promise<PageProblems>;
  close(): Promise<void>;
}

export interface OpenPageOptions {
  /** Width of the viewport; screenshots are taken 1280 wide. */
  width?: number;
  height?: number;
  /** Runs before the page loads: the place to `page.route` a fault in. */
  beforeNavigation?: (page: Page) => Promise<unknown>;
}

export interface DemoHarness {
  /** The demo server's origin, e.g. `http://127.0.0.1:41234`; the sandbox allows it. */
  origin: string;
  /** The sandbox's demo credentials, as its `credentials.json`. */
  credentials: Credentials;
  /** GET on the sandbox API with a secret key: the ground truth the pages are compared with. */
  api<T>(path: string, secretKey: string): Promise<T>;
  /** A page in a fresh browser context (own storage, so the language choice of one test does not leak). */
  openPage(path: string, options?: OpenPageOptions): Promise<DemoPage>;
  close(): Promise<void>;
}

/** A port nobody listens on now; picked before the sandbox starts, because the sandbox must know the demo's origin. */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (!address || typeof address === 'string') throw new Error('No port');
  return address.port;
}

export async function startDemoHarness(): Promise<DemoHarness> {
  // The marketing site loads the script-tag bundle the way a partner's site would: built, not from source.
  if (!existsSync(join(root, 'packages/widgets/dist/embed.js'))) {
    throw new Error('packages/widgets/dist/embed.js is missing: run `pnpm build` (or `npx vite build --config packages/widgets/vite.config.ts`) first');
  }
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  const workDir = await mkdtemp(join(tmpdir(), 'poly-demo-e2e-'));
  const credentialsFile = join(workDir, 'credentials.json');
  // Read by vite.config.ts when Vite loads it, and by the demo backend on every request.
  process.env.POLY_SANDBOX_CREDENTIALS = credentialsFile;
  // Built into a temporary folder, not demo/dist: a `pnpm start` running meanwhile serves demo/dist.
  const outDir = join(workDir, 'dist');

  // Rolldown builds on its own threads and Chromium starts in its own process, so both overlap with seeding
  // (which holds the event loop).
  const building = build({ configFile, logLevel: 'warn', build: { outDir, emptyOutDir: true } });
  const launching = chromium.launch(chromiumLaunchOptions);
  let sandbox: Awaited<ReturnType<typeof startSandbox>> | undefined;
  let server: PreviewServer | undefined;

  // In this order: the browser first (its keep-alive connections would hold the server open), then the demo server,
  // the sandbox and the temporary folder. A failing step is reported and the rest still run.
  const close = async () => {
    const steps: (() => Promise<unknown> | undefined)[] = [
      async () => (await launching.catch(() => undefined))?.close(),
      () => server?.close(),
      () => sandbox?.close(),
      async () => {
        await building.catch(() => undefined);
        await rm(workDir, { recursive: true, force: true });
      },
    ];
    for (const step of steps) await Promise.resolve(step()).catch((error: unknown) => console.error('demo harness: cleanup failed', error));
  };

  try {
    sandbox = await startSandbox({ port: 0, db: ':memory:', resellers: 15_000, allowedOrigins: [origin], quiet: true });
    await writeFile(credentialsFile, JSON.stringify(sandbox.credentials, null, 2));
    const browser = await launching;
    await building;
    server = await preview({
      configFile,
      logLevel: 'warn',
      build: { outDir },
      preview: { host: '127.0.0.1', port, strictPort: true },
    });
    const api = sandbox.url;
    return {
      origin,
      credentials: sandbox.credentials,
      async api<T>(path: string, secretKey: string) {
        const response = await fetch(`${api}${path}`, { headers: { authorization: `Bearer ${secretKey}` } });
        if (!response.ok) throw new Error(`GET ${path} answered ${response.status}: ${await response.text()}`);
        return (await response.json()) as T;
      },
      openPage: (path, options) => openPage(browser, `${origin}${path}`, options),
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}

async function openPage(browser: Browser, url: string, options: OpenPageOptions = {}): Promise<DemoPage> {
  const context = await browser.newContext({
    viewport: { width: options.width ?? 1280, height: options.height ?? 900 },
    locale: 'en-US',
    timezoneId: 'Europe/Berlin',
  });
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  const problems = { console: [] as string[], pageErrors: [] as string[], failedRequests: [] as string[], httpErrors: [] as string[] };
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') {
      problems.console.push(`${message.type()}: ${message.text()} (${message.location().url})`);
    }
  });
  page.on('pageerror', (error) => problems.pageErrors.push(String(error)));
  page.on('response', (response) => {
    if (response.status() >= 400) problems.httpErrors.push(`${response.request().method()} ${response.url()}: HTTP ${response.status()}`);
  });
  page.on('requestfailed', (request) => {
    problems.failedRequests.push(`${request.method()} ${request.url()}: ${request.failure()?.errorText ?? 'failed'}`);
  });
  // Both run through the DevTools protocol, so the page's CSP (no inline scripts) does not apply to them; the binding
  // carries each violation out at once, so none is lost when the page navigates.
  const cspViolations: string[] = [];
  await page.exposeFunction('__reportCspViolation', (text: string) => cspViolations.push(text));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      const report = (window as unknown as { __reportCspViolation(text: string): void }).__reportCspViolation;
      report(`${event.violatedDirective} blocked ${event.blockedURI || 'inline'} (${event.sourceFile}:${event.lineNumber})`);
    });
  });
  await options.beforeNavigation?.(page);
  await page.goto(url);
  return {
    page,
    context,
    async problems() {
      return { ...problems, cspViolations: [...cspViolations] };
    },
    close: () => context.close(),
  };
}

/** Text of a widget as a user reads it: its shadow root's text, nested widgets' shadow roots included. */
export function widgetText(page: Page, selector: string): Promise<string> {
  // No named inner functions here: tsx would wrap them in a helper that does not exist in the page.
  return page.locator(selector).first().evaluate((host) => {
    let text = '';
    const stack: Node[] = [host];
    while (stack.length > 0) {
      const node = stack.pop()!;
      if (node.nodeType === Node.TEXT_NODE) {
        text += ` ${node.textContent ?? ''}`;
        continue;
      }
      if (node instanceof Element && (node.localName === 'style' || node.localName === 'script')) continue;
      const children = [...(node instanceof Element && node.shadowRoot ? [node.shadowRoot] : []), ...node.childNodes];
      stack.push(...children.reverse());
    }
    return text.replace(/\s+/g, ' ').trim();
  });
}

/**
 * Full-page screenshot, 1280 wide; or, given a phone's `width` (390), what the phone's screen shows first: into
 * docs/screenshots/ with UPDATE_SCREENSHOTS=1, else test-results/screenshots/.
 */
export async function saveScreenshot(page: Page, name: string, width?: number): Promise<string> {
  const folder = screenshotFolder();
  await mkdir(folder, { recursive: true });
  const path = join(folder, `${name}.png`);
  await page.setViewportSize({ width: width ?? 1280, height: page.viewportSize()?.height ?? 900 });
  await page.screenshot({ path, fullPage: width === undefined, animations: 'disabled' });
  return path;
}

/**
 * One element's box (a widget, or a part of one through its shadow root), into the folder `saveScreenshot` uses;
 * with `until`, only from the element's top to the bottom of `until` (an element inside it).
 */
export async function saveElementScreenshot(locator: Locator, name: string, until?: Locator): Promise<string> {
  const folder = screenshotFolder();
  await mkdir(folder, { recursive: true });
  const path = join(folder, `${name}.png`);
  if (!until) {
    await locator.screenshot({ path, animations: 'disabled' });
    return path;
  }
  const page = locator.page();
  // Page coordinates: at the top of the page, the boxes' viewport coordinates are the page's.
  await page.evaluate(() => window.scrollTo(0, 0));
  const [box, end] = await Promise.all([locator.boundingBox(), until.boundingBox()]);
  if (!box || !end) throw new Error(`${name}: nothing to take a screenshot of`);
  await page.screenshot({ path, fullPage: true, animations: 'disabled', clip: { x: box.x, y: box.y, width: box.width, height: end.y + end.height - box.y } });
  return path;
}

function screenshotFolder(): string {
  return process.env.UPDATE_SCREENSHOTS === '1' ? join(root, 'docs/screenshots') : join(root, 'test-results/screenshots');
}
