import { describe, expect, it } from 'vitest';
import type { FindingEvent, FindingRecorded } from '../../../src/core/events/events';
import type { PullResult } from '../../../src/core/protocol/messages';
import type { PendingPhoto, Session, SyncStore } from '../../../src/device/sync/syncStore';

/** A sync store under test, with the ways its device writes work into it and the ids of the events it holds. */
export interface SyncStoreHarness {
  store: SyncStore;
  /** Write an event (and its photos) as the device's write door does: data and outbox rows together. */
  add(event: FindingEvent, photos?: Omit<PendingPhoto, 'key'>[]): Promise<void>;
  /** Ids of every event the device holds (its own and pulled ones). */
  eventIds(): Promise<string[]>;
}

const recording = (n: number): FindingRecorded => {
  const id = `01KJP${String(n).padStart(21, '0')}`;
  const at = `2026-03-0${n}T09:00:00+08:00`;
  return { type: 'finding.recorded', id, findingId: id, at, actorId: 'acc-inspector1', deviceId: 'tab-1', schemeId: 'kunqu-window-staff', schemeVersion: 1, itemId: 'wander', observedAt: at, staffId: 's-001', photos: [] };
};
const photo = (text: string): Omit<PendingPhoto, 'key'> => ({ hash: text.padEnd(64, '0'), blob: new Blob([text], { type: 'image/jpeg' }), type: 'image/jpeg' });
const page = (over: Partial<PullResult>): PullResult => ({ type: 'pull.result', protocol: 1, cursor: '7', more: false, remaining: 0, events: [], schemes: [], serverTime: '2026-03-05T01:00:00.000Z', ...over });
const session: Session = { token: 't'.repeat(43), tokenId: 'tok-1', expiresAt: '2026-04-01T00:00:00.000Z', account: { id: 'acc-inspector1', name: '巡查员 周明', role: 'inspector', unitIds: [], windowIds: [] } };

/**
 * What every sync store must do for the sync client (docs/sync.md, "The tablet's side"): one suite, run against the
 * IndexedDB store the tablet uses and the memory store the tests use, so neither drifts from the other.
 */
export function syncStoreContract(name: string, make: () => SyncStoreHarness): void {
  describe(`sync store contract: ${name}`, () => {
    it('gives pending events oldest first, as many as asked', async () => {
      const h = make();
      for (const n of [1, 2, 3]) await h.add(recording(n));
      const first = await h.store.pendingEvents(2);
      expect(first.map((p) => p.event.id)).toEqual([recording(1).id, recording(2).id]);
      expect(new Set((await h.store.pendingEvents(10)).map((p) => p.key)).size).toBe(3);
    });

    it('deletes only what was acknowledged, and lists pending photos with their bytes', async () => {
      const h = make();
      await h.add(recording(1), [photo('aa')]);
      await h.add(recording(2));
      const [one] = await h.store.pendingEvents(1);
      await h.store.acknowledge(one ? [one.key] : []);
      expect((await h.store.pendingEvents(10)).map((p) => p.event.id)).toEqual([recording(2).id]);
      const photos = await h.store.pendingPhotos();
      expect(photos.map((p) => [p.hash, p.type])).toEqual([[photo('aa').hash, 'image/jpeg']]);
      expect(await photos[0]?.blob.text()).toBe('aa');
      await h.store.acknowledge(photos.map((p) => p.key));
      expect(await h.store.pendingPhotos()).toEqual([]);
      expect(await h.store.counts()).toEqual({ events: 1, photos: 0, rejected: 0, oldestPendingAt: recording(2).at });
    });

    it('keeps a rejected event, stops pushing it, and lists it with the reason', async () => {
      const h = make();
      await h.add(recording(1));
      await h.add(recording(2));
      const [bad] = await h.store.pendingEvents(1);
      if (!bad) throw new Error('nothing pending');
      await h.store.markRejected([{ key: bad.key, eventId: bad.event.id, reason: 'event …: item "x" is not in scheme' }]);
      expect((await h.store.pendingEvents(10)).map((p) => p.event.id)).toEqual([recording(2).id]);
      expect(await h.store.rejected()).toEqual([{ eventId: recording(1).id, reason: 'event …: item "x" is not in scheme' }]);
      expect(await h.store.counts()).toEqual({ events: 1, photos: 0, rejected: 1, oldestPendingAt: recording(2).at });
      expect(await h.eventIds()).toContain(recording(1).id);
    });

    it('stores a pulled page with its cursor, and a page pulled twice once', async () => {
      const h = make();
      expect(await h.store.cursor()).toBeNull();
      const other = { ...recording(4), deviceId: 'tab-2' };
      await h.store.applyPull(page({ events: [other], cursor: '7' }));
      await h.store.applyPull(page({ events: [other], cursor: '9' }));
      expect(await h.store.cursor()).toBe('9');
      expect((await h.eventIds()).filter((id) => id === other.id)).toHaveLength(1);
      expect(await h.store.pendingEvents(10)).toEqual([]);
    });

    it('keeps the sign-in and the last successful sync until told otherwise', async () => {
      const h = make();
      expect(await h.store.session()).toBeNull();
      expect(await h.store.lastSuccessAt()).toBeNull();
      await h.store.setSession(session);
      await h.store.markSynced('2026-03-05T01:00:00.000Z');
      expect(await h.store.session()).toEqual(session);
      expect(await h.store.lastSuccessAt()).toBe('2026-03-05T01:00:00.000Z');
      await h.store.setSession(null);
      expect(await h.store.session()).toBeNull();
      expect(await h.store.lastSuccessAt()).toBe('2026-03-05T01:00:00.000Z');
    });
  });
}
