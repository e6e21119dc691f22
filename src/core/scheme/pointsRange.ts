import type { Item } from './schemeSchema';

/** The points an item can move per finding, as [min, max] magnitudes; null when the period decides (escalation). */
export function pointsRange(item: Item): [number, number] | null {
  const r = item.rule;
  const span = (xs: number[]): [number, number] => [Math.min(...xs), Math.max(...xs)];
  switch (r.kind) {
    case 'fixed':
      return [r.points, r.points];
    case 'range':
      return [r.min, r.max];
    case 'levels':
      return span(r.levels.map((l) => l.points));
    case 'tiers':
      return span(r.tiers.map((t) => t.points));
    case 'escalation':
      return span(r.steps.map((s) => s.points));
    case 'perUnit':
    case 'allowance':
    case 'ratio':
      return [r.points, r.points];
    case 'errorRate':
    case 'score':
      return null;
  }
}
