// Access as the contract's operation table declares it (`access` of each row of `OPERATIONS`): the route's middleware
// verifies the credential and its scope before the handler runs, which then checks only what depends on the resource.
import type { MiddlewareHandler } from 'hono';
import type { OperationSpec } from '@poly-partner/contract';
import { authenticate, requireScope } from '../auth/credentials.js';
import type { AppEnv, Sandbox } from '../context.js';
import { ApiProblem } from '../problems.js';
import { carriesCredential, countPerAddress } from './rate-limit.js';

/**
 * `'public'`: no credential to check; a request that carries one anyway is counted per address here (the anonymous
 * rate limit left it to the route), unless the row is `notRateLimited`. Otherwise resolves the request's credential
 * (counting it against the rate limits; a publishable key also from `?key=` where the row says
 * `publishable: 'andQuery'`), refuses it without the row's scope (or, for `'secretKeyOnly'`, unless it is a secret
 * key), and leaves it in `c.get('principal')`.
 */
export function requireAccess(sandbox: Sandbox, operation: OperationSpec): MiddlewareHandler<AppEnv> {
  const { access } = operation;
  if (access === 'public') {
    if (operation.notRateLimited) return (_c, next) => next();
    return (c, next) => {
      if (carriesCredential(c)) countPerAddress(sandbox, c);
      return next();
    };
  }
  const queryKey = access !== 'secretKeyOnly' && access.publishable === 'andQuery';
  return async (c, next) => {
    const principal = await authenticate(sandbox, c, { queryKey });
    if (access === 'secretKeyOnly') {
      if (principal.credential !== 'secret') throw new ApiProblem('forbidden', 'Only a secret key can do this; it is for servers.');
    } else {
      requireScope(principal, access.scope);
    }
    c.set('principal', principal);
    return next();
  };
}
