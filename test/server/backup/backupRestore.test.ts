import { readdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BackupSummary } from '../../../src/server/backup/backupFormat';
import type { BackupStatus } from '../../../src/server/backup/backupService';
import { restoreBackup } from '../../../src/server/backup/restoreBackup';
import { startServer } from '../../../src/server/startServer';
import type { RunningServer } from '../../../src/server/startServer';
import { putConfig } from '../../../src/server/storage/configRepo';
import { DEMO_HALL_ID, recorded, REPLAY_REVIEW, schemesDir, signIn } from '../testServer';
import { adminOf, dumpTables, fillHall, viewHall } from './hallFixture';
import { stores } from './stores';
import type { Place, Stores } from './stores';

const serve = (place: Place, backupDir?: string): Promise<RunningServer> =>
  startServer({ port: 0, hostname: '127.0.0.1', dataDir: place.dataDir, databaseUrl: place.databaseUrl, schemesDir, distDir: undefined, backup: backupDir ? { dir: backupDir, keep: 5, everyHours: 1000 } : undefined }).then(async (server) => {
    // The fixture replays contests of early 2026 whenever it runs: take them late (the offline grace is tested in clockSkew.ts).
    await server.db.transaction((tx) => putConfig(tx, DEMO_HALL_ID, 'review', 'hall', JSON.stringify(REPLAY_REVIEW)));
    return server;
  });

