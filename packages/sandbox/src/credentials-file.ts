// The shape of credentials.json, part of the library's public types: it imports nothing, so that the published
// declarations need no package but better-sqlite3's types (the contract is bundled into dist/, not a dependency).

/** The demo credentials a sandbox made when its database was first created. */
export interface Credentials {
  baseUrl: string;
  /** `about` describes the demo reseller in English, `aboutDe` in German (absent in files written before it existed). */
  resellers: { partnerId: string; name: string; secretKey: string; about: string; aboutDe?: string }[];
  /** `kind` spelled out rather than the contract's `OrganizationKind`; seed.ts fails to compile if they part. */
  organizations: { orgId: string; kind: 'distributor' | 'isp' | 'carrier' | 'systemhaus_association'; name: string; secretKey: string }[];
  publishable: { partnerId: string; publishableKey: string; origins: string[] }[];
  /** The operator key (`op_…`): changes partner listings through `PATCH /operator/partners/{partnerId}`. */
  operatorKey: string;
}
