import { Hono } from 'hono';
import { z } from 'zod';
import { demoHall } from '../../core/model/demoHall';
import type { HallSetup } from '../../core/model/hallSetup';
import { rosterSchema } from '../../core/model/roster';
import { ulid } from 'ulid';
import type { AppEnv, ServerDeps } from '../appEnv';
import { hashPassword } from '../auth/password';
import { requireAuth } from '../auth/requireAuth';
import { describeIssues, errorResponse, readJson } from '../httpError';
import { publishAccounts } from '../hall/publishAccounts';
import { storeBuiltInSchemes } from '../hall/prepareDatabase';
import { addManagedHall, insertAccount, hallAccounts } from '../storage/accountRepo';
import { insertHall } from '../storage/hallRepo';
import { putConfig } from '../storage/configRepo';

const newHall = z
  .object({
    id: z.string().regex(/^[a-z0-9][a-z0-9-]{1,39}$/, 'a hall id of 2 to 40 lower-case letters, digits or dashes'),
    name: z.string().trim().min(1).max(100),
    timeZone: z.string().min(1).max(64),
    /** The hall's first administrator. */
    admin: z
      .object({
        username: z.string().regex(/^[a-z0-9][a-z0-9._-]{1,49}$/, 'a user name of lower-case letters, digits, dot, dash or underscore'),
        name: z.string().trim().min(1).max(100),
        password: z.string().min(8, 'at least 8 characters').max(200),
      })
      .strict(),
  })
  .strict();

/**
 * The centre administrator's halls (docs/halls.md): GET /halls lists the halls they manage side by side (name, time
 * zone, size, findings, last change); POST /halls creates a hall with its first administrator, the built-in schemes
 * and the default review settings, managed from then on by its maker. Mounted at /api/centre.
 */
export function centreRoutes({ db, hall, log, builtInSchemes }: ServerDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.use('*', requireAuth(db));

  app.get('/halls', async (c) => {
    const managed = c.get('auth').centre?.halls ?? [];
    const counts = await db.query<{ hall_id: string; findings: number; events: number; last: Date | null }>(
      `select hall_id, count(*) filter (where type = 'finding.recorded')::int as findings, count(*)::int as events, max(received_at) as last
       from events where hall_id = any($1::text[]) group by hall_id`,
      [managed],
    );
    const halls = [];
    for (const id of managed) {
      const { setup } = await hall.current(db, id);
      const n = counts.find((r) => r.hall_id === id);
      const accounts = (await hallAccounts(db, id)).filter((a) => a.hallId !== null && !a.disabled).length;
      halls.push({
        id,
        name: setup.roster.hall.name,
        timeZone: setup.roster.hall.timeZone,
        units: setup.roster.units.length,
        windows: setup.roster.windows.length,
        staff: setup.roster.staff.filter((s) => !s.left).length,
        accounts,
        findings: n?.findings ?? 0,
        lastChange: n?.last ? new Date(n.last).toISOString() : null,
      });
    }
    return c.json({ halls });
  });

  app.post('/halls', async (c) => {
    const body = await readJson(c);
    if (!body.ok) return body.response;
    const req = newHall.safeParse(body.value);
    if (!req.success) return errorResponse(c, 'bad-request', `hall: ${describeIssues(req.error.issues)}`);
    const { id, name, timeZone, admin } = req.data;
    const roster = rosterSchema.safeParse({ hall: { id, name, timeZone }, units: [], windows: [], staff: [], chiefs: [] });
    if (!roster.success) return errorResponse(c, 'bad-request', `hall: ${describeIssues(roster.error.issues)}`);
    const demo = demoHall();
    // An empty floor of the demo's size and the demo's opening hours, until the admin sets them.
    const setup: HallSetup = {
      roster: roster.data,
      layout: { width: demo.layout.width, height: demo.layout.height, zones: [], tiles: [], entrance: demo.layout.entrance },
      schemes: [],
      opening: demo.opening,
    };
    const accountId = `acc-${ulid()}`;
    const passwordHash = await hashPassword(admin.password);
    const centre = c.get('auth').account.id;
    const made = await db.transaction(async (tx) => {
      if (!(await insertHall(tx, id))) return 'hall-taken' as const;
      if (!(await insertAccount(tx, { id: accountId, username: admin.username, name: admin.name, role: 'admin', unitIds: [], windowIds: [], passwordHash, hallId: id }))) {
        throw new UsernameTaken();
      }
      await putConfig(tx, id, 'setup', 'hall', JSON.stringify(setup));
      await storeBuiltInSchemes(tx, id, builtInSchemes ?? []);
      await addManagedHall(tx, centre, id);
      await publishAccounts(tx, id);
      return 'made' as const;
    }).catch((e: unknown) => {
      if (e instanceof UsernameTaken) return 'user-taken' as const;
      throw e;
    });
    if (made === 'hall-taken') return errorResponse(c, 'conflict', `a hall "${id}" exists already`);
    if (made === 'user-taken') return errorResponse(c, 'conflict', `the user name "${admin.username}" is taken`);
    log({ kind: 'admin', action: 'hall.create', by: centre, hall: id, target: `${name} (${timeZone}), admin ${admin.username}` });
    return c.json({ id, name, timeZone, admin: { id: accountId, username: admin.username } }, 201);
  });

  return app;
}

/** Thrown inside the creating transaction so that nothing of the hall is kept. */
class UsernameTaken extends Error {}
