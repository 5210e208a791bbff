// A fetch wrapper for browser tests, given to `createPartnerClient({ fetch })`: passes requests through to the real
// sandbox, or holds them (loading state), fails them (error state) or rewrites their JSON (hostile data).

export type Fault =
  | { kind: 'pass' }
  /** Keeps every request pending until `release()` (or its signal aborts). */
  | { kind: 'hold' }
  /** Answers with a problem+json of this status without reaching the sandbox. */
  | { kind: 'status'; status: number; code: string }
  /** Rejects like a dropped connection. */
  | { kind: 'network' };

const requestUrl = (input: RequestInfo | URL) => new URL(input instanceof Request ? input.url : String(input));

export class FetchFaults {
  fault: Fault = { kind: 'pass' };
  /** Rewrites a JSON response body of the requests it matches (a path substring or pattern). */
  rewrites: { path: string | RegExp; rewrite: (body: unknown) => unknown }[] = [];
  /** Paths of the requests seen, in order. */
  readonly seen: string[] = [];
  /** Paths of the requests whose caller aborted them while they were held. */
  readonly aborted: string[] = [];
  private held: (() => void)[] = [];

  hold(): void {
    this.fault = { kind: 'hold' };
  }

  failWith(status: number, code = 'service_unavailable'): void {
    this.fault = { kind: 'status', status, code };
  }

  failNetwork(): void {
    this.fault = { kind: 'network' };
  }

  /** Lets requests through again, including the ones being held. */
  pass(): void {
    this.fault = { kind: 'pass' };
    this.release();
  }

  release(): void {
    const held = this.held;
    this.held = [];
    for (const resume of held) resume();
  }

  rewriteJson(path: string | RegExp, rewrite: (body: unknown) => unknown): void {
    this.rewrites.push({ path, rewrite });
  }

  readonly fetch: typeof fetch = async (input, init) => {
    const url = requestUrl(input);
    this.seen.push(url.pathname);
    const signal = init?.signal ?? (input instanceof Request ? input.signal : undefined);
    if (this.fault.kind === 'hold') {
      await new Promise<void>((resolve, reject) => {
        this.held.push(resolve);
        signal?.addEventListener(
          'abort',
          () => {
            this.aborted.push(url.pathname);
            reject(signal.reason);
          },
          { once: true },
        );
      });
    }
    const fault = this.fault;
    if (fault.kind === 'network') throw new TypeError('Failed to fetch');
    if (fault.kind === 'status') {
      return new Response(
        JSON.stringify({
          type: `https://developer.poly.example/problems/${fault.code}`,
          title: 'Injected failure',
          status: fault.status,
          code: fault.code,
          requestId: 'req_injected_fault',
        }),
        { status: fault.status, headers: { 'content-type': 'application/problem+json', 'x-request-id': 'req_injected_fault' } },
      );
    }
    const response = await fetch(input, init);
    const rewrite = this.rewrites.find(({ path }) =>
      typeof path === 'string' ? url.pathname.includes(path) : path.test(url.pathname),
    );
    if (!rewrite || !response.ok || !response.headers.get('content-type')?.includes('json')) return response;
    const body = rewrite.rewrite(await response.json());
    const headers = new Headers(response.headers);
    headers.delete('content-length');
    headers.delete('etag');
    return new Response(JSON.stringify(body), { status: response.status, headers });
  };
}
