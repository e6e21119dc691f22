import type { FlagKind, PeriodKind } from '../scheme/schemeSchema';

/** What raised a flag: an item's finding, a grade, or a trigger across periods (names and clauses: the scheme's words). */
export type FlagSource =
  | { kind: 'item'; itemId: string; itemName: string; clause: string }
  | { kind: 'grade'; gradeId: string; gradeName: string }
  | { kind: 'trigger'; triggerId: string; clause: string };

/** A consequence the regulation names (取消评优, 退回, 书面通报 ...), raised for a subject in a period. */
export interface Flag {
  kind: FlagKind;
  /** The scheme's words for it. */
  text: string;
  /** The period the flag holds for (取消本季度评优 → quarter). */
  scope: PeriodKind;
  source: FlagSource;
  /** For a trigger, what fired it: the count or summed quantity within its period, or the periods graded alike in a row. */
  measure?: { kind: 'count' | 'quantity'; value: number } | { kind: 'consecutive'; periods: number; through: string };
  findingIds: string[];
}

/** One key per source, to find the same flag again (dedupe across findings and periods). */
export function flagSourceKey(s: FlagSource): string {
  return s.kind === 'item' ? `item:${s.itemId}` : s.kind === 'grade' ? `grade:${s.gradeId}` : `trigger:${s.triggerId}`;
}
