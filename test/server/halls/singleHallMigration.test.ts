import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { FindingEvent } from '../../../src/core/events/events';
import type { LoginResult, PullResult } from '../../../src/core/protocol/messages';
import { restoreBackup } from '../../../src/server/backup/restoreBackup';
import { addCentreAdmin } from '../../../src/server/hall/centreAdmins';
import { startServer } from '../../../src/server/startServer';
import type { RunningServer } from '../../../src/server/startServer';
import { MIGRATIONS } from '../../../src/server/storage/migrations';
import { stores } from '../backup/stores';
import type { Stores } from '../backup/stores';
import { DEMO_HALL_ID, root, schemesDir, signIn } from '../testServer';

const fixture = join(root, 'test', 'fixtures', 'single-hall');
interface Expect {
  tokens: Record<'inspector1' | 'committee1', { token: string; deviceId: string }>;
  cursor: string;
  keyId: string;
  photos: string[];
  events: string[];
  photoDigests: Record<string, string>;
}
const expected = JSON.parse(readFileSync(join(fixture, 'expect.json'), 'utf8')) as Expect;

/**
 * A database written by the single-hall server (schema version 4, test/fixtures/single-hall, made once by
 * makeSingleHallFixture.ts with that version's code) moves into the many-hall layout with nothing lost: restored from
 * its backup (which runs the newer migrations over the old rows), every row is in the hall its setup named, and the
 * server answers as before — the same events, photos, accounts and passwords, sign-ins, hand-over key, review
 * settings and pull cursor.
 */
