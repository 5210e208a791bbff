// A token provider for the SDK that asks the host portal's backend (same origin) for a short-lived embed token.
import { EmbedTokenSchema, type EmbedToken } from '@poly-partner/contract';

export interface TokenSubject {
  partnerId?: string | undefined;
  orgId?: string | undefined;
}

/**
 * Returns a `getToken` for `createPartnerClient`: POSTs `{ partnerId }` or `{ orgId }` as JSON to `endpoint`,
 * sending the page's cookies, and expects `{ token, expiresAt }`. The backend decides what the signed-in user may
 * see; the subject in the body is only a hint for backends that serve several. The endpoint must be on the page's
 * own origin, so that the page's session cookie never travels to a third party.
 */
export function createTokenEndpointProvider(
  endpoint: string,
  subject: TokenSubject,
  fetchImplementation: typeof fetch = (...args) => fetch(...args),
): () => Promise<EmbedToken> {
  return async () => {
    const url = new URL(endpoint, document.baseURI);
    if (url.origin !== location.origin) {
      throw new Error(`token-endpoint must be on this page's origin (${location.origin}), not ${url.origin}`);
    }
    const body = subject.orgId ? { orgId: subject.orgId } : subject.partnerId ? { partnerId: subject.partnerId } : {};
    const response = await fetchImplementation(url, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify(body),
    });
    if (!response.ok) throw new Error(`token-endpoint answered HTTP ${response.status}`);
    const parsed = EmbedTokenSchema.safeParse(await response.json());
    if (!parsed.success) throw new Error('token-endpoint did not answer { token, expiresAt }');
    return parsed.data;
  };
}
