import type { Scheme } from '../scheme/parseScheme';
import type { Item, SubjectKind } from '../scheme/schemeSchema';
import { effectiveItem } from '../model/effectiveItem';
import type { Finding } from '../model/finding';
import type { FindingInputs } from '../scheme/inputsSchema';
import type { RosterIndex } from '../model/rosterIndex';
import { evaluateRule, isPerFinding } from './evaluateRule';
import type { RuleCalc } from './explanation';
import { fix } from './points';
import { prepareTable, preparedAt } from './findingTable';
import type { Prepared } from './findingTable';

/** What an item's rule gives one finding with these inputs, before caps and floors (the period's results decide). */
export type RulePoints =
  /** Signed points (negative deducts) with the rule's arithmetic. */
  | { kind: 'points'; points: number; calc: RuleCalc }
  /** The period's findings decide together (escalation, allowance, period totals): one finding has no points alone. */
  | { kind: 'period' };

/**
 * The points an item's rule gives one finding with these inputs: the engine's own arithmetic (evaluateRule), so the
 * tablet's preview, the log, the notice and the results can never disagree.
 */
export function rulePoints(item: Item, inputs: FindingInputs): RulePoints {
  if (!isPerFinding(item)) return { kind: 'period' };
  const one: Prepared = { id: '', item, inputs, at: '', atMs: 0, status: 'counted', subjects: {}, rectifiedMs: undefined };
  const line = evaluateRule(item, [one])[0];
  return line ? { kind: 'points', points: line.points, calc: line.calc } : { kind: 'period' };
}

/** The points one finding moves by itself, as the log, the review screens and the notice show them. */
export type FindingPoints = RulePoints & {
  /** Co-deductions on other subjects for the same act (窗口扣2分、首席代表扣1分); empty for period rules. */
  also: { subject: SubjectKind; subjectId: string | null; points: number }[];
};

/**
 * Points of one finding alone, by its effective item and inputs (the committee's amendment once amended), with the
 * co-deductions it brings. Null when its item is not in the scheme or the roster has no subject for it.
 */
export function findingPoints(scheme: Scheme, index: RosterIndex, finding: Finding): FindingPoints | null {
  const { table } = prepareTable(scheme, index, [{ ...finding, state: finding.state === 'amended' ? 'amended' : 'recorded' }]);
  if (table.length === 0) return null;
  const one = preparedAt(table, 0);
  const own = rulePoints(one.item, effectiveItem(finding).inputs);
  if (own.kind === 'period') return { ...own, also: [] };
  const also = (one.item.also ?? []).map((co) => {
    const magnitude = co.points ?? fix((co.factor ?? 0) * Math.abs(own.points));
    return { subject: co.subject, subjectId: one.subjects[co.subject] ?? null, points: fix(Math.sign(own.points) * magnitude) };
  });
  return { ...own, also };
}
