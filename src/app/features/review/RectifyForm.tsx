import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useReviewActs } from './useReviewActs';

/** Mark a finding's follow-up (限期整改) as done, with an optional note of what was done. */
export function RectifyForm({ findingId, onDone }: { findingId: string; onDone: () => void }) {
  const { t } = useTranslation();
  const acts = useReviewActs();
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const submit = (): void => {
    acts.rectify(findingId, note.trim() || undefined).then(onDone, (e: unknown) => setError(e instanceof Error ? e.message : String(e)));
  };
  return (
    <section className="review-form" aria-label={t('review.rectify')}>
      <label className="note">
        <span>{t('review.rectifyNote')}</span>
        <textarea value={note} onChange={(e) => setNote(e.target.value)} rows={2} />
      </label>
      <button type="button" className="button primary" onClick={submit}>
        {t('review.rectifySubmit')}
      </button>
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
