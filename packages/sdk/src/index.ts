// @poly-partner/sdk: the typed client for the Poly partner API. Importing it has no side effects.
export { createPartnerClient } from './client.js';
export type { PartnerClient, PartnerClientOptions } from './client.js';
export { PartnerApiError, isPartnerApiError } from './errors/partner-api-error.js';
export type { PartnerApiErrorType, PartnerApiErrorInit } from './errors/partner-api-error.js';
export type { TokenProvider, TokenProviderResult } from './internal/token-cache.js';
export type { RetryPolicy } from './internal/transport.js';
export type { CallOptions } from './internal/call-options.js';
export type { PagePromise, PageWalk, WalkablePage, WalkOptions } from './internal/pagination.js';
// The resource classes are values too, for code that wants a resource's module loaded with it (a static import)
// rather than on the client's first call to it; their constructors are internal.
export { ProgramResource } from './resources/program.js';
export { ProductsResource } from './resources/products.js';
export { PartnersResource } from './resources/partners.js';
export type { SimulateOptions, TierStatusOptions } from './resources/partners.js';
export { DealsResource } from './resources/deals.js';
export type { RegisterDealOptions, ConflictCheckCustomer } from './resources/deals.js';
export { OrganizationsResource } from './resources/organizations.js';
export { BadgesResource } from './resources/badges.js';
export { PublishableKeysResource, createPublishableKeysClient } from './resources/publishable-keys.js';
export type {
  BadgeUnverifiedReason,
  BadgeVerification,
  VerifyBadgeOptions,
} from './resources/badges.js';
// The data types every method answers with, so callers need not depend on the contract package themselves.
export type {
  Badge,
  BadgeClaims,
  ConflictCheckResult,
  Deal,
  DealInput,
  DealListQuery,
  DealStatus,
  DealType,
  FieldError,
  Member,
  MemberQuery,
  MemberSort,
  Organization,
  OrganizationSummary,
  PartnerProfile,
  ProductList,
  ProgramPolicy,
  PublishableKey,
  PublishableKeyList,
  SimulationChanges,
  SimulationResult,
  Tier,
  TierStatus,
} from '@poly-partner/contract';
