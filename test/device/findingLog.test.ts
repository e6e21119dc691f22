import { describe, expect, it } from 'vitest';
import { testClock, testDb, testDevice } from './testDb';

const base = { schemeId: 'kunqu-window-staff', schemeVersion: 1, itemId: 'wander', windowId: 'w-01', staffId: 's-001', photos: [] };

describe('PatrolDevice and its finding log', () => {
  it('loads today first, then a wider range, and applies new findings and voids without re-reading', async () => {
    const db = testDb();
    const clock = testClock('2026-03-01T02:00:00Z');
    const first = testDevice(db, clock.now);
    await first.record(base);
    clock.advance(24 * 3600e3);
    await first.record({ ...base, itemId: 'late', inputs: { quantity: 12 } });

    const device = testDevice(db, clock.now);
    await device.start();
    expect(device.log.get().findings.map((f) => f.itemId)).toEqual(['late']);
    await device.loadFrom('2026-03-01');
    expect(device.log.get().findings.map((f) => f.itemId)).toEqual(['wander', 'late']);

    clock.advance(60e3);
    const f = await device.record({ ...base, itemId: 'play-phone' });
    expect(device.log.get().findings.map((x) => x.itemId)).toEqual(['wander', 'late', 'play-phone']);
    await device.void(f.id, 'undone');
    expect(device.log.find(f.id)?.state).toBe('voided');
    expect(await db.outbox.count()).toBe(4);
  });

  it('keeps a finding recorded while a load is reading', async () => {
    const db = testDb();
    const clock = testClock('2026-03-02T02:00:00Z');
    const device = testDevice(db, clock.now);
    const loading = device.log.load('2026-01-01');
    const recording = device.record(base);
    await Promise.all([loading, recording]);
    expect(device.log.get().findings).toHaveLength(1);
  });

  it('tells a consumer what changed since a version, or that it must take everything after a load', async () => {
    const db = testDb();
    const clock = testClock('2026-03-02T02:00:00Z');
    const device = testDevice(db, clock.now);
    await device.start();
    const v0 = device.log.get().version;
    const a = await device.record(base);
    const b = await device.record({ ...base, itemId: 'late', inputs: { quantity: 5 } });
    await device.void(a.id, 'wrong-item');
    expect(device.log.changesSince(v0)?.map((f) => [f.id, f.state])).toEqual([
      [a.id, 'recorded'],
      [b.id, 'recorded'],
      [a.id, 'voided'],
    ]);
    const v1 = device.log.get().version;
    expect(device.log.changesSince(v1)).toEqual([]);
    await device.log.load('2026-01-01');
    expect(device.log.changesSince(v1)).toBeNull();
  });

  it('marks a window visited for today', async () => {
    const db = testDb();
    const device = testDevice(db, testClock('2026-03-02T02:00:00Z').now);
    await device.start();
    await device.markVisited('w-09');
    expect(device.visits.get().map((v) => v.windowId)).toEqual(['w-09']);
    expect(await db.visits.where('day').equals('2026-03-02').count()).toBe(1);
  });
});
