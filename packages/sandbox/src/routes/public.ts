// Program, catalogue, key set, OpenAPI document and liveness.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { Hono } from 'hono';
import type { Product } from '@poly-partner/contract';
import { authenticate, requireScope } from '../auth/credentials.js';
import { json, textResponse } from '../respond.js';
import { prepared } from '../db/statements.js';
import type { AppEnv, Sandbox } from '../context.js';
import { ApiProblem } from '../problems.js';

let openApiText: Promise<string> | undefined;

/** The contract's generated `openapi.json`; built from the contract's sources when the file is not generated yet. */
async function loadOpenApi(): Promise<string> {
  try {
    const path = createRequire(import.meta.url).resolve('@poly-partner/contract/openapi.json');
    return await readFile(path, 'utf8');
  } catch {
    const modulePath = '../../../contract/src/openapi/document.js';
    const module = (await import(/* @vite-ignore */ modulePath)) as { buildOpenApiDocument: () => unknown };
    return JSON.stringify(module.buildOpenApiDocument());
  }
}

export function registerPublicRoutes(app: Hono<AppEnv>, sandbox: Sandbox): void {
  app.get('/healthz', (c) => json(c, { status: 'ok' }));

  app.get('/.well-known/jwks.json', (c) => json(c, sandbox.signingKey.jwks));

  app.get('/openapi.json', async (c) => {
    openApiText ??= loadOpenApi();
    try {
      return textResponse(c, await openApiText);
    } catch {
      openApiText = undefined;
      throw new ApiProblem('service_unavailable', 'The OpenAPI document is not available in this build.');
    }
  });

  app.get('/v1/program', async (c) => {
    requireScope(await authenticate(sandbox, c), 'program:read');
    return json(c, sandbox.policy);
  });

  app.get('/v1/products', async (c) => {
    requireScope(await authenticate(sandbox, c), 'program:read');
    const rows = prepared(sandbox.db, 'SELECT * FROM products ORDER BY position').all() as {
      sku: string; name: string; family: string; list_price: number; currency: string;
    }[];
    const items: Product[] = rows.map((row) => ({ sku: row.sku, name: row.name, family: row.family, listPrice: { amount: row.list_price, currency: row.currency } }));
    return json(c, { items, nextCursor: null, total: items.length });
  });
}
