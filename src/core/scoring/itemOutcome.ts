import type { Item } from '../scheme/schemeSchema';
import type { ExplanationLine } from './explanation';
import type { Prepared } from './findingTable';
import { evaluateRule, isPerFinding, perFindingPoints } from './evaluateRule';
import type { RuleLine } from './evaluateRule';
import { fix } from './points';

/** What one item did to one subject in one period. */
export interface ItemOutcome {
  item: Item;
  /** Points the item adds to its category (base included, cap applied). */
  value: number;
  /** Points that depend on pending contests (included in value only when countPending). */
  pending: number;
  /** Every line, for co-deductions: its status and whether its points are in value (pending ones only when countPending). */
  moves: readonly { line: RuleLine; status: 'counted' | 'pending'; first: Prepared; inValue: boolean }[];
  /** The item's lines, in order; empty unless `explain` was asked for (the numbers never depend on it). */
  explanation: readonly ExplanationLine[];
}


/**
 * Score one item for one subject over the period's findings (sorted), honouring caps, base and pending contests.
 * With `explain` false no explanation line is built; the value and pending points are the same either way.
 */
export function itemOutcome(item: Item, findings: readonly Prepared[], countPending: boolean, explain: boolean): ItemOutcome {
  const perFinding = isPerFinding(item);
  // The hot path of a year's scoring: a per-finding rule without co-deductions, nothing to explain. The same sums
  // as below (each line's points added in the same order), without a line object per finding.
  if (perFinding && !explain && !item.also && findings.length > 0) return perFindingTotals(item, findings, countPending);
  const hasPending = findings.some((f) => f.status !== 'counted');
  // Per-finding rules are additive: one evaluation serves both views. Period rules must see each set on its own.
  const allLines = evaluateRule(item, findings);
  const countedLines = !hasPending
    ? allLines
    : perFinding
      ? allLines.filter((l) => l.findings[0]?.status === 'counted')
      : evaluateRule(item, findings.filter((f) => f.status === 'counted'));
  const countedTotal = capped(item, sum(countedLines));
  const allTotal = capped(item, sum(allLines));
  const pending = fix(allTotal - countedTotal);
  const usedLines = countPending ? allLines : countedLines;
  const used = countPending ? allTotal : countedTotal;
  const raw = sum(usedLines);

  // A line with no findings (an award item's `unrecorded` points, a levels rule's default level) waits on no contest.
  const statusOf = (line: RuleLine): 'counted' | 'pending' => (line.findings.length === 0 || line.findings.some((f) => f.status === 'counted') ? 'counted' : 'pending');
  const moves: { line: RuleLine; status: 'counted' | 'pending'; first: Prepared; inValue: boolean }[] = [];
  const explanation: ExplanationLine[] = [];
  const push = (line: RuleLine, status: 'counted' | 'pending', countedInValue: boolean): void => {
    const first = line.findings[0];
    // Moves feed co-deductions only: items without `also` need none (saves an object per finding).
    if (first && item.also) moves.push({ line, status, first, inValue: countedInValue });
    if (explain) explanation.push(toExplanation(item, line, status, first));
  };
  for (const line of usedLines) push(line, statusOf(line), true);
  if (!countPending && hasPending) {
    if (perFinding) {
      for (const line of allLines) if (statusOf(line) === 'pending') push(line, 'pending', false);
    } else if (pending !== 0) {
      push({ findings: findings.filter((f) => f.status === 'pending'), points: pending, calc: { rule: 'pending', points: Math.abs(pending) }, perFinding: false }, 'pending', false);
    }
  }
  if (explain && item.cap !== undefined && Math.abs(raw) > item.cap) {
    explanation.push({ kind: 'item-cap', itemId: item.id, itemName: item.name, cap: item.cap, trimmed: fix(Math.abs(raw) - item.cap) });
  }
  return { item, value: fix((item.base ?? 0) + used), pending, moves, explanation };
}

/** itemOutcome of a per-finding rule without co-deductions or lines: each finding's points summed in instant order. */
function perFindingTotals(item: Item, findings: readonly Prepared[], countPending: boolean): ItemOutcome {
  let all = 0;
  let counted = 0;
  const points = perFindingPoints(item);
  for (const f of findings) {
    const p = points(f.inputs);
    all += p;
    if (f.status === 'counted') counted += p;
  }
  return { item, value: summedValue(item, all, counted, countPending), pending: summedPending(item, all, counted), moves: [], explanation: [] };
}

/**
 * The value a per-finding item adds to its category from its findings' points summed in instant order (`all`: every
 * finding's, `counted`: the counted ones'): cap, base, pending contests as itemOutcome applies them.
 */
export function summedValue(item: Item, all: number, counted: number, countPending: boolean): number {
  return fix((item.base ?? 0) + capped(item, fix(countPending ? all : counted)));
}

/** The points of a per-finding item that wait on contests, from the same sums as summedValue. */
export function summedPending(item: Item, all: number, counted: number): number {
  return fix(capped(item, fix(all)) - capped(item, fix(counted)));
}

function sum(lines: readonly RuleLine[]): number {
  let s = 0;
  for (const l of lines) s += l.points;
  return fix(s);
}

function capped(item: Item, raw: number): number {
  if (item.cap === undefined || Math.abs(raw) <= item.cap) return raw;
  return raw < 0 ? -item.cap : item.cap;
}

function toExplanation(item: Item, line: RuleLine, status: 'counted' | 'pending', first: Prepared | undefined): ExplanationLine {
  if (line.perFinding || line.findings.length === 1) {
    return {
      kind: 'finding',
      findingId: first?.id ?? '',
      itemId: item.id,
      itemName: item.name,
      clause: item.clause,
      categoryId: item.category,
      at: first?.at ?? '',
      points: line.points,
      calc: line.calc,
      status,
    };
  }
  return {
    kind: 'period',
    itemId: item.id,
    itemName: item.name,
    clause: item.clause,
    categoryId: item.category,
    points: line.points,
    calc: line.calc,
    findingIds: line.findings.map((f) => f.id),
    status,
  };
}
