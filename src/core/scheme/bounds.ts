import type { Bound } from './schemeSchema';

/** Whether x lies in the bound (gt/gte/lt/lte; an omitted end is open). */
export function inBound(b: Bound, x: number): boolean {
  if (b.gt !== undefined && !(x > b.gt)) return false;
  if (b.gte !== undefined && !(x >= b.gte)) return false;
  if (b.lt !== undefined && !(x < b.lt)) return false;
  if (b.lte !== undefined && !(x <= b.lte)) return false;
  return true;
}

/** A bound's problem as text, or null when it is well formed. */
export function boundProblem(b: Bound): string | null {
  if (b.gt !== undefined && b.gte !== undefined) return 'both gt and gte are set; keep one lower end';
  if (b.lt !== undefined && b.lte !== undefined) return 'both lt and lte are set; keep one upper end';
  const lo = b.gt ?? b.gte;
  const hi = b.lt ?? b.lte;
  if (lo !== undefined && hi !== undefined) {
    if (lo > hi) return `the lower end ${lo} is above the upper end ${hi}`;
    if (lo === hi && (b.gt !== undefined || b.lt !== undefined)) return `the bound around ${lo} is empty`;
  }
  return null;
}

/** Whether two well-formed bounds share at least one number. */
export function boundsOverlap(a: Bound, b: Bound): boolean {
  const lower = maxLower(a, b);
  const upper = minUpper(a, b);
  if (lower.value === undefined || upper.value === undefined) return true;
  if (lower.value < upper.value) return true;
  return lower.value === upper.value && lower.inclusive && upper.inclusive;
}

interface End { value: number | undefined; inclusive: boolean }

function lowerOf(b: Bound): End {
  return b.gt !== undefined ? { value: b.gt, inclusive: false } : { value: b.gte, inclusive: true };
}
function upperOf(b: Bound): End {
  return b.lt !== undefined ? { value: b.lt, inclusive: false } : { value: b.lte, inclusive: true };
}
function maxLower(a: Bound, b: Bound): End {
  const x = lowerOf(a);
  const y = lowerOf(b);
  if (x.value === undefined) return y;
  if (y.value === undefined) return x;
  if (x.value !== y.value) return x.value > y.value ? x : y;
  return { value: x.value, inclusive: x.inclusive && y.inclusive };
}
function minUpper(a: Bound, b: Bound): End {
  const x = upperOf(a);
  const y = upperOf(b);
  if (x.value === undefined) return y;
  if (y.value === undefined) return x;
  if (x.value !== y.value) return x.value < y.value ? x : y;
  return { value: x.value, inclusive: x.inclusive && y.inclusive };
}

/** Human text of a bound: "> 30 且 ≤ 60". */
export function describeBound(b: Bound): string {
  const parts: string[] = [];
  if (b.gt !== undefined) parts.push(`>${b.gt}`);
  if (b.gte !== undefined) parts.push(`≥${b.gte}`);
  if (b.lt !== undefined) parts.push(`<${b.lt}`);
  if (b.lte !== undefined) parts.push(`≤${b.lte}`);
  return parts.length ? parts.join(' ') : 'any';
}
