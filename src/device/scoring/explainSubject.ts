import '../sync/zodWithoutEval';
import { subjectKindSchema } from '../../core/scheme/schemeSchema';
import type { ScoredPeriod } from '../../core/scoring/scoreOnDemand';
import type { SubjectResult } from '../../core/scoring/results';

/**
 * One subject's full result with its explanation lines, built now from the latest scoring of its scheme (null when
 * that scoring has no such subject). The page asks for it when a person opens the subject.
 */
export function explainSubject(scored: readonly ScoredPeriod[], schemeId: string, subject: string, subjectId: string): SubjectResult | null {
  const kind = subjectKindSchema.safeParse(subject);
  if (!kind.success) return null;
  return scored.find((s) => s.results.schemeId === schemeId)?.explain(kind.data, subjectId) ?? null;
}
