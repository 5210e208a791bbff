// The Poly catalogue offered in deal registration.
import { ProductListSchema, type ProductList } from '@poly-partner/contract';
import type { CallOptions } from '../internal/call-options.js';
import type { Transport } from '../internal/transport.js';

/** `client.products`: the catalogue for deal registration. */
export class ProductsResource {
  /** @internal */
  constructor(private readonly transport: Transport) {}

  /** `GET /v1/products`: SKUs, names, families and list prices. */
  list(options: CallOptions = {}): Promise<ProductList> {
    return this.transport.request({ method: 'GET', path: '/v1/products', schema: ProductListSchema, signal: options.signal });
  }
}
