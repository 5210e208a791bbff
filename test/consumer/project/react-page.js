// No JSX, so that the page needs no React plugin: what matters is that the wrappers resolve and bundle.
import { createElement } from 'react';
import { createRoot } from 'react-dom/client';
import { PartnerConfig, PartnerTierBadge } from '@poly-partner/widgets/react';

createRoot(document.getElementById('root')).render(
  createElement(PartnerConfig, { apiBase: 'http://127.0.0.1:8787', publishableKey: 'pk_test_example' }, createElement(PartnerTierBadge, { partnerId: 'ptr_example' })),
);
