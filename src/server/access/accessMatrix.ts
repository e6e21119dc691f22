import type { Role } from '../../core/access/roles';
import type { FindingEvent } from '../../core/events/events';

/**
 * Who may do what: THE access table of the server (docs/accounts.md, docs/halls.md). requireAuth reads every request's
 * rule from ENDPOINTS (a route without a row is refused: fail closed), and test/server/accessMatrix.test.ts checks
 * every cell of both tables against a running server, on the caller's own hall and on another (the hall axis).
 *
 * Roles (`roles`):
 * - `all`: the role may, on any resource of the hall.
 * - `scoped`: the role may, on resources in its scope only (a chief: findings charged to their units or bound
 *   windows; an office: recordings of the ledger items its offices own); a foreign resource answers 403, is left
 *   out of a list, or (an event) is rejected.
 * - `none`: refused with 403.
 * A centre administrator (an account of no hall) is an `admin` in the hall of its token.
 *
 * Halls (`hall`):
 * - `own`: works on the hall of the caller's token; a finding, photo, notice, account, device, key, sign-in or scheme
 *   of another hall is refused with 403 (and left out of every list), and nothing of another hall changes.
 * - `centre`: a centre administrator's request about the halls they manage (an account of a hall: 403; a hall they do
 *   not manage: 403).
 * - `none`: no sign-in, no hall (sign-in itself names its hall; the health probe).
 */
export type Access = 'all' | 'scoped' | 'none';
export type HallAccess = 'own' | 'centre' | 'none';

export interface EndpointRule {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH';
  /** Hono-style path; `:name` matches one segment. */
  path: string;
  /** null: no sign-in needed (sign-in itself, the health probe). */
  roles: Record<Role, Access> | null;
  hall: HallAccess;
  /** What `scoped` is about, for the reader and the test. */
  resource: string;
}

const every = { admin: 'all', inspector: 'all', chief: 'all', committee: 'all', office: 'all' } as const;
const adminOnly = { admin: 'all', inspector: 'none', chief: 'none', committee: 'none', office: 'none' } as const;
/** Those who read a period's results and its publications: the committee, admin and office all, a chief their own (issue 11). */
const resultReaders = { admin: 'all', inspector: 'none', chief: 'scoped', committee: 'all', office: 'all' } as const;
/** What holds no subject's data (published periods, a digest check): the committee, admin, office and every chief. */
const periodReaders = { admin: 'all', inspector: 'none', chief: 'all', committee: 'all', office: 'all' } as const;
/** Everyone signed in; a chief only within their scope (an office sees the hall: it enters ledgers for all of it). */
const chiefScoped = { admin: 'all', inspector: 'all', chief: 'scoped', committee: 'all', office: 'all' } as const;

