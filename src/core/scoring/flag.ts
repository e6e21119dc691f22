import type { Band, FlagKind, PeriodKind } from '../scheme/schemeSchema';
import { periodMonths } from '../time/period';

/** What raised a flag: an item's finding, a grade, or a trigger across periods (names and clauses: the scheme's words). */
export type FlagSource =
  | { kind: 'item'; itemId: string; itemName: string; clause: string }
  /** A grade held in `periodKey` (不合格 in 2026-01 → 取消当季评优评先, still standing in February and March). */
  | { kind: 'grade'; gradeId: string; gradeName: string; periodKey: string }
  | { kind: 'trigger'; triggerId: string; clause: string };

/** What fired a flag, as numbers. */
export type FlagMeasure =
  /** A trigger's count or summed quantity of its items within `periodKey` (the trigger's `within` period, up to the result's end). */
  | { kind: 'count' | 'quantity'; value: number; periodKey: string }
  /** A grade trigger: the subject held the grade in `periods` base periods in a row, the last one `through`. */
  | { kind: 'consecutive'; periods: number; through: string }
  /** 限期整改 not done in time: `days` after the finding, the last day in time `lastDay` (hall time) passed unrectified; `points` more were deducted. */
  | { kind: 'overdue'; days: number; lastDay: string; points: number };

/** A consequence the regulation names (取消评优, 退回, 书面通报 ...), raised for a subject in a period. */
export interface Flag {
  kind: FlagKind;
  /** The scheme's words for it. */
  text: string;
  /** The period the flag holds for (取消本季度评优 → quarter). */
  scope: PeriodKind;
  /** A disqualification that bars only the scope period's own result (年终不得参与评优评先), not the shorter periods inside it. */
  reach?: 'result';
  source: FlagSource;
  measure?: FlagMeasure;
  /** The numbers a consequence leaves to the office (酌情扣除月度服务费5-8%: 5..8 %). */
  band?: Band;
  findingIds: string[];
}

/** One key per source, to find the same flag again (dedupe across findings and periods). */
export function flagSourceKey(s: FlagSource): string {
  return s.kind === 'item' ? `item:${s.itemId}` : s.kind === 'grade' ? `grade:${s.gradeId}@${s.periodKey}` : `trigger:${s.triggerId}`;
}

/** Whether two sources are one (flagSourceKey equal), compared field by field without building the keys (ids have no '@'). */
export function sameSource(a: FlagSource, b: FlagSource): boolean {
  if (a.kind === 'item') return b.kind === 'item' && a.itemId === b.itemId;
  if (a.kind === 'grade') return b.kind === 'grade' && a.gradeId === b.gradeId && a.periodKey === b.periodKey;
  return b.kind === 'trigger' && a.triggerId === b.triggerId;
}

/** Whether a flag bars the honour grades of a result of `periodKind`: a disqualification whose scope covers that period. */
export function barsHonour(f: Flag, periodKind: PeriodKind): boolean {
  if (f.kind !== 'disqualified') return false;
  return f.reach === 'result' ? f.scope === periodKind : periodMonths(f.scope) >= periodMonths(periodKind);
}
