// The SDK's `client.badges` code, for embed.ts to fetch beside the elements that call it (see there).
export { BadgesResource } from '@poly-partner/sdk';