describe.each(['pglite', 'postgres'] as const)('backup and restore on %s', (kind) => {
  let s: Stores;
  let source: RunningServer;
  let photoHashes: string[];
  let backupDir: string;
  beforeAll(async () => {
    s = await stores(kind);
    backupDir = s.folder();
    source = await serve(await s.fresh(), backupDir);
    ({ photoHashes } = await fillHall(source.url));
  });
  afterAll(async () => {
    await source?.close();
    s?.stop();
  });

  /** Restore a backup file into a fresh place, then serve it. */
  const restored = async (file: string): Promise<RunningServer> => {
    const place = await s.fresh();
    const db = await s.open(place);
    try {
      await restoreBackup(db, file);
    } finally {
      await db.close();
    }
    return serve(place);
  };

  it('restores into a fresh store the same rows, findings, photos and results', async () => {
    const before = await dumpTables(source.db);
    const summary = await source.backups!.backupNow();
    expect(summary.store).toBe(kind);
    expect(summary.counts.events).toBe(before.events?.length);
    expect(summary.counts.photo_chunks).toBe(11);
    const view = await viewHall(source.url, photoHashes);
    expect(view.events.length).toBeGreaterThan(60);
    expect(Object.keys(view.photos)).toHaveLength(5);

    const copy = await restored(summary.path);
    try {
      const after = await dumpTables(copy.db);
      expect(Object.keys(after)).toEqual(Object.keys(before));
      // Table by table, so a difference names its table.
      for (const table of Object.keys(before)) expect({ table, rows: after[table] }).toEqual({ table, rows: before[table] });
      expect(await viewHall(copy.url, photoHashes)).toEqual(view);
      // A device's pull cursor from the source stays valid on the copy: new rows take later change numbers.
      const tablet = await signIn(copy.url, 'inspector2', 'after-restore');
      expect((await tablet.push([recorded(tablet)])).results[0]?.status).toBe('accepted');
      const [row] = await copy.db.query<{ seq: number }>("select max(seq)::int as seq from events");
      expect(row?.seq).toBeGreaterThan(Math.max(...(before.events ?? []).map((r) => (JSON.parse(r) as { seq: number }).seq)));
    } finally {
      await copy.close();
    }
  });

  it('a backup made on demand while a tablet pushes holds every push acknowledged before it, and no push in part', async () => {
    const tablet = await signIn(source.url, 'inspector2', 'pushing-tablet');
    const admin = await adminOf(source.url);
    const batches: { ids: string[]; sentAt: number; ackedAt: number }[] = [];
    let stop = false;
    let backupAnsweredAt = Infinity;
    const pushing = (async () => {
      for (let n = 0; n < 2_000 && !stop; n++) {
        const events = Array.from({ length: 20 }, () => recorded(tablet, { staffId: 's-007' }));
        const sentAt = Date.now();
        const res = await tablet.push(events);
        if (!res.results.every((r) => r.status === 'accepted')) throw new Error(JSON.stringify(res.results));
        batches.push({ ids: events.map((e) => e.id), sentAt, ackedAt: Date.now() });
        // Keep pushing a little after the backup answered: those pushes began after its snapshot.
        if (batches.filter((b) => b.sentAt > backupAnsweredAt).length >= 5) break;
      }
    })();
    while (batches.length < 10) await new Promise((r) => setTimeout(r, 10));
    const askedAt = Date.now();
    const res = await fetch(`${source.url}/api/admin/backups`, { method: 'POST', headers: { authorization: `Bearer ${admin.token}` } });
    backupAnsweredAt = Date.now();
    expect(res.status).toBe(200);
    const summary = (await res.json()) as BackupSummary;
    await pushing;
    stop = true;

    const copy = await restored(summary.path);
    try {
      const have = new Set((await copy.db.query<{ id: string }>('select id from events')).map((r) => r.id));
      const ackedBefore = batches.filter((b) => b.ackedAt < askedAt);
      const begunAfter = batches.filter((b) => b.sentAt > backupAnsweredAt);
      expect(ackedBefore.length).toBeGreaterThanOrEqual(10);
      expect(begunAfter.length).toBeGreaterThanOrEqual(5);
      for (const b of ackedBefore) expect(b.ids.every((id) => have.has(id))).toBe(true);
      for (const b of begunAfter) expect(b.ids.some((id) => have.has(id))).toBe(false);
      // Each push is one transaction: in the backup whole or not at all.
      for (const b of batches) expect(new Set(b.ids.map((id) => have.has(id))).size).toBe(1);
      // What the copy holds is exactly what the source holds for those events.
      const ids = [...have];
      const bodies = async (server: RunningServer): Promise<string[]> =>
        (await server.db.query<{ body: string }>('select body from events where id = any($1::text[]) order by id', [ids])).map((r) => r.body);
      expect(await bodies(copy)).toEqual(await bodies(source));
    } finally {
      await copy.close();
    }

    const status = (await (await fetch(`${source.url}/api/admin/backups`, { headers: { authorization: `Bearer ${admin.token}` } })).json()) as BackupStatus;
    expect(status.last?.path).toBe(summary.path);
    expect(status.lastError).toBeNull();
    expect(status.files.map((f) => f.name)).toContain(summary.path.split('/').pop());
    // Downloaded through the admin endpoint, the file is the same bytes.
    const name = summary.path.split('/').pop() ?? '';
    const download = await fetch(`${source.url}/api/admin/backups/${name}`, { headers: { authorization: `Bearer ${admin.token}` } });
    expect(download.status).toBe(200);
    expect((await download.arrayBuffer()).byteLength).toBe(summary.bytes);
    // Only the admin may.
    const inspector = await signIn(source.url, 'inspector1', 'curious-tablet');
    expect((await fetch(`${source.url}/api/admin/backups`, { method: 'POST', headers: { authorization: `Bearer ${inspector.token}` } })).status).toBe(403);
    expect(readdirSync(backupDir).filter((f) => f.endsWith('.partial'))).toEqual([]);
  });

  it('refuses to restore into a store that is not empty, and writes nothing there', async () => {
    const summary = await source.backups!.backupNow();
    const db = await s.open(await s.fresh());
    try {
      await db.query('create table notes (t text)');
      await expect(restoreBackup(db, summary.path)).rejects.toThrow(/refusing to restore: the target database is not empty \(it has tables: notes\)/);
      expect((await db.query<{ n: number }>("select count(*)::int as n from pg_tables where schemaname = current_schema()"))[0]?.n).toBe(1);
    } finally {
      await db.close();
    }
  });
});
