import { useState } from 'react';
import type { VoidCode } from '../../../core/events/voidCodes';
import type { Item } from '../../../core/scheme/schemeSchema';
import type { LoggedFinding } from '../../../device/loggedFinding';
import { inputsText } from '../../format/inputsText';
import { useActs } from '../../services/useActs';
import { useAccountName } from '../../services/usePulledHall';
import { useReasonWords } from '../../services/useReasonWords';
import { useServices } from '../../services/useServices';
import { StateBadge } from '../review/StateBadge';
import { useDeskWords } from './useDeskWords';

const VOID_CODES: readonly VoidCode[] = ['wrong-item', 'wrong-person', 'duplicate'];

/** The month's standing entries of one cell, each with its day, value, source and author; each can be voided when the core allows it. */
export function CellEntries({ item, entries }: { item: Item; entries: readonly LoggedFinding[] }) {
  const { t } = useDeskWords();
  return (
    <section className="desk-entries" aria-label={t('entry.existing')}>
      <h3>{t('entry.existing')}</h3>
      <ul>
        {entries.map((f) => (
          <CellEntry key={f.id} item={item} f={f} />
        ))}
      </ul>
    </section>
  );
}

/**
 * One entry. 作废 is offered exactly when the core's allowedActs says this account may void it (its own entry nobody
 * has acted on); otherwise the core's reason is said beside it. A void goes through the device's one door, which
 * checks it again (a void raced by a pull is refused with why, and nothing is written).
 */
function CellEntry({ item, f }: { item: Item; f: LoggedFinding }) {
  const { t, tApp } = useDeskWords();
  const { device } = useServices();
  const acts = useActs(f);
  const words = useReasonWords();
  const nameOf = useAccountName();
  const [voiding, setVoiding] = useState(false);
  const [failed, setFailed] = useState<string | null>(null);
  const value = inputsText(item, f.inputs ?? {}) || t('entry.once');
  const label = t('entry.row', { day: f.day, value, source: f.sourceRef ?? '' });
  const voidFor = (code: VoidCode): void => {
    setFailed(null);
    device
      .void(f.id, code)
      .catch((err: unknown) => setFailed(words.failure(err)))
      .finally(() => setVoiding(false));
  };
  const refused = acts && !acts.void.ok ? acts.void.refusal : null;
  return (
    <li aria-label={label}>
      <span>{label}</span>
      {f.note && <span className="muted"> — {f.note}</span>}
      {f.actorId !== device.identity.account.id && <span className="muted"> · {t('entry.by', { name: nameOf(f.actorId) })}</span>}
      {f.state !== 'recorded' && <StateBadge state={f.state} />}
      {acts?.void.ok && !voiding && (
        <button type="button" className="button ghost" aria-label={t('entry.void', { entry: label })} onClick={() => setVoiding(true)}>
          {tApp('log.void')}
        </button>
      )}
      {refused && <span className="muted"> · {t('entry.voidRefused', { reason: words.refusal(refused) })}</span>}
      {voiding && (
        <span className="void-reasons" role="group" aria-label={tApp('log.voidWhy')}>
          {VOID_CODES.map((code) => (
            <button key={code} type="button" className="button secondary" onClick={() => voidFor(code)}>
              {tApp(`log.voidCode.${code}`)}
            </button>
          ))}
          <button type="button" className="button ghost" onClick={() => setVoiding(false)}>
            {tApp('form.cancel')}
          </button>
        </span>
      )}
      {failed && (
        <span className="field-error" role="alert">
          {failed}
        </span>
      )}
    </li>
  );
}
