import type { SubjectKind } from '../../../../src/core/scheme/schemeSchema';
import { flagSourceKey } from '../../../../src/core/scoring/flag';
import type { Flag } from '../../../../src/core/scoring/flag';
import type { SubjectResult } from '../../../../src/core/scoring/results';
import { fix, round2 } from '../../../../src/core/scoring/points';

/**
 * Roll base periods up by averaging (rollup: average): totals, category scores and bonus are the mean of the
 * base periods' results; explanations and flags are carried over, each period's total listed.
 */
export function averageResults(periods: { key: string; results: Map<SubjectKind, SubjectResult[]> }[]): Map<SubjectKind, SubjectResult[]> {
  const out = new Map<SubjectKind, SubjectResult[]>();
  const first = periods[0];
  if (!first) return out;
  const n = periods.length;
  const lookup = periods.map((p) => {
    const m = new Map<string, SubjectResult>();
    for (const [kind, list] of p.results) for (const r of list) m.set(`${kind}:${r.subjectId}`, r);
    return m;
  });
  for (const [kind, list] of first.results) {
    out.set(
      kind,
      list.map((r0) => {
        const all = periods.map((p, i) => ({ key: p.key, r: lookup[i]?.get(`${kind}:${r0.subjectId}`) ?? r0 }));
        const mean = (f: (r: SubjectResult) => number): number => round2(all.reduce((s, x) => s + f(x.r), 0) / n);
        const flags: Flag[] = [];
        for (const { r } of all) {
          for (const fl of r.flags) {
            if (fl.kind === 'disqualified' || fl.findingIds.length > 0) {
              if (!flags.some((x) => x.kind === fl.kind && flagSourceKey(x.source) === flagSourceKey(fl.source) && x.text === fl.text && x.scope === fl.scope)) flags.push({ ...fl, findingIds: [...fl.findingIds] });
            }
          }
        }
        return {
          ...r0,
          categories: r0.categories.map((c) => ({
            ...c,
            score: mean((r) => r.categories.find((x) => x.id === c.id)?.score ?? 0),
            pending: fix(all.reduce((s, x) => s + (x.r.categories.find((y) => y.id === c.id)?.pending ?? 0), 0)),
          })),
          bonus: mean((r) => r.bonus),
          total: mean((r) => r.total),
          pending: fix(all.reduce((s, x) => s + x.r.pending, 0)),
          gradeId: null,
          gradeName: null,
          gradeReason: null,
          rank: 0,
          flags,
          findingCount: all.reduce((s, x) => s + x.r.findingCount, 0),
          explanation: [
            ...all.map((x) => ({ kind: 'period-total' as const, periodKey: x.key, total: x.r.total, gradeName: x.r.gradeName })),
            { kind: 'period-mean' as const, periods: n, total: mean((r) => r.total) },
            ...all.flatMap((x) => x.r.explanation.filter((l) => l.kind !== 'grade')),
          ],
        };
      }),
    );
  }
  return out;
}
