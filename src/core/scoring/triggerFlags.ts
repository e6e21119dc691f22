import type { PeriodKind, SubjectKind } from '../scheme/schemeSchema';
import { inBound } from '../scheme/bounds';
import type { PeriodRef, PeriodRange } from '../time/period';
import { containing, periodMonths, shiftPeriod, subPeriods } from '../time/period';
import { sameSource } from './flag';
import type { FlagMeasure, FlagSource } from './flag';
import type { SubjectResult } from './results';
import { findingAt, memberOfRow } from './findingTable';
import { anyIn, spanOf } from './instantSpan';
import type { ScoringContext } from './scoreDirect';

/**
 * Flags of the scheme's triggers on this period's results: a count or quantity of items within a period reaching its
 * bound (被投诉月累计3次以上 → 退回), or a grade held in consecutive base periods (连续三个月不合格 → 调换). `gradedAt`
 * grades an earlier base period (memoised by the run).
 */
export function addTriggerFlags(ctx: ScoringContext, range: PeriodRange, raw: Map<SubjectKind, SubjectResult[]>, gradedAt: (p: PeriodRef) => Map<SubjectKind, SubjectResult[]>): void {
  const { scheme } = ctx;
  /** Grade ids by `kind:subjectId` of a period; a period with no findings in its year so far grades like any other such. */
  const gradesAt = (p: PeriodRef): Map<string, string | null> => {
    const r = ctx.rangeOf(p);
    const pristine = !anyIn(ctx.table.atMs, ctx.rangeOf(containing(p, 'year')).startMs, r.endMs);
    const key = pristine ? `pristine:${p.kind}` : r.key;
    let grades = ctx.gradeIds.get(key);
    if (!grades) {
      grades = new Map();
      for (const [kind, list] of gradedAt(p)) for (const x of list) grades.set(`${kind}:${x.subjectId}`, x.gradeId);
      ctx.gradeIds.set(key, grades);
    }
    return grades;
  };
  const assessed = (p: PeriodRef): boolean => {
    const r = ctx.rangeOf(p);
    return anyIn(ctx.table.atMs, r.startMs, r.endMs);
  };
  for (const tr of scheme.triggers) {
    const results = raw.get(tr.subject) ?? [];
    const source: FlagSource = { kind: 'trigger', triggerId: tr.id, clause: tr.clause };
    // The flag holds for the trigger's `within` period: 当季度不得被评为优秀 counted in a quarter bars that quarter, not the year.
    const scope = tr.within ?? range.ref.kind;
    // A result flagged by this trigger for the same window already keeps its flag (the finding ids are read only for a new one).
    const raise = (r: SubjectResult, findingIds: () => string[], measure: FlagMeasure): void => {
      const again = r.flags.some((f) => f.kind === tr.kind && sameSource(f.source, source) && windowOf(f.measure) === windowOf(measure));
      if (!again) r.flags.push({ kind: tr.kind, text: tr.text, scope, source, measure, ...(tr.band ? { band: tr.band } : {}), findingIds: findingIds() });
    };
    if (tr.items && tr.within && tr.when) {
      const windows = windowsFor(range, tr.within, ctx.rangeOf);
      const { table } = ctx;
      const items = new Set(tr.items);
      const counts = scheme.items.map((i) => items.has(i.id));
      const members = ctx.index.byKind[tr.subject].length;
      const counted = ctx.subsets.triggers.get(tr.id) ?? [];
      for (const [from, to, periodKey] of windows) {
        // Per subject (by roster position): the measure so far, and the rows counted (their ids only if it fires).
        const measure = new Float64Array(members);
        const rows: (number[] | undefined)[] = Array.from({ length: members }, () => undefined);
        const [lo, hi] = spanOf(table.atMs, counted, from, to);
        for (let i = lo; i < hi; i++) {
          const pos = counted[i] as number;
          if (!counts[table.item[pos] as number] || (table.counted[pos] !== 1 && !ctx.options.countPending)) continue;
          const at = memberOfRow(table, pos, tr.subject);
          if (at < 0) continue;
          const q = table.quantity[pos] as number;
          measure[at] = (measure[at] as number) + (tr.measure === 'quantity' ? (Number.isNaN(q) ? 0 : q) : 1);
          const mine = rows[at];
          if (mine) mine.push(pos);
          else rows[at] = [pos];
        }
        for (const r of results) {
          const at = ctx.table.memberAt[tr.subject].get(r.subjectId);
          const mine = at === undefined ? undefined : rows[at];
          if (!mine) continue;
          const value = measure[at as number] as number;
          if (inBound(tr.when, value)) raise(r, () => mine.map((pos) => findingAt(table, pos).id), { kind: tr.measure, value: Math.round(value * 1e6) / 1e6, periodKey });
        }
      }
    }
    if (tr.grade && tr.consecutive) {
      const base = scheme.period;
      if (periodMonths(range.ref.kind) < periodMonths(base)) continue;
      for (const end of subPeriods(range.ref, base)) {
        // With `within`, only the run ending with the last base period of that period counts (四个季度 of one year).
        if (tr.within && ctx.rangeOf(end).endMs !== ctx.rangeOf(containing(end, tr.within)).endMs) continue;
        const run = Array.from({ length: tr.consecutive }, (_, k) => shiftPeriod(end, k));
        // A period nobody was assessed in (no finding of the scheme at all) holds no grade: it cannot complete a run.
        if (!run.every((p) => assessed(p))) continue;
        const held = run.map(gradesAt);
        for (const r of results) {
          const key = `${tr.subject}:${r.subjectId}`;
          const all = held.every((grades) => grades.get(key) === tr.grade);
          if (all) raise(r, () => [], { kind: 'consecutive', periods: tr.consecutive ?? 0, through: ctx.rangeOf(end).key });
        }
      }
    }
  }
}

/**
 * The spans a trigger counts within, with the key of their `within` period: the `within` period containing this one
 * (up to this one's end), or each `within` period inside it.
 */
function windowsFor(range: PeriodRange, within: PeriodKind, rangeOf: (p: PeriodRef) => PeriodRange): [number, number, string][] {
  if (periodMonths(within) >= periodMonths(range.ref.kind)) {
    const w = rangeOf(containing(range.ref, within));
    return [[w.startMs, range.endMs, w.key]];
  }
  return subPeriods(range.ref, within).map((p) => {
    const r = rangeOf(p);
    return [r.startMs, r.endMs, r.key];
  });
}

/** The `within` period a count was taken in (one flag per such period); consecutive runs raise one flag per result. */
function windowOf(m: FlagMeasure | undefined): string {
  return m && (m.kind === 'count' || m.kind === 'quantity') ? m.periodKey : '';
}
