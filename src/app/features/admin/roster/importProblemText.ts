import type { TFunction } from 'i18next';
import type { RosterImportProblem } from '../../../../core/model/rosterImport';
import type { RosterFileProblem } from './rosterColumns';

/** A roster file's problem (core data, or the file reader's) in the person's words, with its row number. */
export function importProblemText(t: TFunction<'admin'>, p: RosterImportProblem | RosterFileProblem): string {
  switch (p.kind) {
    case 'missing':
      return t('import.problem.missing', { row: p.row, field: t(`import.columns.${p.field}`) });
    case 'headers':
      return t('import.problem.headers', { missing: p.missing.join(t('common.separator')) });
    default:
      return t(`import.problem.${p.kind}`, p);
  }
}
