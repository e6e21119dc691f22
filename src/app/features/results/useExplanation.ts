import { useEffect, useState } from 'react';
import type { SubjectResult } from '../../../core/scoring/results';
import { useScoreState } from '../../services/useScoreState';
import { useServices } from '../../services/useServices';
import type { ExplainTarget } from '../../store/patrolStore';

const keyOf = (t: ExplainTarget | null): string => (t ? `${t.schemeId}|${t.subject}|${t.subjectId}` : '');

/**
 * The full result of the subject being explained, fetched again whenever the scores change. Undefined while it
 * loads (never another subject's result), null when the subject has no result.
 */
export function useExplanation(target: ExplainTarget | null): SubjectResult | null | undefined {
  const { scores } = useServices();
  const state = useScoreState();
  const [fetched, setFetched] = useState<{ key: string; result: SubjectResult | null } | null>(null);
  useEffect(() => {
    if (!target) return undefined;
    let live = true;
    void scores.explain(target.schemeId, target.subject, target.subjectId).then((result) => live && setFetched({ key: keyOf(target), result }));
    return () => {
      live = false;
    };
  }, [scores, target, state.results]);
  return fetched && fetched.key === keyOf(target) ? fetched.result : undefined;
}
