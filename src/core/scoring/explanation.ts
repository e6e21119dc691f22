import type { Bound, SubjectKind } from '../scheme/schemeSchema';
import type { FlagSource } from './flag';

/**
 * How a rule turned findings into points, as numbers: the screens and the score command word it (zh-CN, English),
 * the engine never does. Names and units in it (a level's name, a tier's label, 分钟) are the scheme's own words.
 */
export type RuleCalc =
  /** 串岗扣0.5分/次 */
  | { rule: 'fixed'; points: number }
  /** 视情况扣1-3分: the amount chosen. */
  | { rule: 'range'; amount: number; min: number; max: number; points: number }
  /** 国家级3/省级2: the level recorded (name null: a level the scheme does not have). */
  | { rule: 'level'; levelId: string; levelName: string | null; points: number }
  /** A level decided once a period: the latest recording's, or the level used when nothing was recorded. */
  | { rule: 'level-once'; levelName: string | null; points: number; recorded: boolean }
  /** 迟到半小时至1小时0.5分: the quantity and the tier it fell in (null: none). */
  | { rule: 'tier'; quantity: number; unit: string; label: string | null; when: Bound | null; points: number; basis: 'finding' | 'period' }
  /** 旷工每天扣10分; 每3天扣1分: units = quantity / per, rounded as the rule says. */
  | { rule: 'per-unit'; quantity: number; unit: string; per: number; units: number; perPoints: number; points: number; basis: 'finding' | 'period' }
  /** 每季度超过6次, 每超过一次扣0.5分: the period's total (unit null: occurrences), the allowance, the excess. */
  | { rule: 'allowance'; total: number; unit: string | null; allowance: number; excess: number; perPoints: number; points: number }
  /** 出勤率低于90%, 每少一个百分点扣0.5分: the distance past the threshold and the steps it makes. */
  | { rule: 'ratio'; value: number; direction: 'above' | 'below'; threshold: number; distance: number; steps: number; perPoints: number; points: number }
  /** The n-th occurrence in the period costs its step's points. */
  | { rule: 'escalation-nth'; n: number; points: number }
  /** The period's count picks one step's points (not added up). */
  | { rule: 'escalation-total'; count: number; points: number }
  /** 当月无办件得基础分. */
  | { rule: 'error-rate'; outcome: 'no-work'; points: number }
  /** 错件超过50%的不得分. */
  | { rule: 'error-rate'; outcome: 'zero'; errors: number; total: number; share: number; when: Bound; points: number }
  /** 每错1件扣0.5分: full − errors × perError. */
  | { rule: 'error-rate'; outcome: 'scored'; errors: number; total: number; full: number; perError: number; points: number }
  /** An award item's points when nothing was recorded in the period. */
  | { rule: 'unrecorded'; points: number }
  /** A period rule's points that wait for contests: what upholding them would add. */
  | { rule: 'pending'; points: number }
  /** 窗口扣2分、首席代表扣1分: points on this subject for another subject's finding (exact points or a factor). */
  | { rule: 'co-deduction'; from: SubjectKind; fromPoints: number; points: number; factor: number | null };

/** Why a subject holds its grade. */
export type GradeReason =
  /** The total falls in the grade's bounds. */
  | { kind: 'total'; total: number }
  /** A disqualification (取消评优) denies the honour grade `denied`. */
  | { kind: 'disqualified'; text: string; source: FlagSource; denied: string }
  /** An eligibility limit (缺勤5天及以上不得评为优秀) denies `denied`; measure is the period's count or quantity. */
  | { kind: 'ineligible'; text: string; measure: number; denied: string }
  /** The grade quota (优秀不超过15%) left no place: `allowed` places of `subjects` × `share`. */
  | { kind: 'quota'; denied: string; allowed: number; subjects: number; share: number; total: number };

/** One line of a subject's explanation: what moved points, what trimmed them, how a total was built, the grade. */
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
      calc: RuleCalc;
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
      calc: RuleCalc;
      findingIds: string[];
      status: 'counted' | 'pending';
    }
  | { kind: 'item-cap'; itemId: string; itemName: string; cap: number; trimmed: number }
  | { kind: 'category-floor'; categoryId: string; categoryName: string; floor: number; trimmed: number }
  | { kind: 'category-cap'; categoryId: string; categoryName: string; max: number; trimmed: number }
  | { kind: 'bonus-cap'; cap: number; trimmed: number }
  | { kind: 'total-floor'; floor: number; trimmed: number }
  /** 限期整改 not done in time: the follow-up's extra points; lastDay: the last day in time (hall time); text: the scheme's words. */
  | { kind: 'follow-up'; findingId: string; itemId: string; itemName: string; clause: string; categoryId: string; points: number; days: number; lastDay: string; text: string }
  /** A category computed from members' categories (窗口考勤 = staff attendance average); mean null: no members, full points. */
  | { kind: 'category-from'; categoryId: string; categoryName: string; source: { subject: SubjectKind; categoryId: string }; members: number; mean: number | null; scale: number; points: number }
  /** One part of an aggregate total: the members' mean (of) or a ledger score (item); value null: no data, its weight shared out. */
  | { kind: 'aggregate-part'; of: SubjectKind | null; members: number; itemId: string | null; itemName: string | null; value: number | null; weight: number }
  /** A roll-up: one base period's total and grade. */
  | { kind: 'period-total'; periodKey: string; total: number; gradeName: string | null }
  /** A roll-up: the mean of the base periods. */
  | { kind: 'period-mean'; periods: number; total: number }
  | { kind: 'grade'; gradeId: string; gradeName: string; reason: GradeReason };
