import { describe, expect, it } from 'vitest';
import { buildNotice } from '../../../src/core/events/buildNotice';
import type { FindingEvent } from '../../../src/core/events/events';
import { miniScheme, MINI_ROSTER } from '../../fixtures/miniScheme';
import { act, eventId, INSPECTOR, recording } from './reviewFixture';

const scheme = miniScheme();
const ACCOUNTS = [{ id: INSPECTOR, name: '巡查员 周明' }];

/** One visit to window 1: 玩手机 by 张三 and 态度 2.5 by 张三, both signed on notice N-7; a third finding elsewhere. */
function visit(): FindingEvent[] {
  const second = eventId(50);
  return [
    recording(),
    recording({ id: second, findingId: second, itemId: 'rude', inputs: { amount: 2.5 }, observedAt: '2026-03-10T10:05:00+08:00', at: '2026-03-10T10:05:00+08:00', photos: [], note: undefined }),
    recording({ id: eventId(60), findingId: eventId(60), staffId: 's3' }),
    { ...act.acknowledged(70, INSPECTOR, '2026-03-10T10:20:00+08:00', 'N-7'), signerId: 'c1' },
    { ...act.acknowledged(71, INSPECTOR, '2026-03-10T10:20:00+08:00', 'N-7'), findingId: second, signerId: 'c1' },
  ];
}

describe('buildNotice (违规违纪通知单, 003 附件2)', () => {
  it('has every field of the printed notice: hall, window, unit, staff, time, item and clause, points, evidence, inspector, signature, date', () => {
    const n = buildNotice('N-7', visit(), MINI_ROSTER, [scheme], ACCOUNTS);
    expect(n).toMatchObject({
      noticeId: 'N-7',
      hall: { id: 'hall', name: '测试大厅' },
      unit: { id: 'u1', name: '税务局' },
      window: { id: 'w1', number: '1', name: null },
      signer: { name: '钱首席', signature: 'b'.repeat(64), person: { id: 'c1', name: '钱首席' }, capacity: 'chief', accountId: INSPECTOR, deviceId: 'phone-chief' },
      signedAt: '2026-03-10T10:20:00+08:00',
      date: '2026-03-10',
      totalPoints: -7.5,
      problems: [],
    });
    expect(n?.lines).toHaveLength(2);
    expect(n?.lines[0]).toEqual({
      findingId: eventId(1),
      observedAt: '2026-03-10T10:00:00+08:00',
      time: '2026-03-10 10:00',
      unit: { id: 'u1', name: '税务局' },
      window: { id: 'w1', number: '1', name: null },
      staff: { id: 's1', name: '张三' },
      item: { schemeId: 'mini', schemeVersion: 1, id: 'phone', name: '玩手机', text: '玩手机', verbatim: '玩手机', clause: '一3' },
      points: {
        kind: 'points',
        points: -5,
        calc: { rule: 'fixed', points: 5 },
        also: [
          { subject: 'window', subjectId: 'w1', points: -2 },
          { subject: 'chief', subjectId: 'c1', points: -2.5 },
        ],
      },
      evidence: { photos: ['a'.repeat(64)], note: '工作时间玩手机' },
      inspector: { accountId: INSPECTOR, name: '巡查员 周明' },
      state: 'acknowledged',
      acknowledgement: { eventId: eventId(70), applied: true },
    });
    expect(n?.lines[1]).toMatchObject({ item: { id: 'rude' }, points: { points: -2.5 }, evidence: { photos: [] } });
  });

  it('shows a signed finding contested later as contested, and a signature that came after a contest as not applied', () => {
    const events = [...visit(), act.contested(80)];
    expect(buildNotice('N-7', events, MINI_ROSTER, [scheme])?.lines[0]).toMatchObject({ state: 'contested', acknowledgement: { applied: true } });
    const contestedFirst = [...visit(), act.contested(65)];
    const line = buildNotice('N-7', contestedFirst, MINI_ROSTER, [scheme])?.lines[0];
    expect(line).toMatchObject({ state: 'contested', acknowledgement: { applied: false, ignored: { kind: 'state', act: 'finding.acknowledged', state: 'contested' } } });
  });

  it('leaves the points to the period for rules scored on its total, and the total with them', () => {
    const q = eventId(90);
    const events = [recording({ id: q, findingId: q, itemId: 'quarrel' }), { ...act.acknowledged(91, INSPECTOR, undefined, 'N-9'), findingId: q }];
    const n = buildNotice('N-9', events, MINI_ROSTER, [scheme]);
    expect(n?.lines[0]?.points).toEqual({ kind: 'period', also: [] });
    expect(n?.totalPoints).toBeNull();
    expect(n?.lines[0]?.inspector).toEqual({ accountId: INSPECTOR, name: null });
    expect(n?.signer).toMatchObject({ person: null, capacity: null });
  });

  it('says what is missing instead of hiding it, and is null for an unknown notice', () => {
    const events = visit().filter((e) => e.id !== eventId(50));
    const n = buildNotice('N-7', events, MINI_ROSTER, []);
    expect(n?.lines).toHaveLength(1);
    expect(n?.lines[0]?.item).toBeNull();
    expect(n?.problems).toEqual([
      { kind: 'item-unknown', findingId: eventId(1), itemId: 'phone', schemeId: 'mini', schemeVersion: 1 },
      { kind: 'recording-missing', findingId: eventId(50) },
    ]);
    expect(buildNotice('N-404', visit(), MINI_ROSTER, [scheme])).toBeNull();
  });
});
