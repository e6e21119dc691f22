import { Hono } from 'hono';
import type { Context } from 'hono';
import { ulid } from 'ulid';
import { z } from 'zod';
import { ROLES } from '../../core/access/roles';
import type { Role } from '../../core/access/roles';
import { ledgerOffices } from '../../core/scheme/ledgerItems';
import { hashPassword } from '../auth/password';
import type { AppEnv, ServerDeps } from '../appEnv';
import { requireAuth } from '../auth/requireAuth';
import { describeIssues, errorResponse, readJson } from '../httpError';
import { publishAccounts } from '../hall/publishAccounts';
import { accountById, deviceHalls, hallAccounts, insertAccount, listDevices, revokeTokens, setAccountDisabled, setAccountScope, setPasswordHash, tokenHall } from '../storage/accountRepo';
import type { AccountRow } from '../storage/accountRepo';
import { allDeviceKeys, keyHall, revokeDeviceKeys } from '../storage/deviceKeyRepo';

const password = z.string().min(8, 'at least 8 characters').max(200);
const ids = z.array(z.string().min(1).max(100)).max(500);
const newAccount = z
  .object({
    username: z.string().regex(/^[a-z0-9][a-z0-9._-]{1,49}$/, 'a user name of lower-case letters, digits, dot, dash or underscore'),
    name: z.string().min(1).max(100),
    role: z.enum(ROLES),
    unitIds: ids.default([]),
    windowIds: ids.default([]),
    /** For an office: the responsible offices (the `office` of ledger items) it enters. */
    offices: z.array(z.string().min(1).max(100)).max(50).default([]),
    password,
  })
  .strict();
const scope = z.object({ unitIds: ids, windowIds: ids }).strict();

/**
 * The hall admin's tools, on the hall of the admin's token (docs/admin-api.md): accounts (create, bind a chief, reset
 * a password, disable, enable), devices and their sign-ins (revoke a lost tablet). An account,
 * device, key or sign-in of another hall answers 403; a centre administrator's account is managed at the centre.
 */
