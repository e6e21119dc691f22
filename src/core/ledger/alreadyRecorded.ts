import type { ImportProblem, LedgerEntry } from './readLedgerImport';

/** What makes an entry the same as one recorded: the item, the subject and the source reference. */
export function entryKey(e: { itemId: string; subjectId: string; sourceRef: string }): string {
  return `${e.itemId}\u0000${e.subjectId}\u0000${e.sourceRef}`;
}

/**
 * The entries of an import that already stand in the month (entryKey of a recording not voided): a file imported
 * twice is refused, row by row, instead of counting every occurrence twice.
 */
export function alreadyRecorded(entries: readonly LedgerEntry[], recorded: ReadonlySet<string>): ImportProblem[] {
  return entries.filter((e) => recorded.has(entryKey({ itemId: e.itemId, subjectId: e.subject.id, sourceRef: e.sourceRef }))).map((e) => ({ kind: 'already-recorded', at: e.at, sourceRef: e.sourceRef }));
}
