import type { ContestDecided, ContestReopened, FindingAcknowledged, FindingContested, FindingEvent, FindingRecorded, FindingRectified, FindingVoided } from '../../../src/core/events/events';

/** A ULID-shaped id whose order is n's order, so a test says which act came first. */
export function eventId(n: number): string {
  return `01JQ${String(n).padStart(22, '0')}`;
}

export const FINDING = eventId(1);
export const INSPECTOR = 'acc-inspector';
export const CHIEF = 'acc-chief';
export const COMMITTEE_A = 'acc-committee-a';
export const COMMITTEE_B = 'acc-committee-b';

/** 玩手机 (mini scheme `phone`, fixed 5, co-deducts the window 2 and the chief half) by staff s1, recorded 2026-03-10 10:00. */
export function recording(over: Partial<FindingRecorded> = {}): FindingRecorded {
  return {
    type: 'finding.recorded',
    id: eventId(1),
    findingId: FINDING,
    at: '2026-03-10T10:00:00+08:00',
    actorId: INSPECTOR,
    deviceId: 'tablet-1',
    schemeId: 'mini',
    schemeVersion: 1,
    itemId: 'phone',
    observedAt: '2026-03-10T10:00:00+08:00',
    staffId: 's1',
    photos: ['a'.repeat(64)],
    note: '工作时间玩手机',
    ...over,
  };
}

type Base = Pick<FindingEvent, 'id' | 'at' | 'actorId' | 'deviceId' | 'findingId'>;
const base = (n: number, actorId: string, deviceId: string, at = '2026-03-11T09:00:00+08:00'): Base => ({ id: eventId(n), at, actorId, deviceId, findingId: FINDING });

/** The later acts, each made `n`-th in the total order. */
export const act = {
  voided: (n: number, actorId = INSPECTOR, at?: string): FindingVoided => ({ ...base(n, actorId, 'tablet-1', at), type: 'finding.voided', code: 'wrong-item' }),
  acknowledged: (n: number, actorId = CHIEF, at?: string, noticeId = 'N-1'): FindingAcknowledged => ({
    ...base(n, actorId, 'phone-chief', at),
    type: 'finding.acknowledged',
    noticeId,
    signerName: '钱首席',
    signature: 'b'.repeat(64),
  }),
  contested: (n: number, actorId = CHIEF, at?: string): FindingContested => ({ ...base(n, actorId, 'phone-chief', at), type: 'finding.contested', reason: '当时在帮群众查询', photos: ['c'.repeat(64)] }),
  decided: (n: number, decision: ContestDecided['decision'] = 'uphold', actorId = COMMITTEE_A, at?: string, amended?: ContestDecided['amended']): ContestDecided => ({
    ...base(n, actorId, `pc-${actorId}`, at),
    type: 'contest.decided',
    decision,
    reason: '复核结论',
    ...(amended ? { amended } : {}),
  }),
  reopened: (n: number, actorId = COMMITTEE_A, at?: string): ContestReopened => ({ ...base(n, actorId, `pc-${actorId}`, at), type: 'contest.reopened', reason: '新证据' }),
  rectified: (n: number, actorId = INSPECTOR, at?: string): FindingRectified => ({ ...base(n, actorId, 'tablet-1', at), type: 'finding.rectified', note: '已整改' }),
};
