import { describe, expect, it } from 'vitest';
import { inForceFor, isDay, scheduleOf, scheduleProblems, startsPeriod, versionOnDay } from '../../../src/core/versions/schemeSchedule';
import type { HeldVersion, SchemeAssignment } from '../../../src/core/versions/schemeSchedule';

const held = (id: string, version: number): HeldVersion | undefined =>
  id === 'anshan' && version <= 2 ? { period: 'month', subjects: ['unit'] } : id === 'luoshan' && version === 1 ? { period: 'quarter', subjects: ['staff', 'window'] } : undefined;

describe('the scheme schedule', () => {
  const s: SchemeAssignment[] = [
    { id: 'anshan', version: 1, subject: 'unit' },
    { id: 'anshan', version: 2, subject: 'unit', from: '2026-07-01' },
  ];
  it('says which version is in force on a day, and for a level', () => {
    expect(versionOnDay(s, 'anshan', '2026-06-30')).toBe(1);
    expect(versionOnDay(s, 'anshan', '2026-07-01')).toBe(2);
    expect(inForceFor(s, 'unit', '2026-07-02')).toEqual({ id: 'anshan', version: 2 });
    expect(inForceFor(s, 'staff', '2026-07-02')).toBeUndefined();
    expect(scheduleOf(s, 'anshan')).toEqual([{ version: 1, from: null, until: '2026-07-01' }, { version: 2, from: '2026-07-01', until: null }]);
    expect(versionOnDay([{ id: 'anshan', version: 2, subject: 'unit', from: '2026-07-01' }], 'anshan', '2026-06-01')).toBeUndefined();
  });
  it('accepts a good schedule', () => {
    expect(scheduleProblems(s, held)).toEqual([]);
  });
  it('refuses versions not held, days that are not a period start, repeats, order, and two schemes on one level', () => {
    expect(scheduleProblems([{ id: 'anshan', version: 3, subject: 'unit' }], held)).toEqual([{ kind: 'version-not-held', id: 'anshan', version: 3 }]);
    expect(scheduleProblems([...s.slice(0, 1), { id: 'anshan', version: 2, subject: 'unit', from: '2026-07-15' }], held)).toEqual([
      { kind: 'from-not-period-start', id: 'anshan', version: 2, from: '2026-07-15', period: 'month' },
    ]);
    expect(scheduleProblems([{ id: 'luoshan', version: 1, subject: 'staff', from: '2026-02-01' }], held)).toEqual([
      { kind: 'from-not-period-start', id: 'luoshan', version: 1, from: '2026-02-01', period: 'quarter' },
    ]);
    expect(scheduleProblems([{ id: 'anshan', version: 2, subject: 'unit', from: '2026-02-30' }], held)).toEqual([{ kind: 'not-a-day', id: 'anshan', version: 2, from: '2026-02-30' }]);
    expect(scheduleProblems([{ id: 'anshan', version: 2, subject: 'unit' }, { id: 'anshan', version: 1, subject: 'unit', from: '2026-07-01' }], held)).toEqual([
      { kind: 'version-order', id: 'anshan', version: 1, from: '2026-07-01', earlier: 2 },
    ]);
    expect(scheduleProblems([{ id: 'anshan', version: 1, subject: 'unit' }, { id: 'anshan', version: 2, subject: 'unit' }], held)).toEqual([
      { kind: 'from-repeated', id: 'anshan', subject: 'unit', from: null },
    ]);
    expect(scheduleProblems([{ id: 'anshan', version: 1, subject: 'staff' }], held)).toEqual([{ kind: 'subject-not-scored', id: 'anshan', version: 1, subject: 'staff' }]);
    expect(scheduleProblems([{ id: 'luoshan', version: 1, subject: 'staff' }, { id: 'luoshan', version: 1, subject: 'window', from: '2026-04-01' }], held)).toEqual([
      { kind: 'schedules-differ', id: 'luoshan', subjects: ['staff', 'window'] },
    ]);
    expect(
      scheduleProblems(
        [
          { id: 'luoshan', version: 1, subject: 'staff' },
          { id: 'other', version: 1, subject: 'staff' },
        ],
        (id, v) => held(id, v) ?? { period: 'month', subjects: ['staff'] },
      ),
    ).toEqual([{ kind: 'level-several-schemes', subject: 'staff', ids: ['luoshan', 'other'] }]);
  });
  it('knows days and period starts', () => {
    expect(isDay('2028-02-29')).toBe(true);
    expect(isDay('2026-02-29')).toBe(false);
    expect(startsPeriod('2026-04-01', 'quarter')).toBe(true);
    expect(startsPeriod('2026-05-01', 'quarter')).toBe(false);
    expect(startsPeriod('2026-01-01', 'year')).toBe(true);
  });
});
