import type { TFunction } from 'i18next';
import { describeBound } from '../../core/scheme/bounds';
import type { RuleCalc } from '../../core/scoring/explanation';

/** A rule's arithmetic in words, from the engine's numbers ("45 分钟：半小时至1小时 → 0.5 分"). */
export function calcText(c: RuleCalc, t: TFunction): string {
  const k = 'explainLines.calc';
  switch (c.rule) {
    case 'fixed':
      return t(`${k}.fixed`, { points: c.points });
    case 'range':
      return t(`${k}.range`, { amount: c.amount, min: c.min, max: c.max });
    case 'level':
      return c.levelName === null ? t(`${k}.levelUnknown`, { level: c.levelId }) : t(`${k}.level`, { level: c.levelName, points: c.points });
    case 'level-once':
      return t(c.recorded ? `${k}.levelOnce` : `${k}.levelOnceUnrecorded`, { level: c.levelName ?? '?', points: c.points });
    case 'tier':
      return c.when === null
        ? t(`${k}.tierNone`, { quantity: c.quantity, unit: c.unit })
        : t(`${k}.tier`, { quantity: c.quantity, unit: c.unit, tier: c.label ?? describeBound(c.when), points: c.points });
    case 'per-unit':
      return t(c.per === 1 ? `${k}.perUnitOne` : `${k}.perUnit`, { quantity: c.quantity, unit: c.unit, per: c.per, perPoints: c.perPoints, units: c.units });
    case 'allowance':
      return t(`${k}.allowance`, { total: c.total, unit: c.unit ?? t(`${k}.timesUnit`), allowance: c.allowance, excess: c.excess, perPoints: c.perPoints });
    case 'ratio':
      return t(c.direction === 'above' ? `${k}.ratioAbove` : `${k}.ratioBelow`, { value: c.value, threshold: c.threshold, distance: c.distance, steps: c.steps, perPoints: c.perPoints });
    case 'escalation-nth':
      return t(`${k}.escalationNth`, { n: c.n, points: c.points });
    case 'escalation-total':
      return t(`${k}.escalationTotal`, { count: c.count, points: c.points });
    case 'error-rate':
      if (c.outcome === 'no-work') return t(`${k}.errorNoWork`, { points: c.points });
      if (c.outcome === 'zero') return t(`${k}.errorZero`, { errors: c.errors, total: c.total, share: c.share, bound: describeBound(c.when) });
      return t(`${k}.errorScored`, { errors: c.errors, total: c.total, full: c.full, perError: c.perError, points: c.points });
    case 'unrecorded':
      return t(`${k}.unrecorded`, { points: c.points });
    case 'pending':
      return t(`${k}.pending`, { points: c.points });
    case 'co-deduction': {
      const from = t(`subject.${c.from}`);
      return c.factor === null
        ? t(`${k}.coDeduction`, { from, fromPoints: c.fromPoints, points: c.points })
        : t(`${k}.coDeductionFactor`, { from, fromPoints: c.fromPoints, factor: c.factor, points: c.points });
    }
  }
}
