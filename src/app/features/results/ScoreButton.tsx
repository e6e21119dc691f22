import { useTranslation } from 'react-i18next';
import type { SubjectKind } from '../../../core/scheme/schemeSchema';
import { usePatrol } from '../../store/usePatrol';
import { useSubjectScore } from './useSubjectScore';

/** A subject's provisional score; one tap opens its explanation. */
export function ScoreButton({ kind, id, name }: { kind: SubjectKind; id: string; name: string }) {
  const { t } = useTranslation();
  const scoreOf = useSubjectScore();
  const setExplain = usePatrol((s) => s.setExplain);
  const scored = scoreOf(kind, id);
  if (!scored) return null;
  return (
    <button
      type="button"
      className="score-button"
      aria-label={t('scores.explainOf', { name, total: scored.result.total })}
      onClick={() => setExplain({ schemeId: scored.schemeId, subject: kind, subjectId: id })}
    >
      <span className="score-total">{scored.result.total}</span>
      <span className="score-info" aria-hidden="true">
        ⓘ
      </span>
    </button>
  );
}
