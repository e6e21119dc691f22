import { describe, expect, it } from 'vitest';
import { demoHall } from '../../../src/core/model/demoHall';
import type { PeriodScores, SubjectScore } from '../../../src/core/scoring/results';
import { lastEnded, periodChoices, trendMonths } from '../../../src/app/features/results/desk/periodChoices';
import { NO_FILTER, sortRows } from '../../../src/app/features/results/desk/sortRows';
import { pointsLost, windowLoss } from '../../../src/app/features/results/desk/windowLoss';
import type { ResultRow } from '../../../src/words/resultTable';

const hall = demoHall();
/** A subject whose deduct category (100 points) moved by the negative numbers of `moved`, its award category by the positive ones. */
const subject = (kind: SubjectScore['subject'], id: string, total: number, rank: number, moved: number[], over: Partial<SubjectScore> = {}): SubjectScore => ({
  subject: kind,
  subjectId: id,
  name: id,
  unitId: 'u-zonghe',
  categories: [
    { id: 'd', name: 'D', mode: 'deduct', points: 100, score: 100 + moved.filter((p) => p < 0).reduce((a, p) => a + p, 0), pending: 0 },
    { id: 'a', name: 'A', mode: 'award', points: 10, score: moved.filter((p) => p > 0).reduce((a, p) => a + p, 0), pending: 0 },
  ],
  bonus: 0,
  total,
  pending: 0,
  gradeId: null,
  gradeName: null,
  gradeReason: null,
  rank,
  flags: [],
  findingCount: moved.length,
  ...over,
});
const results = (subjects: SubjectScore[]): PeriodScores => ({ schemeId: 's', schemeVersion: 1, period: { kind: 'month', key: '2026-03', start: '', end: '' }, subjects, skipped: [] });
const row = (s: SubjectScore, unit: string): ResultRow => ({ subject: s, cells: { rank: s.rank, name: s.name, unit, total: s.total, pending: s.pending }, average: false });

describe('the results desk’s own logic', () => {
  it('offers the periods up to today and starts on the last one that has ended', () => {
    expect(periodChoices('month', '2026-11-29', 3)).toEqual(['2026-11', '2026-10', '2026-09']);
    expect(periodChoices('quarter', '2026-01-05', 2)).toEqual(['2026-Q1', '2025-Q4']);
    expect(lastEnded('month', '2026-01-05')).toBe('2025-12');
    expect(lastEnded('quarter', '2026-05-01')).toBe('2026-Q1');
    expect(lastEnded('year', '2026-05-01')).toBe('2025');
    expect(trendMonths({ kind: 'quarter', year: 2026, index: 2 })).toEqual(['2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06']);
  });

  it('sorts by any column and filters by words, unit, consequences and contests', () => {
    const a = subject('staff', 'a', 90, 2, [-10]);
    const b = subject('staff', 'b', 95, 1, [-5], { unitId: 'u-shuiwu', pending: -2 });
    const c = subject('staff', 'c', 90, 2, [-10], { flags: [{ kind: 'notice', text: '书面通报', scope: 'month', source: { kind: 'trigger', triggerId: 't', clause: 'x' }, findingIds: [] }] });
    const rows = [row(a, '综合受理窗口'), row(b, '税务局'), row(c, '综合受理窗口')];
    expect(sortRows(rows, { key: 'rank', descending: false }, NO_FILTER).map((r) => r.subject.subjectId)).toEqual(['b', 'a', 'c']);
    expect(sortRows(rows, { key: 'total', descending: false }, NO_FILTER).map((r) => r.subject.subjectId)).toEqual(['a', 'c', 'b']);
    expect(sortRows(rows, { key: 'unit', descending: true }, NO_FILTER).map((r) => r.subject.subjectId)[0]).toBe('a');
    expect(sortRows(rows, { key: 'rank', descending: false }, { ...NO_FILTER, text: '税务' }).map((r) => r.subject.subjectId)).toEqual(['b']);
    expect(sortRows(rows, { key: 'rank', descending: false }, { ...NO_FILTER, unitId: 'u-zonghe' }).map((r) => r.subject.subjectId)).toEqual(['a', 'c']);
    expect(sortRows(rows, { key: 'rank', descending: false }, { ...NO_FILTER, withConsequences: true }).map((r) => r.subject.subjectId)).toEqual(['c']);
    expect(sortRows(rows, { key: 'rank', descending: false }, { ...NO_FILTER, withPending: true }).map((r) => r.subject.subjectId)).toEqual(['b']);
  });

  it('colours each window by its own points lost, its seated staff’s, or its unit’s', () => {
    expect(pointsLost(subject('staff', 'x', 97, 1, [-1, -2, 3]))).toBe(3);
    // What the category lost after its floor, not the deductions recorded: 扣完为止 at 0 of a 5-point category.
    const floored = subject('staff', 'y', 95, 1, [], { categories: [{ id: 'd', name: 'D', mode: 'deduct', points: 5, score: 0, pending: 0 }] });
    expect(pointsLost(floored)).toBe(5);
    const seated = hall.roster.staff.filter((s) => s.windowId === 'w-01');
    const staff = windowLoss(results(seated.map((s, i) => subject('staff', s.id, 99, 1, [-(i + 1)]))), hall.roster);
    expect(staff.basis).toBe('staff');
    expect(staff.values.get('w-01')).toBe(seated.reduce((sum, _, i) => sum + i + 1, 0));
    const windows = windowLoss(results([subject('window', 'w-02', 96, 1, [-4]), subject('staff', seated[0]?.id ?? '', 90, 1, [-10])]), hall.roster);
    expect([windows.basis, windows.values.get('w-02'), windows.values.get('w-01')]).toEqual(['window', 4, undefined]);
    const units = windowLoss(results([subject('unit', 'u-zonghe', 95, 1, [-5])]), hall.roster);
    const zongheWindows = hall.roster.windows.filter((w) => w.unitId === 'u-zonghe');
    expect(units.basis).toBe('unit');
    expect(zongheWindows.every((w) => units.values.get(w.id) === 5)).toBe(true);
  });
});
