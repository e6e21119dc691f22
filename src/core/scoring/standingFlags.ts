import type { Item, SubjectKind } from '../scheme/schemeSchema';
import type { PeriodRef, PeriodRange } from '../time/period';
import { containing, periodMonths, shiftPeriod } from '../time/period';
import { sameSource } from './flag';
import type { FlagSource } from './flag';
import type { SubjectResult } from './results';
import { findingAt } from './findingTable';
import type { Place } from './findingTable';
import { spanOf } from './instantSpan';
import type { ScoringContext } from './scoreDirect';

/**
 * A disqualification covers its whole scope period: 取消本季度评优 raised in January still blocks March's honours.
 * Counted from the start of the scope period containing this one up to this period's start (this period's own
 * findings raise theirs in scoreDirect). A bar that reaches only the scope period's own result (年终不得参与评优评先)
 * does not stand on the shorter periods inside it.
 */
export function addStandingDisqualifications(ctx: ScoringContext, range: PeriodRange, raw: Map<SubjectKind, SubjectResult[]>): void {
  const scopes = new Set(ctx.scheme.items.flatMap((i) => (i.disqualifies ?? []).filter((d) => d.reach !== 'result').map((d) => d.scope)));
  const byId = resultsByKey(raw);
  for (const scope of scopes) {
    if (periodMonths(scope) <= periodMonths(range.ref.kind)) continue;
    const flagging = ctx.subsets.flagging;
    const [lo, hi] = spanOf(ctx.table.atMs, flagging, ctx.rangeOf(containing(range.ref, scope)).startMs, range.startMs);
    const t = ctx.table;
    for (let i = lo; i < hi; i++) {
      const pos = flagging[i] as number;
      if (t.counted[pos] !== 1 && !ctx.options.countPending) continue;
      const item = ctx.scheme.items[t.item[pos] as number] as Item;
      for (const d of item.disqualifies ?? []) {
        if (d.scope !== scope || d.reach === 'result') continue;
        const r = byId.get((t.places[t.place[pos] as number] as Place).keys[d.subject ?? item.subject]);
        if (!r) continue;
        const id = findingAt(t, pos).id;
        // The same flag: raised by this item (its source), for this scope, reaching every period inside it.
        const same = r.flags.find((x) => x.kind === 'disqualified' && x.source.kind === 'item' && x.source.itemId === item.id && x.scope === scope && x.reach === undefined);
        if (same) {
          if (!same.findingIds.includes(id)) same.findingIds.unshift(id);
        } else r.flags.push({ kind: 'disqualified', text: d.text, scope, source: { kind: 'item', itemId: item.id, itemName: item.name, clause: item.clause }, findingIds: [id] });
      }
    }
  }
}

/**
 * A grade's disqualification stands like an item's: 不合格 in January "取消当季评优评先资格" also bars February's and
 * March's honours. Each earlier period of this kind within the flag's scope period is graded (memoised) and its
 * holders of such a grade carry the flag into this period, its source naming the period the grade was held in.
 */
export function addStandingGradeDisqualifications(ctx: ScoringContext, range: PeriodRange, raw: Map<SubjectKind, SubjectResult[]>, gradedAt: (p: PeriodRef) => Map<SubjectKind, SubjectResult[]>): void {
  const kind = range.ref.kind;
  const byId = resultsByKey(raw);
  for (const table of ctx.scheme.tables) {
    for (const g of table.grades) {
      for (const fl of g.flags ?? []) {
        if (fl.kind !== 'disqualified' || !fl.scope || periodMonths(fl.scope) <= periodMonths(kind) || (fl.on !== undefined && fl.on !== kind)) continue;
        const scopeStart = ctx.rangeOf(containing(range.ref, fl.scope)).startMs;
        for (let p = shiftPeriod(range.ref, 1); ctx.rangeOf(p).startMs >= scopeStart; p = shiftPeriod(p, 1)) {
          const key = ctx.rangeOf(p).key;
          for (const r of gradedAt(p).get(table.subject) ?? []) {
            if (r.gradeId !== g.id) continue;
            const target = byId.get(`${table.subject}:${r.subjectId}`);
            if (!target) continue;
            const source: FlagSource = { kind: 'grade', gradeId: g.id, gradeName: g.name, periodKey: key };
            if (target.flags.some((x) => x.kind === 'disqualified' && sameSource(x.source, source))) continue;
            target.flags.push({ kind: 'disqualified', text: fl.text, scope: fl.scope, source, ...(fl.band ? { band: fl.band } : {}), findingIds: [] });
          }
        }
      }
    }
  }
}

/** Results by `kind:subjectId`. */
export function resultsByKey(raw: Map<SubjectKind, SubjectResult[]>): Map<string, SubjectResult> {
  const byId = new Map<string, SubjectResult>();
  for (const [kind, list] of raw) for (const r of list) byId.set(`${kind}:${r.subjectId}`, r);
  return byId;
}
