import { useState } from 'react';
import { useMoreWords } from '../../i18n/useMoreWords';
import { useReasonWords } from '../../services/useReasonWords';
import { useReviewActs } from './useReviewActs';
import { ReasonField } from './ReasonField';
import { SubmitRow } from './SubmitRow';

/** Mark a finding's follow-up (限期整改) as done, with an optional note of what was done. */
export function RectifyForm({ findingId, onDone }: { findingId: string; onDone: () => void }) {
  const { t } = useMoreWords();
  const acts = useReviewActs();
  const words = useReasonWords();
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const submit = (): void => {
    acts.rectify(findingId, note.trim() || undefined).then(onDone, (e: unknown) => setError(words.failure(e)));
  };
  return (
    <section className="review-form" aria-label={t('review.rectify')}>
      <ReasonField label={t('review.rectifyNote')} value={note} onChange={setNote} rows={2} />
      <SubmitRow label={t('review.rectifySubmit')} onSubmit={submit} error={error} />
    </section>
  );
}
