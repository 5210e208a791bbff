// web-test-runner plugin: starts a real sandbox beside the test server and gives browser tests what a host
// page would have — the API's URL and demo credentials, and an embed-token route like a host backend's.
//   GET  /__sandbox/config.json  -> { baseUrl, credentials }
//   POST /__sandbox/embed-token  -> { token, expiresAt } for { partnerId } or { orgId }, bound to the page's origin
//   POST /__sandbox/operator     -> { partnerId, websites, leftAt } for { partnerId, websites?, leftProgram? }
// The sandbox is TypeScript: tsx's loader is registered here so Node can import it.

/** @param {{ resellers?: number }} [options] */
export function sandboxPlugin(options = {}) {
  /** @type {Promise<Awaited<ReturnType<typeof import('@poly-partner/sandbox').startSandbox>>> | undefined} */
  let starting;
  let origin = 'http://localhost:8000';

  function ensureSandbox() {
    starting ??= (async () => {
      const { register } = await import('tsx/esm/api');
      register();
      const { startSandbox } = await import('@poly-partner/sandbox');
      return startSandbox({
        port: 0,
        db: ':memory:',
        resellers: options.resellers ?? 15000,
        allowedOrigins: [origin],
        // Some test pages build their fixtures with a demo secret key (createPartnerClient's secretKeyInBrowserForTests);
        // a real sandbox refuses secret keys that come with a browser's Origin.
        secretKeysFromBrowsers: true,
        quiet: true,
      });
    })();
    return starting;
  }

  async function mintToken(subject) {
    const { credentials, url } = await ensureSandbox();
    const key =
      subject.secretKey ??
      ('partnerId' in subject
        ? credentials.resellers.find((reseller) => reseller.partnerId === subject.partnerId)?.secretKey
        : credentials.organizations.find((organization) => organization.orgId === subject.orgId)?.secretKey);
    if (!key) return { status: 404, body: { error: 'No demo secret key for that subject' } };
    const { secretKey: _secretKey, ...rest } = subject;
    const response = await fetch(`${url}/v1/embed-tokens`, {
      method: 'POST',
      headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        origin,
        subject: 'partnerId' in rest ? { partnerId: rest.partnerId } : { orgId: rest.orgId },
        ...(rest.scopes ? { scopes: rest.scopes } : {}),
        ...(rest.ttlSeconds ? { ttlSeconds: rest.ttlSeconds } : {}),
      }),
    });
    return { status: response.status, body: await response.json() };
  }

  /** Poly's side (websites, leaving the program): `PATCH /operator/partners/{partnerId}` with the operator key. */
  async function operate({ partnerId, ...change }) {
    const { credentials, url } = await ensureSandbox();
    const response = await fetch(`${url}/operator/partners/${encodeURIComponent(partnerId)}`, {
      method: 'PATCH',
      headers: { authorization: `Bearer ${credentials.operatorKey}`, 'content-type': 'application/json' },
      body: JSON.stringify(change),
    });
    return { status: response.status, body: await response.json() };
  }

  return {
    name: 'poly-partner-sandbox',
    async serverStart({ config }) {
      origin = `${config.protocol ?? 'http:'}//${config.hostname ?? 'localhost'}:${config.port}`;
      // Seed before the browsers start, so no test's timeout has to cover seeding 15,000 resellers.
      await ensureSandbox();
    },
    /**
     * Koa middleware for the POST route (a plugin's `serve` answers GET only). Add it to the config's `middleware`,
     * which runs ahead of the dev server's own handlers; `app.use` in `serverStart` would land behind them.
     */
    async middleware(context, next) {
      const route = context.method === 'POST' ? context.path : '';
      if (route !== '/__sandbox/embed-token' && route !== '/__sandbox/operator') return next();
      let raw = '';
      for await (const chunk of context.req) raw += chunk;
      const { status, body } = route === '/__sandbox/operator' ? await operate(JSON.parse(raw || '{}')) : await mintToken(JSON.parse(raw || '{}'));
      context.status = status;
      context.type = 'application/json';
      context.body = JSON.stringify(body);
    },
    async serverStop() {
      if (starting) await (await starting).close();
    },
    async serve(context) {
      if (context.path === '/__sandbox/config.json') {
        const sandbox = await ensureSandbox();
        return { body: JSON.stringify({ baseUrl: sandbox.url, credentials: sandbox.credentials }), type: 'json' };
      }
      return undefined;
    },
  };
}
