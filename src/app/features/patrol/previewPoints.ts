import { inBound } from '../../../core/scheme/bounds';
import type { Item } from '../../../core/scheme/schemeSchema';
import type { FindingInputs } from '../../../core/model/finding';
import { roundUnits } from '../../../core/scoring/points';

/** What saving would do: signed points of this one finding, or `period` when the month's findings decide together. */
export type Preview = { kind: 'points'; points: number; label?: string } | { kind: 'period' } | { kind: 'none' };

/**
 * Points one finding moves by itself, before caps and floors (the engine's explanation has the final word). Rules
 * scored on the period's total (escalation, allowance, period tiers) only say so.
 */
export function previewPoints(item: Item, inputs: FindingInputs): Preview {
  const sign = item.direction === 'deduct' ? -1 : 1;
  const r = item.rule;
  const q = inputs.quantity;
  const points = (x: number, label?: string): Preview => ({ kind: 'points', points: Math.round(sign * x * 1e6) / 1e6, ...(label ? { label } : {}) });
  switch (r.kind) {
    case 'fixed':
      return points(r.points);
    case 'range':
      return inputs.amount === undefined ? { kind: 'none' } : points(inputs.amount);
    case 'levels': {
      if (r.once) return { kind: 'period' };
      const level = r.levels.find((l) => l.id === inputs.level);
      return level ? points(level.points, level.name) : { kind: 'none' };
    }
    case 'tiers': {
      if (r.basis === 'period') return { kind: 'period' };
      if (q === undefined) return { kind: 'none' };
      const tier = r.tiers.find((t) => inBound(t.when, q));
      return tier ? points(tier.points, tier.label) : points(0);
    }
    case 'perUnit':
      if (r.basis === 'period') return { kind: 'period' };
      return q === undefined ? { kind: 'none' } : points(roundUnits(q / r.per, r.rounding) * r.points);
    case 'ratio': {
      if (q === undefined) return { kind: 'none' };
      const distance = r.direction === 'above' ? q - r.threshold : r.threshold - q;
      return points(distance > 0 ? roundUnits(distance / r.step, r.rounding) * r.points : 0);
    }
    case 'escalation':
    case 'allowance':
    case 'errorRate':
      return { kind: 'period' };
    case 'score':
      return { kind: 'none' };
  }
}
