import type { Role } from '../../core/access/roles';
import type { FindingEvent } from '../../core/events/events';

/**
 * Who may do what: THE access table of the server (docs/accounts.md). requireAuth reads every request's rule from
 * ENDPOINTS (a route without a row is refused: fail closed), and test/server/accessMatrix.test.ts checks every cell
 * of both tables against a running server. New endpoints are added as rows; when halls become many (issue 10), a
 * `hall` column ('own' | 'any') joins `roles` the same way and the test gains an own/foreign hall axis.
 *
 * - `all`: the role may, on any resource.
 * - `scoped`: the role may, on resources in its scope only (a chief: findings charged to their units or bound
 *   windows); a foreign resource answers 403, or is left out of a list.
 * - `none`: refused with 403.
 */
export type Access = 'all' | 'scoped' | 'none';

export interface EndpointRule {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH';
  /** Hono-style path; `:name` matches one segment. */
  path: string;
  /** null: no sign-in needed (sign-in itself, the health probe). */
  roles: Record<Role, Access> | null;
  /** What `scoped` is about, for the reader and the test. */
  resource: string;
}

const every = { admin: 'all', inspector: 'all', chief: 'all', committee: 'all' } as const;
const adminOnly = { admin: 'all', inspector: 'none', chief: 'none', committee: 'none' } as const;
/** Everyone signed in; a chief only within their scope. */
const chiefScoped = { admin: 'all', inspector: 'all', chief: 'scoped', committee: 'all' } as const;

export const ENDPOINTS: readonly EndpointRule[] = [
  { method: 'GET', path: '/api/health', roles: null, resource: 'none' },
  { method: 'POST', path: '/api/auth/login', roles: null, resource: 'none' },
  { method: 'POST', path: '/api/auth/logout', roles: every, resource: 'the caller’s own sign-in' },
  { method: 'GET', path: '/api/auth/me', roles: every, resource: 'the caller’s own sign-in' },
  { method: 'POST', path: '/api/auth/keys', roles: { admin: 'none', inspector: 'none', chief: 'all', committee: 'none' }, resource: 'a hand-over key for the caller’s device' },
  { method: 'POST', path: '/api/auth/keys/:keyId/revoke', roles: { admin: 'scoped', inspector: 'scoped', chief: 'scoped', committee: 'scoped' }, resource: 'the caller’s own keys (another’s: 404)' },
  { method: 'POST', path: '/api/sync/push', roles: every, resource: 'events: see EVENTS' },
  { method: 'POST', path: '/api/sync/pull', roles: chiefScoped, resource: 'findings (a chief pulls only theirs)' },
  { method: 'GET', path: '/api/photos/:hash/status', roles: every, resource: 'the caller’s own upload' },
  { method: 'PATCH', path: '/api/photos/:hash', roles: every, resource: 'the caller’s own upload' },
  { method: 'GET', path: '/api/photos/:hash', roles: chiefScoped, resource: 'photos named by findings' },
  { method: 'GET', path: '/api/results', roles: chiefScoped, resource: 'subjects (a chief sees only theirs)' },
  { method: 'GET', path: '/api/results/explanation', roles: chiefScoped, resource: 'one subject’s explanation (a chief: only theirs)' },
  { method: 'GET', path: '/api/findings/:id/history', roles: chiefScoped, resource: 'findings' },
  { method: 'GET', path: '/api/notices/:noticeId', roles: chiefScoped, resource: 'notices (every finding must be in scope)' },
  { method: 'GET', path: '/api/review/settings', roles: every, resource: 'none' },
  { method: 'PUT', path: '/api/review/settings', roles: adminOnly, resource: 'none' },
  { method: 'GET', path: '/api/review/queue', roles: { admin: 'all', inspector: 'none', chief: 'none', committee: 'all' }, resource: 'contests' },
  { method: 'GET', path: '/api/admin/accounts', roles: adminOnly, resource: 'accounts' },
  { method: 'POST', path: '/api/admin/accounts', roles: adminOnly, resource: 'accounts' },
  { method: 'POST', path: '/api/admin/accounts/:id/password', roles: adminOnly, resource: 'accounts' },
  { method: 'POST', path: '/api/admin/accounts/:id/disable', roles: adminOnly, resource: 'accounts (not the caller’s own: 409)' },
  { method: 'POST', path: '/api/admin/accounts/:id/enable', roles: adminOnly, resource: 'accounts' },
  { method: 'GET', path: '/api/admin/devices', roles: adminOnly, resource: 'devices' },
  { method: 'POST', path: '/api/admin/devices/:id/revoke', roles: adminOnly, resource: 'devices' },
  { method: 'POST', path: '/api/admin/keys/:id/revoke', roles: adminOnly, resource: 'hand-over keys' },
  { method: 'POST', path: '/api/admin/tokens/:id/revoke', roles: adminOnly, resource: 'sign-ins' },
  { method: 'PUT', path: '/api/admin/hall', roles: adminOnly, resource: 'the hall setup' },
  { method: 'GET', path: '/api/admin/backups', roles: adminOnly, resource: 'backups' },
  { method: 'POST', path: '/api/admin/backups', roles: adminOnly, resource: 'backups' },
  { method: 'GET', path: '/api/admin/backups/:name', roles: adminOnly, resource: 'backups' },
];

/**
 * Pushed events: which role may push each act, on a finding in its scope (`scoped`) or any (`all`). Besides the
 * table, three rules hold for every cell (checked by the same test): the actor is the pushing account (a hand-over
 * proof aside), only a finding's author voids it, and a recording's placement must be in the pusher's scope.
 * core/access/checkEvent.ts decides it on the tablet and the server alike; a test keeps the two tables equal.
 */
export const EVENTS: Record<FindingEvent['type'], Record<Role, Access>> = {
  'finding.recorded': { admin: 'all', inspector: 'all', chief: 'none', committee: 'none' },
  'finding.voided': { admin: 'none', inspector: 'all', chief: 'none', committee: 'none' },
  'finding.acknowledged': { admin: 'none', inspector: 'all', chief: 'scoped', committee: 'none' },
  'finding.contested': { admin: 'none', inspector: 'all', chief: 'scoped', committee: 'none' },
  'contest.decided': { admin: 'none', inspector: 'none', chief: 'none', committee: 'all' },
  'contest.reopened': { admin: 'none', inspector: 'none', chief: 'none', committee: 'all' },
  'finding.rectified': { admin: 'all', inspector: 'all', chief: 'none', committee: 'all' },
};

const compiled = ENDPOINTS.map((e) => ({ rule: e, re: new RegExp(`^${e.path.replace(/:[A-Za-z]+/g, '[^/]+')}$`) }));

/** The rule of a request, or undefined when no endpoint matches. */
export function endpointOf(method: string, path: string): EndpointRule | undefined {
  return compiled.find((c) => c.rule.method === method && c.re.test(path))?.rule;
}
