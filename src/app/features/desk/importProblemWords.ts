import type { DeskT } from './useDeskWords';
import type { TFunction } from 'i18next';
import type { Refusal } from '../../../core/access/refusal';
import type { CellAt } from '../../../core/ledger/ledgerSheets';
import type { ImportProblem } from '../../../core/ledger/readLedgerImport';
import { valueProblemWords } from './valueProblemWords';

/** Where a problem is, in words: 月度汇总 第5行 C列. */
export function whereWords(at: CellAt, t: DeskT): string {
  return at.column ? t('import.whereColumn', { sheet: at.sheet, row: at.row, column: at.column }) : t('import.where', { sheet: at.sheet, row: at.row });
}

/** What is wrong, in words (the core says it as data). */
export function importProblemWords(p: ImportProblem, t: DeskT, tApp: TFunction, refusal: (r: Refusal) => string, itemName: (id: string) => string): string {
  switch (p.kind) {
    case 'no-header':
    case 'no-entries':
      return t(`problem.${p.kind}`);
    case 'missing-column':
      return t('problem.missing-column', { column: t(`column.${p.column}`) });
    case 'unknown-column':
    case 'duplicate-column':
      return t(`problem.${p.kind}`, { header: p.at.header ?? '' });
    case 'unknown-subject':
      return t('problem.unknown-subject', { subject: tApp(`subject.${p.subject}`), text: p.text });
    case 'ambiguous-subject':
      return t('problem.ambiguous-subject', { subject: tApp(`subject.${p.subject}`), text: p.text, count: p.count });
    case 'unknown-item':
      return t('problem.unknown-item', { text: p.text });
    case 'value':
      return t('problem.value', { text: p.text, problems: valueProblemWords(p.problems, t, tApp('list.separator')) });
    case 'date':
      return t(`problem.date.${p.problem}`, { text: p.text, month: p.month });
    case 'source-missing':
      return t('problem.source-missing');
    case 'refused':
      return t('problem.refused', { reason: refusal(p.refusal) });
    case 'no-sheet':
      return t('problem.no-sheet', { sheet: p.sheet });
    case 'missing-label':
      return t('problem.missing-label', { label: p.label });
    case 'mapping-item':
      return t('problem.mapping-item', { item: itemName(p.itemId) });
    case 'unknown-value':
      return p.text === '' ? t('problem.empty-value') : t('problem.unknown-value', { text: p.text });
    case 'duplicate-source':
      return t('problem.duplicate-source', { text: p.text, first: whereWords(p.first, t) });
    case 'already-recorded':
      return t('problem.already-recorded', { source: p.sourceRef });
  }
}
