import { describe, expect, it } from 'vitest';
import type { AccountSummary } from '../../src/core/access/account';
import type { FindingEvent } from '../../src/core/events/events';
import { ActRefused } from '../../src/device/actRefused';
import { eventRow } from '../../src/device/eventRow';
import type { FindingDraft } from '../../src/device/recordFinding';
import { acknowledgeEvents, contestEvent } from '../../src/device/review/reviewEvents';
import { isStorageFull } from '../../src/device/storageFull';
import { demoHall } from '../../src/core/model/demoHall';
import { PatrolDevice } from '../../src/device/patrolDevice';
import { loadScheme } from '../fixtures/schemes';
import { INSPECTOR, OTHER, testClock, testDb, testDevice } from './testDb';

const photo = { hash: 'ab'.repeat(32), blob: new Blob(['jpeg bytes'], { type: 'image/jpeg' }), type: 'image/jpeg', bytes: 10, width: 4, height: 3 };
// w-03 and s-004 are of 综合受理窗口 (u-zonghe) in the demo hall.
const draft: FindingDraft = { schemeId: 'kunqu-window-staff', schemeVersion: 1, itemId: 'play-phone', windowId: 'w-03', staffId: 's-005', note: ' 玩手机 ', photos: [photo] };
const chief: AccountSummary = { id: 'acc-chief-zonghe', name: '综合首席', role: 'chief', unitIds: ['u-zonghe'], windowIds: [] };
const otherChief: AccountSummary = { id: 'acc-chief-shuiwu', name: '税务首席', role: 'chief', unitIds: ['u-shuiwu'], windowIds: [] };
const refusal = (e: unknown) => (e instanceof ActRefused ? e.refusal : e);

