// The Poly catalogue offered in deal registration.
import * as z from 'zod/mini';
import { MoneySchema, pageOf } from './common.js';

export const SkuSchema = z.string().check(z.minLength(1), z.maxLength(40), z.regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/));

export const ProductSchema = z.object({
  sku: SkuSchema,
  name: z.string(),
  family: z.string(),
  listPrice: MoneySchema,
});
export type Product = z.infer<typeof ProductSchema>;

export const ProductListSchema = pageOf(ProductSchema);
export type ProductList = z.infer<typeof ProductListSchema>;
