import type { TFunction } from 'i18next';
import type { GradeReason } from '../core/scoring/explanation';
import { flagSourceText } from './flagText';

/** Why a subject holds its grade, in words: its total's bounds, or what denied it the better grade and the grade it got. */
export function gradeReasonText(r: GradeReason, grade: string, t: TFunction): string {
  const k = 'explainLines.line';
  const to = t(`${k}.gradeTo`, { grade });
  switch (r.kind) {
    case 'total':
      return t(`${k}.gradeTotal`, { total: r.total, grade });
    case 'disqualified':
      return t(`${k}.gradeDisqualified`, { text: r.text, source: flagSourceText(r.source, t), denied: r.denied }) + to;
    case 'ineligible':
      return t(`${k}.gradeIneligible`, { text: r.text, measure: r.measure, denied: r.denied }) + to;
    case 'quota':
      return t(`${k}.gradeQuota`, { denied: r.denied, allowed: r.allowed, subjects: r.subjects, share: r.share, total: r.total }) + to;
  }
}
