// Type tests, checked by `pnpm run typecheck` and never run: the sandbox must have a handler for every operation of
// the contract's table. Each `@ts-expect-error` fails the type check if the line below it ever compiles.
import type { Operation } from '@poly-partner/contract';
import type { HandlersOf, OperationHandlers } from '../../src/router.js';

declare const handlers: OperationHandlers;

// The map the sandbox builds (app.ts) with one handler left out.
const { getHealth: _leftOut, ...withoutHealth } = handlers;

// @ts-expect-error `getHealth` has no handler.
withoutHealth satisfies OperationHandlers;

// @ts-expect-error `getHealth` has no handler.
export const missing: OperationHandlers = withoutHealth;

// A route added to the table without a handler: today's handlers do not cover the longer table.
type NewOperation = { method: 'get'; path: '/v1/partners/{partnerId}/certificates'; operationId: 'listCertificates' };

// @ts-expect-error `listCertificates` has no handler.
export const added: HandlersOf<Operation | NewOperation> = handlers;

// Given its handler, the longer table is covered; its context knows the new path's parameter.
export const covered: HandlersOf<Operation | NewOperation> = {
  ...handlers,
  listCertificates: (c) => Response.json({ partnerId: c.req.param('partnerId') }),
};

// A handler under a name the table does not have (a typo) is refused as well.
export const misspelt = {
  ...handlers,
  // @ts-expect-error `getHeatlh` is no operation of the table.
  getHeatlh: () => new Response(),
} satisfies OperationHandlers;

// A handler's `param()` is sure only of its own path's parameters; another name may be missing (`string | undefined`).
export const wrongParameter: Pick<OperationHandlers, 'getDeal'> = {
  // @ts-expect-error `/v1/deals/{dealId}` has no `partnerId`: it is not sure to be a string.
  getDeal: (c) => Response.json({ partnerId: c.req.param('partnerId') satisfies string }),
};
