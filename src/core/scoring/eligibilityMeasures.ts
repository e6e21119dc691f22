import type { Table } from '../scheme/schemeSchema';
import type { FindingTable } from './findingTable';
import { memberOfRow } from './findingTable';

/**
 * Each eligibility rule of a table measured per subject over the period's findings, in one pass: `list[lo, hi)` are
 * the period's rows (table positions) of the items the rules measure (others are ignored). A finding adds its
 * quantity, or 1 when it has none. The measure of rule k (its position in table.eligibility) for a subject id.
 */
export function eligibilityMeasures(table: Table, t: FindingTable, list: readonly number[], lo: number, hi: number, countPending: boolean): (rule: number, subjectId: string) => number {
  const members = t.memberAt[table.subject];
  let size = 0;
  for (const at of members.values()) size = Math.max(size, at + 1);
  // Per rule, the measure of each subject by roster position.
  const measures = table.eligibility.map(() => new Float64Array(size));
  if (table.eligibility.length > 0) {
    // The rules (their indices, once per listing) measuring each item of the scheme, by the item's position.
    const byItem = t.scheme.items.map((item) => table.eligibility.flatMap((e, k) => e.items.filter((id) => id === item.id).map(() => k)));
    for (let i = lo; i < hi; i++) {
      const pos = list[i] as number;
      const ks = byItem[t.item[pos] as number] as number[];
      const at = memberOfRow(t, pos, table.subject);
      if (ks.length === 0 || at < 0 || (t.counted[pos] !== 1 && !countPending)) continue;
      const q = t.quantity[pos] as number;
      for (const k of ks) {
        const m = measures[k] as Float64Array;
        m[at] = (m[at] as number) + (Number.isNaN(q) ? 1 : q);
      }
    }
  }
  return (rule, subjectId) => {
    const at = members.get(subjectId);
    return at === undefined ? 0 : (measures[rule]?.[at] ?? 0);
  };
}
