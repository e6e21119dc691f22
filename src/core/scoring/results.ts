import type { PeriodKind, SubjectKind } from '../scheme/schemeSchema';
import type { ExplanationLine, GradeReason } from './explanation';
import type { Flag } from './flag';

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
  /** Why the subject holds its grade (its total, or the disqualification, eligibility limit or quota that lowered it); null: no grade. */
  gradeReason: GradeReason | null;
  /** 1 = best; ties share a rank (competition ranking: 1, 1, 3). */
  rank: number;
  flags: Flag[];
  explanation: ExplanationLine[];
  /** Counted findings against this subject in the period. */
  findingCount: number;
}

/** A subject's result without its explanation lines: what lists, score buttons and reports show. */
export type SubjectScore = Omit<SubjectResult, 'explanation'>;

/** A period's results without explanation lines (scoreOnDemand builds one subject's lines when they are shown). */
export interface PeriodScores extends Omit<PeriodResults, 'subjects'> {
  subjects: SubjectScore[];
}

export interface PeriodResults {
  schemeId: string;
  schemeVersion: number;
  period: { kind: PeriodKind; key: string; start: string; end: string };
  /** Results ordered by table, then rank, then id. */
  subjects: SubjectResult[];
  /** Findings the engine could not score (unknown item, subject missing from the roster, bad time), with why. */
  skipped: { findingId: string; problem: SkipProblem }[];
}

/** Why the engine left a finding out of the results. */
export type SkipProblem =
  | { kind: 'unknown-state'; state: string }
  | { kind: 'unknown-item'; itemId: string; schemeId: string; schemeVersion: number }
  | { kind: 'bad-time'; at: string }
  | { kind: 'no-subject'; subject: SubjectKind; itemId: string; staffId: string | null; windowId: string | null; unitId: string | null };
