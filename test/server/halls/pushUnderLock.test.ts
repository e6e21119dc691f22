import { afterAll, describe, expect, it } from 'vitest';
import type { LoginResult, PushResult } from '../../../src/core/protocol/messages';
import { createApp } from '../../../src/server/createApp';
import { createHallState } from '../../../src/server/hall/hallState';
import { loadSchemeFiles } from '../../../src/server/hall/loadSchemeFiles';
import { prepareDatabase } from '../../../src/server/hall/prepareDatabase';
import type { Db } from '../../../src/server/storage/db';
import { migrate } from '../../../src/server/storage/migrations';
import { openPglite } from '../../../src/server/storage/pglite/openPglite';
import { createPullCache } from '../../../src/server/sync/pullCache';
import { recorded, schemesDir } from '../testServer';

/**
 * A push is checked before the hall's write lock is taken; an admin's roster change can commit in between. The push
 * must then be checked again under the lock, against the roster as it now is: nothing is stored that names a person
 * the hall no longer has.
 */
describe('a push whose hall changes between its check and its write', () => {
  let inner: Db | undefined;
  afterAll(async () => inner?.close());

  it('is checked again under the lock against the new roster, and stores nothing the new roster refuses', async () => {
    const base = await openPglite(undefined);
    inner = base;
    await migrate(base);
    const schemes = loadSchemeFiles(schemesDir);
    if (!schemes.ok) throw new Error(schemes.errors.join('\n'));
    await prepareDatabase(base, schemes.schemes);

    // Between a push's check (its reads of the findings' stored events, outside any transaction) and its write
    // transaction, run `between` once: the admin's change commits exactly there.
    let between: (() => Promise<void>) | null = null;
    let checked = false;
    const db: Db = {
      ...base,
      query: async (sql, params) => {
        if (between && sql.includes('select body from events where hall_id = $1 and finding_id = any')) checked = true;
        return base.query(sql, params);
      },
      transaction: async (fn) => {
        const run = checked ? between : null;
        if (run) {
          between = null;
          checked = false;
          await run();
        }
        return base.transaction(fn);
      },
    };
    const app = createApp({ db, hall: createHallState(), pulls: createPullCache(), distDir: undefined, log: () => undefined });
    const login = async (username: string, deviceId: string): Promise<LoginResult> =>
      (await (
        await app.request('/api/auth/login', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ type: 'login', protocol: 1, username, password: 'demo1234', deviceId, deviceName: deviceId }),
        })
      ).json()) as LoginResult;
    const [inspector, admin] = [await login('inspector1', 'tab'), await login('admin', 'pc')];
    const asAdmin = (method: string, path: string, body?: unknown): Promise<Response> =>
      Promise.resolve(app.request(path, { method, headers: { authorization: `Bearer ${admin.token}`, 'content-type': 'application/json' }, body: body === undefined ? null : JSON.stringify(body) }));
    const push = async (events: unknown[]): Promise<PushResult> =>
      (await (
        await app.request('/api/sync/push', {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${inspector.token}` },
          body: JSON.stringify({ type: 'push', protocol: 1, deviceId: 'tab', events }),
        })
      ).json()) as PushResult;

    const roster = (await (await asAdmin('GET', '/api/admin/hall/roster')).json()) as { units: unknown[]; staff: { id: string }[]; chiefs: unknown[] };
    const gone = 's-006';
    expect(roster.staff.some((s) => s.id === gone)).toBe(true);
    const device = { deviceId: 'tab', accountId: inspector.account.id };
    const finding = recorded(device, { staffId: gone });
    // The admin removes s-006 (no finding names them yet, so the change is allowed) while the push is between check and write.
    let change = 0;
    between = async () => {
      const r = await asAdmin('PUT', '/api/admin/hall/roster', { units: roster.units, staff: roster.staff.filter((s) => s.id !== gone), chiefs: roster.chiefs });
      change = r.status;
    };
    const [outcome] = (await push([finding])).results;
    expect(change).toBe(200);
    expect(outcome).toMatchObject({ status: 'rejected', retryable: false });
    expect(outcome?.status === 'rejected' && outcome.reason).toMatch(/staff "s-006" is not in the roster/);
    expect(await base.query('select id from events')).toEqual([]);
    const now = (await (await asAdmin('GET', '/api/admin/hall/roster')).json()) as { staff: { id: string }[] };
    expect(now.staff.some((s) => s.id === gone)).toBe(false);

    // A change that leaves the push valid: it is checked again and stored, placed by the roster as it now is.
    const stays = recorded(device, { staffId: 's-001' });
    between = async () => {
      change = (await asAdmin('PUT', '/api/admin/hall/settings', { ...((await (await asAdmin('GET', '/api/admin/hall/settings')).json()) as object), name: '示范政务服务大厅（改名）' })).status;
    };
    expect((await push([stays])).results[0]?.status).toBe('accepted');
    expect(change).toBe(200);
    expect((await base.query<{ id: string }>('select id from events')).map((r) => r.id)).toEqual([stays.id]);
  });
});
