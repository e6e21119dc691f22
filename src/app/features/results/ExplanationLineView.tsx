import { useTranslation } from 'react-i18next';
import type { ExplanationLine } from '../../../core/scoring/results';
import { formatPoints } from '../../format/formatPoints';

/** One line of a result's explanation. The rule's arithmetic (detail) is the engine's own text. */
export function ExplanationLineView({ line }: { line: ExplanationLine }) {
  const { t } = useTranslation();
  switch (line.kind) {
    case 'finding':
    case 'period':
    case 'follow-up':
      return (
        <li className={line.kind === 'finding' && line.status === 'pending' ? 'pending' : undefined}>
          <span className="what">
            {line.itemName} <small className="muted">{line.clause}</small>
            {line.kind === 'finding' && line.coDeduction && <small> · {t('explain.coDeduction')}</small>}
            {line.kind === 'follow-up' && <small> · {t('explain.followUp')}</small>}
          </span>
          <span className="detail muted">{line.detail}</span>
          <span className="num">{formatPoints(line.points)}</span>
        </li>
      );
    case 'item-cap':
      return <li className="trim">{t('explain.itemCap', { item: line.itemName, cap: line.cap, trimmed: line.trimmed })}</li>;
    case 'category-floor':
      return <li className="trim">{t('explain.categoryFloor', { category: line.categoryName, floor: line.floor, trimmed: line.trimmed })}</li>;
    case 'category-cap':
      return <li className="trim">{t('explain.categoryCap', { category: line.categoryName, max: line.max, trimmed: line.trimmed })}</li>;
    case 'bonus-cap':
      return <li className="trim">{t('explain.bonusCap', { cap: line.cap, trimmed: line.trimmed })}</li>;
    case 'total-floor':
      return <li className="trim">{t('explain.totalFloor', { floor: line.floor, trimmed: line.trimmed })}</li>;
    case 'aggregate':
      return (
        <li>
          <span className="what">{t('explain.aggregate')}</span>
          <span className="detail muted">{line.detail}</span>
          <span className="num">{line.points}</span>
        </li>
      );
    case 'grade':
      return (
        <li>
          <span className="what">{t('explain.grade', { grade: line.gradeName })}</span>
          <span className="detail muted">{line.detail}</span>
        </li>
      );
  }
}
