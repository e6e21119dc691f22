import { indexedDB } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { commitWrite } from '../../src/device/commitWrite';
import { rescueName } from '../../src/device/keepThroughDelete';
import type { FindingEvent } from '../../src/core/events/events';
import { testDb } from './testDb';

const recording = (id: string): FindingEvent => ({
  type: 'finding.recorded', id, findingId: `F${id}`, at: '2026-03-02T01:00:00Z', actorId: 'a', deviceId: 'd', schemeId: 's', schemeVersion: 1, itemId: 'i', observedAt: '2026-03-02T01:00:00Z', photos: [],
});

/** Another tab asks to delete the database, as `indexedDB.deleteDatabase` in its page would. */
function deleteFromAnotherTab(name: string): Promise<string> {
  return new Promise((resolve) => {
    const r = indexedDB.deleteDatabase(name);
    r.onsuccess = () => resolve('deleted');
    r.onerror = () => resolve('error');
  });
}

describe('a delete of the database by another tab', () => {
  it('takes nothing: the rows are rescued, put back when the app reopens, and new writes follow them', async () => {
    const db = testDb();
    await db.open();
    const events = ['E1', 'E2', 'E3'].map(recording);
    // Events and their outbox rows go in through the device's one write door, as the app's do.
    await commitWrite(db, events, [], 'Asia/Shanghai');
    await db.device.put({ key: 'device', deviceId: 'device-kept' });
    // The app's guard connection opens right after the app's own.
    await new Promise((r) => setTimeout(r, 50));

    expect(await deleteFromAnotherTab(db.name)).toBe('deleted');
    // The app goes on: its next read reopens the (new) database with everything put back.
    expect((await db.events.toArray()).map((r) => r.id)).toEqual(['E1', 'E2', 'E3']);
    expect((await db.device.get('device'))?.deviceId).toBe('device-kept');
    const seqs = (await db.outbox.toArray()).map((r) => r.seq);
    await commitWrite(db, [recording('E4')], [], 'Asia/Shanghai');
    const after = (await db.outbox.toArray()).map((r) => r.seq);
    expect(after).toHaveLength(4);
    expect(after.slice(0, 3)).toEqual(seqs);
    expect((await indexedDB.databases()).map((d) => d.name)).not.toContain(rescueName(db.name));

    // It holds for a second delete too (the guard is back once the database reopened).
    await new Promise((r) => setTimeout(r, 50));
    expect(await deleteFromAnotherTab(db.name)).toBe('deleted');
    expect(await db.outbox.count()).toBe(4);
    await db.delete();
  });

  it('lets the app delete its own database', async () => {
    const db = testDb();
    await db.open();
    await db.device.put({ key: 'device', deviceId: 'gone' });
    await new Promise((r) => setTimeout(r, 50));
    await db.delete();
    expect((await indexedDB.databases()).map((d) => d.name)).not.toContain(db.name);
    expect((await indexedDB.databases()).map((d) => d.name)).not.toContain(rescueName(db.name));
  });
});
