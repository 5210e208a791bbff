// The SDK's `client.program` code, for embed.ts to fetch beside the elements that call it (see there).
export { ProgramResource } from '@poly-partner/sdk';
