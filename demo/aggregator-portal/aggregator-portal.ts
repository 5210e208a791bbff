// An aggregator's portal (distributor, ISP, carrier, Systemhaus association) showing all its members at a glance.
import '@poly-partner/widgets';
import { loadDemoConfig, setUpLanguageSwitch, showStartupError } from '../shared/demo-config.js';

setUpLanguageSwitch();

async function main() {
  const demo = await loadDemoConfig();
  const kind = document.body.dataset.organizationKind;
  const organization = demo.organizations.find((candidate) => candidate.kind === kind);
  if (!organization) throw new Error(`The sandbox has no demo organization of kind ${kind}`);
  document.getElementById('organization-name')!.textContent = organization.name;
  const config = document.getElementById('config')!;
  config.setAttribute('api-base', demo.apiBase);
  config.setAttribute('token-endpoint', `/api/embed-token?org=${encodeURIComponent(organization.orgId)}`);
  config.querySelector('partner-member-overview')!.setAttribute('org-id', organization.orgId);
}

main().catch(showStartupError);
