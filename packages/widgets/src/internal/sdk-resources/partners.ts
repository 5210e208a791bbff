// The SDK's `client.partners` code, for embed.ts to fetch beside the elements that call it (see there).
export { PartnersResource } from '@poly-partner/sdk';
