import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useReviewActs } from './useReviewActs';

/** A committee member reopens a decided contest: a reason is required; the finding is pending again until decided anew. */
export function ReopenForm({ findingId, onDone }: { findingId: string; onDone: () => void }) {
  const { t } = useTranslation();
  const acts = useReviewActs();
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const submit = (): void => {
    if (!reason.trim()) return setError(t('review.needReason'));
    acts.reopen(findingId, reason.trim()).then(onDone, (e: unknown) => setError(e instanceof Error ? e.message : String(e)));
  };
  return (
    <section className="review-form" aria-label={t('committee.reopen')}>
      <label className="note">
        <span>{t('committee.reopenReason')}</span>
        <textarea value={reason} onChange={(e) => setReason(e.target.value)} rows={3} required />
      </label>
      <button type="button" className="button primary" onClick={submit}>
        {t('committee.reopenSubmit')}
      </button>
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
