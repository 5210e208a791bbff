// The SDK's `client.deals` code, for embed.ts to fetch beside the elements that call it (see there).
export { DealsResource } from '@poly-partner/sdk';
