import type { FindingInputs } from './inputsSchema';
import type { Rule } from './schemeSchema';

/** One thing a rule asks for when a finding is recorded (or amended). Labels and units of quantities are the scheme's words. */
export type InputField =
  | { name: 'quantity'; label: string; unit: string; min: number; max?: number; integer: boolean }
  | { name: 'amount'; min: number; max: number; step: number; choices: number[] }
  | { name: 'level'; levels: { id: string; name: string; points: number }[] }
  | { name: 'errors' }
  | { name: 'total' };

export type InputName = InputField['name'];

/** What a person typed or chose, before checking. */
export type RawInputs = Partial<Record<InputName, string>>;

/** What is wrong with one input, as data: the server joins it into words, the tablet translates it beside its field. */
export interface InputProblem {
  field: InputName;
  kind: 'required' | 'not-number' | 'below-min' | 'above-max' | 'not-integer' | 'off-step' | 'unknown-level';
  /** The bound broken (min, max, step; for errors: the total). */
  limit?: number;
}

const round6 = (x: number): number => Math.round(x * 1e6) / 1e6;

/** The fields a rule shape needs: nothing for fixed and escalation, a level, an amount in range, a quantity, or errors of a total. */
export function inputFields(rule: Rule): InputField[] {
  switch (rule.kind) {
    case 'fixed':
    case 'escalation':
      return [];
    case 'score':
      return [{ name: 'quantity', label: '', unit: '', min: 0, max: rule.max, integer: false }];
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

/**
 * Every problem of typed inputs against what the rule asks for (each asked field present, in range, on its step, a
 * whole number where it must be); empty when fine. The tablet (before saving or amending) and the server (at push)
 * ask this one function.
 */
export function checkInputs(rule: Rule, inputs: FindingInputs | undefined): InputProblem[] {
  const i = inputs ?? {};
  const problems: InputProblem[] = [];
  for (const field of inputFields(rule)) {
    const value = field.name === 'level' ? i.level : i[field.name];
    if (value === undefined) {
      problems.push({ field: field.name, kind: 'required' });
      continue;
    }
    if (field.name === 'level') {
      if (!field.levels.some((l) => l.id === value)) problems.push({ field: 'level', kind: 'unknown-level' });
      continue;
    }
    const x = value as number;
    if (field.name === 'amount') {
      if (x < field.min) problems.push({ field: 'amount', kind: 'below-min', limit: field.min });
      else if (x > field.max) problems.push({ field: 'amount', kind: 'above-max', limit: field.max });
      else if (!onStep(x - field.min, field.step)) problems.push({ field: 'amount', kind: 'off-step', limit: field.step });
    } else if (field.name === 'quantity') {
      if (x < field.min) problems.push({ field: 'quantity', kind: 'below-min', limit: field.min });
      else if (field.max !== undefined && x > field.max) problems.push({ field: 'quantity', kind: 'above-max', limit: field.max });
      else if (field.integer && !Number.isInteger(x)) problems.push({ field: 'quantity', kind: 'not-integer' });
    } else if (x < 0) problems.push({ field: field.name, kind: 'below-min', limit: 0 });
    else if (!Number.isInteger(x)) problems.push({ field: field.name, kind: 'not-integer' });
  }
  if (rule.kind === 'errorRate' && i.errors !== undefined && i.total !== undefined && i.errors > i.total && !problems.some((p) => p.field === 'errors')) {
    problems.push({ field: 'errors', kind: 'above-max', limit: i.total });
  }
  return problems;
}

/** Read what was typed (text) into inputs for the rule, or every problem: numbers parsed, then checked as checkInputs checks. */
export function readInputs(rule: Rule, raw: RawInputs): { ok: true; inputs: FindingInputs } | { ok: false; problems: InputProblem[] } {
  const inputs: FindingInputs = {};
  const problems: InputProblem[] = [];
  for (const field of inputFields(rule)) {
    const text = raw[field.name]?.trim() ?? '';
    if (text === '') continue;
    if (field.name === 'level') {
      inputs.level = text;
      continue;
    }
    const x = Number(text);
    if (Number.isFinite(x)) inputs[field.name] = x;
    else problems.push({ field: field.name, kind: 'not-number' });
  }
  const unreadable = new Set(problems.map((p) => p.field));
  problems.push(...checkInputs(rule, inputs).filter((p) => !unreadable.has(p.field)));
  return problems.length > 0 ? { ok: false, problems } : { ok: true, inputs };
}

/** Whether x is a whole number of steps, allowing for binary fractions (0.1 + 0.2). */
function onStep(x: number, step: number): boolean {
  const n = x / step;
  return Math.abs(n - Math.round(n)) < 1e-9;
}
