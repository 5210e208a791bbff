// Routes the contract's operation table: each operation to the handler its `operationId` names, behind the access
// check the table declares; every other method on the same paths answers 405.
import type { Context, Hono } from 'hono';
import { type Operation, OPERATIONS } from '@poly-partner/contract';
import type { AppEnv, Sandbox } from './context.js';
import { requireAccess } from './middleware/auth.js';
import { ApiProblem } from './problems.js';

/** An OpenAPI path template as a hono route path: `/v1/deals/{dealId}` → `/v1/deals/:dealId`. */
export type RoutePath<Path extends string> = Path extends `${infer Head}{${infer Name}}${infer Tail}`
  ? `${Head}:${Name}${RoutePath<Tail>}`
  : Path;

export function routePath<Path extends string>(path: Path): RoutePath<Path> {
  return path.replace(/\{(\w+)\}/g, ':$1') as RoutePath<Path>;
}

/** What a route table row needs to be routed: the contract's operations, and the sandbox's own operator route. */
export interface Route {
  method: 'get' | 'post' | 'patch' | 'delete';
  path: string;
  operationId: string;
}

/** The handler of one operation; its context knows the operation's path parameters (`c.req.param('partnerId')`). */
export type Handler<Row extends Route> = (c: Context<AppEnv, RoutePath<Row['path']>>) => Response | Promise<Response>;

/**
 * One handler per row of a route table, keyed by `operationId`. A map that lacks an operation of the table, or names
 * one it does not have, does not compile (test/types/operation-handlers.test-d.ts).
 */
export type HandlersOf<Rows extends Route> = { [Row in Rows as Row['operationId']]: Handler<Row> };

/** A handler for every operation of the contract. */
export type OperationHandlers = HandlersOf<Operation>;

/** Routes every operation of the contract to its handler, behind the access check its row declares. */
export function registerOperations(app: Hono<AppEnv>, sandbox: Sandbox, handlers: OperationHandlers): void {
  for (const operation of OPERATIONS) {
    // Each handler's context is typed by its own path; the table pairs them, so the widening here is sound.
    const handler = handlers[operation.operationId] as Handler<Route>;
    app.on(operation.method.toUpperCase(), routePath(operation.path), requireAccess(sandbox, operation), handler);
  }
}

/** Answers 405, naming the methods a path does answer, for every other method on the paths of `routes`. */
export function registerMethodNotAllowed(app: Hono<AppEnv>, routes: readonly Route[]): void {
  const methods = new Map<string, string[]>();
  for (const route of routes) {
    const path = routePath(route.path);
    methods.set(path, [...(methods.get(path) ?? []), route.method.toUpperCase()]);
  }
  for (const [path, allowed] of methods) {
    app.all(path, () => {
      throw new ApiProblem('method_not_allowed', `Use ${allowed.join(' or ')}.`, undefined, { allow: allowed.join(', ') });
    });
  }
}
