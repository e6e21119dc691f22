import type { Item } from '../scheme/schemeSchema';
import { inBound } from '../scheme/bounds';
import type { RuleCalc } from './explanation';
import type { FindingInputs } from '../scheme/inputsSchema';
import type { Prepared } from './findingTable';
import { fix, roundUnits } from './points';

/** Points one rule gives: per finding (findings has one) or once for the period (many), with its arithmetic as data. */
export interface RuleLine {
  findings: readonly Prepared[];
  /** Signed: negative deducts. */
  points: number;
  calc: RuleCalc;
  perFinding: boolean;
}

/** Whether the rule scores each finding on its own (additive) or the period's findings together. */
export function isPerFinding(item: Item): boolean {
  const r = item.rule;
  switch (r.kind) {
    case 'fixed':
    case 'range':
    case 'ratio':
      return true;
    case 'levels':
      return !r.once;
    case 'tiers':
    case 'perUnit':
      return r.basis === 'finding';
    default:
      return false;
  }
}

/**
 * Evaluate an item's rule over one subject's findings of a period (sorted by instant, then id).
 * Called with no findings for items that score when nothing was recorded (levels `unrecorded`).
 */
export function evaluateRule(item: Item, findings: readonly Prepared[]): RuleLine[] {
  const sign = item.direction === 'deduct' ? -1 : 1;
  const one = (f: Prepared, calc: RuleCalc): RuleLine => lineOf([f], sign, calc, true);
  const period = (all: readonly Prepared[], calc: RuleCalc): RuleLine => lineOf(all, sign, calc, false);
  const rule = item.rule;
  if (findings.length === 0 && item.unrecorded !== undefined) return [period([], { rule: 'unrecorded', points: item.unrecorded })];
  switch (rule.kind) {
    case 'fixed': {
      // The hot path of a year's scoring: one shared calc object, no closure per finding.
      const calc: RuleCalc = { rule: 'fixed', points: rule.points };
      const out: RuleLine[] = new Array<RuleLine>(findings.length);
      for (let i = 0; i < findings.length; i++) out[i] = lineOf([findings[i] as Prepared], sign, calc, true);
      return out;
    }
    case 'range':
      return findings.map((f) => one(f, findingCalc(item, f.inputs)));
    case 'levels': {
      if (!rule.once) return findings.map((f) => one(f, findingCalc(item, f.inputs)));
      const latest = findings[findings.length - 1];
      const level = rule.levels.find((l) => l.id === (latest ? latest.inputs.level : rule.unrecorded));
      if (!latest && !level) return [];
      return [period(findings, { rule: 'level-once', levelName: level?.name ?? null, points: level?.points ?? 0, recorded: latest !== undefined })];
    }
    case 'tiers':
    case 'perUnit':
      if (rule.basis === 'finding') return findings.map((f) => one(f, findingCalc(item, f.inputs)));
      if (findings.length === 0) return [];
      return [period(findings, quantityCalc(rule, fix(findings.reduce((s, f) => s + qty(f), 0))))];
    case 'allowance': {
      if (findings.length === 0) return [];
      const total = rule.quantity ? fix(findings.reduce((s, f) => s + qty(f), 0)) : findings.length;
      const excess = Math.max(0, fix(total - rule.allowance));
      return [
        period(findings, { rule: 'allowance', total, unit: rule.quantity?.unit ?? null, allowance: rule.allowance, excess, perPoints: rule.points, points: fix(excess * rule.points) }),
      ];
    }
    case 'ratio':
      return findings.map((f) => one(f, findingCalc(item, f.inputs)));
    case 'escalation': {
      if (findings.length === 0) return [];
      const stepFor = (n: number): (typeof rule.steps)[number] | undefined => rule.steps.find((s) => inBound(s.count, n));
      if (rule.mode === 'nth') {
        return findings.map((f, i) => ({ ...one(f, { rule: 'escalation-nth', n: i + 1, points: stepFor(i + 1)?.points ?? 0 }), perFinding: false }));
      }
      return [period(findings, { rule: 'escalation-total', count: findings.length, points: stepFor(findings.length)?.points ?? 0 })];
    }
    case 'errorRate': {
      const latest = findings[findings.length - 1];
      if (!latest) return [];
      const errors = latest.inputs.errors ?? 0;
      const total = latest.inputs.total ?? 0;
      if (total <= 0) return [period(findings, { rule: 'error-rate', outcome: 'no-work', points: rule.noWork })];
      const share = fix((errors / total) * 100);
      if (inBound(rule.zeroWhen, share)) return [period(findings, { rule: 'error-rate', outcome: 'zero', errors, total, share, when: rule.zeroWhen, points: 0 })];
      const points = Math.max(0, fix(rule.full - errors * rule.perError));
      return [period(findings, { rule: 'error-rate', outcome: 'scored', errors, total, full: rule.full, perError: rule.perError, points })];
    }
    case 'score':
      return [];
  }
}

