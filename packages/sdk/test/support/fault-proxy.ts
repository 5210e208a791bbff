// A small HTTP proxy on 127.0.0.1 in front of the real sandbox that injects faults on demand, so the SDK's
// error handling and retries are tested against real sockets: statuses, resets, stalls, slow and broken bodies.
import { createServer, request as httpRequest, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

/** What to do with one request instead of (or after) forwarding it. */
export type Fault =
  | { kind: 'status'; status: number; headers?: Record<string, string>; body?: string; contentType?: string }
  /** Close the connection before any response; `afterUpstream` first lets the sandbox process the request. */
  | { kind: 'reset'; afterUpstream?: boolean }
  /** Never answer (until the client gives up); `afterUpstream` first lets the sandbox process the request. */
  | { kind: 'hang'; afterUpstream?: boolean }
  /** Forward, then send headers at once and the body in pieces `delayMs` apart. */
  | { kind: 'slow-body'; delayMs: number }
  /** Forward, then send headers and half the body and reset the connection. */
  | { kind: 'truncate-body' }
  /** Answer 200 with this body (schema-breaking or malformed JSON). */
  | { kind: 'body'; body: string; status?: number };

/** Chooses a fault for a request, or undefined to forward it untouched. */
export type FaultPlan = (request: { method: string; url: string; index: number }) => Fault | undefined;

export interface RecordedRequest {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  fault: Fault['kind'] | 'none';
  /** Status the client received (0 when it received none). */
  status: number;
}

export interface FaultProxy {
  url: string;
  /** Every request that reached the proxy, in arrival order. */
  requests: RecordedRequest[];
  /** Replaces the fault plan (default: forward everything); `index` counts from 0 again for each new plan. */
  plan: FaultPlan;
  close(): Promise<void>;
}

async function readBody(message: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of message) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

interface UpstreamAnswer {
  status: number;
  headers: IncomingMessage['headers'];
  body: Buffer;
}

function forward(upstream: URL, incoming: IncomingMessage, body: Buffer): Promise<UpstreamAnswer> {
  return new Promise((resolve, reject) => {
    const headers = { ...incoming.headers, host: upstream.host };
    const outgoing = httpRequest(
      { host: upstream.hostname, port: upstream.port, path: incoming.url, method: incoming.method, headers },
      async (response) => {
        try {
          resolve({ status: response.statusCode ?? 502, headers: response.headers, body: await readBody(response) });
        } catch (error) {
          reject(error);
        }
      },
    );
    outgoing.on('error', reject);
    outgoing.end(body);
  });
}

function sendHeaders(response: ServerResponse, answer: UpstreamAnswer): void {
  const headers = { ...answer.headers };
  // The proxy re-frames bodies itself.
  delete headers['content-length'];
  delete headers['transfer-encoding'];
  delete headers.connection;
  response.writeHead(answer.status, headers);
}

/** Starts the proxy on a free port of 127.0.0.1, forwarding to `upstream` (the sandbox's URL). */
export async function startFaultProxy(upstream: string): Promise<FaultProxy> {
  const target = new URL(upstream);
  const sockets = new Set<Socket>();
  let index = 0;
  let plan: FaultPlan = () => undefined;
  const proxy: FaultProxy = {
    url: '',
    requests: [],
    get plan() {
      return plan;
    },
    set plan(next: FaultPlan) {
      plan = next;
      index = 0;
    },
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };

  const server: Server = createServer(async (incoming, response) => {
    const method = incoming.method ?? 'GET';
    const url = incoming.url ?? '/';
    const fault = plan({ method, url, index: index++ });
    const record: RecordedRequest = { method, url, headers: incoming.headers, fault: fault?.kind ?? 'none', status: 0 };
    proxy.requests.push(record);
    const body = await readBody(incoming);
    try {
      switch (fault?.kind) {
        case undefined: {
          const answer = await forward(target, incoming, body);
          sendHeaders(response, answer);
          response.end(answer.body);
          record.status = answer.status;
          return;
        }
        case 'status': {
          response.writeHead(fault.status, {
            'content-type': fault.contentType ?? 'application/problem+json',
            ...fault.headers,
          });
          response.end(fault.body ?? '');
          record.status = fault.status;
          return;
        }
        case 'reset': {
          if (fault.afterUpstream) await forward(target, incoming, body);
          incoming.socket.resetAndDestroy();
          return;
        }
        case 'hang':
          if (fault.afterUpstream) await forward(target, incoming, body);
          return; // the socket stays open until the client aborts or the proxy closes
        case 'body': {
          response.writeHead(fault.status ?? 200, { 'content-type': 'application/json' });
          response.end(fault.body);
          record.status = fault.status ?? 200;
          return;
        }
        case 'slow-body': {
          const answer = await forward(target, incoming, body);
          sendHeaders(response, answer);
          record.status = answer.status;
          response.flushHeaders();
          const pieces = 4;
          const size = Math.ceil(answer.body.length / pieces);
          for (let offset = 0; offset < answer.body.length; offset += size) {
            if (response.destroyed) return;
            response.write(answer.body.subarray(offset, offset + size));
            await new Promise((resolve) => setTimeout(resolve, fault.delayMs));
          }
          response.end();
          return;
        }
        case 'truncate-body': {
          const answer = await forward(target, incoming, body);
          sendHeaders(response, answer);
          record.status = answer.status;
          response.write(answer.body.subarray(0, Math.floor(answer.body.length / 2)));
          setTimeout(() => incoming.socket.resetAndDestroy(), 20);
          return;
        }
      }
    } catch {
      incoming.socket.destroy();
    }
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  proxy.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return proxy;
}
