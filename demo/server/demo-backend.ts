// The demo host sites' tiny backend, as a Vite plugin for the dev and preview servers:
// it holds the sandbox's secret keys and mints short-lived embed tokens, so no secret reaches the browser.
//   GET  /api/demo-config                      -> what the pages may know: API base, demo partner/org ids, publishable key
//   POST /api/embed-token?partner=<id>|org=<id> -> { token, expiresAt } for the page's own origin; only for a same-origin
//                                                POST from a page of this server (its Origin), never a cross-site one
//   GET  /widgets/*                            -> the built script-tag bundle (packages/widgets/dist), as a CDN would serve it
//   GET  /marketing-site/                      -> the plain-HTML marketing page with the sandbox's partner id and
//                                                publishable key filled in (a real site pastes its own into the HTML)
//   POST /api/webhooks/<orgId>, GET /api/events?org=<id>, POST /api/clock
//                                             -> the aggregator portal's event feed and the sandbox clock (event-feed.ts)
// It also sends the strict Content Security Policy every widget must work under.
import { readFile } from 'node:fs/promises';
import { extname, isAbsolute, join, normalize } from 'node:path';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Credentials } from '@poly-partner/sandbox';
import type { Plugin } from 'vite';
import type { EventFeed } from './event-feed.js';

/** The strict policy of issue 5, plus the sandbox API as the one other origin the pages may reach. */
export function contentSecurityPolicy(apiBase: string): string {
  const api = new URL(apiBase).origin;
  return (
    `default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: ${api}; ` +
    `connect-src 'self' ${api}; require-trusted-types-for 'script'; object-src 'none'; base-uri 'none'`
  );
}

export interface DemoBackendOptions {
  /** Where the sandbox wrote its demo credentials; `.sandbox/credentials.json` by default. */
  credentialsFile: string;
  /** The widgets' build output, served under `/widgets/`. */
  widgetsDist: string;
  /** The marketing site's HTML template. */
  marketingPage: string;
  /**
   * Origins of this demo's pages besides `http://127.0.0.1:<port>` and `http://localhost:<port>` of the port a request
   * arrived on (a proxy in front, another host name).
   */
  origins?: string[];
}

/**
 * The page origin to mint a token for, or null when the request is not a same-origin POST from one of this server's
 * pages. The origin comes from the browser's `Origin` header checked against the port the request really arrived on,
 * never from `Host`, which any client sets as it likes; a cross-site page's POST (a form, a fetch) carries its own
 * Origin and is refused, so another site cannot have tokens minted for it.
 */
function pageOrigin(options: DemoBackendOptions, request: IncomingMessage): string | null {
  const origin = request.headers.origin;
  if (typeof origin !== 'string' || request.headers['sec-fetch-site'] === 'cross-site') return null;
  const port = request.socket.localPort;
  const own = [`http://127.0.0.1:${port}`, `http://localhost:${port}`, `http://[::1]:${port}`, ...(options.origins ?? [])];
  return own.includes(origin) ? origin : null;
}

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);

async function serveMarketingPage(options: DemoBackendOptions, response: ServerResponse) {
  const credentials = await readCredentials(options.credentialsFile);
  const publishable = credentials.publishable[0];
  if (!publishable) throw new Error('The sandbox lists no publishable key');
  const name = credentials.resellers.find((reseller) => reseller.partnerId === publishable.partnerId)?.name ?? 'Poly Partner';
  const values: Record<string, string> = {
    API_BASE: credentials.baseUrl,
    PARTNER_ID: publishable.partnerId,
    PUBLISHABLE_KEY: publishable.publishableKey,
    PARTNER_NAME: name,
  };
  const template = await readFile(options.marketingPage, 'utf8');
  response.setHeader('content-type', 'text/html; charset=utf-8');
  response.setHeader('content-security-policy', contentSecurityPolicy(credentials.baseUrl));
  response.end(template.replace(/\{\{([A-Z_]+)\}\}/g, (_match, key: string) => escapeHtml(values[key] ?? '')));
}

const CONTENT_TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.map': 'application/json',
  '.json': 'application/json',
};

async function serveWidgetFile(options: DemoBackendOptions, pathname: string, response: ServerResponse) {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname.slice('/widgets/'.length));
  } catch {
    send(response, 400, { error: 'Malformed path' });
    return;
  }
  const relative = normalize(decoded);
  if (relative.startsWith('..') || isAbsolute(relative) || relative.includes('\0')) {
    send(response, 404, { error: 'Not found' });
    return;
  }
  const body = await readFile(join(options.widgetsDist, relative)).catch(() => null);
  if (!body) {
    send(response, 404, { error: 'Not built: run `pnpm build`' });
    return;
  }
  response.setHeader('content-type', CONTENT_TYPES[extname(relative)] ?? 'application/octet-stream');
  response.setHeader('access-control-allow-origin', '*');
  response.end(body);
}

async function readCredentials(file: string): Promise<Credentials> {
  // Read on every request: the sandbox may (re)seed while the demo server runs.
  return JSON.parse(await readFile(file, 'utf8')) as Credentials;
}

function send(response: ServerResponse, status: number, body: unknown) {
  response.statusCode = status;
  response.setHeader('content-type', 'application/json');
  response.setHeader('cache-control', 'no-store');
  response.end(JSON.stringify(body));
}

