import type { DeskT } from './useDeskWords';
import type { LedgerValueProblem } from '../../../core/ledger/ledgerValue';

/** A ledger value's problems in words, joined. */
export function valueProblemWords(problems: readonly LedgerValueProblem[], t: DeskT, separator: string): string {
  return problems.map((p) => t(`value.${p.kind}`, { limit: p.limit ?? '' })).join(separator);
}
