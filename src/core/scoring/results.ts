import type { FlagKind, PeriodKind, SubjectKind } from '../scheme/schemeSchema';

/** One line of a subject's explanation: what moved points, or what trimmed them. */
export type ExplanationLine =
  | {
      kind: 'finding';
      findingId: string;
      itemId: string;
      itemName: string;
      clause: string;
      categoryId: string;
      at: string;
      /** Signed points this finding moved on this subject (before caps and floors). */
      points: number;
      /** The rule's arithmetic in words: "45 分钟: 超过30至60 → 0.5". */
      detail: string;
      /** Counted, or pending a contest decision (shown, not counted unless countPending). */
      status: 'counted' | 'pending';
      /** Set when the points land on this subject by co-deduction from another subject's finding. */
      coDeduction?: boolean;
    }
  | {
      kind: 'period';
      itemId: string;
      itemName: string;
      clause: string;
      categoryId: string;
      points: number;
      detail: string;
      findingIds: string[];
      status: 'counted' | 'pending';
    }
  | { kind: 'item-cap'; itemId: string; itemName: string; cap: number; trimmed: number }
  | { kind: 'category-floor'; categoryId: string; categoryName: string; floor: number; trimmed: number }
  | { kind: 'category-cap'; categoryId: string; categoryName: string; max: number; trimmed: number }
  | { kind: 'bonus-cap'; cap: number; trimmed: number }
  | { kind: 'total-floor'; floor: number; trimmed: number }
  | { kind: 'aggregate'; detail: string; points: number }
  | { kind: 'follow-up'; findingId: string; itemId: string; itemName: string; clause: string; categoryId: string; points: number; detail: string }
  | { kind: 'grade'; gradeId: string; gradeName: string; detail: string };

export interface Flag {
  kind: FlagKind;
  text: string;
  /** The period the flag holds for (取消本季度评优 → quarter). */
  scope: PeriodKind;
  /** Clause or item that raised it. */
  source: string;
  findingIds: string[];
}

export interface CategoryResult {
  id: string;
  name: string;
  mode: 'deduct' | 'award' | 'bonus';
  points: number;
  score: number;
  /** Points pending contest decisions within this category (not in score unless countPending). */
  pending: number;
}

export interface SubjectResult {
  subject: SubjectKind;
  subjectId: string;
  name: string;
  /** Unit the subject belongs to (for a unit: itself). */
  unitId: string;
  categories: CategoryResult[];
  /** Bonus after the bonus cap. */
  bonus: number;
  total: number;
  pending: number;
  gradeId: string | null;
  gradeName: string | null;
  /** 1 = best; ties share a rank (competition ranking: 1, 1, 3). */
  rank: number;
  flags: Flag[];
  explanation: ExplanationLine[];
  /** Counted findings against this subject in the period. */
  findingCount: number;
}

export interface PeriodResults {
  schemeId: string;
  schemeVersion: number;
  period: { kind: PeriodKind; key: string; start: string; end: string };
  /** Results ordered by table, then rank, then id. */
  subjects: SubjectResult[];
  /** Findings the engine could not place (unknown item, subject missing from the roster), with the reason. */
  skipped: { findingId: string; reason: string }[];
}
