// The landing page: lists the sandbox's demo partners and organizations next to the links to each site.
import { KIND_NAMES, loadDemoConfig, setUpLanguageSwitch, showStartupError, siteText } from './demo-config.js';

setUpLanguageSwitch();
loadDemoConfig()
  .then((config) => {
    const list = document.createElement('ul');
    for (const reseller of config.resellers) {
      const item = document.createElement('li');
      item.append(`${reseller.name} (${reseller.partnerId}) — `, siteText(document.createElement('span'), reseller.about, reseller.aboutDe));
      list.append(item);
    }
    for (const organization of config.organizations) {
      const item = document.createElement('li');
      const kind = KIND_NAMES[organization.kind];
      item.append(`${organization.name} (${organization.orgId}) — `, siteText(document.createElement('span'), kind.en, kind.de));
      list.append(item);
    }
    document.getElementById('credentials')?.append(list);
  })
  .catch(showStartupError);
