import { describe, expect, it } from 'vitest';
import { resultChanges, resultsDiffer } from '../../../src/core/publish/resultChanges';
import type { PeriodResults, SubjectResult } from '../../../src/core/scoring/results';

const subject = (id: string, total: number, rank: number, over: Partial<SubjectResult> = {}): SubjectResult => ({
  subject: 'staff',
  subjectId: id,
  name: id,
  unitId: 'u-1',
  categories: [{ id: 'c', name: 'C', mode: 'deduct', points: 100, score: total, pending: 0 }],
  bonus: 0,
  total,
  pending: 0,
  gradeId: total > 70 ? 'pass' : 'fail',
  gradeName: total > 70 ? '合格' : '不合格',
  gradeReason: { kind: 'total', total },
  rank,
  flags: [],
  explanation: [],
  findingCount: 0,
  ...over,
});
const results = (subjects: SubjectResult[]): PeriodResults => ({ schemeId: 's', schemeVersion: 1, period: { kind: 'month', key: '2026-03', start: '', end: '' }, subjects, skipped: [] });

describe('what a revision changes', () => {
  it('is nothing for the same results', () => {
    const r = results([subject('a', 90, 1), subject('b', 80, 2)]);
    expect(resultChanges(r, structuredClone(r))).toEqual([]);
    expect(resultsDiffer(r, structuredClone(r))).toBe(false);
  });

  it('names each subject whose total, grade, rank or explanation moved, and those added or gone', () => {
    const before = results([subject('a', 90, 1), subject('b', 80, 2), subject('c', 75, 3)]);
    const after = results([subject('b', 85, 1), subject('a', 69, 2, { findingCount: 1 }), subject('d', 100, 3)]);
    const changes = resultChanges(before, after);
    expect(changes.map((c) => [c.kind, c.subjectId])).toEqual([['changed', 'b'], ['changed', 'a'], ['added', 'd'], ['removed', 'c']]);
    const a = changes.find((c) => c.subjectId === 'a');
    expect(a?.kind === 'changed' && a.parts).toEqual(['total', 'grade', 'rank', 'categories', 'findings']);
    expect(a?.kind === 'changed' && [a.before.gradeName, a.after.gradeName]).toEqual(['合格', '不合格']);
    expect(resultsDiffer(before, after)).toBe(true);
  });
});
