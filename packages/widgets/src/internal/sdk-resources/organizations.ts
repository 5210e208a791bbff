// The SDK's `client.organizations` code, for embed.ts to fetch beside the elements that call it (see there).
export { OrganizationsResource } from '@poly-partner/sdk';
