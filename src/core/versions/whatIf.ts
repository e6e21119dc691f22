import type { SubjectKind } from '../scheme/schemeSchema';
import type { PeriodResults, SubjectResult } from '../scoring/results';

/** One item's points on a subject under the real version and under the candidate (0 where it moved nothing). */
export interface ItemMove {
  itemId: string;
  itemName: string;
  real: number;
  whatIf: number;
}

/** A subject's results side by side: totals, grades, and the items whose points differ. */
export interface SubjectComparison {
  subject: SubjectKind;
  subjectId: string;
  name: string;
  unitId: string;
  real: { total: number; gradeName: string | null; rank: number } | null;
  whatIf: { total: number; gradeName: string | null; rank: number } | null;
  /** whatIf total − real total (a subject missing on one side counts 0 there). */
  delta: number;
  /** Items whose counted points differ, largest change first. */
  moved: ItemMove[];
}

/** The counted points each item moved on a subject (findings and period rules, before caps), by item id. */
function itemPoints(s: SubjectResult | undefined): Map<string, { name: string; points: number }> {
  const out = new Map<string, { name: string; points: number }>();
  for (const line of s?.explanation ?? []) {
    if ((line.kind !== 'finding' && line.kind !== 'period') || line.status !== 'counted') continue;
    const have = out.get(line.itemId);
    out.set(line.itemId, { name: line.itemName, points: (have?.points ?? 0) + line.points });
  }
  return out;
}

const round = (n: number): number => Math.round(n * 1e6) / 1e6;

/**
 * A new scheme version's what-if: the real results of a period and the results under the candidate version, subject
 * by subject (matched by level and id), with the items that moved. Pure: the server computes both results with
 * scoreWithVersions and calls this; the admin screen words it.
 */
export function compareResults(real: PeriodResults, whatIf: PeriodResults): SubjectComparison[] {
  const key = (s: SubjectResult): string => `${s.subject}\n${s.subjectId}`;
  const realBy = new Map(real.subjects.map((s) => [key(s), s]));
  const whatIfBy = new Map(whatIf.subjects.map((s) => [key(s), s]));
  const keys = [...new Set([...realBy.keys(), ...whatIfBy.keys()])];
  const out: SubjectComparison[] = [];
  for (const k of keys) {
    const r = realBy.get(k);
    const w = whatIfBy.get(k);
    const any = r ?? w;
    if (!any) continue;
    const a = itemPoints(r);
    const b = itemPoints(w);
    const moved: ItemMove[] = [];
    for (const itemId of new Set([...a.keys(), ...b.keys()])) {
      const ra = round(a.get(itemId)?.points ?? 0);
      const wb = round(b.get(itemId)?.points ?? 0);
      if (ra !== wb) moved.push({ itemId, itemName: b.get(itemId)?.name ?? a.get(itemId)?.name ?? itemId, real: ra, whatIf: wb });
    }
    moved.sort((x, y) => Math.abs(y.whatIf - y.real) - Math.abs(x.whatIf - x.real) || (x.itemId < y.itemId ? -1 : 1));
    out.push({
      subject: any.subject,
      subjectId: any.subjectId,
      name: any.name,
      unitId: any.unitId,
      real: r ? { total: r.total, gradeName: r.gradeName, rank: r.rank } : null,
      whatIf: w ? { total: w.total, gradeName: w.gradeName, rank: w.rank } : null,
      delta: round((w?.total ?? 0) - (r?.total ?? 0)),
      moved,
    });
  }
  return out;
}
