import { useEffect, useMemo, useState } from 'react';
import { ulid } from 'ulid';
import { hallProblems } from '../../../core/model/hallProblems';
import type { HallSetup } from '../../../core/model/hallSetup';
import type { Roster } from '../../../core/model/roster';
import { ActMessage } from './ActMessage';
import { useAdmin } from './AdminContext';
import { ProblemList } from './ProblemList';
import { RosterImport } from './roster/RosterImport';
import { StaffTable } from './StaffTable';
import { useAct } from './useAct';
import { useAdminWords } from './useAdminWords';

/** Units, their chiefs and staff (with the window each sits at), edited by hand or imported from a file. */
export function RosterSection() {
  const { t } = useAdminWords();
  const { hall, saveHall } = useAdmin();
  const act = useAct();
  const [draft, setDraft] = useState<HallSetup | null>(hall?.setup ?? null);
  const [newUnit, setNewUnit] = useState('');
  useEffect(() => setDraft(hall?.setup ?? null), [hall]);
  const problems = useMemo(() => (draft ? hallProblems(draft).filter((p) => p.kind !== 'opening-hours') : []), [draft]);
  if (!draft || !hall) return <p>{t('common.loading')}</p>;
  const roster = draft.roster;
  const setRoster = (r: Roster): void => setDraft({ ...draft, roster: r });
  const changed = JSON.stringify(hall.setup.roster) !== JSON.stringify(roster);
  const chiefOf = (unitId: string) => roster.chiefs.find((c) => c.unitId === unitId);
  const setChief = (unitId: string, name: string): void => {
    const others = roster.chiefs.filter((c) => c.unitId !== unitId);
    const old = chiefOf(unitId);
    setRoster({ ...roster, chiefs: name ? [...others, { id: old?.id ?? `c-${ulid().toLowerCase()}`, name, unitId }] : others });
  };
  const save = (): void => {
    void act.run(async () => {
      await saveHall(draft);
      return t('common.saved');
    });
  };
  return (
    <section className="admin-section" aria-labelledby="roster-heading">
      <h2 id="roster-heading">{t('roster.heading')}</h2>
      <RosterImport roster={hall.setup.roster} />
      <section className="admin-form" aria-labelledby="units-heading">
        <h3 id="units-heading">{t('roster.units')}</h3>
        <table className="admin-table">
          <thead>
            <tr>
              <th>{t('roster.unitName')}</th>
              <th>{t('roster.chief')}</th>
              <th>{t('roster.windows')}</th>
              <th>{t('roster.people')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {roster.units.map((u) => {
              const windows = roster.windows.filter((w) => w.unitId === u.id);
              const people = roster.staff.filter((s) => s.unitId === u.id && !s.left).length;
              return (
                <tr key={u.id}>
                  <td>
                    <input aria-label={t('roster.unitNameOf', { name: u.name })} value={u.name} onChange={(e) => setRoster({ ...roster, units: roster.units.map((x) => (x.id === u.id ? { ...x, name: e.target.value } : x)) })} />
                  </td>
                  <td>
                    <input aria-label={t('roster.chiefOf', { name: u.name })} value={chiefOf(u.id)?.name ?? ''} placeholder={t('common.none')} onChange={(e) => setChief(u.id, e.target.value)} />
                  </td>
                  <td>{windows.map((w) => w.number).join(t('common.separator'))}</td>
                  <td className="num">{people}</td>
                  <td>
                    <button type="button" className="button" disabled={windows.length > 0 || people > 0} onClick={() => setRoster({ ...roster, units: roster.units.filter((x) => x.id !== u.id), chiefs: roster.chiefs.filter((c) => c.unitId !== u.id) })}>
                      {t('common.remove')}
                    </button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
        <form
          className="admin-inline-form"
          onSubmit={(e) => {
            e.preventDefault();
            if (!newUnit.trim()) return;
            setRoster({ ...roster, units: [...roster.units, { id: `u-${ulid().toLowerCase()}`, name: newUnit.trim() }] });
            setNewUnit('');
          }}
        >
          <label>
            <span>{t('roster.newUnit')}</span>
            <input value={newUnit} onChange={(e) => setNewUnit(e.target.value)} />
          </label>
          <button type="submit" className="button secondary" disabled={!newUnit.trim()}>
            {t('roster.addUnit')}
          </button>
        </form>
      </section>
      <StaffTable roster={roster} onChange={setRoster} />
      <ProblemList problems={problems} roster={roster} />
      <ActMessage message={act.message} />
      <div className="floor-toolbar">
        <button type="button" className="button primary" disabled={act.busy || problems.length > 0 || !changed} onClick={save}>
          {act.busy ? t('common.saving') : t('common.save')}
        </button>
        {!changed && <span className="muted">{t('common.unchanged')}</span>}
      </div>
    </section>
  );
}
