import { useState } from 'react';
import type { ContestDecided } from '../../../core/events/events';
import { effectiveItem } from '../../../core/model/effectiveItem';
import { place } from '../../../core/model/placement';
import { inputFields, readInputs } from '../../../core/scheme/ruleInputs';
import type { InputName, RawInputs } from '../../../core/scheme/ruleInputs';
import type { LoggedFinding } from '../../../device/loggedFinding';
import { inputsText } from '../../format/inputsText';
import { useMoreWords } from '../../i18n/useMoreWords';
import { useReasonWords } from '../../services/useReasonWords';
import { useServices } from '../../services/useServices';
import { RuleInputs } from '../patrol/RuleInputs';
import { ReasonField } from './ReasonField';
import { useReviewActs } from './useReviewActs';

const DECISIONS: readonly ContestDecided['decision'][] = ['uphold', 'overturn', 'amend'];

/**
 * The committee decides a contest with a written reason; nothing is chosen for it. An amendment keeps the item and
 * takes new inputs of its rule shape (minutes, days, a level, an amount, a percent, errors of a total), or names another
 * item of the scheme that charges someone at this finding's place, with that item's inputs. Each problem shows beside
 * its field, checked by the core as the device and the server will check the decision.
 */
export function DecideForm({ f, onDone }: { f: LoggedFinding; onDone: () => void }) {
  const { t } = useMoreWords();
  const { schemes, hall } = useServices();
  const acts = useReviewActs();
  const words = useReasonWords();
  const scheme = schemes.find((s) => s.scheme.id === f.schemeId && s.scheme.version === f.schemeVersion)?.scheme;
  const current = effectiveItem(f);
  const [decision, setDecision] = useState<ContestDecided['decision'] | null>(null);
  const [reason, setReason] = useState('');
  const [itemId, setItemId] = useState(current.itemId);
  const [raw, setRaw] = useState<RawInputs>({});
  const [tried, setTried] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const item = scheme?.items.find((i) => i.id === itemId);
  const p = place(f, hall.index);
  // Items that would charge someone at this finding's place (the person, the window, the unit, its chief).
  const choices = (scheme?.items ?? []).filter((i) => (i.subject === 'staff' ? p.staffId : i.subject === 'window' ? p.windowId : i.subject === 'unit' ? p.unitId : p.chiefId) !== null);
  const read = item ? readInputs(item.rule, raw) : null;
  const asks = item ? inputFields(item.rule).length > 0 : false;
  const sameItem = itemId === current.itemId;
  const amendProblem = decision === 'amend' && sameItem && !asks ? t('committee.needAmend') : null;
  const recorded = item && sameItem ? inputsText(item, current.inputs) : '';

  const submit = (): void => {
    setTried(true);
    setError(null);
    if (!decision || !reason.trim() || amendProblem || (decision === 'amend' && !read?.ok)) return;
    let amended: ContestDecided['amended'];
    if (decision === 'amend' && read?.ok) {
      amended = {};
      if (!sameItem) amended.itemId = itemId;
      if (asks) amended.inputs = read.inputs;
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
      {tried && !decision && (
        <p className="field-error" role="alert">
          {t('committee.needDecision')}
        </p>
      )}
      {decision === 'amend' && (
        <div className="amend">
          <label className="number-field">
            <span>{t('committee.amendItem')}</span>
            <select
              value={itemId}
              onChange={(e) => {
                setItemId(e.target.value);
                setRaw({});
              }}
            >
              {choices.map((i) => (
                <option key={i.id} value={i.id}>
                  {i.id === current.itemId ? t('committee.sameItem', { name: i.name }) : `${i.name}（${t(`subject.${i.subject}`)}）`}
                </option>
              ))}
            </select>
          </label>
          {item && (
            <RuleInputs
              rule={item.rule}
              raw={raw}
              onChange={(name: InputName, value: string) => setRaw((r) => ({ ...r, [name]: value }))}
              problems={tried && read && !read.ok ? read.problems : []}
              hint={() => (recorded ? t('committee.recorded', { value: recorded }) : '')}
            />
          )}
          {tried && amendProblem && (
            <p className="field-error" role="alert">
              {amendProblem}
            </p>
          )}
        </div>
      )}
      <ReasonField label={t('committee.reason')} value={reason} onChange={setReason} required error={tried && !reason.trim() ? t('review.needReason') : null} />
      <button type="button" className="button primary" onClick={submit}>
        {t('committee.submit')}
      </button>
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
