import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useServices } from '../../services/useServices';
import { usePatrol } from '../../store/usePatrol';
import { ScoreButton } from '../results/ScoreButton';

/** The staff on duty at the window (and, on request, the rest of the unit), each with this month's score. */
export function PersonPicker({ windowId, unitId }: { windowId: string; unitId: string }) {
  const { t } = useTranslation();
  const { hall } = useServices();
  const staffId = usePatrol((s) => s.draft.staffId);
  const choose = usePatrol((s) => s.choosePerson);
  const [more, setMore] = useState(false);
  const onDuty = hall.index.staffAt(windowId);
  const others = hall.index.staffOf(unitId).filter((s) => s.windowId !== windowId);
  const shown = more ? [...onDuty, ...others] : onDuty;
  return (
    <section className="panel-section" aria-labelledby="people-heading">
      <h3 id="people-heading">{t('panel.people')}</h3>
      <div className="chips" role="group" aria-label={t('panel.people')}>
        {shown.map((s) => (
          <span key={s.id} className="person">
            <button type="button" className="chip" aria-pressed={staffId === s.id} onClick={() => choose(staffId === s.id ? null : s.id)}>
              {s.name}
              {s.windowId !== windowId && <small> {t('panel.otherWindow')}</small>}
            </button>
            <ScoreButton kind="staff" id={s.id} name={s.name} />
          </span>
        ))}
        {onDuty.length === 0 && !more && <span className="muted">{t('panel.nobodyOnDuty')}</span>}
        {others.length > 0 && (
          <button type="button" className="chip ghost" aria-expanded={more} onClick={() => setMore(!more)}>
            {more ? t('panel.fewerPeople') : t('panel.morePeople', { count: others.length })}
          </button>
        )}
      </div>
    </section>
  );
}
