import type { Roster } from '../../../core/model/roster';
import { useAdminWords } from './useAdminWords';

/** What a chief answers for: whole units, and further single windows of the roster. */
export interface ChiefScope {
  unitIds: string[];
  windowIds: string[];
}

const flip = (list: readonly string[], id: string): string[] => (list.includes(id) ? list.filter((x) => x !== id) : [...list, id]);

/** Tick the units and windows a chief is bound to (the new-account form and a chief's scope edit). */
export function ScopePicker({ roster, scope, onChange }: { roster: Roster; scope: ChiefScope; onChange: (s: ChiefScope) => void }) {
  const { t } = useAdminWords();
  return (
    <>
      <fieldset className="admin-choices">
        <legend>{t('accounts.units')}</legend>
        {roster.units.map((u) => (
          <label key={u.id} className="admin-check">
            <input type="checkbox" checked={scope.unitIds.includes(u.id)} onChange={() => onChange({ ...scope, unitIds: flip(scope.unitIds, u.id) })} />
            {u.name}
          </label>
        ))}
      </fieldset>
      <fieldset className="admin-choices">
        <legend>{t('accounts.windows')}</legend>
        {roster.windows.map((w) => (
          <label key={w.id} className="admin-check">
            <input type="checkbox" checked={scope.windowIds.includes(w.id)} onChange={() => onChange({ ...scope, windowIds: flip(scope.windowIds, w.id) })} />
            {w.number}
          </label>
        ))}
      </fieldset>
    </>
  );
}
