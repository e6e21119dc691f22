import { Hono } from 'hono';
import { ulid } from 'ulid';
import { z } from 'zod';
import { ROLES } from '../../core/access/roles';
import { hallSetupSchema } from '../../core/model/hallSetup';
import { hashPassword } from '../auth/password';
import type { AppEnv, ServerDeps } from '../appEnv';
import { requireAuth } from '../auth/requireAuth';
import { describeIssues, errorResponse, readJson } from '../httpError';
import { publishAccounts } from '../hall/publishAccounts';
import { allAccounts, insertAccount, listDevices, revokeTokens, setAccountDisabled, setPasswordHash } from '../storage/accountRepo';
import { putConfig } from '../storage/configRepo';
import { allDeviceKeys, revokeDeviceKeys } from '../storage/deviceKeyRepo';

const password = z.string().min(8, 'at least 8 characters').max(200);
const newAccount = z
  .object({
    username: z.string().regex(/^[a-z0-9][a-z0-9._-]{1,49}$/, 'a user name of lower-case letters, digits, dot, dash or underscore'),
    name: z.string().min(1).max(100),
    role: z.enum(ROLES),
    unitIds: z.array(z.string().min(1)).default([]),
    windowIds: z.array(z.string().min(1)).default([]),
    password,
  })
  .strict();

/** The admin's tools: accounts, devices and their sign-ins (revoke a lost tablet), the hall setup. */
export function adminRoutes({ db, hall, log }: ServerDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.use('*', requireAuth(db));
  /** One log line per admin action that changed something: who, what, on what. */
  const done = (c: { get: (k: 'auth') => { account: { id: string } } }, action: string, target: string): void =>
    log({ kind: 'admin', action, by: c.get('auth').account.id, target: target.slice(0, 100) });

  app.get('/accounts', async (c) => {
    const list = await allAccounts(db);
    return c.json(list.map(({ passwordHash: _hidden, ...a }) => a));
  });

  app.post('/accounts', async (c) => {
    const body = await readJson(c);
    if (!body.ok) return body.response;
    const req = newAccount.safeParse(body.value);
    if (!req.success) return errorResponse(c, 'bad-request', `account: ${describeIssues(req.error.issues)}`);
    const a = req.data;
    const { index } = await hall.current(db);
    const unknown = [...a.unitIds.filter((u) => !index.find('unit', u)).map((u) => `unit "${u}"`), ...a.windowIds.filter((w) => !index.find('window', w)).map((w) => `window "${w}"`)];
    if (unknown.length) return errorResponse(c, 'bad-request', `account: ${unknown.join(', ')} not in the roster`);
    if (a.role === 'chief' && a.unitIds.length + a.windowIds.length === 0) return errorResponse(c, 'bad-request', 'account: a chief answers for at least one unit or window');
    if (a.role !== 'chief' && a.unitIds.length + a.windowIds.length > 0) return errorResponse(c, 'bad-request', `account: only a chief is bound to units or windows, not a ${a.role}`);
    const id = `acc-${ulid()}`;
    const passwordHash = await hashPassword(a.password);
    const created = await db.transaction(async (tx) => {
      if (!(await insertAccount(tx, { id, username: a.username, name: a.name, role: a.role, unitIds: a.unitIds, windowIds: a.windowIds, passwordHash }))) return false;
      await publishAccounts(tx);
      return true;
    });
    if (!created) return errorResponse(c, 'conflict', `the user name "${a.username}" is taken`);
    done(c, 'account.create', `${id} (${a.username}, ${a.role})`);
    return c.json({ id, username: a.username }, 201);
  });

  app.post('/accounts/:id/password', async (c) => {
    const body = await readJson(c);
    if (!body.ok) return body.response;
    const req = z.object({ password }).strict().safeParse(body.value);
    if (!req.success) return errorResponse(c, 'bad-request', `password: ${describeIssues(req.error.issues)}`);
    const id = c.req.param('id');
    const hash = await hashPassword(req.data.password);
    // A new password ends every sign-in made with the old one.
    const changed = await db.transaction(async (tx) => {
      if (!(await setPasswordHash(tx, id, hash))) return false;
      await revokeTokens(tx, { accountId: id });
      await revokeDeviceKeys(tx, { accountId: id });
      return true;
    });
    if (!changed) return errorResponse(c, 'not-found', `no account "${id}"`);
    done(c, 'account.password', id);
    return c.json({ changed: id });
  });

  app.post('/accounts/:id/disable', async (c) => {
    const id = c.req.param('id');
    // The hall must keep an admin who can sign in: an admin never locks themselves out.
    if (id === c.get('auth').account.id) return errorResponse(c, 'conflict', 'an admin may not disable their own account; ask another admin');
    const disabled = await db.transaction(async (tx) => {
      if (!(await setAccountDisabled(tx, id, true))) return false;
      await revokeTokens(tx, { accountId: id });
      await revokeDeviceKeys(tx, { accountId: id });
      await publishAccounts(tx);
      return true;
    });
    if (!disabled) return errorResponse(c, 'not-found', `no account "${id}"`);
    done(c, 'account.disable', id);
    return c.json({ disabled: id });
  });

  // A disabled account can sign in again (its old sign-ins and hand-over keys stay ended).
  app.post('/accounts/:id/enable', async (c) => {
    const id = c.req.param('id');
    const enabled = await db.transaction(async (tx) => {
      if (!(await setAccountDisabled(tx, id, false))) return false;
      await publishAccounts(tx);
      return true;
    });
    if (!enabled) return errorResponse(c, 'not-found', `no account "${id}"`);
    done(c, 'account.enable', id);
    return c.json({ enabled: id });
  });

  app.get('/devices', async (c) => {
    const [devices, keys] = await Promise.all([listDevices(db), allDeviceKeys(db)]);
    return c.json(devices.map((d) => ({ ...d, keys: keys.filter((k) => k.deviceId === d.id) })));
  });

  // A lost tablet: its sign-ins and the hand-over keys registered for it end at once.
  app.post('/devices/:id/revoke', async (c) => {
    const deviceId = c.req.param('id');
    const [revoked, keys] = await db.transaction(async (tx) => [await revokeTokens(tx, { deviceId }), await revokeDeviceKeys(tx, { deviceId })] as const);
    done(c, 'device.revoke', `${deviceId} (${revoked} sign-ins, ${keys} keys)`);
    return c.json({ revoked, keys });
  });

  app.post('/keys/:id/revoke', async (c) => {
    const revoked = await revokeDeviceKeys(db, { keyId: c.req.param('id') });
    if (revoked) done(c, 'key.revoke', c.req.param('id'));
    return c.json({ revoked });
  });

  app.post('/tokens/:id/revoke', async (c) => {
    const revoked = await revokeTokens(db, { tokenId: c.req.param('id') });
    if (revoked) done(c, 'token.revoke', c.req.param('id'));
    return c.json({ revoked });
  });

  app.put('/hall', async (c) => {
    const body = await readJson(c);
    if (!body.ok) return body.response;
    const setup = hallSetupSchema.safeParse(body.value);
    if (!setup.success) return errorResponse(c, 'bad-request', `hall setup: ${describeIssues(setup.error.issues)}`);
    const changed = await db.transaction((tx) => putConfig(tx, 'setup', 'hall', JSON.stringify(setup.data)));
    if (changed) done(c, 'hall.replace', `${setup.data.roster.units.length} units, ${setup.data.roster.windows.length} windows, ${setup.data.roster.staff.length} staff`);
    return c.json({ changed });
  });

  return app;
}
