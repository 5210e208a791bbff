// An aggregator's portal (distributor, ISP, carrier, Systemhaus association) showing all its members at a glance.
// One page serves every kind (`?kind=`), each with the look of its own company; below the overview, what changed.
import '@poly-partner/widgets';
import { type DemoConfig, loadDemoConfig, setUpLanguageSwitch, showStartupError } from '../shared/demo-config.js';
import { startWhatChanged } from './what-changed.js';

type Kind = DemoConfig['organizations'][number]['kind'];

const PORTALS: Record<Kind, { brand: string; title: string; titleDe: string }> = {
  distributor: { brand: 'TechDistri', title: 'Distributor partner portal', titleDe: 'Partnerportal des Distributors' },
  isp: { brand: 'NetWave Business', title: 'ISP reseller portal', titleDe: 'Reseller-Portal des ISP' },
  carrier: { brand: 'TelcoOne Partners', title: 'Carrier partner portal', titleDe: 'Partnerportal des Carriers' },
  systemhaus_association: {
    brand: 'Verbund der Systemhäuser',
    title: 'Systemhaus association — members',
    titleDe: 'Systemhaus-Verband — Mitglieder',
  },
};

function portalKind(): Kind {
  const kind = new URLSearchParams(location.search).get('kind');
  return kind && kind in PORTALS ? (kind as Kind) : 'distributor';
}

const kind = portalKind();
const portal = PORTALS[kind];
document.getElementById('brand')!.textContent = portal.brand;
const title = document.getElementById('portal-title')!;
title.textContent = portal.title;
title.dataset.de = portal.titleDe;
const pageTitle = document.getElementById('page-title')!;
pageTitle.textContent = portal.title;
pageTitle.dataset.de = portal.titleDe;
for (const link of document.querySelectorAll<HTMLAnchorElement>('nav[aria-label="Portals"] a')) {
  if (new URL(link.href).searchParams.get('kind') === kind) link.setAttribute('aria-current', 'page');
}
setUpLanguageSwitch();

async function main() {
  const demo = await loadDemoConfig();
  const organization = demo.organizations.find((candidate) => candidate.kind === kind);
  if (!organization) throw new Error(`The sandbox has no demo organization of kind ${kind}`);
  document.getElementById('organization-name')!.textContent = organization.name;
  const config = document.getElementById('config')!;
  config.setAttribute('api-base', demo.apiBase);
  config.setAttribute('environment', 'sandbox');
  config.setAttribute('token-endpoint', `/api/embed-token?org=${encodeURIComponent(organization.orgId)}`);
  const overview = config.querySelector('partner-member-overview')!;
  overview.setAttribute('org-id', organization.orgId);
  startWhatChanged(organization.orgId);
  const section = document.querySelector<HTMLElement>('section.what-changed')!;
  const reveal = () => {
    section.hidden = false;
  };
  overview.addEventListener('partner-ready', reveal, { once: true });
  overview.addEventListener('partner-error', reveal, { once: true });
}

main().catch(showStartupError);
