import type { TFunction } from 'i18next';
import type { Roster } from '../../../../core/model/roster';
import type { ServerProblem } from '../../../../device/admin/adminTransport';
import { isRosterChangeRefusal, rosterChangeText } from '../rosterChangeText';

const COLUMNS = ['unit', 'name', 'role', 'window'] as const;
const column = (t: TFunction<'admin'>, k: unknown): string => {
  const key = COLUMNS.find((c) => c === k);
  return key ? t(`import.columns.${key}`) : String(k);
};

/**
 * A roster file's problem in the person's words: the file's own (not a workbook, no header, too many rows), a row's
 * (core importRoster, with its row number) or a change that would orphan findings (core rosterChange). `file` names
 * the file; the roster names units.
 */
export function importProblemText(t: TFunction<'admin'>, p: ServerProblem, file: string, roster: Roster): string {
  if (isRosterChangeRefusal(p)) return rosterChangeText(t, p, roster);
  switch (p.kind) {
    case 'file': {
      const missing = Array.isArray(p.missing) ? p.missing.map((k) => column(t, k)).join(t('common.separator')) : '';
      return t(`import.problem.${String(p.reason)}`, { ...p, name: file, missing, defaultValue: String(p.message ?? p.reason) });
    }
    case 'missing':
      return t('import.problem.missing', { row: p.row, field: column(t, p.field) });
    default:
      return t(`import.problem.${p.kind}`, { name: file, ...p, defaultValue: String(p.message ?? p.kind) });
  }
}
