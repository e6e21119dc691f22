import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Dexie } from 'dexie';
import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { DEFAULT_REVIEW_SETTINGS } from '../../../src/core/events/defaultReviewSettings';
import { declareSchema, SCHEMA_VERSION } from '../../../src/device/migrations';
import { PatrolDb } from '../../../src/device/patrolDb';
import { enrolledChiefs, checkUnlock, unlockChief } from '../../../src/device/session/handOverStore';
import { storedLanguage } from '../../../src/device/session/deviceSettings';
import { storedSession } from '../../../src/device/session/storedSession';
import { patrolDbSyncStore } from '../../../src/device/sync/patrolDbSyncStore';
import { readPulledHall, readPulledSetup } from '../../../src/device/sync/pulledHall';
import { loadDump } from './databaseDump';
import type { DatabaseDump } from './databaseDump';

const fixture = JSON.parse(readFileSync(join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'fixtures', 'device-v2.json'), 'utf8')) as DatabaseDump;
const meta = new Map((fixture.tables.meta ?? []).map((r) => [r.key as string, r.value as string]));
const json = (key: string): unknown => JSON.parse(meta.get(key) ?? 'null');

/** A device database as version 2 left it (written by that version's own writers: test/fixtures/device-v2.json), opened by this version. */
async function upgraded(): Promise<PatrolDb> {
  const name = `upgrade-${Math.random().toString(36).slice(2)}`;
  const v2 = new Dexie(name, { indexedDB, IDBKeyRange });
  declareSchema(v2, fixture.version);
  await v2.open();
  await loadDump(v2, fixture);
  v2.close();
  const db = new PatrolDb(name, { indexedDB, IDBKeyRange });
  await db.open();
  return db;
}

describe('upgrading a version 2 device database', () => {
  it('keeps every event, outbox row, photo and visit as it was', async () => {
    const db = await upgraded();
    expect(db.verno).toBe(SCHEMA_VERSION);
    for (const table of ['events', 'outbox', 'visits'] as const) {
      expect(await db.table(table).toArray()).toEqual(fixture.tables[table]);
    }
    const photos = await db.photos.toArray();
    expect(photos.map(({ blob: _b, ...rest }) => rest)).toEqual((fixture.tables.photos ?? []).map(({ blob: _b, ...rest }) => rest));
    for (const p of photos) {
      const dumped = fixture.tables.photos?.find((x) => x.hash === p.hash)?.blob as { base64: string; type: string };
      expect(Buffer.from(await p.blob.arrayBuffer()).toString('base64')).toBe(dumped.base64);
    }
    expect(db.tables.map((t) => t.name)).not.toContain('meta');
  });

  it('moves every meta value into its typed table, each read back through the readers the app uses', async () => {
    const db = await upgraded();
    expect(await storedLanguage(db)).toBe(meta.get('language'));
    const stored = await storedSession(db);
    expect(stored?.identity.deviceId).toBe(meta.get('deviceId'));
    expect(stored?.session).toEqual(json('sync.session'));
    expect(await checkUnlock(db, 'demo1234')).toBe(true);
    expect(await checkUnlock(db, 'wrong')).toBe(false);

    const chiefs = json('handover.chiefs') as { account: { id: string } }[];
    expect((await enrolledChiefs(db)).map((c) => c.account)).toEqual(chiefs.map((c) => c.account));
    // Version 2 kept no hand-over key: the PIN still checks, and the chief is asked to enroll again before acting.
    expect(await unlockChief(db, chiefs[0]?.account.id ?? '', '2468')).toBe('enroll-again');
    expect(await unlockChief(db, chiefs[0]?.account.id ?? '', '0000')).toBeNull();

    const store = patrolDbSyncStore(db, 'Asia/Shanghai');
    expect(await store.cursor()).toBe(meta.get('sync.cursor'));
    expect(await store.rejected()).toEqual(Object.entries(json('sync.rejected') as Record<string, string>).map(([eventId, reason]) => ({ eventId, reason })));
    // The rejected event stays in the outbox, no longer pushed; the others are still pending.
    const pending = await store.pendingEvents(100);
    expect(pending.map((p) => p.event.id)).not.toContain(Object.keys(json('sync.rejected') as object)[0]);
    expect((await store.counts()).rejected).toBe(1);

    const byId = (a: { id: string }, b: { id: string }): number => a.id.localeCompare(b.id);
    const hall = await readPulledHall(db);
    // Version 2 kept no offline grace (issue 9 added it): the stored settings stand, the grace takes its default.
    expect(hall.review).toEqual({ ...(json('sync.review') as object), offlineGraceHours: DEFAULT_REVIEW_SETTINGS.offlineGraceHours });
    expect([...hall.accounts].sort(byId)).toEqual((json('sync.accounts') as { id: string }[]).sort(byId));
    const pulled = await readPulledSetup(db);
    expect(pulled?.setup).toEqual(json('sync.setup'));
    expect(pulled?.schemes.map((s) => `${s.id}@${s.version}`)).toEqual(['mini@1']);
  });
});
