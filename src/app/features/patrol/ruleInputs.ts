import type { Rule } from '../../../core/scheme/schemeSchema';
import type { FindingInputs } from '../../../core/model/finding';

/** One thing a rule asks the inspector for. Labels and units of quantities come from the scheme (Chinese). */
export type InputField =
  | { name: 'quantity'; label: string; unit: string; min: number; max?: number; integer: boolean }
  | { name: 'amount'; min: number; max: number; step: number; choices: number[] }
  | { name: 'level'; levels: { id: string; name: string; points: number }[] }
  | { name: 'errors' }
  | { name: 'total' };

export type InputName = InputField['name'];

/** What the inspector typed or chose, before checking. */
export type RawInputs = Partial<Record<InputName, string>>;

export interface InputProblem {
  field: InputName;
  kind: 'required' | 'not-number' | 'below-min' | 'above-max' | 'not-integer' | 'off-step';
  limit?: number;
}

const round6 = (x: number): number => Math.round(x * 1e6) / 1e6;

/** The fields a rule shape needs: nothing for fixed and escalation, a level, an amount in range, or a quantity. */
export function inputFields(rule: Rule): InputField[] {
  switch (rule.kind) {
    case 'fixed':
    case 'escalation':
    case 'score':
      return rule.kind === 'score' ? [{ name: 'quantity', label: '', unit: '', min: 0, max: rule.max, integer: false }] : [];
    case 'range': {
      const choices: number[] = [];
      for (let v = rule.min; v <= rule.max + 1e-9 && choices.length <= 200; v = round6(v + rule.step)) choices.push(round6(v));
      return [{ name: 'amount', min: rule.min, max: rule.max, step: rule.step, choices }];
    }
    case 'levels':
      return [{ name: 'level', levels: rule.levels }];
    case 'tiers':
    case 'perUnit':
    case 'ratio':
      return [{ name: 'quantity', ...rule.quantity }];
    case 'allowance':
      return rule.quantity ? [{ name: 'quantity', ...rule.quantity }] : [];
    case 'errorRate':
      return [{ name: 'errors' }, { name: 'total' }];
  }
}

/** Check raw inputs against the rule's fields; every problem is reported, or the inputs to record. */
export function readInputs(rule: Rule, raw: RawInputs): { ok: true; inputs: FindingInputs } | { ok: false; problems: InputProblem[] } {
  const inputs: FindingInputs = {};
  const problems: InputProblem[] = [];
  for (const field of inputFields(rule)) {
    const text = raw[field.name]?.trim() ?? '';
    if (text === '') {
      problems.push({ field: field.name, kind: 'required' });
      continue;
    }
    if (field.name === 'level') {
      if (field.levels.some((l) => l.id === text)) inputs.level = text;
      else problems.push({ field: 'level', kind: 'required' });
      continue;
    }
    const x = Number(text);
    if (!Number.isFinite(x)) {
      problems.push({ field: field.name, kind: 'not-number' });
      continue;
    }
    if (field.name === 'amount') {
      if (x < field.min) problems.push({ field: 'amount', kind: 'below-min', limit: field.min });
      else if (x > field.max) problems.push({ field: 'amount', kind: 'above-max', limit: field.max });
      else if (!field.choices.some((c) => Math.abs(c - x) < 1e-9)) problems.push({ field: 'amount', kind: 'off-step', limit: field.step });
      else inputs.amount = x;
      continue;
    }
    if (field.name === 'quantity') {
      if (x < field.min) problems.push({ field: 'quantity', kind: 'below-min', limit: field.min });
      else if (field.max !== undefined && x > field.max) problems.push({ field: 'quantity', kind: 'above-max', limit: field.max });
      else if (field.integer && !Number.isInteger(x)) problems.push({ field: 'quantity', kind: 'not-integer' });
      else inputs.quantity = x;
      continue;
    }
    if (x < 0 || !Number.isInteger(x)) problems.push({ field: field.name, kind: x < 0 ? 'below-min' : 'not-integer', limit: 0 });
    else inputs[field.name] = x;
  }
  if (inputs.errors !== undefined && inputs.total !== undefined && inputs.errors > inputs.total) {
    problems.push({ field: 'errors', kind: 'above-max', limit: inputs.total });
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, inputs };
}
