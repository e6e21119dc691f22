import type { Item, Quantity } from './schemeSchema';
import type { FindingInputs } from '../model/finding';

/** Problems of a recording's inputs against the item's rule (what the rule asks for, in range); empty when fine. */
export function checkInputs(item: Item, inputs: FindingInputs | undefined): string[] {
  const i = inputs ?? {};
  const rule = item.rule;
  const problems: string[] = [];
  const need = (field: keyof FindingInputs): boolean => {
    if (i[field] !== undefined) return true;
    problems.push(`item "${item.id}" needs inputs.${field}`);
    return false;
  };
  const quantity = (q: Quantity): void => {
    if (!need('quantity')) return;
    const x = i.quantity ?? 0;
    if (x < q.min) problems.push(`inputs.quantity ${x} ${q.unit} is below the minimum ${q.min} of item "${item.id}"`);
    if (q.max !== undefined && x > q.max) problems.push(`inputs.quantity ${x} ${q.unit} is above the maximum ${q.max} of item "${item.id}"`);
    if (q.integer && !Number.isInteger(x)) problems.push(`inputs.quantity ${x} must be a whole number for item "${item.id}"`);
  };
  switch (rule.kind) {
    case 'range': {
      if (!need('amount')) break;
      const a = i.amount ?? 0;
      if (a < rule.min || a > rule.max) problems.push(`inputs.amount ${a} is outside ${rule.min}-${rule.max} of item "${item.id}"`);
      else if (!onStep(a - rule.min, rule.step)) problems.push(`inputs.amount ${a} is not on the ${rule.step} step of item "${item.id}"`);
      break;
    }
    case 'levels':
      if (need('level') && !rule.levels.some((l) => l.id === i.level)) {
        problems.push(`inputs.level "${i.level ?? ''}" is not a level of item "${item.id}" (${rule.levels.map((l) => l.id).join(', ')})`);
      }
      break;
    case 'tiers':
    case 'perUnit':
    case 'ratio':
      quantity(rule.quantity);
      break;
    case 'allowance':
      if (rule.quantity) quantity(rule.quantity);
      break;
    case 'errorRate':
      if (need('errors') && need('total') && (i.errors ?? 0) > (i.total ?? 0)) {
        problems.push(`inputs.errors ${i.errors ?? 0} is more than inputs.total ${i.total ?? 0} for item "${item.id}"`);
      }
      break;
    case 'score':
      if (need('quantity') && ((i.quantity ?? 0) < 0 || (i.quantity ?? 0) > rule.max)) {
        problems.push(`inputs.quantity ${i.quantity ?? 0} is outside 0-${rule.max} of item "${item.id}"`);
      }
      break;
    case 'fixed':
    case 'escalation':
      break;
  }
  return problems;
}

/** Whether x is a whole number of steps, allowing for binary fractions (0.1 + 0.2). */
function onStep(x: number, step: number): boolean {
  const n = x / step;
  return Math.abs(n - Math.round(n)) < 1e-9;
}
