// The client's resources, built at once: what `#resources` resolves to by default (Node, and bundles that are one
// file, where loading on demand would only add wrapper code). The `lazy-resources` condition picks resources.lazy.ts.
import { BadgesResource } from '../resources/badges.js';
import { DealsResource } from '../resources/deals.js';
import { OrganizationsResource } from '../resources/organizations.js';
import { PartnersResource } from '../resources/partners.js';
import { ProductsResource } from '../resources/products.js';
import { ProgramResource } from '../resources/program.js';
import type { Transport } from './transport.js';

/** What `PartnerClient` holds besides `clearCache`. */
export interface Resources {
  program: ProgramResource;
  products: ProductsResource;
  partners: PartnersResource;
  deals: DealsResource;
  organizations: OrganizationsResource;
  badges: BadgesResource;
}

export function createResources(transport: Transport): Resources {
  return {
    program: new ProgramResource(transport),
    products: new ProductsResource(transport),
    partners: new PartnersResource(transport),
    deals: new DealsResource(transport),
    organizations: new OrganizationsResource(transport),
    badges: new BadgesResource(transport),
  };
}