export const ENDPOINTS: readonly EndpointRule[] = [
  { method: 'GET', path: '/api/health', roles: null, hall: 'none', resource: 'none' },
  { method: 'POST', path: '/api/auth/login', roles: null, hall: 'none', resource: 'the hall signed in to (an account of another hall: 403)' },
  { method: 'POST', path: '/api/auth/logout', roles: every, hall: 'own', resource: 'the caller’s own sign-in' },
  { method: 'GET', path: '/api/auth/me', roles: every, hall: 'own', resource: 'the caller’s own sign-in' },
  { method: 'POST', path: '/api/auth/hall', roles: adminOnly, hall: 'centre', resource: 'a sign-in for another hall the centre administrator manages' },
  { method: 'POST', path: '/api/auth/keys', roles: { admin: 'none', inspector: 'none', chief: 'all', committee: 'none', office: 'none' }, hall: 'own', resource: 'a hand-over key for the caller’s device' },
  { method: 'POST', path: '/api/auth/keys/:keyId/revoke', roles: { admin: 'scoped', inspector: 'scoped', chief: 'scoped', committee: 'scoped', office: 'scoped' }, hall: 'own', resource: 'the caller’s own keys (another’s: 404)' },
  { method: 'POST', path: '/api/sync/push', roles: every, hall: 'own', resource: 'events: see EVENTS' },
  { method: 'POST', path: '/api/sync/pull', roles: chiefScoped, hall: 'own', resource: 'findings (a chief pulls only theirs)' },
  { method: 'GET', path: '/api/photos/:hash/status', roles: every, hall: 'own', resource: 'the caller’s own upload' },
  { method: 'PATCH', path: '/api/photos/:hash', roles: every, hall: 'own', resource: 'the caller’s own upload' },
  { method: 'GET', path: '/api/photos/:hash', roles: chiefScoped, hall: 'own', resource: 'photos named by findings' },
  { method: 'GET', path: '/api/results', roles: chiefScoped, hall: 'own', resource: 'subjects (a chief sees only theirs)' },
  { method: 'GET', path: '/api/results/explanation', roles: chiefScoped, hall: 'own', resource: 'one subject’s explanation (a chief: only theirs)' },
  { method: 'GET', path: '/api/publications', roles: resultReaders, hall: 'own', resource: 'a period’s revisions (a chief: changes to their subjects only)' },
  { method: 'GET', path: '/api/publications/periods', roles: periodReaders, hall: 'own', resource: 'published periods (no subject data)' },
  { method: 'GET', path: '/api/publications/:scheme/:period/:revision', roles: resultReaders, hall: 'own', resource: 'a revision’s frozen results (a chief sees only theirs)' },
  { method: 'GET', path: '/api/publications/:scheme/:period/:revision/verify', roles: periodReaders, hall: 'own', resource: 'the digest of a revision (whole period; no subject data)' },
  { method: 'POST', path: '/api/publications', roles: { admin: 'none', inspector: 'none', chief: 'none', committee: 'all', office: 'none' }, hall: 'own', resource: 'publishing a period or a revision' },
  { method: 'GET', path: '/api/exports/results.xlsx', roles: resultReaders, hall: 'own', resource: 'subjects (a chief’s file holds only theirs)' },
  { method: 'GET', path: '/api/exports/results.csv', roles: resultReaders, hall: 'own', resource: 'subjects (a chief’s file holds only theirs)' },
  { method: 'GET', path: '/api/findings/:id/history', roles: chiefScoped, hall: 'own', resource: 'findings' },
  { method: 'GET', path: '/api/notices/:noticeId', roles: chiefScoped, hall: 'own', resource: 'notices (every finding must be in scope)' },
  { method: 'GET', path: '/api/review/settings', roles: every, hall: 'own', resource: 'none' },
  { method: 'PUT', path: '/api/review/settings', roles: adminOnly, hall: 'own', resource: 'none' },
  { method: 'GET', path: '/api/review/queue', roles: { admin: 'all', inspector: 'none', chief: 'none', committee: 'all', office: 'none' }, hall: 'own', resource: 'contests' },
  { method: 'GET', path: '/api/admin/accounts', roles: adminOnly, hall: 'own', resource: 'accounts' },
  { method: 'POST', path: '/api/admin/accounts', roles: adminOnly, hall: 'own', resource: 'accounts' },
  { method: 'POST', path: '/api/admin/accounts/:id/password', roles: adminOnly, hall: 'own', resource: 'accounts' },
  { method: 'POST', path: '/api/admin/accounts/:id/disable', roles: adminOnly, hall: 'own', resource: 'accounts (not the caller’s own: 409)' },
  { method: 'POST', path: '/api/admin/accounts/:id/enable', roles: adminOnly, hall: 'own', resource: 'accounts' },
  { method: 'GET', path: '/api/admin/devices', roles: adminOnly, hall: 'own', resource: 'devices' },
  { method: 'POST', path: '/api/admin/devices/:id/revoke', roles: adminOnly, hall: 'own', resource: 'devices' },
  { method: 'POST', path: '/api/admin/keys/:id/revoke', roles: adminOnly, hall: 'own', resource: 'hand-over keys' },
  { method: 'POST', path: '/api/admin/tokens/:id/revoke', roles: adminOnly, hall: 'own', resource: 'sign-ins' },
  { method: 'PUT', path: '/api/admin/accounts/:id/scope', roles: adminOnly, hall: 'own', resource: 'accounts (a chief’s units and windows)' },
  { method: 'GET', path: '/api/admin/hall', roles: adminOnly, hall: 'own', resource: 'the hall setup' },
  { method: 'PUT', path: '/api/admin/hall', roles: adminOnly, hall: 'own', resource: 'the hall setup' },
  { method: 'GET', path: '/api/admin/hall/settings', roles: adminOnly, hall: 'own', resource: 'the hall’s name, time zone, hours, closed days' },
  { method: 'PUT', path: '/api/admin/hall/settings', roles: adminOnly, hall: 'own', resource: 'the hall’s name, time zone, hours, closed days' },
  { method: 'GET', path: '/api/admin/hall/floor', roles: adminOnly, hall: 'own', resource: 'the floor map and windows' },
  { method: 'PUT', path: '/api/admin/hall/floor', roles: adminOnly, hall: 'own', resource: 'the floor map and windows' },
  { method: 'GET', path: '/api/admin/hall/roster', roles: adminOnly, hall: 'own', resource: 'units, staff, chiefs' },
  { method: 'PUT', path: '/api/admin/hall/roster', roles: adminOnly, hall: 'own', resource: 'units, staff, chiefs' },
  { method: 'GET', path: '/api/admin/hall/roster/template', roles: adminOnly, hall: 'own', resource: 'a roster template of the hall’s units' },
  { method: 'POST', path: '/api/admin/hall/roster/import', roles: adminOnly, hall: 'own', resource: 'units, staff, chiefs (from a file)' },
  { method: 'GET', path: '/api/admin/schemes', roles: adminOnly, hall: 'own', resource: 'the scheme versions the hall holds, its schedule' },
  { method: 'POST', path: '/api/admin/schemes', roles: adminOnly, hall: 'own', resource: 'a new scheme version of the hall' },
  { method: 'PUT', path: '/api/admin/schemes/schedule', roles: adminOnly, hall: 'own', resource: 'the scheme schedule (another hall’s scheme: 403)' },
  { method: 'GET', path: '/api/admin/schemes/what-if', roles: adminOnly, hall: 'own', resource: 'a version’s results beside the real ones (another hall’s scheme: 403)' },
  { method: 'GET', path: '/api/admin/schemes/:key', roles: adminOnly, hall: 'own', resource: 'a scheme version (another hall’s: 403)' },
  { method: 'GET', path: '/api/centre/halls', roles: adminOnly, hall: 'centre', resource: 'the halls the centre administrator manages' },
  { method: 'POST', path: '/api/centre/halls', roles: adminOnly, hall: 'centre', resource: 'a new hall (managed by its maker)' },
  { method: 'GET', path: '/api/admin/backups', roles: adminOnly, hall: 'centre', resource: 'backups (every hall’s data: a centre administrator of every hall)' },
  { method: 'POST', path: '/api/admin/backups', roles: adminOnly, hall: 'centre', resource: 'backups (every hall’s data: a centre administrator of every hall)' },
  { method: 'GET', path: '/api/admin/backups/:name', roles: adminOnly, hall: 'centre', resource: 'backups (every hall’s data: a centre administrator of every hall)' },
];

