import type { Grade, Table } from '../scheme/schemeSchema';
import { inBound } from '../scheme/bounds';
import type { GradeReason } from './explanation';
import type { SubjectResult } from './results';
import type { PeriodRange } from '../time/period';
import { barsHonour } from './flag';
import { quotaPlaces } from './quotaPlaces';

/**
 * Grade, demote (disqualification, eligibility, quota) and rank one table's results in place; `measureOf` gives each
 * eligibility rule's measure of a subject in the period (eligibilityMeasures). A grade line is written for the results
 * `explains` names.
 */
export function gradeTable(
  table: Table,
  results: SubjectResult[],
  range: PeriodRange,
  measureOf: (rule: number, subjectId: string) => number,
  explains: (r: SubjectResult) => boolean,
): void {
  const periodKind = range.ref.kind;
  const grades = table.grades;
  const set = (r: SubjectResult, g: Grade | undefined, reason: GradeReason): void => {
    r.gradeId = g?.id ?? null;
    r.gradeName = g?.name ?? null;
    r.gradeReason = g ? reason : null;
    if (g && explains(r)) r.explanation.push({ kind: 'grade', gradeId: g.id, gradeName: g.name, reason });
  };
  const next = (g: Grade): Grade | undefined => grades[grades.indexOf(g) + 1];
  const byId = (id: string): Grade | undefined => grades.find((g) => g.id === id);

  const eligibility = table.eligibility;
  for (const r of results) {
    let g = grades.find((x) => x.when !== undefined && inBound(x.when, r.total));
    const total: GradeReason = { kind: 'total', total: r.total };
    if (!g) {
      set(r, undefined, total);
      continue;
    }
    set(r, g, total);
    if (g.honor) {
      const blocking = r.flags.find((f) => barsHonour(f, periodKind));
      if (blocking) {
        const denied = g.name;
        g = next(g);
        set(r, g, { kind: 'disqualified', text: blocking.text, source: blocking.source, denied });
      }
    }
    for (let k = 0; k < eligibility.length; k++) {
      const e = eligibility[k] as (typeof eligibility)[number];
      if (!g || g.id !== e.grade || (e.period !== undefined && e.period !== periodKind)) continue;
      const measure = Math.round(measureOf(k, r.subjectId) * 1e6) / 1e6;
      if (inBound(e.when, measure)) {
        const denied = g.name;
        g = byId(e.demoteTo);
        set(r, g, { kind: 'ineligible', text: e.text, measure, denied });
      }
    }
  }

  if (table.quota) {
    const q = table.quota;
    const allowed = quotaPlaces(q, results.length);
    const holders = results.filter((r) => r.gradeId === q.grade).sort(byTotal);
    // Best totals first; a tied group that does not fit whole is demoted whole, and so is everyone below it:
    // the honour never skips over equals (or betters) who were denied it.
    let kept = 0;
    let full = false;
    for (let i = 0; i < holders.length; ) {
      const total = holders[i]?.total;
      let j = i;
      while (j < holders.length && holders[j]?.total === total) j++;
      const group = holders.slice(i, j);
      if (!full && kept + group.length <= allowed) kept += group.length;
      else {
        full = true;
        const lower = byId(q.demoteTo);
        for (const r of group) {
          set(r, lower, { kind: 'quota', denied: byId(q.grade)?.name ?? q.grade, allowed, subjects: results.length, share: q.maxShare, total: r.total });
        }
      }
      i = j;
    }
  }

  for (const r of results) {
    const g = r.gradeId ? byId(r.gradeId) : undefined;
    for (const f of g?.flags ?? []) {
      if (g && (f.on === undefined || f.on === periodKind)) {
        const source = { kind: 'grade' as const, gradeId: g.id, gradeName: g.name, periodKey: range.key };
        r.flags.push({ kind: f.kind, text: f.text, scope: f.scope ?? periodKind, source, ...(f.band ? { band: f.band } : {}), findingIds: [] });
      }
    }
  }

  const ranked = [...results].sort(byTotal);
  ranked.forEach((r, i) => {
    const prev = ranked[i - 1];
    r.rank = prev && prev.total === r.total ? prev.rank : i + 1;
  });
}

/** Highest total first; equal totals by id so the order never depends on input order. */
export function byTotal(a: SubjectResult, b: SubjectResult): number {
  return b.total - a.total || (a.subjectId < b.subjectId ? -1 : a.subjectId > b.subjectId ? 1 : 0);
}
