import type { Scheme } from '../scheme/parseScheme';
import type { SubjectKind } from '../scheme/schemeSchema';
import { evaluateRule, isPerFinding } from './evaluateRule';
import type { Finding } from '../model/finding';
import { fix } from './points';
import { prepareFindings } from './prepareFindings';
import type { RosterIndex } from '../model/rosterIndex';

/** The points one finding moves by itself, as a notice prints them. */
export interface FindingPoints {
  /** Signed points on the item's subject (negative deducts); null when the period's findings decide together. */
  points: number | null;
  /** The rule's arithmetic in words (the engine's), or why the points wait for the period. */
  detail: string;
  /** Co-deductions on other subjects for the same act (窗口扣2分、首席代表扣1分). */
  also: { subject: SubjectKind; subjectId: string | null; points: number }[];
}

/**
 * Points of one finding alone, with the engine's own rule arithmetic, before item caps and category floors (the
 * period's results have the final word). Rules scored on the period's findings together (escalation, allowance,
 * period totals) give null: one finding has no points of its own there.
 */
export function findingPoints(scheme: Scheme, index: RosterIndex, finding: Finding): FindingPoints | null {
  const { prepared } = prepareFindings(scheme, index, [{ ...finding, state: 'recorded' }]);
  const one = prepared[0];
  if (!one) return null;
  if (!isPerFinding(one.item)) return { points: null, detail: '按本期合计计分 (scored on the period total)', also: [] };
  const line = evaluateRule(one.item, [one])[0];
  if (!line) return null;
  const also = (one.item.also ?? []).map((co) => {
    const magnitude = co.points ?? fix((co.factor ?? 0) * Math.abs(line.points));
    return { subject: co.subject, subjectId: one.subjects[co.subject] ?? null, points: fix(Math.sign(line.points) * magnitude) };
  });
  return { points: line.points, detail: line.detail, also };
}
