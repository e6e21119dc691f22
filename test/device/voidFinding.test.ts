import { describe, expect, it } from 'vitest';
import { findingFromRecorded, foldEvents } from '../../src/device/foldEvents';
import { recordFinding } from '../../src/device/recordFinding';
import { VoidRefused, voidFinding } from '../../src/device/voidFinding';
import { INSPECTOR, OTHER, testDb, testIds } from './testDb';

const TZ = 'Asia/Shanghai';

describe('voidFinding', () => {
  it('appends a voided event with its outbox row; the fold says voided', async () => {
    const db = testDb();
    const newId = testIds();
    const rec = await recordFinding(db, { schemeId: 's', schemeVersion: 1, itemId: 'wander', windowId: 'w-01', staffId: 's-001', photos: [] }, { identity: INSPECTOR, now: new Date('2026-03-02T01:00:00Z'), newId, timeZone: TZ });
    if (rec.event.type !== 'finding.recorded') throw new Error('expected a recording');
    const f = findingFromRecorded(rec.event, rec.day);
    await voidFinding(db, f, '记错人员', { identity: INSPECTOR, now: new Date('2026-03-02T01:01:00Z'), newId, timeZone: TZ });
    expect(await db.events.count()).toBe(2);
    expect((await db.outbox.toArray()).map((o) => (o.kind === 'event' ? o.event.type : o.kind))).toEqual(['finding.recorded', 'finding.voided']);
    const folded = foldEvents(await db.events.toArray()).get(f.id);
    expect(folded?.state).toBe('voided');
    expect(folded?.voided?.reason).toBe('记错人员');
  });

  it('refuses a void by anyone but the author, and a second void', async () => {
    const db = testDb();
    const newId = testIds();
    const ctx = { identity: INSPECTOR, now: new Date('2026-03-02T01:00:00Z'), newId, timeZone: TZ };
    const rec = await recordFinding(db, { schemeId: 's', schemeVersion: 1, itemId: 'wander', windowId: 'w-01', photos: [] }, ctx);
    if (rec.event.type !== 'finding.recorded') throw new Error('expected a recording');
    const f = findingFromRecorded(rec.event, rec.day);
    await expect(voidFinding(db, f, 'x', { ...ctx, identity: OTHER })).rejects.toBeInstanceOf(VoidRefused);
    await expect(voidFinding(db, { ...f, state: 'voided' }, 'x', ctx)).rejects.toThrow(/no longer/);
    expect(await db.events.count()).toBe(1);
  });
});

describe('foldEvents', () => {
  it('ignores a void by someone else (every device folds the same way)', () => {
    const recorded = { type: 'finding.recorded' as const, id: 'E1', findingId: 'F1', at: '2026-03-02T01:00:00Z', actorId: 'a', deviceId: 'd', schemeId: 's', schemeVersion: 1, itemId: 'i', observedAt: '2026-03-02T01:00:00Z', photos: [] };
    const voided = { type: 'finding.voided' as const, id: 'E2', findingId: 'F1', at: '2026-03-02T01:05:00Z', actorId: 'b', deviceId: 'd2', reason: 'no' };
    const out = foldEvents([{ event: voided, day: '2026-03-02' }, { event: recorded, day: '2026-03-02' }]);
    expect(out.get('F1')?.state).toBe('recorded');
  });
});
