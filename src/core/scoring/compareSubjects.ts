import type { SubjectResult } from './results';

/** The order of a score table: rank, then total (higher first), then subject id; never a tie between two subjects. */
export function compareSubjects(a: Pick<SubjectResult, 'rank' | 'total' | 'subjectId'>, b: Pick<SubjectResult, 'rank' | 'total' | 'subjectId'>): number {
  return a.rank - b.rank || b.total - a.total || (a.subjectId < b.subjectId ? -1 : a.subjectId > b.subjectId ? 1 : 0);
}
