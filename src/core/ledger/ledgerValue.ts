import type { FindingInputs } from '../scheme/inputsSchema';
import { inputFields, readInputs } from '../scheme/ruleInputs';
import type { InputProblem } from '../scheme/ruleInputs';
import type { Rule } from '../scheme/schemeSchema';

/** What is wrong with a ledger value: an input problem of the item's rule, or a count that is not a count. */
export type LedgerValueProblem = InputProblem | { field: 'count'; kind: 'required' | 'not-number' | 'not-integer' | 'below-min' | 'above-max'; limit?: number };

/** How a ledger value is written for an item: a count of occurrences, one input (quantity, amount, level), or errors/total. */
export type LedgerValueKind = 'count' | 'quantity' | 'amount' | 'level' | 'errors-total';

/** Most occurrences one value may stand for (a typing slip such as 2000 instead of 2 is refused, not recorded 2000 times). */
export const MAX_COUNT = 200;

/** How a value of this item's rule is written in a ledger cell (the desk's grid, an import's cell). */
export function ledgerValueKind(rule: Rule): LedgerValueKind {
  const fields = inputFields(rule);
  const first = fields[0];
  if (!first) return 'count';
  if (first.name === 'errors') return 'errors-total';
  return first.name === 'total' ? 'errors-total' : first.name;
}

/**
 * A ledger cell's text as the findings it stands for: for an item that asks nothing (串岗扣0.5分/次, 表扬 +0.5/次) the
 * number of occurrences, each one finding; otherwise one finding with the item's one input (days, minutes, a
 * percent, an amount, a level by its name or id, or "errors/total"), checked by the same input check as the tablet
 * and the server. Empty text is no value (nothing to record).
 */
export function readLedgerValue(rule: Rule, text: string): { ok: true; inputs: FindingInputs[] } | { ok: false; problems: LedgerValueProblem[] } {
  const t = text.trim();
  const kind = ledgerValueKind(rule);
  if (t === '') return { ok: true, inputs: [] };
  switch (kind) {
    case 'count': {
      const n = Number(t);
      if (!Number.isFinite(n)) return { ok: false, problems: [{ field: 'count', kind: 'not-number' }] };
      if (!Number.isInteger(n)) return { ok: false, problems: [{ field: 'count', kind: 'not-integer' }] };
      if (n < 1) return { ok: false, problems: [{ field: 'count', kind: 'below-min', limit: 1 }] };
      if (n > MAX_COUNT) return { ok: false, problems: [{ field: 'count', kind: 'above-max', limit: MAX_COUNT }] };
      return { ok: true, inputs: Array.from({ length: n }, () => ({})) };
    }
    case 'level': {
      const levels = rule.kind === 'levels' ? rule.levels : [];
      const level = levels.find((l) => l.id === t || l.name === t)?.id ?? t;
      return single(readInputs(rule, { level }));
    }
    case 'errors-total': {
      const m = /^\s*([^/]*)\/([^/]*)$/.exec(t);
      return single(readInputs(rule, m ? { errors: m[1] ?? '', total: m[2] ?? '' } : { errors: t }));
    }
    default:
      return single(readInputs(rule, { [kind]: t }));
  }
}

function single(r: ReturnType<typeof readInputs>): { ok: true; inputs: FindingInputs[] } | { ok: false; problems: LedgerValueProblem[] } {
  return r.ok ? { ok: true, inputs: [r.inputs] } : { ok: false, problems: r.problems };
}
