// The landing page: lists the sandbox's demo partners and organizations next to the links to each site.
import { loadDemoConfig, setUpLanguageSwitch, showStartupError } from './demo-config.js';

setUpLanguageSwitch();
loadDemoConfig()
  .then((config) => {
    const list = document.createElement('ul');
    for (const reseller of config.resellers) {
      const item = document.createElement('li');
      item.textContent = `${reseller.name} (${reseller.partnerId}) — ${reseller.about}`;
      list.append(item);
    }
    for (const organization of config.organizations) {
      const item = document.createElement('li');
      item.textContent = `${organization.name} (${organization.orgId}) — ${organization.kind.replace('_', ' ')}`;
      list.append(item);
    }
    document.getElementById('credentials')?.append(list);
  })
  .catch(showStartupError);
