/*
 * The engine as it was before explanation lines became lazy (every line built for every subject, each base period
 * of a roll-up scored on its own): kept unchanged as the oracle that the fast engine's results and on-demand
 * explanations are checked against (test/core/scoring/fastPath.test.ts), except where the result's shape grew (the
 * grade's reason on every result, gradeReason, set where the grade is). Not used by the application.
 */
import type { PeriodKind, SubjectKind } from '../../../../src/core/scheme/schemeSchema';
import type { Scheme } from '../../../../src/core/scheme/parseScheme';
import { inBound } from '../../../../src/core/scheme/bounds';
import type { Finding } from '../../../../src/core/model/finding';
import type { PeriodRef, PeriodRange } from '../../../../src/core/time/period';
import type { Roster } from '../../../../src/core/model/roster';
import type { ScoreOptions } from '../../../../src/core/scoring/scoreOptions';
import { flagSourceKey } from '../../../../src/core/scoring/flag';
import type { Flag, FlagMeasure, FlagSource } from '../../../../src/core/scoring/flag';
import type { PeriodResults, SubjectResult } from '../../../../src/core/scoring/results';
import { indexRoster } from '../../../../src/core/model/rosterIndex';
import { prepareFindings } from './prepareFindings';
import { containing, periodKey, periodMonths, periodRange, shiftPeriod, subPeriods } from '../../../../src/core/time/period';
import { anyIn, findingsIn, scoreDirect, SUBJECT_ORDER } from './scoreDirect';
import type { ScoringContext } from './scoreDirect';
import { gradeTable } from './gradeTable';
import { averageResults } from './averageResults';
import { compareSubjects } from '../../../../src/core/scoring/compareSubjects';

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
  const ctx: ScoringContext = { scheme, index, prepared, options, asOfMs: options.asOf ? Date.parse(options.asOf) : undefined, timeZone: tz, rangeOf, graded: new Map(), gradeIds: new Map() };
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
  addStandingGradeDisqualifications(ctx, range, raw);
  if (withTriggers) addTriggerFlags(ctx, range, raw);
  const findings = findingsIn(ctx.prepared, range.startMs, range.endMs);
  for (const table of scheme.tables) gradeTable(table, raw.get(table.subject) ?? [], range, findings, ctx.options.countPending);
  if (!withTriggers) ctx.graded.set(range.key, raw);
  return raw;
}

/**
 * A disqualification covers its whole scope period: 取消本季度评优 raised in January still blocks March's honours.
 * Counted from the start of the scope period containing this one up to this period's start (this period's own
 * findings raise theirs in scoreDirect). A bar that reaches only the scope period's own result (年终不得参与评优评先)
 * does not stand on the shorter periods inside it.
 */
function addStandingDisqualifications(ctx: ScoringContext, range: PeriodRange, raw: Map<SubjectKind, SubjectResult[]>): void {
  const scopes = new Set(ctx.scheme.items.flatMap((i) => (i.disqualifies ?? []).filter((d) => d.reach !== 'result').map((d) => d.scope)));
  const byId = resultsByKey(raw);
  for (const scope of scopes) {
    if (periodMonths(scope) <= periodMonths(range.ref.kind)) continue;
    const from = ctx.rangeOf(containing(range.ref, scope)).startMs;
    for (const f of findingsIn(ctx.prepared, from, range.startMs)) {
      if (f.status !== 'counted' && !ctx.options.countPending) continue;
      for (const d of f.item.disqualifies ?? []) {
        if (d.scope !== scope || d.reach === 'result') continue;
        const kind = d.subject ?? f.item.subject;
        const r = byId.get(`${kind}:${f.subjects[kind] ?? ''}`);
        if (!r) continue;
        const source: FlagSource = { kind: 'item', itemId: f.item.id, itemName: f.item.name, clause: f.item.clause };
        const same = r.flags.find((x) => x.kind === 'disqualified' && flagSourceKey(x.source) === flagSourceKey(source) && x.scope === scope && x.reach === undefined);
        if (same) {
          if (!same.findingIds.includes(f.id)) same.findingIds.unshift(f.id);
        } else r.flags.push({ kind: 'disqualified', text: d.text, scope, source, findingIds: [f.id] });
      }
    }
  }
}

