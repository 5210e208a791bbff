// Program, catalogue, key set, OpenAPI document and liveness.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { Product } from '@poly-partner/contract';
import { json, textResponse } from '../respond.js';
import { prepared } from '../db/statements.js';
import type { Sandbox } from '../context.js';
import type { OperationHandlers } from '../router.js';
import { ApiProblem } from '../problems.js';

let openApiDocument: Promise<Record<string, unknown>> | undefined;
/** The served text per origin that asked: the document is the same but for `servers`. A few origins at most. */
const openApiTexts = new Map<string, string>();

/**
 * The contract's generated `openapi.json`: beside this code as built (scripts/build.mjs copies it into dist/, as the
 * contract is bundled rather than a dependency of the published sandbox), else the contract's file in this
 * repository, else built from the contract's sources when the file is not generated yet.
 */
async function loadOpenApi(): Promise<Record<string, unknown>> {
  try {
    return JSON.parse(await readFile(new URL('./openapi.json', import.meta.url), 'utf8'));
  } catch {
    // Running from the TypeScript sources: no copy beside src/routes/.
  }
  try {
    const path = createRequire(import.meta.url).resolve('@poly-partner/contract/openapi.json');
    return JSON.parse(await readFile(path, 'utf8'));
  } catch {
    const modulePath = '../../../contract/src/openapi/document.js';
    const module = (await import(/* @vite-ignore */ modulePath)) as { buildOpenApiDocument: () => Record<string, unknown> };
    return module.buildOpenApiDocument();
  }
}

/** The document as served from `origin`: its one server is where the caller reached it, not the default port. */
async function openApiTextFor(origin: string): Promise<string> {
  const cached = openApiTexts.get(origin);
  if (cached !== undefined) return cached;
  openApiDocument ??= loadOpenApi();
  const document = await openApiDocument;
  const text = JSON.stringify({ ...document, servers: [{ url: origin, description: 'This sandbox' }] });
  if (openApiTexts.size >= 16) openApiTexts.clear();
  openApiTexts.set(origin, text);
  return text;
}

export function publicHandlers(sandbox: Sandbox) {
  return {
    getHealth: (c) => json(c, { status: 'ok' }),

    getJwks: (c) => json(c, sandbox.signingKey.jwks),

    getOpenApiDocument: async (c) => {
      try {
        return textResponse(c, await openApiTextFor(new URL(c.req.url).origin));
      } catch {
        openApiDocument = undefined;
        throw new ApiProblem('service_unavailable', 'The OpenAPI document is not available in this build.');
      }
    },

    getProgram: async (c) => {
      return json(c, sandbox.policy);
    },

    listProducts: async (c) => {
      const rows = prepared(sandbox.db, 'SELECT * FROM products ORDER BY position').all() as {
        sku: string; name: string; family: string; list_price: number; currency: string;
      }[];
      const items: Product[] = rows.map((row) => ({ sku: row.sku, name: row.name, family: row.family, listPrice: { amount: row.list_price, currency: row.currency } }));
      return json(c, { items, nextCursor: null, total: items.length });
    },
  } satisfies Partial<OperationHandlers>;
}
