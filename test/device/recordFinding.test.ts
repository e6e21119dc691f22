import { describe, expect, it } from 'vitest';
import { recordFinding } from '../../src/device/recordFinding';
import type { FindingDraft } from '../../src/device/recordFinding';
import { isStorageFull } from '../../src/device/storageFull';
import { INSPECTOR, testDb, testIds } from './testDb';

const TZ = 'Asia/Shanghai';
const photo = { hash: 'ab'.repeat(32), blob: new Blob(['jpeg bytes'], { type: 'image/jpeg' }), type: 'image/jpeg', bytes: 10, width: 4, height: 3 };
const draft: FindingDraft = { schemeId: 'kunqu-window-staff', schemeVersion: 1, itemId: 'play-phone', windowId: 'w-03', staffId: 's-005', note: ' 玩手机 ', photos: [photo] };

describe('recordFinding', () => {
  it('writes the recorded event, its outbox row and the photo with its own outbox row', async () => {
    const db = testDb();
    const row = await recordFinding(db, draft, { identity: INSPECTOR, now: new Date('2026-03-02T01:30:00Z'), newId: testIds(), timeZone: TZ });
    expect(row.type).toBe('finding.recorded');
    expect(row.day).toBe('2026-03-02');
    expect(row.windowId).toBe('w-03');
    expect(row.event).toMatchObject({ actorId: 'inspector-1', deviceId: 'device-1', itemId: 'play-phone', staffId: 's-005', note: '玩手机', photos: [photo.hash], observedAt: '2026-03-02T01:30:00.000Z' });
    expect(await db.events.count()).toBe(1);
    const outbox = await db.outbox.orderBy('seq').toArray();
    expect(outbox.map((o) => o.kind)).toEqual(['event', 'photo']);
    const stored = await db.photos.get(photo.hash);
    expect(stored?.findingId).toBe(row.findingId);
    expect(await stored?.blob.text()).toBe('jpeg bytes');
  });

  it('stores a photo attached twice once', async () => {
    const db = testDb();
    const ctx = { identity: INSPECTOR, now: new Date('2026-03-02T01:30:00Z'), newId: testIds(), timeZone: TZ };
    await recordFinding(db, draft, ctx);
    await recordFinding(db, draft, ctx);
    expect(await db.photos.count()).toBe(1);
    expect((await db.outbox.toArray()).filter((o) => o.kind === 'photo')).toHaveLength(1);
  });

  it('keeps nothing of a finding when the disk is full, and loses nothing saved before', async () => {
    const db = testDb();
    const ctx = { identity: INSPECTOR, now: new Date('2026-03-02T01:30:00Z'), newId: testIds(), timeZone: TZ };
    await recordFinding(db, { ...draft, photos: [] }, ctx);
    // The browser refuses the photo (the biggest write) for lack of space, mid-transaction.
    db.photos.hook('creating', () => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    });
    const err = await recordFinding(db, draft, ctx).catch((e: unknown) => e);
    expect(isStorageFull(err)).toBe(true);
    expect(await db.events.count()).toBe(1);
    expect(await db.outbox.count()).toBe(1);
    expect(await db.photos.count()).toBe(0);
  });
});