export function adminRoutes({ db, hall, log }: ServerDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.use('*', requireAuth(db));
  /** One log line per admin action that changed something: who, in which hall, what, on what. */
  const done = (c: Context<AppEnv>, action: string, target: string): void =>
    log({ kind: 'admin', action, by: c.get('auth').account.id, hall: c.get('auth').hallId, target: target.slice(0, 100) });

  /** The account named by the path, if it is one of this hall's: else the refusal (404 none, 403 another hall's or a centre administrator). */
  const hallAccount = async (c: Context<AppEnv>): Promise<{ account: AccountRow } | { response: Response }> => {
    const id = c.req.param('id') ?? '';
    const a = await accountById(db, id);
    const { hallId } = c.get('auth');
    if (!a) return { response: errorResponse(c, 'not-found', `no account "${id.slice(0, 100)}"`) };
    if (a.hallId === null) return { response: errorResponse(c, 'forbidden', `${a.id} is a centre administrator's account: it is managed at the centre, not by a hall`) };
    if (a.hallId !== hallId) return { response: errorResponse(c, 'forbidden', `account ${a.id} belongs to another hall; this sign-in is for hall ${hallId}`) };
    return { account: a };
  };

  /** Units and windows a chief may be bound to must be this hall's; only a chief is bound. */
  const scopeProblem = async (hallId: string, role: string, unitIds: readonly string[], windowIds: readonly string[]): Promise<string | null> => {
    const { index } = await hall.current(db, hallId);
    const unknown = [...unitIds.filter((u) => !index.find('unit', u)).map((u) => `unit "${u}"`), ...windowIds.filter((w) => !index.find('window', w)).map((w) => `window "${w}"`)];
    if (unknown.length) return `${unknown.join(', ')} not in the roster`;
    if (role === 'chief' && unitIds.length + windowIds.length === 0) return 'a chief answers for at least one unit or window';
    if (role !== 'chief' && unitIds.length + windowIds.length > 0) return `only a chief is bound to units or windows, not a ${role}`;
    return null;
  };

  app.get('/accounts', async (c) => {
    const list = await hallAccounts(db, c.get('auth').hallId);
    return c.json(list.map(({ passwordHash: _hidden, hallId, ...a }) => ({ ...a, centre: hallId === null })));
  });

  app.post('/accounts', async (c) => {
    const body = await readJson(c);
    if (!body.ok) return body.response;
    const req = newAccount.safeParse(body.value);
    if (!req.success) return errorResponse(c, 'bad-request', `account: ${describeIssues(req.error.issues)}`);
    const a = req.data;
    const { hallId } = c.get('auth');
    const problem = await scopeProblem(hallId, a.role, a.unitIds, a.windowIds);
    if (problem) return errorResponse(c, 'bad-request', `account: ${problem}`);
    const offices = officeProblem(a.role, a.offices, ledgerOffices([...(await hall.current(db, hallId)).schemes.values()]));
    if (offices) return errorResponse(c, 'bad-request', `account: ${offices}`);
    const id = `acc-${ulid()}`;
    const passwordHash = await hashPassword(a.password);
    const created = await db.transaction(async (tx) => {
      if (!(await insertAccount(tx, { id, username: a.username, name: a.name, role: a.role, unitIds: a.unitIds, windowIds: a.windowIds, offices: a.offices, passwordHash, hallId }))) return false;
      await publishAccounts(tx, hallId);
      return true;
    });
    if (!created) return errorResponse(c, 'conflict', `the user name "${a.username}" is taken`);
    done(c, 'account.create', `${id} (${a.username}, ${a.role})`);
    return c.json({ id, username: a.username }, 201);
  });

  // Bind a chief to the units and windows they answer for (replacing the old binding); the hall's devices pull it.
  app.put('/accounts/:id/scope', async (c) => {
    const found = await hallAccount(c);
    if ('response' in found) return found.response;
    const body = await readJson(c);
    if (!body.ok) return body.response;
    const req = scope.safeParse(body.value);
    if (!req.success) return errorResponse(c, 'bad-request', `scope: ${describeIssues(req.error.issues)}`);
    const { hallId } = c.get('auth');
    const problem = await scopeProblem(hallId, found.account.role, req.data.unitIds, req.data.windowIds);
    if (problem) return errorResponse(c, 'bad-request', `scope of ${found.account.id}: ${problem}`);
    await db.transaction(async (tx) => {
      await setAccountScope(tx, found.account.id, req.data.unitIds, req.data.windowIds);
      await publishAccounts(tx, hallId);
    });
    done(c, 'account.scope', `${found.account.id}: ${[...req.data.unitIds, ...req.data.windowIds].join(',')}`);
    return c.json({ id: found.account.id, unitIds: req.data.unitIds, windowIds: req.data.windowIds });
  });

  app.post('/accounts/:id/password', async (c) => {
    const found = await hallAccount(c);
    if ('response' in found) return found.response;
    const body = await readJson(c);
    if (!body.ok) return body.response;
    const req = z.object({ password }).strict().safeParse(body.value);
    if (!req.success) return errorResponse(c, 'bad-request', `password: ${describeIssues(req.error.issues)}`);
    const id = found.account.id;
    const hash = await hashPassword(req.data.password);
    // A new password ends every sign-in made with the old one.
    await db.transaction(async (tx) => {
      await setPasswordHash(tx, id, hash);
      await revokeTokens(tx, { accountId: id });
      await revokeDeviceKeys(tx, { accountId: id });
    });
    done(c, 'account.password', id);
    return c.json({ changed: id });
  });

  app.post('/accounts/:id/disable', async (c) => {
    // The hall must keep an admin who can sign in: an admin never locks themselves out.
    if (c.req.param('id') === c.get('auth').account.id) return errorResponse(c, 'conflict', 'an admin may not disable their own account; ask another admin');
    const found = await hallAccount(c);
    if ('response' in found) return found.response;
    const id = found.account.id;
    await db.transaction(async (tx) => {
      await setAccountDisabled(tx, id, true);
      await revokeTokens(tx, { accountId: id });
      await revokeDeviceKeys(tx, { accountId: id });
      await publishAccounts(tx, c.get('auth').hallId);
    });
    done(c, 'account.disable', id);
    return c.json({ disabled: id });
  });

  // A disabled account can sign in again (its old sign-ins and hand-over keys stay ended).
  app.post('/accounts/:id/enable', async (c) => {
    const found = await hallAccount(c);
    if ('response' in found) return found.response;
    const id = found.account.id;
    await db.transaction(async (tx) => {
      await setAccountDisabled(tx, id, false);
      await publishAccounts(tx, c.get('auth').hallId);
    });
    done(c, 'account.enable', id);
    return c.json({ enabled: id });
  });

  app.get('/devices', async (c) => {
    const { hallId } = c.get('auth');
    const [devices, keys] = await Promise.all([listDevices(db, hallId), allDeviceKeys(db, hallId)]);
    return c.json(devices.map((d) => ({ ...d, keys: keys.filter((k) => k.deviceId === d.id) })));
  });

  // A lost tablet: its sign-ins to this hall and the hand-over keys registered for it here end at once.
  app.post('/devices/:id/revoke', async (c) => {
    const deviceId = c.req.param('id');
    const { hallId } = c.get('auth');
    const halls = await deviceHalls(db, deviceId);
    if (!halls.includes(hallId)) {
      return halls.length
        ? errorResponse(c, 'forbidden', `device "${deviceId.slice(0, 100)}" is signed in to another hall, not to hall ${hallId}`)
        : errorResponse(c, 'not-found', `no device "${deviceId.slice(0, 100)}"`);
    }
    const [revoked, keys] = await db.transaction(async (tx) => [await revokeTokens(tx, { hallId, deviceId }), await revokeDeviceKeys(tx, { hallId, deviceId })] as const);
    done(c, 'device.revoke', `${deviceId} (${revoked} sign-ins, ${keys} keys)`);
    return c.json({ revoked, keys });
  });

  app.post('/keys/:id/revoke', async (c) => {
    const where = await keyHall(db, c.req.param('id'));
    if (where !== undefined && where !== c.get('auth').hallId) return errorResponse(c, 'forbidden', `key "${c.req.param('id')}" is registered in another hall`);
    const revoked = await revokeDeviceKeys(db, { keyId: c.req.param('id') });
    if (revoked) done(c, 'key.revoke', c.req.param('id'));
    return c.json({ revoked });
  });

  app.post('/tokens/:id/revoke', async (c) => {
    const where = await tokenHall(db, c.req.param('id'));
    if (where !== undefined && where !== c.get('auth').hallId) return errorResponse(c, 'forbidden', `sign-in "${c.req.param('id')}" is for another hall`);
    const revoked = await revokeTokens(db, { tokenId: c.req.param('id') });
    if (revoked) done(c, 'token.revoke', c.req.param('id'));
    return c.json({ revoked });
  });

  return app;
}

/** What is wrong with an account's offices: an office names at least one office that owns ledger items; no other role names any. */
function officeProblem(role: Role, offices: readonly string[], known: readonly string[]): string | null {
  if (role !== 'office') return offices.length > 0 ? `only an office is bound to offices, not a ${role}` : null;
  if (offices.length === 0) return `an office enters the ledger items of at least one office (one of: ${known.join(', ')})`;
  const unknown = offices.filter((o) => !known.includes(o));
  return unknown.length > 0 ? `${unknown.map((o) => `"${o}"`).join(', ')} owns no ledger item in the hall's schemes (known offices: ${known.join(', ')})` : null;
}
