// The SDK's `client.products` code, for embed.ts to fetch beside the elements that call it (see there).
export { ProductsResource } from '@poly-partner/sdk';