/**
 * A grade's disqualification stands like an item's: 不合格 in January "取消当季评优评先资格" also bars February's and
 * March's honours. Each earlier period of this kind within the flag's scope period is graded (memoised) and its
 * holders of such a grade carry the flag into this period, its source naming the period the grade was held in.
 */
function addStandingGradeDisqualifications(ctx: ScoringContext, range: PeriodRange, raw: Map<SubjectKind, SubjectResult[]>): void {
  const kind = range.ref.kind;
  const byId = resultsByKey(raw);
  for (const table of ctx.scheme.tables) {
    for (const g of table.grades) {
      for (const fl of g.flags ?? []) {
        if (fl.kind !== 'disqualified' || !fl.scope || periodMonths(fl.scope) <= periodMonths(kind) || (fl.on !== undefined && fl.on !== kind)) continue;
        const scopeStart = ctx.rangeOf(containing(range.ref, fl.scope)).startMs;
        for (let p = shiftPeriod(range.ref, 1); ctx.rangeOf(p).startMs >= scopeStart; p = shiftPeriod(p, 1)) {
          const key = ctx.rangeOf(p).key;
          for (const r of scoreGraded(ctx, p, false).get(table.subject) ?? []) {
            if (r.gradeId !== g.id) continue;
            const target = byId.get(`${table.subject}:${r.subjectId}`);
            if (!target) continue;
            const source: FlagSource = { kind: 'grade', gradeId: g.id, gradeName: g.name, periodKey: key };
            if (target.flags.some((x) => x.kind === 'disqualified' && flagSourceKey(x.source) === flagSourceKey(source))) continue;
            target.flags.push({ kind: 'disqualified', text: fl.text, scope: fl.scope, source, ...(fl.band ? { band: fl.band } : {}), findingIds: [] });
          }
        }
      }
    }
  }
}

function resultsByKey(raw: Map<SubjectKind, SubjectResult[]>): Map<string, SubjectResult> {
  const byId = new Map<string, SubjectResult>();
  for (const [kind, list] of raw) for (const r of list) byId.set(`${kind}:${r.subjectId}`, r);
  return byId;
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
  const assessed = (p: PeriodRef): boolean => {
    const r = ctx.rangeOf(p);
    return anyIn(ctx.prepared, r.startMs, r.endMs);
  };
  for (const tr of scheme.triggers) {
    const results = raw.get(tr.subject) ?? [];
    const source: FlagSource = { kind: 'trigger', triggerId: tr.id, clause: tr.clause };
    // The flag holds for the trigger's `within` period: 当季度不得被评为优秀 counted in a quarter bars that quarter, not the year.
    const scope = tr.within ?? range.ref.kind;
    const raise = (r: SubjectResult, findingIds: string[], measure: FlagMeasure): void => {
      const flag: Flag = { kind: tr.kind, text: tr.text, scope, source, measure, ...(tr.band ? { band: tr.band } : {}), findingIds };
      const again = r.flags.some((f) => f.kind === flag.kind && flagSourceKey(f.source) === flagSourceKey(source) && windowOf(f.measure) === windowOf(measure));
      if (!again) r.flags.push(flag);
    };
    if (tr.items && tr.within && tr.when) {
      const windows = windowsFor(range, tr.within, ctx.rangeOf);
      const items = new Set(tr.items);
      for (const [from, to, periodKey] of windows) {
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
          if (h && inBound(tr.when, h.measure)) raise(r, h.ids, { kind: tr.measure, value: Math.round(h.measure * 1e6) / 1e6, periodKey });
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
        for (const r of results) {
          const all = run.every((p) => gradesAt(p).get(`${tr.subject}:${r.subjectId}`) === tr.grade);
          if (all) raise(r, [], { kind: 'consecutive', periods: tr.consecutive ?? 0, through: ctx.rangeOf(end).key });
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
