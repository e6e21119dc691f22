import type { Item } from '../scheme/schemeSchema';
import { describeBound, inBound } from '../scheme/bounds';
import type { Prepared } from './prepareFindings';
import { fix, roundUnits } from './points';

/** Points one rule gives: per finding (findingIds has one id) or once for the period (many ids). */
export interface RuleLine {
  findings: readonly Prepared[];
  /** Signed: negative deducts. */
  points: number;
  detail: string;
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
  const one = (f: Prepared, magnitude: number, detail: string): RuleLine => lineOf([f], sign, magnitude, detail, true);
  const period = (all: readonly Prepared[], magnitude: number, detail: string): RuleLine => lineOf(all, sign, magnitude, detail, false);
  const rule = item.rule;
  const ids = findings;
  if (findings.length === 0 && item.unrecorded !== undefined) return [period([], item.unrecorded, `本期未记录, 按 ${item.unrecorded} 分`)];
  switch (rule.kind) {
    case 'fixed': {
      // The hot path of a year's scoring: one shared detail string, no closure per finding.
      const detail = `${rule.points} 分/次`;
      const out: RuleLine[] = new Array<RuleLine>(findings.length);
      for (let i = 0; i < findings.length; i++) out[i] = lineOf([findings[i] as Prepared], sign, rule.points, detail, true);
      return out;
    }
    case 'range':
      return findings.map((f) => {
        const amount = Math.min(rule.max, Math.max(rule.min, f.inputs.amount ?? rule.min));
        return one(f, amount, `酌情 ${amount} 分 (范围 ${rule.min}-${rule.max})`);
      });
    case 'levels': {
      const levelOf = (f: Prepared | undefined): (typeof rule.levels)[number] | undefined =>
        rule.levels.find((l) => l.id === (f ? f.inputs.level : rule.unrecorded));
      if (!rule.once) {
        return findings.map((f) => {
          const level = levelOf(f);
          return one(f, level?.points ?? 0, level ? `${level.name} ${level.points} 分` : `未知等级 "${f.inputs.level ?? ''}" 0 分`);
        });
      }
      const latest = findings[findings.length - 1];
      const level = levelOf(latest);
      if (!latest && !level) return [];
      const how = latest ? `本期评定: ${level?.name ?? '未知等级'}` : `未记录, 按 ${level?.name ?? ''}`;
      return [period(ids, level?.points ?? 0, `${how} ${level?.points ?? 0} 分`)];
    }
    case 'tiers': {
      const tierOf = (x: number): (typeof rule.tiers)[number] | undefined => rule.tiers.find((t) => inBound(t.when, x));
      const describe = (x: number): [number, string] => {
        const tier = tierOf(x);
        const label = tier ? `${tier.label ?? describeBound(tier.when)} → ${tier.points} 分` : '不在任何档次 → 0 分';
        return [tier?.points ?? 0, `${x} ${rule.quantity.unit}: ${label}`];
      };
      if (rule.basis === 'finding') return findings.map((f) => one(f, ...describe(qty(f))));
      if (findings.length === 0) return [];
      const total = fix(findings.reduce((s, f) => s + qty(f), 0));
      return [period(ids, ...describe(total))];
    }
    case 'perUnit': {
      const value = (x: number): [number, string] => {
        const units = roundUnits(x / rule.per, rule.rounding);
        const per = rule.per === 1 ? '' : `每 ${rule.per} `;
        return [fix(units * rule.points), `${x} ${rule.quantity.unit}, ${per}${rule.quantity.unit} ${rule.points} 分 → ${units} × ${rule.points}`];
      };
      if (rule.basis === 'finding') return findings.map((f) => one(f, ...value(qty(f))));
      if (findings.length === 0) return [];
      const total = fix(findings.reduce((s, f) => s + qty(f), 0));
      return [period(ids, ...value(total))];
    }
    case 'allowance': {
      if (findings.length === 0) return [];
      const total = rule.quantity ? fix(findings.reduce((s, f) => s + qty(f), 0)) : findings.length;
      const excess = Math.max(0, fix(total - rule.allowance));
      const unit = rule.quantity?.unit ?? '次';
      return [period(ids, fix(excess * rule.points), `本期 ${total} ${unit}, 允许 ${rule.allowance}, 超出 ${excess} × ${rule.points} 分`)];
    }
    case 'ratio':
      return findings.map((f) => {
        const x = qty(f);
        const distance = rule.direction === 'above' ? x - rule.threshold : rule.threshold - x;
        const steps = distance > 0 ? roundUnits(distance / rule.step, rule.rounding) : 0;
        const word = rule.direction === 'above' ? '高于' : '低于';
        return one(f, fix(steps * rule.points), `${x}%: ${word} ${rule.threshold}% ${Math.max(0, fix(distance))} 个百分点, ${steps} × ${rule.points} 分`);
      });
    case 'escalation': {
      if (findings.length === 0) return [];
      const stepFor = (n: number): (typeof rule.steps)[number] | undefined => rule.steps.find((s) => inBound(s.count, n));
      if (rule.mode === 'nth') {
        return findings.map((f, i) => {
          const step = stepFor(i + 1);
          return { ...one(f, step?.points ?? 0, `本期第 ${i + 1} 次 → ${step?.points ?? 0} 分`), perFinding: false };
        });
      }
      const step = stepFor(findings.length);
      return [period(ids, step?.points ?? 0, `本期 ${findings.length} 次 → ${step?.points ?? 0} 分 (不累加)`)];
    }
    case 'errorRate': {
      const latest = findings[findings.length - 1];
      if (!latest) return [];
      const errors = latest.inputs.errors ?? 0;
      const total = latest.inputs.total ?? 0;
      if (total <= 0) return [period(ids, rule.noWork, `本期无办件 → 基础分 ${rule.noWork}`)];
      const share = fix((errors / total) * 100);
      if (inBound(rule.zeroWhen, share)) return [period(ids, 0, `错件 ${errors}/${total} = ${share}% (${describeBound(rule.zeroWhen)}) → 0 分`)];
      const points = Math.max(0, fix(rule.full - errors * rule.perError));
      return [period(ids, points, `错件 ${errors}/${total}: ${rule.full} − ${errors} × ${rule.perError} = ${points}`)];
    }
    case 'score':
      return [];
  }
}

function lineOf(findings: readonly Prepared[], sign: number, magnitude: number, detail: string, perFinding: boolean): RuleLine {
  return { findings, points: fix(sign * magnitude), detail, perFinding };
}

function qty(f: Prepared): number {
  return f.inputs.quantity ?? 0;
}
