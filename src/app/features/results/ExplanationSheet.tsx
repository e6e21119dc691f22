import { useMoreWords } from '../../i18n/useMoreWords';
import { useScoreState } from '../../services/useScoreState';
import { usePatrol } from '../../store/usePatrol';
import { ExplanationLineView } from './ExplanationLineView';
import { useExplanation } from './useExplanation';

/** Why a subject has its provisional score: categories, then every line that moved or trimmed points. */
export function ExplanationSheet() {
  const { t } = useMoreWords();
  const target = usePatrol((s) => s.explain);
  const close = usePatrol((s) => s.setExplain);
  const state = useScoreState();
  const result = useExplanation(target);
  if (!target) return null;
  return (
    <div className="sheet-backdrop" onClick={() => close(null)}>
      <div className="sheet" role="dialog" aria-modal="true" aria-labelledby="explain-title" onClick={(e) => e.stopPropagation()}>
        <header className="panel-header">
          <h2 id="explain-title">{result ? t('explain.title', { name: result.name, total: result.total }) : result === null ? t('explain.none') : t('app.loading')}</h2>
          <button type="button" className="button ghost close" onClick={() => close(null)} aria-label={t('panel.close')}>
            ×
          </button>
        </header>
        {result && (
          <div className="panel-body">
            <p>
              {result.gradeName && <span className="grade">{result.gradeName}</span>} {t('explain.rank', { rank: result.rank })}
              {state.pending && <small className="muted"> {t('scores.updating')}</small>}
            </p>
            <ul className="categories">
              {result.categories.map((c) => (
                <li key={c.id}>
                  <span>{c.name}</span>
                  <span className="num">
                    {c.score} / {c.points}
                  </span>
                </li>
              ))}
            </ul>
            {result.explanation.length === 0 ? (
              <p className="muted">{t('explain.nothing')}</p>
            ) : (
              <ol className="explanation">
                {result.explanation.map((line, i) => (
                  <ExplanationLineView key={i} line={line} />
                ))}
              </ol>
            )}
          </div>
        )}
      </div>
    </div>
  );
}