/**
 * The event feed's module, loaded on first use through tsx: it imports the SDK, which this workspace links as
 * TypeScript source, and Vite's bundled config leaves packages to plain Node, which cannot load TypeScript.
 */
async function loadEventFeed(): Promise<EventFeed> {
  const { tsImport } = await import('tsx/esm/api');
  const module = (await tsImport('./event-feed.ts', import.meta.url)) as typeof import('./event-feed.js');
  return module.createEventFeed();
}

async function handle(options: DemoBackendOptions, request: IncomingMessage, response: ServerResponse, eventFeed: () => Promise<EventFeed>) {
  const url = new URL(request.url ?? '/', 'http://demo.invalid');
  const credentials = await readCredentials(options.credentialsFile).catch(() => null);
  if (!credentials) {
    send(response, 503, { error: 'The sandbox has not written its credentials yet; is `pnpm sandbox` running?' });
    return;
  }
  if (url.pathname === '/api/demo-config' && request.method === 'GET') {
    send(response, 200, {
      apiBase: credentials.baseUrl,
      resellers: credentials.resellers.map(({ partnerId, name, about, aboutDe }) => ({ partnerId, name, about, aboutDe: aboutDe ?? about })),
      organizations: credentials.organizations.map(({ orgId, kind, name }) => ({ orgId, kind, name })),
      publishable: credentials.publishable.map(({ partnerId, publishableKey }) => ({ partnerId, publishableKey })),
    });
    return;
  }
  if (url.pathname === '/api/embed-token' && request.method === 'POST') {
    const partnerId = url.searchParams.get('partner');
    const orgId = url.searchParams.get('org');
    const secretKey = partnerId
      ? credentials.resellers.find((reseller) => reseller.partnerId === partnerId)?.secretKey
      : credentials.organizations.find((organization) => organization.orgId === orgId)?.secretKey;
    if (!secretKey) {
      send(response, 404, { error: 'Not a demo partner or organization' });
      return;
    }
    // A real backend would take the subject from the signed-in user's session, never from the query, and would check
    // that session's cookie (SameSite) as well as the Origin.
    const origin = pageOrigin(options, request);
    if (!origin) {
      send(response, 403, { error: 'Embed tokens are minted only for a same-origin request from a page of this site' });
      return;
    }
    const upstream = await fetch(`${credentials.baseUrl}/v1/embed-tokens`, {
      method: 'POST',
      headers: { authorization: `Bearer ${secretKey}`, 'content-type': 'application/json' },
      body: JSON.stringify({ origin, subject: partnerId ? { partnerId } : { orgId } }),
    });
    send(response, upstream.status, await upstream.json());
    return;
  }
  if (url.pathname.startsWith('/api/webhooks/') || url.pathname === '/api/events' || url.pathname === '/api/clock') {
    if (await (await eventFeed()).handle(request, response, url, credentials, pageOrigin(options, request))) return;
  }
  send(response, 404, { error: 'Unknown demo backend route' });
}

/**
 * Answers a failure without its message: an error's text and stack name files and folders of this machine. The
 * details go to the server's console, where the developer looks.
 */
function failed(response: ServerResponse, status: number, error: unknown) {
  console.error('[demo backend]', error);
  if (!response.headersSent) send(response, status, { error: status === 502 ? 'The sandbox API did not answer' : 'The demo backend failed; see its console' });
  else response.end();
}

/** The backend as connect middleware (what Vite's dev and preview servers run); exported for tests. */
export function demoBackendMiddleware(options: DemoBackendOptions) {
  let eventFeed: Promise<EventFeed> | undefined;
  const feed = () => {
    eventFeed ??= loadEventFeed().catch((error: unknown) => {
      eventFeed = undefined;
      throw error;
    });
    return eventFeed;
  };
  return (request: IncomingMessage, response: ServerResponse, next: () => void) => {
    let pathname: string;
    try {
      pathname = new URL(request.url ?? '/', 'http://demo.invalid').pathname;
    } catch {
      send(response, 400, { error: 'Malformed path' });
      return;
    }
    if (pathname.startsWith('/widgets/')) {
      serveWidgetFile(options, pathname, response).catch((error: unknown) => failed(response, 500, error));
      return;
    }
    if (request.url === '/marketing-site/' || request.url === '/marketing-site/index.html') {
      serveMarketingPage(options, response).catch((error: unknown) => failed(response, 503, error));
      return;
    }
    if (request.url?.startsWith('/api/')) {
      handle(options, request, response, feed).catch((error: unknown) => failed(response, 502, error));
      return;
    }
    readCredentials(options.credentialsFile)
      .then((credentials) => response.setHeader('content-security-policy', contentSecurityPolicy(credentials.baseUrl)))
      .catch(() => response.setHeader('content-security-policy', contentSecurityPolicy('http://127.0.0.1:8787')))
      .finally(next);
  };
}

export function demoBackend(options: DemoBackendOptions): Plugin {
  const middleware = demoBackendMiddleware(options);
  return {
    name: 'poly-partner-demo-backend',
    configureServer(server) {
      server.middlewares.use(middleware);
    },
    configurePreviewServer(server) {
      server.middlewares.use(middleware);
    },
  };
}
