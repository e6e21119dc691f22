import { useEffect, useState } from 'react';
import type { FormEvent } from 'react';
import type { ReviewSettings } from '../../../core/events/reviewSettings';
import { ActMessage } from './ActMessage';
import { useAdmin } from './AdminContext';
import { useAct } from './useAct';
import { useAdminWords } from './useAdminWords';

type NumberField = 'contestDays' | 'decideDays' | 'clockToleranceMinutes' | 'offlineGraceHours';
/** The bounds of core/events/reviewSettings.ts, for the inputs (the server checks them again). */
const FIELDS: { key: NumberField; label: 'contestDays' | 'decideDays' | 'clockTolerance' | 'offlineGrace'; max: number }[] = [
  { key: 'contestDays', label: 'contestDays', max: 365 },
  { key: 'decideDays', label: 'decideDays', max: 365 },
  { key: 'clockToleranceMinutes', label: 'clockTolerance', max: 24 * 60 },
  { key: 'offlineGraceHours', label: 'offlineGrace', max: 10 * 366 * 24 },
];

/** The hall's review settings: contest and decision deadlines, pending points in provisional totals, clock rules. */
export function ReviewSection() {
  const { t, failure } = useAdminWords();
  const { api } = useAdmin();
  const act = useAct();
  const [saved, setSaved] = useState<ReviewSettings | null>(null);
  const [draft, setDraft] = useState<Record<NumberField, string> & { countPendingInProvisional: boolean }>();
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    api.reviewSettings().then(
      (s) => {
        setSaved(s);
        setDraft({
          countPendingInProvisional: s.countPendingInProvisional,
          contestDays: String(s.contestDays),
          decideDays: String(s.decideDays),
          clockToleranceMinutes: String(s.clockToleranceMinutes),
          offlineGraceHours: String(s.offlineGraceHours),
        });
      },
      (err: unknown) => setError(failure(err)),
    );
  }, [api, failure]);
  if (error) return <ActMessage message={{ ok: false, text: error }} />;
  if (!saved || !draft) return <p>{t('common.loading')}</p>;
  const wrong = FIELDS.filter((f) => !/^\d+$/.test(draft[f.key].trim()) || Number(draft[f.key]) > f.max).map((f) =>
    t('review.outOfRange', { field: t(`review.${f.label}`), min: 0, max: f.max }),
  );
  const submit = (e: FormEvent): void => {
    e.preventDefault();
    if (wrong.length) return;
    const next: ReviewSettings = { ...saved, countPendingInProvisional: draft.countPendingInProvisional };
    for (const f of FIELDS) next[f.key] = Number(draft[f.key]);
    void act.run(async () => {
      await api.saveReviewSettings(next);
      setSaved(next);
      return t('review.saved');
    });
  };
  return (
    <form className="admin-section" aria-labelledby="review-heading" onSubmit={submit}>
      <h2 id="review-heading">{t('review.heading')}</h2>
      <div className="admin-fields">
        {FIELDS.map((f) => (
          <label key={f.key}>
            <span>{t(`review.${f.label}`)}</span>
            <input inputMode="numeric" value={draft[f.key]} onChange={(e) => setDraft({ ...draft, [f.key]: e.target.value })} />
          </label>
        ))}
      </div>
      <label className="admin-check">
        <input type="checkbox" checked={draft.countPendingInProvisional} onChange={(e) => setDraft({ ...draft, countPendingInProvisional: e.target.checked })} />
        {t('review.countPending')}
      </label>
      {wrong.length > 0 && (
        <ul className="field-error" role="alert">
          {wrong.map((w) => (
            <li key={w}>{w}</li>
          ))}
        </ul>
      )}
      <ActMessage message={act.message} />
      <button type="submit" className="button primary" disabled={act.busy || wrong.length > 0}>
        {act.busy ? t('common.saving') : t('common.save')}
      </button>
    </form>
  );
}
