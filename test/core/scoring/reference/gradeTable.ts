import type { Grade, Table } from '../../../../src/core/scheme/schemeSchema';
import { inBound } from '../../../../src/core/scheme/bounds';
import type { GradeReason } from '../../../../src/core/scoring/explanation';
import type { SubjectResult } from '../../../../src/core/scoring/results';
import type { Prepared } from './prepareFindings';
import type { PeriodRange } from '../../../../src/core/time/period';
import { barsHonour } from '../../../../src/core/scoring/flag';

/** Grade, demote (disqualification, eligibility, quota) and rank one table's results in place. */
export function gradeTable(table: Table, results: SubjectResult[], range: PeriodRange, findings: readonly Prepared[], countPending: boolean): void {
  const periodKind = range.ref.kind;
  const grades = table.grades;
  const set = (r: SubjectResult, g: Grade | undefined, reason: GradeReason): void => {
    r.gradeId = g?.id ?? null;
    r.gradeName = g?.name ?? null;
    r.gradeReason = g ? reason : null;
    if (g) r.explanation.push({ kind: 'grade', gradeId: g.id, gradeName: g.name, reason });
  };
  const next = (g: Grade): Grade | undefined => grades[grades.indexOf(g) + 1];
  const byId = (id: string): Grade | undefined => grades.find((g) => g.id === id);

  // Each eligibility rule's measure per subject, in one pass over the period's findings.
  const measures = table.eligibility.map(() => new Map<string, number>());
  if (table.eligibility.length > 0) {
    const byItem = new Map<string, number[]>();
    table.eligibility.forEach((e, k) => e.items.forEach((id) => byItem.set(id, [...(byItem.get(id) ?? []), k])));
    for (const f of findings) {
      const ks = byItem.get(f.item.id);
      const id = f.subjects[table.subject];
      if (!ks || !id || (f.status !== 'counted' && !countPending)) continue;
      for (const k of ks) {
        const m = measures[k] as Map<string, number>;
        m.set(id, (m.get(id) ?? 0) + (f.inputs.quantity ?? 1));
      }
    }
  }

  for (const r of results) {
    let g = grades.find((x) => x.when !== undefined && inBound(x.when, r.total));
    if (!g) {
      set(r, undefined, { kind: 'total', total: r.total });
      continue;
    }
    set(r, g, { kind: 'total', total: r.total });
    const blocking = r.flags.find((f) => barsHonour(f, periodKind));
    if (g.honor && blocking) {
      const lower = next(g);
      set(r, lower, { kind: 'disqualified', text: blocking.text, source: blocking.source, denied: g.name });
      g = lower;
    }
    for (const [k, e] of table.eligibility.entries()) {
      if (!g || g.id !== e.grade || (e.period !== undefined && e.period !== periodKind)) continue;
      const measure = Math.round((measures[k]?.get(r.subjectId) ?? 0) * 1e6) / 1e6;
      if (inBound(e.when, measure)) {
        const lower = byId(e.demoteTo);
        set(r, lower, { kind: 'ineligible', text: e.text, measure, denied: g.name });
        g = lower;
      }
    }
  }

  if (table.quota) {
    const q = table.quota;
    const allowed = roundBy(q.maxShare * results.length, q.rounding);
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

function roundBy(x: number, rounding: 'floor' | 'ceil' | 'round'): number {
  const v = Math.round(x * 1e9) / 1e9;
  return rounding === 'floor' ? Math.floor(v) : rounding === 'ceil' ? Math.ceil(v) : Math.round(v);
}
