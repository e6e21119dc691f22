import type { PeriodResults, SubjectResult } from '../../core/scoring/results';

/** A subject's result without its explanation lines: what lists and score buttons show. */
export type SubjectSummary = Omit<SubjectResult, 'explanation'>;

/** A period's results without explanation lines (those are fetched one subject at a time, when asked for). */
export interface PeriodSummary extends Omit<PeriodResults, 'subjects'> {
  subjects: SubjectSummary[];
}

/** Drop the explanation lines: most of the results' size, and needed only for the one subject being looked at. */
export function summarize(r: PeriodResults): PeriodSummary {
  return { ...r, subjects: r.subjects.map(({ explanation: _explanation, ...rest }) => rest) };
}

/** The full result of one subject, or null. */
export function findSubject(results: readonly PeriodResults[], schemeId: string, subject: string, subjectId: string): SubjectResult | null {
  return results.find((r) => r.schemeId === schemeId)?.subjects.find((s) => s.subject === subject && s.subjectId === subjectId) ?? null;
}
