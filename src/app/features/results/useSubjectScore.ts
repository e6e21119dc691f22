import { useCallback, useMemo } from 'react';
import type { SubjectKind } from '../../../core/scheme/schemeSchema';
import type { SubjectScore } from '../../../core/scoring/results';
import { useScoreState } from '../../services/useScoreState';
import { useServices } from '../../services/useServices';

export interface ScoredSubject {
  schemeId: string;
  result: SubjectScore;
}

/**
 * A subject's provisional result this month. When several schemes score the same kind of subject, the scheme
 * assigned to that level of the hall is preferred (a person's score comes from the staff scheme).
 */
export function useSubjectScore(): (kind: SubjectKind, id: string) => ScoredSubject | undefined {
  const state = useScoreState();
  const { schemes } = useServices();
  const map = useMemo(() => {
    const m = new Map<string, ScoredSubject>();
    const levelOf = new Map(schemes.map((s) => [s.scheme.id, s.level]));
    for (const r of state.results) {
      for (const subject of r.subjects) {
        const key = `${subject.subject}:${subject.subjectId}`;
        const preferred = levelOf.get(r.schemeId) === subject.subject;
        if (!m.has(key) || preferred) m.set(key, { schemeId: r.schemeId, result: subject });
      }
    }
    return m;
  }, [state.results, schemes]);
  return useCallback((kind, id) => map.get(`${kind}:${id}`), [map]);
}
