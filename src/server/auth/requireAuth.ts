import { createMiddleware } from 'hono/factory';
import { ROLES } from '../../core/access/roles';
import { endpointOf } from '../access/accessMatrix';
import type { AppEnv } from '../appEnv';
import { errorResponse } from '../httpError';
import { liveToken, managedHalls } from '../storage/accountRepo';
import type { Db } from '../storage/db';
import { tokenHash } from './tokens';

/**
 * Every API route but sign-in passes here: a live bearer token (not expired, not revoked, account enabled, and still
 * acting in the token's hall), and a role the access table (ENDPOINTS) lets use this method and path; a `centre` row
 * only for a centre administrator. A request no row matches is refused. Checked against the database on each request,
 * so a revocation is immediate. The token's hall is the request's hall (docs/halls.md).
 */
export function requireAuth(db: Db) {
  return createMiddleware<AppEnv>(async (c, next) => {
    const rule = endpointOf(c.req.method, c.req.path);
    if (!rule?.roles) return errorResponse(c, 'not-found', `no API route ${c.req.method} ${c.req.path.slice(0, 200)}`);
    const roles = ROLES.filter((r) => rule.roles?.[r] !== 'none');
    const header = c.req.header('authorization') ?? '';
    const m = /^Bearer ([A-Za-z0-9_-]{20,200})$/.exec(header);
    if (!m?.[1]) return errorResponse(c, 'unauthenticated', 'sign in first: no bearer token in the Authorization header');
    const live = await liveToken(db, tokenHash(m[1]));
    if (!live) return errorResponse(c, 'unauthenticated', 'the sign-in has expired or was revoked; sign in again');
    if (!roles.includes(live.account.role)) {
      return errorResponse(c, 'forbidden', `a ${live.account.role} may not use ${c.req.method} ${c.req.path} (allowed: ${roles.join(', ')})`);
    }
    const a = live.account;
    if (rule.hall === 'centre' && a.hallId !== null) {
      return errorResponse(c, 'forbidden', `only a centre administrator may use ${c.req.method} ${c.req.path}; ${a.id} is an account of hall ${a.hallId}`);
    }
    c.set('auth', {
      tokenId: live.tokenId,
      deviceId: live.deviceId,
      hallId: live.hallId,
      centre: a.hallId === null ? { halls: await managedHalls(db, a.id) } : null,
      ageSeconds: live.ageSeconds,
      account: a,
      actor: { accountId: a.id, role: a.role, unitIds: a.unitIds, windowIds: a.windowIds, offices: a.offices, deviceId: live.deviceId },
    });
    await next();
  });
}
