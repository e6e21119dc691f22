import type { SubjectKind } from '../scheme/schemeSchema';
import { flagSourceKey } from './flag';
import type { Flag } from './flag';
import type { CategoryResult, SubjectResult } from './results';
import { fix, round2 } from './points';

/**
 * Roll base periods up by averaging (rollup: average): totals, category scores and bonus are the mean of the
 * base periods' results; flags are carried over; for the subjects `explains` names, each period's total is listed and
 * its lines carried over.
 */
export function averageResults(
  periods: { key: string; results: Map<SubjectKind, SubjectResult[]> }[],
  explains: (kind: SubjectKind, id: string) => boolean,
): Map<SubjectKind, SubjectResult[]> {
  const out = new Map<SubjectKind, SubjectResult[]>();
  const first = periods[0];
  if (!first) return out;
  const n = periods.length;
  for (const [kind, list] of first.results) {
    // Every period scores the same roster in the same order; a subject found elsewhere is looked up by id.
    const lists = periods.map((p) => p.results.get(kind) ?? []);
    const byId = lists.map((l) => {
      let m: Map<string, SubjectResult> | undefined;
      return (id: string): SubjectResult | undefined => (m ??= new Map(l.map((r) => [r.subjectId, r]))).get(id);
    });
    out.set(
      kind,
      list.map((r0, at) => {
        const all = lists.map((l, i) => {
          const same = l[at];
          return same && same.subjectId === r0.subjectId ? same : (byId[i]?.(r0.subjectId) ?? r0);
        });
        const mean = (f: (r: SubjectResult) => number): number => round2(all.reduce((s, r) => s + f(r), 0) / n);
        const total = mean((r) => r.total);
        return {
          subject: r0.subject,
          subjectId: r0.subjectId,
          name: r0.name,
          unitId: r0.unitId,
          categories: r0.categories.map((c, ci) => {
            const of = (r: SubjectResult): CategoryResult | undefined => {
              const same = r.categories[ci];
              return same && same.id === c.id ? same : r.categories.find((x) => x.id === c.id);
            };
            return { ...c, score: mean((r) => of(r)?.score ?? 0), pending: fix(all.reduce((s, r) => s + (of(r)?.pending ?? 0), 0)) };
          }),
          bonus: mean((r) => r.bonus),
          total,
          pending: fix(all.reduce((s, r) => s + r.pending, 0)),
          gradeId: null,
          gradeName: null,
          gradeReason: null,
          rank: 0,
          flags: carriedFlags(all),
          explanation: explains(kind, r0.subjectId)
            ? [
                ...all.map((r, i) => ({ kind: 'period-total' as const, periodKey: periods[i]?.key ?? '', total: r.total, gradeName: r.gradeName })),
                { kind: 'period-mean' as const, periods: n, total },
                ...all.flatMap((r) => r.explanation.filter((l) => l.kind !== 'grade')),
              ]
            : [],
          findingCount: all.reduce((s, r) => s + r.findingCount, 0),
        };
      }),
    );
  }
  return out;
}

/** The base periods' disqualifications and finding-raised flags, each once (the first period's copy). */
function carriedFlags(all: readonly SubjectResult[]): Flag[] {
  const flags: Flag[] = [];
  const bySource = new Map<string, Flag[]>();
  for (const r of all) {
    for (const fl of r.flags) {
      if (fl.kind !== 'disqualified' && fl.findingIds.length === 0) continue;
      const key = flagSourceKey(fl.source);
      const same = bySource.get(key);
      if (same?.some((x) => x.kind === fl.kind && x.text === fl.text && x.scope === fl.scope)) continue;
      const copy = { ...fl, findingIds: [...fl.findingIds] };
      flags.push(copy);
      if (same) same.push(copy);
      else bySource.set(key, [copy]);
    }
  }
  return flags;
}
