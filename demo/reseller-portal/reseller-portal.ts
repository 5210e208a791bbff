// A Systemhaus intranet embedding the partner widgets through the npm package, with embed tokens from its backend.
import '@poly-partner/widgets';
import { loadDemoConfig, setUpLanguageSwitch, showStartupError, siteText } from '../shared/demo-config.js';

setUpLanguageSwitch();

async function main() {
  const demo = await loadDemoConfig();
  const select = document.getElementById('reseller-select') as HTMLSelectElement;
  for (const reseller of demo.resellers) select.add(new Option(reseller.name, reseller.partnerId));
  const chosen = new URLSearchParams(location.search).get('partner') ?? demo.resellers[0]?.partnerId ?? '';
  select.value = chosen;
  select.addEventListener('change', () => {
    location.search = `?partner=${encodeURIComponent(select.value)}`;
  });
  const reseller = demo.resellers.find((candidate) => candidate.partnerId === chosen);
  document.getElementById('company-name')!.textContent = reseller?.name ?? '';
  siteText(document.getElementById('reseller-about')!, reseller?.about ?? '', reseller?.aboutDe ?? '');

  // The backend decides which partner a token is for; the widgets only know where to ask.
  const config = document.getElementById('config')!;
  config.setAttribute('api-base', demo.apiBase);
  // The demo runs against the sandbox: badges trust its keys and say they are sandbox badges.
  config.setAttribute('environment', 'sandbox');
  config.setAttribute('token-endpoint', `/api/embed-token?partner=${encodeURIComponent(chosen)}`);
  for (const widget of config.querySelectorAll('partner-tier-badge, next-tier-checklist, deal-registration-form, partner-deal-list')) {
    widget.setAttribute('partner-id', chosen);
  }
}

main().catch(showStartupError);
