// web-test-runner plugin: starts a real sandbox beside the test server and gives browser tests what a host
// page would have — the API's URL and demo credentials, and an embed-token route like a host backend's.
//   GET  /__sandbox/config.json  -> { baseUrl, credentials }
//   POST /__sandbox/embed-token  -> { token, expiresAt } for { partnerId } or { orgId }, bound to the page's origin
// The sandbox is TypeScript: tsx's loader is registered here so Node can import it.

/** @param {{ resellers?: number }} [options] */
export function sandboxPlugin(options = {}) {
  /** @type {Awaited<ReturnType<typeof import('@poly-partner/sandbox').startSandbox>> | undefined} */
  let sandbox;
  let origin = 'http://localhost:8000';

  async function mintToken(subject) {
    const { credentials, url } = sandbox;
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

  return {
    name: 'poly-partner-sandbox',
    async serverStart({ config, app }) {
      origin = `${config.protocol ?? 'http:'}//${config.hostname ?? 'localhost'}:${config.port}`;
      const { register } = await import('tsx/esm/api');
      register();
      const { startSandbox } = await import('@poly-partner/sandbox');
      sandbox = await startSandbox({
        port: 0,
        db: ':memory:',
        resellers: options.resellers ?? 15000,
        allowedOrigins: [origin],
        quiet: true,
      });
      // POST needs a middleware; `serve` answers GET only.
      app.use(async (context, next) => {
        if (context.path !== '/__sandbox/embed-token' || context.method !== 'POST') return next();
        let raw = '';
        for await (const chunk of context.req) raw += chunk;
        const { status, body } = await mintToken(JSON.parse(raw || '{}'));
        context.status = status;
        context.type = 'application/json';
        context.body = JSON.stringify(body);
      });
    },
    async serverStop() {
      await sandbox?.close();
    },
    serve(context) {
      if (context.path === '/__sandbox/config.json') {
        return { body: JSON.stringify({ baseUrl: sandbox.url, credentials: sandbox.credentials }), type: 'json' };
      }
      return undefined;
    },
  };
}
