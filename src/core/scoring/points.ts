/** Round to 1e-6 so sums of scheme points (at most 3 decimals) are exact and order-independent. */
export function fix(x: number): number {
  const r = Math.round(x * 1e6) / 1e6;
  return r === 0 ? 0 : r;
}

/** Round a derived score (an average, a weighted composite) to 2 decimals, the halls' convention (保留两位小数). */
export function round2(x: number): number {
  const r = Math.round(x * 100 + (x >= 0 ? 1e-9 : -1e-9)) / 100;
  return r === 0 ? 0 : r;
}

/** Apply floor/ceil/exact rounding to a count of units. */
export function roundUnits(x: number, rounding: 'floor' | 'ceil' | 'exact'): number {
  const v = fix(x);
  if (rounding === 'floor') return Math.floor(v);
  if (rounding === 'ceil') return Math.ceil(v);
  return v;
}