describe('the device: one door for every write', () => {
  it('stores a recording, its outbox row and its photo with its own outbox row together, and a photo attached twice once', async () => {
    const db = testDb();
    const device = testDevice(db, testClock('2026-03-02T01:30:00Z').now);
    const f = await device.record(draft);
    expect(f).toMatchObject({ day: '2026-03-02', windowId: 'w-03', staffId: 's-005', note: '玩手机', photos: [photo.hash], actorId: 'inspector-1', deviceId: 'device-1' });
    await device.record(draft);
    expect(await db.events.count()).toBe(2);
    expect((await db.outbox.orderBy('seq').toArray()).map((o) => o.kind)).toEqual(['event', 'photo', 'event']);
    expect(await (await device.photo(photo.hash))?.text()).toBe('jpeg bytes');
  });

  it('keeps nothing of a finding when the disk is full, and loses nothing saved before', async () => {
    const db = testDb();
    const device = testDevice(db, testClock('2026-03-02T01:30:00Z').now);
    await device.record({ ...draft, photos: [] });
    // The browser refuses the photo (the biggest write) for lack of space, mid-transaction.
    db.photos.hook('creating', () => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    });
    const err = await device.record(draft).catch((e: unknown) => e);
    expect(isStorageFull(err)).toBe(true);
    expect(await db.events.count()).toBe(1);
    expect(await db.outbox.count()).toBe(1);
    expect(device.log.get().findings).toHaveLength(1);
  });

  it('refuses a recording the server would refuse, with the core’s reason, and writes nothing', async () => {
    const db = testDb();
    const device = testDevice(db, testClock('2026-03-02T01:30:00Z').now);
    // s-005 sits at a window of 综合受理窗口; w-30 is 医疗保障局's: one unit's staff with another unit's window.
    const err = await device.record({ ...draft, windowId: 'w-30', photos: [] }).catch(refusal);
    expect(err).toMatchObject({ kind: 'placement', problems: [{ kind: 'units-differ', staff: { id: 's-005', unitId: 'u-zonghe' } }] });
    const late = await device.record({ ...draft, itemId: 'late', photos: [] }).catch(refusal);
    expect(late).toEqual({ kind: 'inputs', itemId: 'late', problems: [{ field: 'quantity', kind: 'required' }] });
    expect(await db.events.count()).toBe(0);
    expect(await db.outbox.count()).toBe(0);
  });

  it('refuses a recording under a scheme version its hall does not have in force that day, as the server does', async () => {
    const db = testDb();
    const kunqu = loadScheme('000-kunqu.yaml');
    const schedule = [
      { id: 'kunqu-window-staff', version: 1, subject: 'staff' as const },
      { id: 'kunqu-window-staff', version: 2, subject: 'staff' as const, from: '2026-03-01' },
    ];
    const device = new PatrolDevice(db, INSPECTOR, 'Asia/Shanghai', testClock('2026-03-02T01:30:00Z').now, { roster: demoHall().roster, schemes: [kunqu, { ...kunqu, version: 2 }], schedule });
    const err = await device.record({ ...draft, photos: [] }).catch(refusal);
    expect(err).toEqual({ kind: 'scheme-version-not-in-force', schemeId: 'kunqu-window-staff', schemeVersion: 1, day: '2026-03-02', inForce: 2 });
    expect(await db.events.count()).toBe(0);
    expect(await db.outbox.count()).toBe(0);
    await device.record({ ...draft, schemeVersion: 2, photos: [] });
    expect(await db.events.count()).toBe(1);
  });

  it('voids by a code; a signed finding, someone else’s, or a second void is refused with why, and nothing is written', async () => {
    const db = testDb();
    const clock = testClock('2026-03-02T01:30:00Z');
    const device = testDevice(db, clock.now);
    const mine = await device.record({ ...draft, photos: [] });
    clock.advance(60_000);
    await device.void(mine.id, 'wrong-person');
    expect(device.log.find(mine.id)).toMatchObject({ state: 'voided', voided: { code: 'wrong-person' } });
    expect(await device.void(mine.id, 'duplicate').catch(refusal)).toMatchObject({ kind: 'fold', ignored: { kind: 'state', act: 'finding.voided', state: 'voided' } });

    const signed = await device.record({ ...draft, photos: [] });
    clock.advance(60_000);
    const sign = { noticeId: 'N-1', signerName: '王丽', signature: 'cd'.repeat(32) };
    const signature = { hash: 'cd'.repeat(32), blob: new Blob(['png']), type: 'image/png', bytes: 3, width: 0, height: 0 };
    await device.act(acknowledgeEvents(device, { actorId: device.identity.account.id }, [signed.id], sign), [signature], device.identity.account);
    const refused = await device.void(signed.id, 'wrong-item').catch(refusal);
    expect(refused).toMatchObject({ kind: 'fold', ignored: { kind: 'state', act: 'finding.voided', state: 'acknowledged', by: { type: 'finding.acknowledged' } } });

    const other = testDevice(db, clock.now, OTHER);
    const notMine = await other.record({ ...draft, photos: [] });
    expect(await device.void(notMine.id, 'wrong-item').catch(refusal)).toEqual({ kind: 'fold', ignored: { kind: 'not-author', act: 'finding.voided', author: OTHER.account.id } });
    expect((await db.events.toArray()).filter((r) => r.type === 'finding.voided')).toHaveLength(1);
  });

  it('checks a hand-over act under the chief who acts: in scope it is stored, another unit’s chief is refused', async () => {
    const db = testDb();
    const clock = testClock('2026-03-02T01:30:00Z');
    const device = testDevice(db, clock.now);
    const f = await device.record({ ...draft, photos: [] });
    clock.advance(60_000);
    const wrongChief = await device.act([contestEvent(device, { actorId: otherChief.id }, f.id, '当时在帮群众取号', [])], [], otherChief).catch(refusal);
    expect(wrongChief).toEqual({ kind: 'scope', unitId: 'u-zonghe', windowId: 'w-03' });
    await device.act([contestEvent(device, { actorId: chief.id }, f.id, '当时在帮群众取号', [])], [], chief);
    expect(device.log.find(f.id)?.state).toBe('contested');
  });

  it('asks for a push after each commit, never after re-reading what a pull stored', async () => {
    const db = testDb();
    const clock = testClock('2026-03-02T01:30:00Z');
    const device = testDevice(db, clock.now);
    await device.start();
    let asked = 0;
    device.onCommitted(() => asked++);
    await device.record({ ...draft, photos: [] });
    expect(asked).toBe(1);
    // What a pull does: another device's finding stored, then the log re-read.
    const pulled = { ...(await db.events.toArray())[0]?.event, id: '01KJP00000000000000000PULL', findingId: '01KJP00000000000000000PUL2', deviceId: 'device-other' } as FindingEvent;
    await db.events.put(eventRow(pulled, 'Asia/Shanghai'));
    await device.reload();
    expect(device.log.get().findings).toHaveLength(2);
    expect(asked).toBe(1);
  });

  it('records an office’s ledger entries all at once through the same door: every photo under its own finding, or nothing with each refused draft’s index', async () => {
    const db = testDb();
    const office: AccountSummary = { id: 'acc-office-zonghe', name: '综合办公室', role: 'office', unitIds: [], windowIds: [], offices: ['综合办公室'] };
    const device = testDevice(db, testClock('2026-04-02T02:00:00Z').now, { deviceId: 'laptop-1', account: office });
    const page = (n: number) => ({ ...photo, hash: String(n).repeat(64), blob: new Blob([`page ${n}`]) });
    const entry = (staffId: string, days: number, n: number): FindingDraft => ({
      schemeId: 'kunqu-window-staff',
      schemeVersion: 1,
      itemId: 'leave-days',
      staffId,
      inputs: { quantity: days },
      sourceRef: ` 考勤月报 第${n}页 `,
      observedAt: '2026-03-31T04:00:00.000Z',
      photos: [page(n)],
    });
    const saved = await device.recordAll([entry('s-001', 2, 1), entry('s-002', 4, 2)]);
    expect(saved.map((f) => [f.staffId, f.day, f.sourceRef, f.inputs])).toEqual([
      ['s-001', '2026-03-31', '考勤月报 第1页', { quantity: 2 }],
      ['s-002', '2026-03-31', '考勤月报 第2页', { quantity: 4 }],
    ]);
    expect((await db.photos.toArray()).map((p) => [p.hash, p.findingId])).toEqual(saved.map((f, i) => [String(i + 1).repeat(64), f.id]));
    expect((await db.outbox.orderBy('seq').toArray()).map((o) => o.kind)).toEqual(['event', 'event', 'photo', 'photo']);
    expect(device.log.get().findings.map((f) => f.id)).toEqual(saved.map((f) => f.id));

    // Rows 1 and 2 of a second import are refused (a patrol item; a ledger entry without its source): nothing of row 0 is stored.
    const err = await device.recordAll([entry('s-003', 1, 3), { ...entry('s-003', 1, 4), itemId: 'play-phone', inputs: {} }, { ...entry('s-004', 1, 5), sourceRef: ' ' }]).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ActRefused);
    expect((err as ActRefused).refusals).toEqual([
      { index: 1, refusal: { kind: 'office', itemId: 'play-phone', office: '大厅运行室', source: 'patrol', offices: ['综合办公室'] } },
      { index: 2, refusal: { kind: 'source-missing', itemId: 'leave-days' } },
    ]);
    expect((err as ActRefused).index).toBe(1);
    expect(await db.events.count()).toBe(2);
    expect(await db.outbox.count()).toBe(4);
    expect(await db.photos.count()).toBe(2);
  });
});
