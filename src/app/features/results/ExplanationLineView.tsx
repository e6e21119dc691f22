import type { ReactNode } from 'react';
import { useMoreWords } from '../../i18n/useMoreWords';
import type { ExplanationLine } from '../../../core/scoring/explanation';
import { explainLine } from '../../format/explainLine';
import { formatPoints } from '../../format/formatPoints';

/** One line of a result's explanation, worded from the engine's data in the screen's language. */
export function ExplanationLineView({ line, children }: { line: ExplanationLine; children?: ReactNode }) {
  const { t } = useMoreWords();
  const x = explainLine(line, t);
  if (x.role === 'trim') return <li className="trim">{x.detail}{children}</li>;
  const pending = (line.kind === 'finding' || line.kind === 'period') && line.status === 'pending';
  return (
    <li className={pending ? 'pending' : undefined}>
      <span className="what">
        {x.role === 'move' && line.kind !== 'grade' && 'clause' in line ? (
          <>
            {line.itemName} <small className="muted">{line.clause}</small>
          </>
        ) : (
          x.what
        )}
        {line.kind === 'finding' && line.coDeduction && <small> · {t('explain.coDeduction')}</small>}
        {line.kind === 'follow-up' && <small> · {t('explain.followUp')}</small>}
        {pending && <small> · {t('explain.pending')}</small>}
      </span>
      <span className="detail muted">{x.detail}</span>
      {x.points !== null && <span className="num">{x.role === 'move' ? formatPoints(x.points) : x.points}</span>}
      {children}
    </li>
  );
}
