import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PreparedPhoto } from '../../../device/photos/preparedPhoto';
import { useServices } from '../../services/useServices';
import { PhotoThumb } from '../patrol/PhotoThumb';
import { useReviewActs } from './useReviewActs';

/** Contest a finding: a reason is required; counter-evidence photos are optional. Its points turn pending. */
export function ContestForm({ findingId, onDone }: { findingId: string; onDone: () => void }) {
  const { t } = useTranslation();
  const { preparePhoto } = useServices();
  const acts = useReviewActs();
  const [reason, setReason] = useState('');
  const [photos, setPhotos] = useState<PreparedPhoto[]>([]);
  const [error, setError] = useState<string | null>(null);
  const submit = (): void => {
    if (!reason.trim()) return setError(t('review.needReason'));
    acts.contest(findingId, reason.trim(), photos).then(onDone, (e: unknown) => setError(e instanceof Error ? e.message : String(e)));
  };
  return (
    <section className="review-form" aria-label={t('review.contest')}>
      <label className="note">
        <span>{t('review.contestReason')}</span>
        <textarea value={reason} onChange={(e) => setReason(e.target.value)} rows={3} required />
      </label>
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
      <button type="button" className="button primary" onClick={submit}>
        {t('review.submitContest')}
      </button>
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
