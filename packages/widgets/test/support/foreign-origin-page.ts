// Renders the demo badge with the page's query (lang, on-error) and posts what a visitor sees and what the console
// said to the framing test page, once the badge has settled.
import '../../src/config/partner-config.js';
import '../../src/components/partner-tier-badge/partner-tier-badge.js';
import type { SandboxConfig } from '../../../../test/support/browser/sandbox.js';

const logged: string[] = [];
const original = console.error;
console.error = (...args: unknown[]) => {
  logged.push(args.join(' '));
  original(...args);
};

const query = new URLSearchParams(location.search);
const { baseUrl, credentials } = (await (await fetch('/__sandbox/config.json')).json()) as SandboxConfig;
const { partnerId, publishableKey } = credentials.publishable[0]!;
const config = document.createElement('partner-config');
Object.assign(config, { apiBase: baseUrl, publishableKey, partnerId, environment: 'sandbox', lang: query.get('lang') ?? 'en' });
const badge = document.createElement('partner-tier-badge');
badge.setAttribute('on-error', query.get('on-error') ?? 'image');
config.append(badge);
document.body.append(config);

const shadow = () => badge.shadowRoot!;
const image = () => shadow().querySelector('img');
for (let waited = 0; waited < 8000; waited += 50) {
  const settled = shadow()?.querySelector('[part~=error]') || (image()?.complete && image()!.naturalWidth > 0) || badge.hidden;
  if (settled && logged.length) break;
  await new Promise((resolve) => setTimeout(resolve, 50));
}
parent.postMessage(
  {
    origin: location.origin,
    text: shadow().textContent?.replace(/\s+/g, ' ').trim(),
    image: image() ? { src: image()!.src, loaded: image()!.naturalWidth > 0, alt: image()!.alt } : null,
    retry: !!shadow().querySelector('[part~=retry-button]'),
    hidden: badge.hidden,
    console: logged,
  },
  '*',
);
