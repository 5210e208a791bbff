// Examples of an end customer's web domain and VAT id in the format of the customer's country, so a reseller in Vienna
// registering a Polish customer sees "przyklad.pl" and "PL1234567890", not "beispiel.de" and "DE123456789".

export interface CustomerExamples {
  domain: string;
  /** Undefined where we know no format to show (outside the countries below). */
  vatId?: string;
}

const BY_COUNTRY: Record<string, CustomerExamples> = {
  DE: { domain: 'beispiel.de', vatId: 'DE123456789' },
  AT: { domain: 'beispiel.at', vatId: 'ATU12345678' },
  CH: { domain: 'beispiel.ch', vatId: 'CHE123456789' },
  LI: { domain: 'beispiel.li', vatId: 'CHE123456789' },
  GB: { domain: 'example.co.uk', vatId: 'GB123456789' },
  IE: { domain: 'example.ie', vatId: 'IE1234567WA' },
  FR: { domain: 'exemple.fr', vatId: 'FR12345678901' },
  BE: { domain: 'voorbeeld.be', vatId: 'BE0123456789' },
  LU: { domain: 'exemple.lu', vatId: 'LU12345678' },
  ES: { domain: 'ejemplo.es', vatId: 'ESB12345678' },
  IT: { domain: 'esempio.it', vatId: 'IT12345678901' },
  NL: { domain: 'voorbeeld.nl', vatId: 'NL123456789B01' },
  PL: { domain: 'przyklad.pl', vatId: 'PL1234567890' },
};

/** The examples for the customer's `country`; elsewhere a domain in the widget's language and no VAT id format. */
export function customerExamples(country: string, locale: string): CustomerExamples {
  return BY_COUNTRY[country] ?? { domain: locale === 'de' ? 'beispiel.com' : 'example.com' };
}
