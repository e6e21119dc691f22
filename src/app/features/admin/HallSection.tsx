import { useEffect, useState } from 'react';
import type { FormEvent } from 'react';
import { hallProblems } from '../../../core/model/hallProblems';
import type { HallSetup } from '../../../core/model/hallSetup';
import { ActMessage } from './ActMessage';
import { useAdmin } from './AdminContext';
import { ProblemList } from './ProblemList';
import { isTimeZone } from '../../../core/model/roster';
import { useAct } from './useAct';
import { useAdminWords } from './useAdminWords';

const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;

/** The hall itself: its name, time zone, opening hours and the days it is closed. */
export function HallSection() {
  const { t } = useAdminWords();
  const { hall, saveHall } = useAdmin();
  const act = useAct();
  const [draft, setDraft] = useState<HallSetup | null>(hall?.setup ?? null);
  const [newDate, setNewDate] = useState('');
  useEffect(() => setDraft(hall?.setup ?? null), [hall]);
  if (!draft) return <p>{t('common.loading')}</p>;
  const h = draft.roster.hall;
  const closed = draft.closed ?? { weekdays: [], dates: [] };
  const setHall = (patch: Partial<typeof h>): void => setDraft({ ...draft, roster: { ...draft.roster, hall: { ...h, ...patch } } });
  const setOpening = (part: 'morning' | 'afternoon', i: 0 | 1, value: string): void => {
    const pair: [string, string] = [...draft.opening[part]];
    pair[i] = value;
    setDraft({ ...draft, opening: { ...draft.opening, [part]: pair } });
  };
  const setClosed = (c: typeof closed): void => setDraft({ ...draft, closed: c });
  const extra = [
    ...(h.name.trim() ? [] : [t('hall.nameMissing')]),
    ...(isTimeZone(h.timeZone.trim()) ? [] : [t('hall.badTimeZone', { zone: h.timeZone })]),
  ];
  const problems = hallProblems(draft).filter((p) => p.kind === 'opening-hours');
  const submit = (e: FormEvent): void => {
    e.preventDefault();
    if (extra.length || problems.length) return;
    void act.run(async () => {
      await saveHall({ ...draft, roster: { ...draft.roster, hall: { ...h, name: h.name.trim(), timeZone: h.timeZone.trim() } } });
      return t('common.saved');
    });
  };
  return (
    <form className="admin-section" aria-labelledby="hall-heading" onSubmit={submit}>
      <h2 id="hall-heading">{t('hall.heading')}</h2>
      <div className="admin-fields">
        <label>
          <span>{t('hall.name')}</span>
          <input value={h.name} onChange={(e) => setHall({ name: e.target.value })} maxLength={100} />
        </label>
        <div className="admin-field">
          <label>
            <span>{t('hall.timeZone')}</span>
            <input value={h.timeZone} onChange={(e) => setHall({ timeZone: e.target.value })} list="time-zones" autoCapitalize="none" aria-describedby="tz-hint" />
            <datalist id="time-zones">
              {['Asia/Shanghai', 'Asia/Urumqi', 'Asia/Hong_Kong', 'Asia/Macau', 'Asia/Taipei'].map((z) => (
                <option key={z} value={z} />
              ))}
            </datalist>
          </label>
          <small id="tz-hint" className="muted">
            {t('hall.timeZoneHint')}
          </small>
        </div>
      </div>
      <fieldset className="admin-choices">
        <legend>{t('hall.opening')}</legend>
        {(['morning', 'afternoon'] as const).map((part) => (
          <span key={part} className="admin-hours">
            <span>{t(`hall.${part}`)}</span>
            <label>
              <span className="visually-hidden">{t('hall.partFrom', { part: t(`hall.${part}`) })}</span>
              <input type="time" value={draft.opening[part][0]} onChange={(e) => setOpening(part, 0, e.target.value)} required />
            </label>
            –
            <label>
              <span className="visually-hidden">{t('hall.partTo', { part: t(`hall.${part}`) })}</span>
              <input type="time" value={draft.opening[part][1]} onChange={(e) => setOpening(part, 1, e.target.value)} required />
            </label>
          </span>
        ))}
      </fieldset>
      <fieldset className="admin-choices">
        <legend>{t('hall.closedWeekdays')}</legend>
        {WEEKDAYS.map((d) => (
          <label key={d} className="admin-check">
            <input
              type="checkbox"
              checked={closed.weekdays.includes(d)}
              onChange={() => setClosed({ ...closed, weekdays: closed.weekdays.includes(d) ? closed.weekdays.filter((x) => x !== d) : [...closed.weekdays, d].sort() })}
            />
            {t(`hall.weekdays.d${d}`)}
          </label>
        ))}
      </fieldset>
      <fieldset className="admin-choices">
        <legend>{t('hall.closedDates')}</legend>
        {closed.dates.length === 0 && <span className="muted">{t('hall.noDates')}</span>}
        {closed.dates.map((d) => (
          <span key={d} className="admin-tag">
            {d}
            <button type="button" className="link" onClick={() => setClosed({ ...closed, dates: closed.dates.filter((x) => x !== d) })} aria-label={t('common.actOn', { act: t('common.remove'), name: d })}>
              ×
            </button>
          </span>
        ))}
        <label>
          <span className="visually-hidden">{t('hall.addDate')}</span>
          <input type="date" value={newDate} onChange={(e) => setNewDate(e.target.value)} />
        </label>
        <button
          type="button"
          className="button"
          disabled={!/^\d{4}-\d{2}-\d{2}$/.test(newDate)}
          onClick={() => {
            if (!closed.dates.includes(newDate)) setClosed({ ...closed, dates: [...closed.dates, newDate].sort() });
            setNewDate('');
          }}
        >
          {t('hall.addDate')}
        </button>
      </fieldset>
      <ProblemList problems={problems} roster={draft.roster} extra={extra} />
      <ActMessage message={act.message} />
      <button type="submit" className="button primary" disabled={act.busy || extra.length > 0 || problems.length > 0}>
        {act.busy ? t('common.saving') : t('common.save')}
      </button>
    </form>
  );
}
