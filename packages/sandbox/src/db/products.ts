// The sandbox's Poly catalogue: realistic SKUs of the Studio, Sync, Voyager, Blackwire, CCX and Edge families.
export interface CatalogueEntry {
  sku: string;
  name: string;
  family: string;
  /** List price in EUR. */
  price: number;
}

export const CATALOGUE: readonly CatalogueEntry[] = [
  { sku: '2200-86260-101', name: 'Poly Studio X30', family: 'Studio', price: 1899 },
  { sku: '2200-86270-101', name: 'Poly Studio X50', family: 'Studio', price: 3299 },
  { sku: '2200-86280-101', name: 'Poly Studio X70', family: 'Studio', price: 8499 },
  { sku: '2200-87120-101', name: 'Poly Studio X52', family: 'Studio', price: 3799 },
  { sku: '2200-87130-101', name: 'Poly Studio X72', family: 'Studio', price: 9299 },
  { sku: '842D4AA', name: 'Poly Studio R30 USB Video Bar', family: 'Studio', price: 999 },
  { sku: '842D2AA', name: 'Poly Studio USB Video Bar', family: 'Studio', price: 1299 },
  { sku: '2200-85810-101', name: 'Poly Studio P15 Personal Video Bar', family: 'Studio', price: 449 },
  { sku: '2200-86440-101', name: 'Poly Studio E70 Camera', family: 'Studio', price: 3999 },
  { sku: '2200-86340-101', name: 'Poly TC8 Touch Controller', family: 'Studio', price: 899 },
  { sku: '216866-01', name: 'Poly Sync 20 USB-A Speakerphone', family: 'Sync', price: 149 },
  { sku: '216867-01', name: 'Poly Sync 20+ USB-C Speakerphone', family: 'Sync', price: 189 },
  { sku: '218763-01', name: 'Poly Sync 40 USB-A Speakerphone', family: 'Sync', price: 279 },
  { sku: '218764-01', name: 'Poly Sync 40+ USB-C Speakerphone', family: 'Sync', price: 319 },
  { sku: '217087-01', name: 'Poly Sync 60 Speakerphone', family: 'Sync', price: 499 },
  { sku: '213718-01', name: 'Poly Voyager Focus 2 UC USB-A', family: 'Voyager', price: 299 },
  { sku: '213727-01', name: 'Poly Voyager Focus 2 UC USB-C', family: 'Voyager', price: 309 },
  { sku: '76U49AA', name: 'Poly Voyager 4320 UC USB-C', family: 'Voyager', price: 219 },
  { sku: '76U47AA', name: 'Poly Voyager 4310 UC USB-C', family: 'Voyager', price: 189 },
  { sku: '8L5B6AA', name: 'Poly Voyager Free 60+ UC Earbuds', family: 'Voyager', price: 329 },
  { sku: '7Y8L4AA', name: 'Poly Voyager Surround 80 UC', family: 'Voyager', price: 379 },
  { sku: '214512-01', name: 'Poly Blackwire 3320 USB-A', family: 'Blackwire', price: 59 },
  { sku: '214010-01', name: 'Poly Blackwire 3325 USB-C', family: 'Blackwire', price: 69 },
  { sku: '211144-01', name: 'Poly Blackwire 5220 USB-A', family: 'Blackwire', price: 89 },
  { sku: '8X228AA', name: 'Poly Blackwire 8225 USB-C', family: 'Blackwire', price: 199 },
  { sku: '2200-49720-019', name: 'Poly CCX 400 Business Media Phone', family: 'CCX', price: 269 },
  { sku: '2200-49230-019', name: 'Poly CCX 500 Business Media Phone', family: 'CCX', price: 399 },
  { sku: '2200-49740-019', name: 'Poly CCX 505 Business Media Phone', family: 'CCX', price: 449 },
  { sku: '2200-49720-114', name: 'Poly CCX 600 Business Media Phone', family: 'CCX', price: 579 },
  { sku: '2200-49770-019', name: 'Poly CCX 700 Business Media Phone', family: 'CCX', price: 749 },
  { sku: '89B76AA', name: 'Poly Edge B10 IP Phone', family: 'Edge', price: 79 },
  { sku: '89B77AA', name: 'Poly Edge B20 IP Phone', family: 'Edge', price: 99 },
  { sku: '82M87AA', name: 'Poly Edge E100 IP Phone', family: 'Edge', price: 149 },
  { sku: '82M88AA', name: 'Poly Edge E220 IP Phone', family: 'Edge', price: 219 },
  { sku: '82M90AA', name: 'Poly Edge E320 IP Phone', family: 'Edge', price: 279 },
  { sku: '82M92AA', name: 'Poly Edge E450 IP Phone', family: 'Edge', price: 359 },
  { sku: '82M94AA', name: 'Poly Edge E550 IP Phone', family: 'Edge', price: 449 },
  { sku: '2200-49880-001', name: 'Poly Trio C60 Conference Phone', family: 'Trio', price: 999 },
  { sku: '2200-66070-001', name: 'Poly Trio 8800 Conference Phone', family: 'Trio', price: 1199 },
  { sku: '2200-17500-025', name: 'Poly Rove 30 DECT Phone', family: 'Rove', price: 199 },
  { sku: '2200-17510-025', name: 'Poly Rove 40 DECT Phone', family: 'Rove', price: 249 },
  { sku: '2200-87610-001', name: 'Poly Lens Room Management Licence, 1 year', family: 'Services', price: 149 },
];
