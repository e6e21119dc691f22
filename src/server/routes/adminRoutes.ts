import { Hono } from 'hono';
import { hallSetupSchema } from '../../core/sync/hallSetupSchema';
import type { AppEnv, ServerDeps } from '../appEnv';
import { requireAuth } from '../auth/requireAuth';
import { describeIssues, errorResponse, readJson } from '../httpError';
import { publishAccounts } from '../hall/publishAccounts';
import { allAccounts, listDevices, revokeTokens, setAccountDisabled } from '../storage/accountRepo';
import { putConfig } from '../storage/configRepo';

/** The admin's tools: accounts, devices and their sign-ins (revoke a lost tablet), the hall setup. */
export function adminRoutes({ db }: ServerDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.use('*', requireAuth(db, ['admin']));

  app.get('/accounts', async (c) => {
    const list = await allAccounts(db);
    return c.json(list.map(({ passwordHash: _hidden, ...a }) => a));
  });

  app.post('/accounts/:id/disable', async (c) => {
    const id = c.req.param('id');
    const done = await db.transaction(async (tx) => {
      if (!(await setAccountDisabled(tx, id, true))) return false;
      await revokeTokens(tx, { accountId: id });
      await publishAccounts(tx);
      return true;
    });
    return done ? c.json({ disabled: id }) : errorResponse(c, 'not-found', `no account "${id}"`);
  });

  app.get('/devices', async (c) => c.json(await listDevices(db)));

  app.post('/devices/:id/revoke', async (c) => c.json({ revoked: await revokeTokens(db, { deviceId: c.req.param('id') }) }));

  app.post('/tokens/:id/revoke', async (c) => c.json({ revoked: await revokeTokens(db, { tokenId: c.req.param('id') }) }));

  app.put('/hall', async (c) => {
    const body = await readJson(c);
    if (!body.ok) return body.response;
    const setup = hallSetupSchema.safeParse(body.value);
    if (!setup.success) return errorResponse(c, 'bad-request', `hall setup: ${describeIssues(setup.error.issues)}`);
    const changed = await db.transaction((tx) => putConfig(tx, 'setup', 'hall', JSON.stringify(setup.data)));
    return c.json({ changed });
  });

  return app;
}
