import { describe, expect, it } from 'vitest';
import { auditTrail } from '../../../src/core/events/auditTrail';
import { act, CHIEF, COMMITTEE_A, COMMITTEE_B, eventId, INSPECTOR, recording } from './reviewFixture';

describe('auditTrail', () => {
  it('lists who did what, when, on which device, in fold order, with the state each act led to', () => {
    const trail = auditTrail([act.decided(4, 'uphold', COMMITTEE_A, '2026-03-12T09:00:00+08:00'), act.contested(3), recording(), act.acknowledged(2, INSPECTOR)]);
    expect(trail.map((e) => [e.type, e.actorId, e.deviceId, e.applied, e.before, e.after])).toEqual([
      ['finding.recorded', INSPECTOR, 'tablet-1', true, null, 'recorded'],
      ['finding.acknowledged', INSPECTOR, 'phone-chief', true, 'recorded', 'acknowledged'],
      ['finding.contested', CHIEF, 'phone-chief', true, 'acknowledged', 'contested'],
      ['contest.decided', COMMITTEE_A, `pc-${COMMITTEE_A}`, true, 'contested', 'upheld'],
    ]);
    expect(trail[3]?.at).toBe('2026-03-12T09:00:00+08:00');
    expect(trail[2]?.event).toMatchObject({ reason: '当时在帮群众查询' });
    expect(trail.every((e) => e.ignored === undefined)).toBe(true);
  });

  it('keeps ignored events, each with the reason', () => {
    const trail = auditTrail([recording(), act.contested(2), act.decided(3, 'overturn', COMMITTEE_A), act.decided(4, 'uphold', COMMITTEE_B), act.decided(5, 'uphold', INSPECTOR)]);
    expect(trail.map((e) => e.applied)).toEqual([true, true, true, false, false]);
    expect(trail[3]).toMatchObject({
      eventId: eventId(4),
      before: 'overturned',
      after: 'overturned',
      ignored: { kind: 'state', act: 'contest.decided', state: 'overturned', by: { id: eventId(3), type: 'contest.decided', actorId: COMMITTEE_A } },
    });
    expect(trail[4]?.ignored).toEqual({ kind: 'own-finding', act: 'contest.decided', author: INSPECTOR });
  });

  it('only grows: a new event adds a line and the earlier lines keep their order', () => {
    const before = auditTrail([recording(), act.contested(2)]);
    const after = auditTrail([recording(), act.contested(2), act.decided(3)]);
    expect(after.slice(0, before.length)).toEqual(before);
    expect(after).toHaveLength(before.length + 1);
  });
});