describe.each(['pglite', 'postgres'] as const)('a single-hall database moved into halls, on %s', (kind) => {
  let s: Stores | undefined;
  let server: RunningServer | undefined;
  afterAll(async () => {
    await server?.close();
    s?.stop();
  });

  it('keeps every row, in the hall its setup named, and answers as before', async () => {
    s = await stores(kind);
    const place = await s.fresh();
    const db = await s.open(place);
    let counts: Record<string, number>;
    try {
      const made = await restoreBackup(db, join(fixture, 'backup.jsonl.gz'));
      expect(made.header.schemaVersion).toBe(4);
      counts = made.trailer.counts;
      // Nothing lost: every table holds what the old database held.
      for (const [table, n] of Object.entries(counts)) expect((await db.query<{ n: number }>(`select count(*)::int as n from ${table}`))[0]?.n, table).toBe(n);
      expect(counts.events).toBeGreaterThan(60);
      // Every row is the one hall's.
      expect(await db.query('select id from halls')).toEqual([{ id: DEMO_HALL_ID }]);
      for (const table of ['config', 'events', 'accounts', 'devices', 'tokens', 'device_keys', 'photos', 'photo_chunks']) {
        const rows = await db.query<{ hall_id: string | null; n: number }>(`select hall_id, count(*)::int as n from ${table} group by hall_id`);
        expect(rows, table).toEqual([{ hall_id: DEMO_HALL_ID, n: counts[table] }]);
      }
      const applied = (await db.query<{ version: number }>('select version from schema_migrations order by version')).map((r) => r.version);
      expect(applied).toEqual(MIGRATIONS.map((m) => m.version));
      // The fixture's sign-ins were made when it was written: older than their 30 days by now. Still the same rows.
      await db.query("update tokens set expires_at = now() + interval '1 day' where revoked_at is null");
    } finally {
      await db.close();
    }
    server = await startServer({ port: 0, hostname: '127.0.0.1', dataDir: place.dataDir, databaseUrl: place.databaseUrl, schemesDir, distDir: undefined, log: () => undefined });
    const url = server.url;
    const call = (token: string, path: string, body?: unknown): Promise<Response> =>
      fetch(`${url}${path}`, { method: body === undefined ? 'GET' : 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: body === undefined ? null : JSON.stringify(body) });

    // The same events, to a new sign-in and to the old tablet's sign-in (whose cursor is still a cursor of this hall).
    const committee = await signIn(url, 'committee1', 'after-move-pc');
    const pulled = await committee.pullAll();
    expect(pulled.events.map((e) => JSON.stringify(e)).sort()).toEqual(expected.events);
    const old = expected.tokens.inspector1;
    const me = (await (await call(old.token, '/api/auth/me')).json()) as { hallId: string; deviceId: string };
    expect(me).toMatchObject({ hallId: DEMO_HALL_ID, deviceId: old.deviceId });
    const since = (await (await call(old.token, '/api/sync/pull', { type: 'pull', protocol: 1, cursor: expected.cursor, limit: 500 })).json()) as PullResult;
    expect(since.events.filter((e: FindingEvent) => e.deviceId !== old.deviceId)).toEqual([]);
    expect(Number(since.cursor)).toBeGreaterThanOrEqual(Number(expected.cursor));

    // The same photos, byte for byte.
    for (const h of expected.photos) {
      const r = await call(committee.token, `/api/photos/${h}`);
      expect(r.status).toBe(200);
      expect(createHash('sha256').update(Buffer.from(await r.arrayBuffer())).digest('hex')).toBe(expected.photoDigests[h]);
    }

    // Accounts as the admin left them: one made, one disabled, a password changed; the hand-over key live.
    const login = (username: string, password: string): Promise<Response> =>
      fetch(`${url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ type: 'login', protocol: 1, username, password, deviceId: `d-${username}`, deviceName: 'd' }) });
    const made = await login('inspector3', 'fixture-pass-1');
    expect(made.status).toBe(200);
    expect(((await made.json()) as LoginResult).hall).toEqual({ id: DEMO_HALL_ID, name: '示范政务服务大厅' });
    expect((await login('chief-temp', 'fixture-pass-2')).status).toBe(401);
    expect((await login('inspector2', 'changed-pass-2')).status).toBe(200);
    const admin = await signIn(url, 'admin', 'after-move-admin');
    const devices = (await (await call(admin.token, '/api/admin/devices')).json()) as { id: string; keys: { id: string; revoked: boolean }[] }[];
    expect(devices.flatMap((d) => d.keys).find((k) => k.id === expected.keyId)).toMatchObject({ revoked: false });
    const settings = (await (await call(admin.token, '/api/review/settings')).json()) as Record<string, unknown>;
    expect(settings).toMatchObject({ contestDays: 5, decideDays: 12 });

    // Results are computed from the moved events (a scheme version reported for the period).
    const results = (await (await call(committee.token, '/api/results?scheme=kunqu-window-staff&period=2026-Q1&asOf=2026-06-01T00:00:00Z')).json()) as { subjects: unknown[]; versions: { scoredBy: number } };
    expect(results.subjects.length).toBeGreaterThan(0);
    expect(results.versions.scoredBy).toBe(1);

    // The moved database had no centre administrator: the operator adds one, who then opens a second hall beside it.
    await addCentreAdmin(server.db, { username: 'centre-op', name: '中心管理员', password: 'centre-pass-1', halls: 'all' });
    const centreLogin = await fetch(`${url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ type: 'login', protocol: 1, username: 'centre-op', password: 'centre-pass-1', deviceId: 'centre-pc', deviceName: 'pc', hallId: DEMO_HALL_ID }),
    });
    expect(centreLogin.status).toBe(200);
    const centre = (await centreLogin.json()) as LoginResult;
    const second = await call(centre.token, '/api/centre/halls', { id: 'township-a', name: '城关镇便民服务中心', timeZone: 'Asia/Shanghai', admin: { username: 'township-admin', name: '镇管理员', password: 'township-pass' } });
    expect(second.status).toBe(201);
    const halls = (await (await call(centre.token, '/api/centre/halls')).json()) as { halls: { id: string; findings: number }[] };
    expect(halls.halls.map((h) => h.id)).toEqual([DEMO_HALL_ID, 'township-a']);
    expect(halls.halls[0]?.findings).toBeGreaterThan(20);
    expect(halls.halls[1]?.findings).toBe(0);
  });
});
