import { useState } from 'react';
import { useMoreWords } from '../../i18n/useMoreWords';
import type { ContestDecided } from '../../../core/events/events';
import type { LoggedFinding } from '../../../device/loggedFinding';
import { useServices } from '../../services/useServices';
import { useReasonWords } from '../../services/useReasonWords';
import { useReviewActs } from './useReviewActs';
import { ReasonField } from './ReasonField';
import { SubmitRow } from './SubmitRow';

const DECISIONS: readonly ContestDecided['decision'][] = ['uphold', 'overturn', 'amend'];

/** The committee decides a contest with a written reason; amend takes a new amount in the item's range or another item. */
export function DecideForm({ f, onDone }: { f: LoggedFinding; onDone: () => void }) {
  const { t } = useMoreWords();
  const { schemes } = useServices();
  const acts = useReviewActs();
  const words = useReasonWords();
  const scheme = schemes.find((s) => s.scheme.id === f.schemeId)?.scheme;
  const item = scheme?.items.find((i) => i.id === f.itemId);
  const [decision, setDecision] = useState<ContestDecided['decision']>('uphold');
  const [reason, setReason] = useState('');
  const [amount, setAmount] = useState('');
  const [otherItem, setOtherItem] = useState('');
  const [error, setError] = useState<string | null>(null);
  const range = item?.rule.kind === 'range' ? item.rule : null;
  const submit = (): void => {
    if (!reason.trim()) return setError(t('review.needReason'));
    let amended: ContestDecided['amended'];
    if (decision === 'amend') {
      if (otherItem) amended = { itemId: otherItem };
      else if (range && amount) amended = { inputs: { amount: Number(amount) } };
      else return setError(t('committee.needAmend'));
    }
    acts.decide(f.id, decision, reason.trim(), amended).then(onDone, (e: unknown) => setError(words.failure(e)));
  };
  return (
    <section className="review-form" aria-label={t('committee.decide')}>
      <div className="chips" role="radiogroup" aria-label={t('committee.decide')}>
        {DECISIONS.map((d) => (
          <button key={d} type="button" role="radio" className="chip" aria-checked={decision === d} onClick={() => setDecision(d)}>
            {t(`review.decision.${d}`)}
          </button>
        ))}
      </div>
      {decision === 'amend' && (
        <div className="amend">
          {range && (
            <label className="number-field">
              <span>{t('committee.amount', { min: range.min, max: range.max })}</span>
              <input type="number" min={range.min} max={range.max} step={range.step} value={amount} onChange={(e) => setAmount(e.target.value)} />
            </label>
          )}
          <label className="number-field">
            <span>{t('committee.otherItem')}</span>
            <select value={otherItem} onChange={(e) => setOtherItem(e.target.value)}>
              <option value="">—</option>
              {(scheme?.items ?? [])
                .filter((i) => i.id !== f.itemId && i.subject === item?.subject && i.rule.kind === 'fixed')
                .map((i) => (
                  <option key={i.id} value={i.id}>
                    {i.name}
                  </option>
                ))}
            </select>
          </label>
        </div>
      )}
      <ReasonField label={t('committee.reason')} value={reason} onChange={setReason} required />
      <SubmitRow label={t('committee.submit')} onSubmit={submit} error={error} />
    </section>
  );
}
