import type { SubjectKind } from '../scheme/schemeSchema';
import type { Scheme } from '../scheme/parseScheme';
import type { Finding } from '../model/finding';
import type { PeriodRef, PeriodRange } from '../time/period';
import type { Roster } from '../model/roster';
import type { ScoreOptions } from './scoreOptions';
import type { PeriodResults, SkipProblem, SubjectResult } from './results';
import { indexRoster } from '../model/rosterIndex';
import type { RosterIndex } from '../model/rosterIndex';
import { prepareTable } from './findingTable';
import type { FindingTable } from './findingTable';
import { findingSubsets } from './findingSubsets';
import type { FindingSubsets } from './findingSubsets';
import { periodKey, periodMonths, periodRange, subPeriods } from '../time/period';
import { scoreDirect, SUBJECT_ORDER } from './scoreDirect';
import { spanOf } from './instantSpan';
import type { ScoringContext } from './scoreDirect';
import { gradeTable } from './gradeTable';
import { eligibilityMeasures } from './eligibilityMeasures';
import { addStandingDisqualifications, addStandingGradeDisqualifications } from './standingFlags';
import { addTriggerFlags } from './triggerFlags';
import { averageResults } from './averageResults';
import { compareSubjects } from './compareSubjects';

/**
 * Score one period: (scheme, roster, findings with review state, period) -> results per staff, window, chief, unit,
 * every subject with every explanation line. Pure and deterministic: the same findings in any order give identical
 * results. Screens that show one subject's lines at a time use scoreOnDemand, which builds them only when asked.
 */
export function scorePeriod(
  scheme: Scheme,
  roster: Roster,
  findings: readonly Finding[],
  period: PeriodRef,
  options: ScoreOptions,
): PeriodResults {
  return runPeriod(prepareRun(scheme, roster, findings), period, options, () => true);
}

/** The findings of one scoring resolved once (subjects, items, instants, sorted), shared by every run over them. */
export interface PreparedRun {
  scheme: Scheme;
  index: RosterIndex;
  table: FindingTable;
  subsets: FindingSubsets;
  /** Per kind, each roster member's `kind:id`. */
  memberKeys: Record<SubjectKind, readonly string[]>;
  skipped: { findingId: string; problem: SkipProblem }[];
  timeZone: string;
  rangeOf: (p: PeriodRef) => PeriodRange;
}

/** Resolve the findings against the scheme and roster, once. */
export function prepareRun(scheme: Scheme, roster: Roster, findings: readonly Finding[]): PreparedRun {
  const index = indexRoster(roster);
  const { table, skipped } = prepareTable(scheme, index, findings);
  skipped.sort((a, b) => (a.findingId < b.findingId ? -1 : a.findingId > b.findingId ? 1 : 0));
  const tz = roster.hall.timeZone;
  const ranges = new Map<string, PeriodRange>();
  const rangeOf = (p: PeriodRef): PeriodRange => {
    const key = periodKey(p);
    let r = ranges.get(key);
    if (!r) ranges.set(key, (r = periodRange(p, tz)));
    return r;
  };
  const keysOf = (kind: SubjectKind): string[] => index.byKind[kind].map((m) => `${kind}:${m.id}`);
  const memberKeys = { staff: keysOf('staff'), window: keysOf('window'), chief: keysOf('chief'), unit: keysOf('unit') };
  return { scheme, index, table, subsets: findingSubsets(table, index), memberKeys, skipped, timeZone: tz, rangeOf };
}

/**
 * Score a period over prepared findings, writing explanation lines only for the subjects `explains` names (every
 * other result's explanation stays empty). The numbers never depend on `explains`.
 */
export function runPeriod(run: PreparedRun, period: PeriodRef, options: ScoreOptions, explains: (kind: SubjectKind, id: string) => boolean): PeriodResults {
  const { scheme, index, table, rangeOf } = run;
  const ctx: ScoringContext = {
    scheme,
    index,
    table,
    subsets: run.subsets,
    memberKeys: run.memberKeys,
    options,
    asOfMs: options.asOf ? Date.parse(options.asOf) : undefined,
    timeZone: run.timeZone,
    rangeOf,
    graded: new Map(),
    gradeIds: new Map(),
    explains,
  };
  const range = rangeOf(period);
  const graded = scoreGraded(ctx, period, true);
  const subjects = SUBJECT_ORDER.flatMap((k) => [...(graded.get(k) ?? [])].sort(compareSubjects));
  return {
    schemeId: scheme.id,
    schemeVersion: scheme.version,
    period: { kind: period.kind, key: range.key, start: new Date(range.startMs).toISOString(), end: new Date(range.endMs).toISOString() },
    subjects,
    skipped: [...run.skipped],
  };
}

/**
 * One period's results, graded: scored directly from its findings, or rolled up from its base periods (the mean of
 * its months or quarters). A base period is scored once per run (memoised, without triggers), from its own span of
 * each subject's rows: a quarter or a year and the periods inside it share one pass over the findings, grouped once.
 */
function scoreGraded(ctx: ScoringContext, period: PeriodRef, withTriggers: boolean): Map<SubjectKind, SubjectResult[]> {
  const { scheme } = ctx;
  const range = ctx.rangeOf(period);
  const cached = withTriggers ? undefined : ctx.graded.get(range.key);
  if (cached) return cached;
  const rollup = period.kind === 'month' ? 'direct' : scheme.rollup[period.kind];
  const longer = periodMonths(period.kind) > periodMonths(scheme.period);
  const raw =
    longer && rollup === 'average'
      ? averageResults(
          subPeriods(period, scheme.period).map((p) => ({ key: ctx.rangeOf(p).key, results: scoreGraded(ctx, p, false) })),
          ctx.explains,
        )
      : scoreDirect(ctx, range);
  const gradedAt = (p: PeriodRef): Map<SubjectKind, SubjectResult[]> => scoreGraded(ctx, p, false);
  addStandingDisqualifications(ctx, range, raw);
  addStandingGradeDisqualifications(ctx, range, raw, gradedAt);
  if (withTriggers) addTriggerFlags(ctx, range, raw, gradedAt);
  const explains = (r: SubjectResult): boolean => ctx.explains(r.subject, r.subjectId);
  for (const table of scheme.tables) {
    const measured = ctx.subsets.eligibility.get(table.subject) ?? [];
    const [lo, hi] = spanOf(ctx.table.atMs, measured, range.startMs, range.endMs);
    gradeTable(table, raw.get(table.subject) ?? [], range, eligibilityMeasures(table, ctx.table, measured, lo, hi, ctx.options.countPending), explains);
  }
  if (!withTriggers) ctx.graded.set(range.key, raw);
  return raw;
}
