import { useState } from 'react';
import { useMoreWords } from '../../i18n/useMoreWords';
import type { PreparedPhoto } from '../../../device/photos/preparedPhoto';
import { useServices } from '../../services/useServices';
import { PhotoThumb } from '../patrol/PhotoThumb';
import { useReasonWords } from '../../services/useReasonWords';
import { useReviewActs } from './useReviewActs';
import { ReasonField } from './ReasonField';
import { SubmitRow } from './SubmitRow';

/** Contest a finding: a reason is required; counter-evidence photos are optional. Its points turn pending. */
export function ContestForm({ findingId, onDone }: { findingId: string; onDone: () => void }) {
  const { t } = useMoreWords();
  const { preparePhoto } = useServices();
  const acts = useReviewActs();
  const words = useReasonWords();
  const [reason, setReason] = useState('');
  const [photos, setPhotos] = useState<PreparedPhoto[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [tried, setTried] = useState(false);
  const submit = (): void => {
    setTried(true);
    setError(null);
    if (!reason.trim()) return;
    acts.contest(findingId, reason.trim(), photos).then(onDone, (e: unknown) => setError(words.failure(e)));
  };
  return (
    <section className="review-form" aria-label={t('review.contest')}>
      <ReasonField label={t('review.contestReason')} value={reason} onChange={setReason} required error={tried && !reason.trim() ? t('review.needReason') : null} />
      <div className="evidence-row">
        <label className="button secondary">
          {t('review.counterEvidence')}
          <input
            type="file"
            accept="image/*"
            className="visually-hidden"
            aria-label={t('review.counterEvidence')}
            onChange={(e) => {
              const file = e.target.files?.[0];
              e.target.value = '';
              if (file) preparePhoto(file).then((p) => setPhotos((x) => [...x, p]), () => setError(t('errors.photo-failed')));
            }}
          />
        </label>
        {photos.map((p, i) => (
          <PhotoThumb key={p.hash} blob={p.blob} alt={t('evidence.photoN', { n: i + 1 })} />
        ))}
      </div>
      <SubmitRow label={t('review.submitContest')} onSubmit={submit} error={error} />
    </section>
  );
}
