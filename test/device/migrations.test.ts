import { Dexie } from 'dexie';
import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { declareSchema, SCHEMA_VERSION } from '../../src/device/migrations';
import { PatrolDb } from '../../src/device/patrolDb';

describe('device schema migrations', () => {
  it('brings a version 1 database forward: rows kept, window index backfilled, visits table added', async () => {
    const name = `migrate-${Math.random().toString(36).slice(2)}`;
    const v1 = new Dexie(name, { indexedDB, IDBKeyRange });
    declareSchema(v1, 1);
    const recorded = { type: 'finding.recorded', id: 'E1', findingId: 'F1', at: '2026-03-02T01:00:00Z', actorId: 'a', deviceId: 'd', schemeId: 's', schemeVersion: 1, itemId: 'i', observedAt: '2026-03-02T01:00:00Z', windowId: 'w-07', photos: [] };
    await v1.table('events').bulkAdd([
      { id: 'E1', findingId: 'F1', type: 'finding.recorded', day: '2026-03-02', event: recorded },
      { id: 'E2', findingId: 'F1', type: 'finding.voided', day: '2026-03-02', event: { type: 'finding.voided', id: 'E2', findingId: 'F1', at: '2026-03-02T01:01:00Z', actorId: 'a', deviceId: 'd', reason: 'r' } },
      // A row written by a buggy build: the upgrade must not trip over it.
      { id: 'E3', findingId: 'F2', type: 'finding.recorded', day: '2026-03-02', event: null },
    ]);
    await v1.table('outbox').add({ kind: 'event', eventId: 'E1', event: recorded });
    v1.close();

    const db = new PatrolDb(name, { indexedDB, IDBKeyRange });
    await db.open();
    expect(db.verno).toBe(SCHEMA_VERSION);
    expect(await db.events.count()).toBe(3);
    expect(await db.events.where('windowId').equals('w-07').primaryKeys()).toEqual(['E1']);
    expect(await db.outbox.count()).toBe(1);
    await db.visits.add({ id: 'V1', windowId: 'w-07', day: '2026-03-02', at: '2026-03-02T02:00:00Z', actorId: 'a' });
    expect(await db.visits.where('day').equals('2026-03-02').count()).toBe(1);
    db.close();
  });
});
