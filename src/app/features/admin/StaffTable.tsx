import { useState } from 'react';
import { ulid } from 'ulid';
import type { Roster, RosterStaff } from '../../../core/model/roster';
import { useAdminWords } from './useAdminWords';

/** The staff: name, unit and the window they sit at (a window of their unit); add and remove people. */
export function StaffTable({ roster, onChange }: { roster: Roster; onChange: (r: Roster) => void }) {
  const { t } = useAdminWords();
  const [name, setName] = useState('');
  const [unitId, setUnitId] = useState(roster.units[0]?.id ?? '');
  const edit = (id: string, patch: Partial<RosterStaff>): void =>
    onChange({
      ...roster,
      staff: roster.staff.map((s) => {
        if (s.id !== id) return s;
        const next = { ...s, ...patch };
        if (!next.windowId) delete next.windowId;
        return next;
      }),
    });
  return (
    <section className="admin-form" aria-labelledby="staff-heading">
      <h3 id="staff-heading">{t('roster.staff', { count: roster.staff.filter((s) => !s.left).length })}</h3>
      <table className="admin-table">
        <thead>
          <tr>
            <th>{t('roster.name')}</th>
            <th>{t('roster.unit')}</th>
            <th>{t('roster.window')}</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {roster.staff.map((s) => (
            <tr key={s.id} className={s.left ? 'admin-disabled' : undefined}>
              <td>
                <input aria-label={t('roster.nameOf', { name: s.name })} value={s.name} onChange={(e) => edit(s.id, { name: e.target.value })} />
                {s.left && <small className="muted"> {t('roster.left', { day: s.left })}</small>}
              </td>
              <td>
                <select aria-label={t('roster.unitOf', { name: s.name })} value={s.unitId} onChange={(e) => edit(s.id, { unitId: e.target.value, windowId: undefined })}>
                  {roster.units.map((u) => (
                    <option key={u.id} value={u.id}>
                      {u.name}
                    </option>
                  ))}
                </select>
              </td>
              <td>
                <select aria-label={t('roster.windowOf', { name: s.name })} value={s.windowId ?? ''} onChange={(e) => edit(s.id, { windowId: e.target.value || undefined })} disabled={Boolean(s.left)}>
                  <option value="">{t('roster.noWindow')}</option>
                  {roster.windows
                    .filter((w) => w.unitId === s.unitId)
                    .map((w) => (
                      <option key={w.id} value={w.id}>
                        {w.number}
                      </option>
                    ))}
                </select>
              </td>
              <td>
                <button type="button" className="button" onClick={() => onChange({ ...roster, staff: roster.staff.filter((x) => x.id !== s.id) })} aria-label={t('common.actOn', { act: t('common.remove'), name: s.name })}>
                  {t('common.remove')}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <form
        className="admin-inline-form"
        onSubmit={(e) => {
          e.preventDefault();
          if (!name.trim() || !unitId) return;
          onChange({ ...roster, staff: [...roster.staff, { id: `s-${ulid().toLowerCase()}`, name: name.trim(), unitId }] });
          setName('');
        }}
      >
        <label>
          <span>{t('roster.newPerson')}</span>
          <input value={name} onChange={(e) => setName(e.target.value)} />
        </label>
        <label>
          <span>{t('roster.unit')}</span>
          <select value={unitId} onChange={(e) => setUnitId(e.target.value)}>
            {roster.units.map((u) => (
              <option key={u.id} value={u.id}>
                {u.name}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" className="button secondary" disabled={!name.trim() || !unitId}>
          {t('roster.addPerson')}
        </button>
      </form>
    </section>
  );
}
