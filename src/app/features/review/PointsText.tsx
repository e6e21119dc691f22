import { useTranslation } from 'react-i18next';
import type { FindingPoints } from '../../../core/scoring/findingPoints';
import type { ReviewState } from '../../../core/model/finding';
import { formatPoints } from '../../format/formatPoints';

/** A finding's own points; pending while contested, nothing once overturned. */
export function PointsText({ points, state }: { points: FindingPoints | null; state: ReviewState }) {
  const { t } = useTranslation();
  if (state === 'overturned' || state === 'voided') return <span className="points muted">{t('review.noPoints')}</span>;
  const text = points?.kind === 'points' ? formatPoints(points.points) : t('log.byMonth');
  return <span className={`points${state === 'contested' ? ' pending' : ''}`}>{state === 'contested' ? t('review.pendingPoints', { points: text }) : text}</span>;
}