/**
 * The arithmetic of a per-finding rule (isPerFinding) for one finding's inputs alone: what its line says, and what
 * perFindingPoints adds up without building the line.
 */
function findingCalc(item: Item, inputs: FindingInputs): RuleCalc {
  const rule = item.rule;
  switch (rule.kind) {
    case 'fixed':
      return { rule: 'fixed', points: rule.points };
    case 'range': {
      const amount = Math.min(rule.max, Math.max(rule.min, inputs.amount ?? rule.min));
      return { rule: 'range', amount, min: rule.min, max: rule.max, points: amount };
    }
    case 'levels': {
      const level = rule.levels.find((l) => l.id === inputs.level);
      return { rule: 'level', levelId: inputs.level ?? '', levelName: level?.name ?? null, points: level?.points ?? 0 };
    }
    case 'tiers':
    case 'perUnit':
      return quantityCalc(rule, inputs.quantity ?? 0);
    case 'ratio': {
      const x = inputs.quantity ?? 0;
      const distance = rule.direction === 'above' ? x - rule.threshold : rule.threshold - x;
      const steps = distance > 0 ? roundUnits(distance / rule.step, rule.rounding) : 0;
      return { rule: 'ratio', value: x, direction: rule.direction, threshold: rule.threshold, distance: Math.max(0, fix(distance)), steps, perPoints: rule.points, points: fix(steps * rule.points) };
    }
    default:
      throw new Error(`findingCalc: rule ${rule.kind} of item ${item.id} is not scored per finding`);
  }
}

/**
 * A per-finding rule's signed points for one finding's inputs, the same number as its line's (fix(sign × calc.points)),
 * with the rule's lookups made once: a fixed rule's points, a levels rule's points by level id. Made once per item
 * and scoring run; the rules a year is mostly made of (fixed, range, levels) then build nothing per finding.
 */
export function perFindingPoints(item: Item): (inputs: FindingInputs) => number {
  const sign = item.direction === 'deduct' ? -1 : 1;
  const rule = item.rule;
  switch (rule.kind) {
    case 'fixed': {
      const points = fix(sign * rule.points);
      return () => points;
    }
    case 'range': {
      const { min, max } = rule;
      return (inputs) => fix(sign * Math.min(max, Math.max(min, inputs.amount ?? min)));
    }
    case 'levels': {
      // The first level of an id wins, as levels.find picks it.
      const byId = new Map<string, number>();
      for (const l of rule.levels) if (!byId.has(l.id)) byId.set(l.id, fix(sign * l.points));
      const none = fix(sign * 0);
      return (inputs) => (inputs.level === undefined ? none : (byId.get(inputs.level) ?? none));
    }
    default:
      return (inputs) => fix(sign * findingCalc(item, inputs).points);
  }
}

/** A tiers or per-unit rule's arithmetic over a quantity (one finding's, or the period's sum). */
function quantityCalc(rule: Extract<Item['rule'], { kind: 'tiers' | 'perUnit' }>, x: number): RuleCalc {
  if (rule.kind === 'tiers') {
    const tier = rule.tiers.find((t) => inBound(t.when, x));
    return { rule: 'tier', quantity: x, unit: rule.quantity.unit, label: tier?.label ?? null, when: tier?.when ?? null, points: tier?.points ?? 0, basis: rule.basis };
  }
  const units = roundUnits(x / rule.per, rule.rounding);
  return { rule: 'per-unit', quantity: x, unit: rule.quantity.unit, per: rule.per, units, perPoints: rule.points, points: fix(units * rule.points), basis: rule.basis };
}

/** A line's signed points are the calc's magnitude with the item's direction. */
function lineOf(findings: readonly Prepared[], sign: number, calc: RuleCalc, perFinding: boolean): RuleLine {
  return { findings, points: fix(sign * calc.points), calc, perFinding };
}

function qty(f: Prepared): number {
  return f.inputs.quantity ?? 0;
}
