import type { PeriodKind, SubjectKind } from '../scheme/schemeSchema';
import type { Scheme } from '../scheme/parseScheme';
import { inBound } from '../scheme/bounds';
import type { Finding } from '../model/finding';
import type { PeriodRef, PeriodRange } from '../time/period';
import type { Roster } from '../model/roster';
import type { ScoreOptions } from './scoreOptions';
import { flagSourceKey } from './flag';
import type { Flag, FlagSource } from './flag';
import type { PeriodResults, SubjectResult } from './results';
import { indexRoster } from '../model/rosterIndex';
import { prepareFindings } from './prepareFindings';
import { containing, periodKey, periodMonths, periodRange, shiftPeriod, subPeriods } from '../time/period';
import { anyIn, findingsIn, scoreDirect, SUBJECT_ORDER } from './scoreDirect';
import type { ScoringContext } from './scoreDirect';
import { gradeTable } from './gradeTable';
import { averageResults } from './averageResults';
import { compareSubjects } from './compareSubjects';

/**
 * Score one period: (scheme, roster, findings with review state, period) -> results per staff, window, chief, unit.
 * Pure and deterministic: the same findings in any order give identical results.
 */
export function scorePeriod(
  scheme: Scheme,
  roster: Roster,
  findings: readonly Finding[],
  period: PeriodRef,
  options: ScoreOptions,
): PeriodResults {
  const index = indexRoster(roster);
  const { prepared, skipped } = prepareFindings(scheme, index, findings);
  const tz = roster.hall.timeZone;
  const ranges = new Map<string, PeriodRange>();
  const rangeOf = (p: PeriodRef): PeriodRange => {
    const key = periodKey(p);
    let r = ranges.get(key);
    if (!r) ranges.set(key, (r = periodRange(p, tz)));
    return r;
  };
  const ctx: ScoringContext = { scheme, index, prepared, options, asOfMs: options.asOf ? Date.parse(options.asOf) : undefined, rangeOf, graded: new Map(), gradeIds: new Map() };
  const range = rangeOf(period);
  const graded = scoreGraded(ctx, period, true);
  const subjects = SUBJECT_ORDER.flatMap((k) => [...(graded.get(k) ?? [])].sort(compareSubjects));
  skipped.sort((a, b) => (a.findingId < b.findingId ? -1 : a.findingId > b.findingId ? 1 : 0));
  return {
    schemeId: scheme.id,
    schemeVersion: scheme.version,
    period: { kind: period.kind, key: range.key, start: new Date(range.startMs).toISOString(), end: new Date(range.endMs).toISOString() },
    subjects,
    skipped,
  };
}

function scoreGraded(ctx: ScoringContext, period: PeriodRef, withTriggers: boolean): Map<SubjectKind, SubjectResult[]> {
  const { scheme } = ctx;
  const range = ctx.rangeOf(period);
  const cached = withTriggers ? undefined : ctx.graded.get(range.key);
  if (cached) return cached;
  const rollup = period.kind === 'month' ? 'direct' : scheme.rollup[period.kind];
  const longer = periodMonths(period.kind) > periodMonths(scheme.period);
  const raw =
    longer && rollup === 'average'
      ? averageResults(subPeriods(period, scheme.period).map((p) => ({ key: ctx.rangeOf(p).key, results: scoreGraded(ctx, p, false) })))
      : scoreDirect(ctx, range);
  addStandingDisqualifications(ctx, range, raw);
  if (withTriggers) addTriggerFlags(ctx, range, raw);
  const findings = findingsIn(ctx.prepared, range.startMs, range.endMs);
  for (const table of scheme.tables) gradeTable(table, raw.get(table.subject) ?? [], period.kind, findings, ctx.options.countPending);
  if (!withTriggers) ctx.graded.set(range.key, raw);
  return raw;
}

/**
 * A disqualification covers its whole scope period: 取消本季度评优 raised in January still blocks March's honours.
 * Counted from the start of the scope period containing this one up to this period's end.
 */
