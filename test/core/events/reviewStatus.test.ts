import { describe, expect, it } from 'vitest';
import { deadlineAfter, inTime } from '../../../src/core/time/deadline';
import type { FindingEvent } from '../../../src/core/events/events';
import { DEFAULT_REVIEW_SETTINGS } from '../../../src/core/events/defaultReviewSettings';
import type { ReviewSettings } from '../../../src/core/events/reviewSettings';
import { compareForQueue, reviewStatus } from '../../../src/core/events/reviewStatus';
import type { ReviewStatus } from '../../../src/core/events/reviewStatus';
import { act, COMMITTEE_A, COMMITTEE_B, recording } from './reviewFixture';

const TZ = 'Asia/Shanghai';
const SETTINGS: ReviewSettings = { ...DEFAULT_REVIEW_SETTINGS, contestDays: 7, decideDays: 5 };

describe('deadlines in calendar days of the hall', () => {
  it('7 days after a finding on 3/10 means through the end of 3/17, hall time (以内: the last day counts)', () => {
    const d = deadlineAfter('2026-03-10T16:50:00+08:00', 7, TZ);
    expect(d).toEqual({ lastDay: '2026-03-17', closesAt: '2026-03-17T16:00:00.000Z' });
    expect(inTime('2026-03-17T23:59:59+08:00', d)).toBe(true);
    expect(inTime('2026-03-18T00:00:00+08:00', d)).toBe(false);
  });

  it('counts from the hall-local day, not the UTC day, and crosses month ends', () => {
    // 2026-03-31 01:00 in Shanghai is still 3/30 in UTC.
    expect(deadlineAfter('2026-03-30T17:00:00Z', 1, TZ)).toEqual({ lastDay: '2026-04-01', closesAt: '2026-04-01T16:00:00.000Z' });
    expect(deadlineAfter('2026-03-10T10:00:00+08:00', 0, TZ).lastDay).toBe('2026-03-10');
  });
});

describe('reviewStatus', () => {
  const at = (day: string): string => `2026-03-${day}T12:00:00+08:00`;

  it('a new finding: contest open until its last day, then closed', () => {
    const s = reviewStatus([recording()], SETTINGS, TZ, at('12'));
    expect(s).toMatchObject({ state: 'recorded', pending: false, recordedAt: '2026-03-10T10:00:00+08:00', contest: { lastDay: '2026-03-17', open: true } });
    expect(s?.contested).toBeUndefined();
    expect(reviewStatus([recording()], SETTINGS, TZ, at('18'))?.contest.open).toBe(false);
  });

  it('an acknowledged finding can still be contested within the deadline', () => {
    const s = reviewStatus([recording(), act.acknowledged(2)], SETTINGS, TZ, at('12'));
    expect(s).toMatchObject({ state: 'acknowledged', contest: { open: true }, acknowledged: { noticeId: 'N-1', signerName: '钱首席' } });
  });

  it('contested: pending, with its decision deadline; overdue once that passes', () => {
    const events = [recording(), act.contested(2, undefined, at('11'))];
    const s = reviewStatus(events, SETTINGS, TZ, at('13'));
    expect(s).toMatchObject({
      state: 'contested',
      pending: true,
      contest: { open: false },
      contested: { reason: '当时在帮群众查询', photos: ['c'.repeat(64)], reopened: false, decideBy: { lastDay: '2026-03-16' }, overdue: false },
    });
    expect(reviewStatus(events, SETTINGS, TZ, at('16'))?.contested?.overdue).toBe(false);
    expect(reviewStatus(events, SETTINGS, TZ, at('17'))?.contested?.overdue).toBe(true);
  });

  it('decided in time, decided late (allowed, flagged), and never overdue once decided', () => {
    const contest = act.contested(2, undefined, at('11'));
    const inTimeDecision = reviewStatus([recording(), contest, act.decided(3, 'overturn', COMMITTEE_A, at('16'))], SETTINGS, TZ, at('30'));
    expect(inTimeDecision).toMatchObject({ state: 'overturned', pending: false, contested: { overdue: false }, decision: { decision: 'overturn', late: false } });
    const late = reviewStatus([recording(), contest, act.decided(3, 'uphold', COMMITTEE_A, at('20'))], SETTINGS, TZ, at('30'));
    expect(late?.decision).toMatchObject({ decision: 'uphold', late: true, actorId: COMMITTEE_A });
  });

  it('a reopen starts a new decision deadline and clears the decision; an amendment shows what replaced the finding', () => {
    const events = [
      recording(),
      act.contested(2, undefined, at('11')),
      act.decided(3, 'amend', COMMITTEE_A, at('12'), { itemId: 'roam' }),
    ];
    expect(reviewStatus(events, SETTINGS, TZ, at('13'))?.decision).toMatchObject({ decision: 'amend', amended: { itemId: 'roam' } });
    const reopened = reviewStatus([...events, act.reopened(4, COMMITTEE_B, at('20'))], SETTINGS, TZ, at('21'));
    expect(reopened).toMatchObject({ state: 'contested', pending: true, contested: { reopened: true, reason: '新证据', photos: [], decideBy: { lastDay: '2026-03-25' }, overdue: false } });
    expect(reopened?.decision).toBeUndefined();
  });

  it('ignores events that did not apply (a second decision)', () => {
    const s = reviewStatus([recording(), act.contested(2), act.decided(3, 'overturn', COMMITTEE_A), act.decided(4, 'uphold', COMMITTEE_B)], SETTINGS, TZ, at('12'));
    expect(s?.decision).toMatchObject({ decision: 'overturn', actorId: COMMITTEE_A });
  });

  it('is null without the recording', () => {
    expect(reviewStatus([act.contested(2)], SETTINGS, TZ, at('12'))).toBeNull();
  });

  it('queues overdue contests first, then open ones by deadline, then decided ones', () => {
    const make = (findingId: string, contestDay: string, decided: boolean): ReviewStatus => {
      const events: FindingEvent[] = [recording({ findingId }), { ...act.contested(2, undefined, at(contestDay)), findingId }];
      if (decided) events.push({ ...act.decided(3, 'uphold', COMMITTEE_A, at(contestDay)), findingId });
      const s = reviewStatus(events, SETTINGS, TZ, at('20'));
      if (!s) throw new Error('no status');
      return s;
    };
    const list = [make('F-decided', '10', true), make('F-open-later', '19', false), make('F-overdue', '11', false), make('F-open', '18', false)];
    expect(list.sort(compareForQueue).map((s) => s.findingId)).toEqual(['F-overdue', 'F-open', 'F-open-later', 'F-decided']);
  });
});
