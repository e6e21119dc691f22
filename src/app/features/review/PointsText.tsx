import { useTranslation } from 'react-i18next';
import type { FindingPoints } from '../../../core/scoring/findingPoints';
import type { ReviewState } from '../../../core/model/finding';
import { itemConsequences } from '../../../core/scheme/itemConsequences';
import type { Item } from '../../../core/scheme/schemeSchema';
import { formatPoints } from '../../format/formatPoints';

/**
 * A finding's own points as its events stand: pending while contested, nothing once overturned or voided; an item whose
 * consequence is a flag rather than points (工作期间饮酒 → 予以退回) says the flag instead of "−0".
 */
export function PointsText({ points, state, item }: { points: FindingPoints | null; state: ReviewState; item?: Item | undefined }) {
  const { t } = useTranslation();
  if (state === 'overturned' || state === 'voided') return <span className="points muted">{t('review.noPoints')}</span>;
  const flags = item ? itemConsequences(item) : [];
  const text =
    points?.kind === 'points' && points.points === 0 && flags.length > 0
      ? flags.map((k) => t(`items.flag.${k}`)).join(t('list.separator'))
      : points?.kind === 'points'
        ? formatPoints(points.points)
        : t('log.byMonth');
  const tone = state === 'contested' ? ' pending' : points?.kind === 'points' && points.points > 0 ? ' plus' : '';
  return <span className={`points${tone}`}>{state === 'contested' ? t('review.pendingPoints', { points: text }) : text}</span>;
}
