import type { ResultRow } from '../../../../words/resultTable';

/** How the ranking is sorted: a column key and a direction. */
export interface SortBy {
  key: string;
  descending: boolean;
}

/** What the ranking is narrowed to: words in the name or unit, one unit, only subjects with consequences or contests. */
export interface RowFilter {
  text: string;
  unitId: string;
  withConsequences: boolean;
  withPending: boolean;
}

export const NO_FILTER: RowFilter = { text: '', unitId: '', withConsequences: false, withPending: false };

const collator = new Intl.Collator('zh-CN');

/** The rows that pass the filter, sorted by the column (numbers as numbers, words in Chinese order; ties by rank). */
export function sortRows(rows: readonly ResultRow[], by: SortBy, filter: RowFilter): ResultRow[] {
  const text = filter.text.trim().toLowerCase();
  const kept = rows.filter((row) => {
    const s = row.subject;
    if (filter.unitId && s.unitId !== filter.unitId) return false;
    if (filter.withConsequences && s.flags.length === 0) return false;
    if (filter.withPending && s.pending === 0) return false;
    if (text && !`${s.name} ${String(row.cells.unit ?? '')} ${s.subjectId}`.toLowerCase().includes(text)) return false;
    return true;
  });
  const sign = by.descending ? -1 : 1;
  return kept.sort((a, b) => {
    const x = a.cells[by.key] ?? null;
    const y = b.cells[by.key] ?? null;
    let c = 0;
    if (typeof x === 'number' && typeof y === 'number') c = x - y;
    else if (x === null || x === '') c = y === null || y === '' ? 0 : 1;
    else if (y === null || y === '') c = -1;
    else c = collator.compare(String(x), String(y));
    return sign * c || a.subject.rank - b.subject.rank || (a.subject.subjectId < b.subject.subjectId ? -1 : 1);
  });
}
