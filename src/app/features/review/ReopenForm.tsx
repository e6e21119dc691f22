import { useState } from 'react';
import { useMoreWords } from '../../i18n/useMoreWords';
import { useReasonWords } from '../../services/useReasonWords';
import { useReviewActs } from './useReviewActs';
import { ReasonField } from './ReasonField';
import { SubmitRow } from './SubmitRow';

/** A committee member reopens a decided contest: a reason is required; the finding is pending again until decided anew. */
export function ReopenForm({ findingId, onDone }: { findingId: string; onDone: () => void }) {
  const { t } = useMoreWords();
  const acts = useReviewActs();
  const words = useReasonWords();
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [tried, setTried] = useState(false);
  const submit = (): void => {
    setTried(true);
    setError(null);
    if (!reason.trim()) return;
    acts.reopen(findingId, reason.trim()).then(onDone, (e: unknown) => setError(words.failure(e)));
  };
  return (
    <section className="review-form" aria-label={t('committee.reopen')}>
      <ReasonField label={t('committee.reopenReason')} value={reason} onChange={setReason} required error={tried && !reason.trim() ? t('review.needReason') : null} />
      <SubmitRow label={t('committee.reopenSubmit')} onSubmit={submit} error={error} />
    </section>
  );
}
