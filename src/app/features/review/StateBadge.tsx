import { useTranslation } from 'react-i18next';
import type { ReviewState } from '../../../core/model/finding';

/** A finding's review state; a contested finding's points are pending. */
export function StateBadge({ state }: { state: ReviewState }) {
  const { t } = useTranslation();
  return <span className={`state-badge state-${state}`}>{t(`review.state.${state}`)}</span>;
}
