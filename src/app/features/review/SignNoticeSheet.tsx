import { useCallback, useRef, useState } from 'react';
import type SignaturePad from 'signature_pad';
import { useMoreWords } from '../../i18n/useMoreWords';
import { place } from '../../../core/model/placement';
import type { LoggedFinding } from '../../../device/loggedFinding';
import { useServices } from '../../services/useServices';
import { usePatrol } from '../../store/usePatrol';
import { findingFacts } from './findingFacts';
import { SignatureField } from './SignatureField';
import { useReasonWords } from '../../services/useReasonWords';
import { useReviewActs } from './useReviewActs';

function pngOf(pad: SignaturePad): Blob {
  const data = pad.toDataURL('image/png');
  const bytes = Uint8Array.from(atob(data.slice(data.indexOf(',') + 1)), (c) => c.charCodeAt(0));
  return new Blob([bytes], { type: 'image/png' });
}

/** The violation notice for the findings of one visit: the chief checks them, writes their name and signs. */
export function SignNoticeSheet({ findings, onDone }: { findings: readonly LoggedFinding[]; onDone: () => void }) {
  const { t } = useMoreWords();
  const { hall, schemes } = useServices();
  const acts = useReviewActs();
  const words = useReasonWords();
  const showNotice = usePatrol((s) => s.setNotice);
  const first = findings[0];
  const unitId = first ? place(first, hall.index).unitId : null;
  const chief = unitId ? hall.index.chief(unitId) : undefined;
  const [name, setName] = useState(chief?.name ?? '');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const pad = useRef<SignaturePad | null>(null);
  const onPad = useCallback((p: SignaturePad | null) => void (pad.current = p), []);
  const sign = async (): Promise<void> => {
    const p = pad.current;
    if (!name.trim()) return setError(t('notice.needName'));
    if (!p || p.isEmpty()) return setError(t('notice.needSignature'));
    setBusy(true);
    setError(null);
    try {
      const signerId = chief && chief.name === name.trim() ? chief.id : undefined;
      const noticeId = await acts.acknowledge(
        findings.map((f) => f.id),
        name.trim(),
        pngOf(p),
        signerId,
      );
      onDone();
      showNotice(noticeId);
    } catch (e) {
      setError(words.failure(e));
      setBusy(false);
    }
  };
  return (
    <div className="sheet-backdrop">
      <section className="sheet" role="dialog" aria-label={t('notice.signTitle')}>
        <h2>{t('notice.signTitle')}</h2>
        <ul className="notice-items">
          {findings.map((f) => {
            const facts = findingFacts(f, hall, schemes);
            return (
              <li key={f.id}>
                <strong>{facts.item?.name ?? f.itemId}</strong> · {facts.subject} · {facts.item?.clause ?? ''}
              </li>
            );
          })}
        </ul>
        <label className="number-field">
          <span>{t('notice.signerName')}</span>
          <input type="text" value={name} onChange={(e) => setName(e.target.value)} />
        </label>
        <SignatureField onPad={onPad} />
        <div className="sheet-actions">
          <button type="button" className="button ghost" onClick={() => pad.current?.clear()}>
            {t('notice.clear')}
          </button>
          <button type="button" className="button ghost" onClick={onDone}>
            {t('form.cancel')}
          </button>
          <button type="button" className="button primary" disabled={busy} onClick={() => void sign()}>
            {t('notice.confirm')}
          </button>
        </div>
        {error && (
          <p className="field-error" role="alert">
            {error}
          </p>
        )}
      </section>
    </div>
  );
}
