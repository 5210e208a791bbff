// The client's resources, each loading its module (resource code and the schemas it validates with) on its first
// call: what `#resources` resolves to under the `lazy-resources` condition. Bundlers that split code make each a
// chunk of its own, so a page that only shows a badge never downloads the deal, member or program code. The
// script-tag bundle (packages/widgets/vite.config.ts) sets the condition; one-file bundles are better off without.
import { lazyResource } from './lazy-resource.js';
import type { Resources } from './resources.js';
import type { Transport } from './transport.js';

export function createResources(transport: Transport): Resources {
  return {
    program: lazyResource(() => import('../resources/program.js').then((m) => new m.ProgramResource(transport)), { get: 0 }),
    products: lazyResource(() => import('../resources/products.js').then((m) => new m.ProductsResource(transport)), { list: 0 }),
    partners: lazyResource(() => import('../resources/partners.js').then((m) => new m.PartnersResource(transport)), {
      get: 0,
      tierStatus: 0,
      simulate: 0,
    }),
    deals: lazyResource(() => import('../resources/deals.js').then((m) => new m.DealsResource(transport)), {
      list: 1,
      register: 0,
      checkConflict: 0,
      get: 0,
      withdraw: 0,
    }),
    organizations: lazyResource(() => import('../resources/organizations.js').then((m) => new m.OrganizationsResource(transport)), {
      get: 0,
      summary: 0,
      members: 1,
    }),
    badges: lazyResource(() => import('../resources/badges.js').then((m) => new m.BadgesResource(transport)), {
      get: 0,
      verify: 0,
      verificationUrl: 0,
    }),
  };
}
