import { describe, expect, it } from 'vitest';
import type { PushResult, LoginResult } from '../../src/core/protocol/messages';
import { createApp } from '../../src/server/createApp';
import { createHallState } from '../../src/server/hall/hallState';
import { createPullCache } from '../../src/server/sync/pullCache';
import { loadSchemeFiles } from '../../src/server/hall/loadSchemeFiles';
import { prepareDatabase } from '../../src/server/hall/prepareDatabase';
import type { Db } from '../../src/server/storage/db';
import { migrate } from '../../src/server/storage/migrations';
import { openPglite } from '../../src/server/storage/pglite/openPglite';
import { recorded, schemesDir } from './testServer';

describe('a batch that fails while being stored', () => {
  it('stores none of it, and the retry of the same batch stores all of it once', async () => {
    const inner = await openPglite(undefined);
    await migrate(inner);
    const schemes = loadSchemeFiles(schemesDir);
    if (!schemes.ok) throw new Error(schemes.errors.join('\n'));
    await prepareDatabase(inner, schemes.schemes);
    let failNextInsert = false;
    // The connection dies right after the batch's rows were written, before the transaction commits.
    const db: Db = {
      ...inner,
      query: (sql, params) => inner.query(sql, params),
      transaction: (fn) =>
        inner.transaction((tx) =>
          fn({
            async query(sql, params) {
              const rows = await tx.query(sql, params);
              if (failNextInsert && sql.includes('insert into events')) {
                failNextInsert = false;
                throw new Error('connection lost');
              }
              return rows as never;
            },
          }),
        ),
    };
    const app = createApp({ db, hall: createHallState(), pulls: createPullCache(), distDir: undefined, log: () => undefined });
    const login = (await (
      await app.request('/api/auth/login', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ type: 'login', protocol: 1, username: 'inspector1', password: 'demo1234', deviceId: 'tab', deviceName: 'tab' }),
      })
    ).json()) as LoginResult;
    const device = { deviceId: 'tab', accountId: login.account.id };
    const batch = [recorded(device), recorded(device), recorded(device)];
    const push = async (): Promise<Response> =>
      app.request('/api/sync/push', {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${login.token}` },
        body: JSON.stringify({ type: 'push', protocol: 1, deviceId: 'tab', events: batch }),
      });
    failNextInsert = true;
    const failed = await push();
    expect(failed.status).toBe(500);
    expect(await failed.text()).toMatch(/it was not stored, try again/);
    expect(await inner.query('select id from events')).toEqual([]);
    const retry = (await (await push()).json()) as PushResult;
    expect(retry.results.map((r) => r.status)).toEqual(['accepted', 'accepted', 'accepted']);
    expect(await inner.query('select id from events')).toHaveLength(3);
    await inner.close();
  });
});