/**
 * Pushed events: which role may push each act, on a finding in its scope (`scoped`) or any (`all`). Besides the
 * table, three rules hold for every cell (checked by the same test): the actor is the pushing account (a hand-over
 * proof aside), only a finding's author voids it, and a recording's placement must be in the pusher's scope.
 * core/access/checkEvent.ts decides it on the tablet and the server alike; a test keeps the two tables equal.
 */
export const EVENTS: Record<FindingEvent['type'], Record<Role, Access>> = {
  'finding.recorded': { admin: 'all', inspector: 'all', chief: 'none', committee: 'none', office: 'scoped' },
  'finding.voided': { admin: 'none', inspector: 'all', chief: 'none', committee: 'none', office: 'all' },
  'finding.acknowledged': { admin: 'none', inspector: 'all', chief: 'scoped', committee: 'none', office: 'none' },
  'finding.contested': { admin: 'none', inspector: 'all', chief: 'scoped', committee: 'none', office: 'none' },
  'contest.decided': { admin: 'none', inspector: 'none', chief: 'none', committee: 'all', office: 'none' },
  'contest.reopened': { admin: 'none', inspector: 'none', chief: 'none', committee: 'all', office: 'none' },
  'finding.rectified': { admin: 'all', inspector: 'all', chief: 'none', committee: 'all', office: 'none' },
};

const compiled = ENDPOINTS.map((e) => ({ rule: e, re: new RegExp(`^${e.path.replace(/:[A-Za-z]+/g, '[^/]+')}$`) }));

/** The rule of a request, or undefined when no endpoint matches. */
export function endpointOf(method: string, path: string): EndpointRule | undefined {
  return compiled.find((c) => c.rule.method === method && c.re.test(path))?.rule;
}
