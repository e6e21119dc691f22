import type { Roster } from '../../../../core/model/roster';
import type { RosterImportAnswer } from '../../../../device/admin/rosterFileCalls';
import { useAdminWords } from '../useAdminWords';

/**
 * What importing a checked roster file would do, as the server worked it out: how many rows and people, who is new,
 * who is marked as left (they have findings) and who is removed (no findings), a chief replaced; then every person of
 * the new roster. Nothing is saved until the admin imports.
 */
export function ImportPreview({
  file,
  answer,
  before,
  busy,
  onApply,
  onCancel,
}: {
  file: string;
  answer: RosterImportAnswer & { roster: Roster };
  before: Roster;
  busy: boolean;
  onApply: () => void;
  onCancel: () => void;
}) {
  const { t } = useAdminWords();
  const after = answer.roster;
  const unitName = (id: string): string => after.units.find((u) => u.id === id)?.name ?? id;
  const added = after.staff.filter((s) => !before.staff.some((b) => b.id === s.id)).length;
  const left = answer.effects.flatMap((e) => (e.kind === 'staff-left' ? [e] : []));
  const removed = answer.effects.filter((e) => e.kind === 'removed-unused' && (e.list === 'staff' || e.list === 'chiefs')).length;
  const people = [
    ...after.chiefs.map((c) => ({ id: c.id, name: c.name, unitId: c.unitId, chief: true, window: '' })),
    ...after.staff.filter((s) => !s.left).map((s) => ({ id: s.id, name: s.name, unitId: s.unitId, chief: false, window: after.windows.find((w) => w.id === s.windowId)?.number ?? '' })),
  ];
  return (
    <div className="import-preview">
      <p>{t('import.ready', { file, rows: answer.summary.rows, staff: answer.summary.staff, added, chiefs: answer.summary.chiefs })}</p>
      {left.length > 0 && (
        <div className="import-left">
          <p>{t('import.left', { count: left.length, on: left[0]?.on ?? '' })}</p>
          <ul>
            {left.map((e) => (
              <li key={e.staffId}>{t('import.leftPerson', { name: e.name, unit: unitName(after.staff.find((s) => s.id === e.staffId)?.unitId ?? ''), findings: e.findings })}</li>
            ))}
          </ul>
        </div>
      )}
      {removed > 0 && <p>{t('import.removed', { count: removed })}</p>}
      {answer.effects.map((e) =>
        e.kind === 'chief-replaced' ? (
          <p key={`chief-${e.unitId}`}>{t('import.chief-replaced', { unit: unitName(e.unitId), from: e.from.name, to: e.to.name, findings: e.findings })}</p>
        ) : e.kind === 'staff-returned' ? (
          <p key={`back-${e.staffId}`}>{t('import.returned', { name: e.name })}</p>
        ) : null,
      )}
      <table className="admin-table">
        <thead>
          <tr>
            <th>{t('import.columns.unit')}</th>
            <th>{t('import.columns.name')}</th>
            <th>{t('import.columns.role')}</th>
            <th>{t('import.columns.window')}</th>
          </tr>
        </thead>
        <tbody>
          {people.map((p) => (
            <tr key={p.id}>
              <td>{unitName(p.unitId)}</td>
              <td>{p.name}</td>
              <td>{p.chief ? t('import.chief') : t('import.staff')}</td>
              <td>{p.window}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="floor-toolbar">
        <button type="button" className="button primary" disabled={busy} onClick={onApply}>
          {t('import.apply')}
        </button>
        <button type="button" className="button" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </div>
  );
}
