import type { SubjectKind } from '../scheme/schemeSchema';
import type { Scheme } from '../scheme/parseScheme';
import type { Finding } from '../model/finding';
import type { PeriodRef } from '../time/period';
import type { Roster } from '../model/roster';
import type { ScoreOptions } from './scoreOptions';
import type { PeriodScores, SubjectResult } from './results';
import { prepareRun, runPeriod } from './scorePeriod';

/** A period scored without explanation lines, and the way to explain any one of its subjects. */
export interface ScoredPeriod {
  results: PeriodScores;
  /**
   * One subject's full result with every explanation line, built when asked (null: the results have no such
   * subject). The same result, lines and all, as scorePeriod gives that subject.
   */
  explain: (subject: SubjectKind, subjectId: string) => SubjectResult | null;
}

/**
 * Score one period as scorePeriod does, with no explanation line built: a list of 800 subjects needs their numbers,
 * a person opens one subject at a time. explain() scores again over the same resolved findings with lines for that
 * subject alone, so every point is still explained, by the same code that computed it.
 */
export function scoreOnDemand(scheme: Scheme, roster: Roster, findings: readonly Finding[], period: PeriodRef, options: ScoreOptions): ScoredPeriod {
  const run = prepareRun(scheme, roster, findings);
  const full = runPeriod(run, period, options, () => false);
  const results: PeriodScores = { ...full, subjects: full.subjects.map(({ explanation: _lines, ...score }) => score) };
  return {
    results,
    explain: (subject, subjectId) => {
      if (!results.subjects.some((s) => s.subject === subject && s.subjectId === subjectId)) return null;
      const again = runPeriod(run, period, options, (kind, id) => kind === subject && id === subjectId);
      return again.subjects.find((s) => s.subject === subject && s.subjectId === subjectId) ?? null;
    },
  };
}