function addStandingDisqualifications(ctx: ScoringContext, range: PeriodRange, raw: Map<SubjectKind, SubjectResult[]>): void {
  const scopes = new Set(ctx.scheme.items.flatMap((i) => (i.disqualifies ? [i.disqualifies.scope] : [])));
  const byId = new Map<string, SubjectResult>();
  for (const [kind, list] of raw) for (const r of list) byId.set(`${kind}:${r.subjectId}`, r);
  for (const scope of scopes) {
    if (periodMonths(scope) <= periodMonths(range.ref.kind)) continue;
    const from = ctx.rangeOf(containing(range.ref, scope)).startMs;
    for (const f of findingsIn(ctx.prepared, from, range.startMs)) {
      const d = f.item.disqualifies;
      if (!d || d.scope !== scope || (f.status !== 'counted' && !ctx.options.countPending)) continue;
      const kind = d.subject ?? f.item.subject;
      const r = byId.get(`${kind}:${f.subjects[kind] ?? ''}`);
      if (!r) continue;
      const source: FlagSource = { kind: 'item', itemId: f.item.id, itemName: f.item.name, clause: f.item.clause };
      const same = r.flags.find((x) => x.kind === 'disqualified' && flagSourceKey(x.source) === flagSourceKey(source) && x.scope === scope);
      if (same) {
        if (!same.findingIds.includes(f.id)) same.findingIds.unshift(f.id);
      } else r.flags.push({ kind: 'disqualified', text: d.text, scope, source, findingIds: [f.id] });
    }
  }
}

function addTriggerFlags(ctx: ScoringContext, range: PeriodRange, raw: Map<SubjectKind, SubjectResult[]>): void {
  const { scheme } = ctx;
  /** Grade ids by `kind:subjectId` of a period; a period with no findings in its year so far grades like any other such. */
  const gradesAt = (p: PeriodRef): Map<string, string | null> => {
    const r = ctx.rangeOf(p);
    const pristine = !anyIn(ctx.prepared, ctx.rangeOf(containing(p, 'year')).startMs, r.endMs);
    const key = pristine ? `pristine:${p.kind}` : r.key;
    let grades = ctx.gradeIds.get(key);
    if (!grades) {
      grades = new Map();
      for (const [kind, list] of scoreGraded(ctx, p, false)) for (const x of list) grades.set(`${kind}:${x.subjectId}`, x.gradeId);
      ctx.gradeIds.set(key, grades);
    }
    return grades;
  };
  for (const tr of scheme.triggers) {
    const results = raw.get(tr.subject) ?? [];
    const source: FlagSource = { kind: 'trigger', triggerId: tr.id, clause: tr.clause };
    const raise = (r: SubjectResult, findingIds: string[], measure: NonNullable<Flag['measure']>): void => {
      const flag: Flag = { kind: tr.kind, text: tr.text, scope: range.ref.kind, source, measure, findingIds };
      if (!r.flags.some((f) => f.kind === flag.kind && flagSourceKey(f.source) === flagSourceKey(source))) r.flags.push(flag);
    };
    if (tr.items && tr.within && tr.when) {
      const windows = windowsFor(range, tr.within, ctx.rangeOf);
      const items = new Set(tr.items);
      for (const [from, to] of windows) {
        const hits = new Map<string, { measure: number; ids: string[] }>();
        for (const f of findingsIn(ctx.prepared, from, to)) {
          if (!items.has(f.item.id) || (f.status !== 'counted' && !ctx.options.countPending)) continue;
          const id = f.subjects[tr.subject];
          if (!id) continue;
          const h = hits.get(id) ?? { measure: 0, ids: [] };
          h.measure += tr.measure === 'quantity' ? (f.inputs.quantity ?? 0) : 1;
          h.ids.push(f.id);
          hits.set(id, h);
        }
        for (const r of results) {
          const h = hits.get(r.subjectId);
          if (h && inBound(tr.when, h.measure)) raise(r, h.ids, { kind: tr.measure, value: Math.round(h.measure * 1e6) / 1e6 });
        }
      }
    }
    if (tr.grade && tr.consecutive) {
      const base = scheme.period;
      if (periodMonths(range.ref.kind) < periodMonths(base)) continue;
      for (const end of subPeriods(range.ref, base)) {
        const run = Array.from({ length: tr.consecutive }, (_, k) => shiftPeriod(end, k));
        for (const r of results) {
          const all = run.every((p) => gradesAt(p).get(`${tr.subject}:${r.subjectId}`) === tr.grade);
          if (all) raise(r, [], { kind: 'consecutive', periods: tr.consecutive ?? 0, through: ctx.rangeOf(end).key });
        }
      }
    }
  }
}

/** The spans a trigger counts within: the `within` period containing this one (up to its end), or each `within` period inside it. */
function windowsFor(range: PeriodRange, within: PeriodKind, rangeOf: (p: PeriodRef) => PeriodRange): [number, number][] {
  if (periodMonths(within) >= periodMonths(range.ref.kind)) {
    return [[rangeOf(containing(range.ref, within)).startMs, range.endMs]];
  }
  return subPeriods(range.ref, within).map((p) => {
    const r = rangeOf(p);
    return [r.startMs, r.endMs];
  });
}
