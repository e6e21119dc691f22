/**
 * The indices [lo, hi) of the entries of `list` (positions into `atMs`, in instant order) whose instant lies in
 * [startMs, endMs), by binary search (no copy).
 */
export function spanOf(atMs: Float64Array, list: readonly number[], startMs: number, endMs: number): [number, number] {
  return [listBound(atMs, list, startMs), listBound(atMs, list, endMs)];
}

/** The rows [lo, hi) within [from, to) of an instant-ordered column whose instant lies in [startMs, endMs). */
export function rowSpan(atMs: Float64Array, from: number, to: number, startMs: number, endMs: number): [number, number] {
  return [rowBound(atMs, from, to, startMs), rowBound(atMs, from, to, endMs)];
}

/** Whether any instant of an instant-ordered column lies in [startMs, endMs). */
export function anyIn(atMs: Float64Array, startMs: number, endMs: number): boolean {
  return rowBound(atMs, 0, atMs.length, endMs) > rowBound(atMs, 0, atMs.length, startMs);
}

function listBound(atMs: Float64Array, list: readonly number[], ms: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((atMs[list[mid] as number] as number) < ms) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function rowBound(atMs: Float64Array, from: number, to: number, ms: number): number {
  let lo = from;
  let hi = to;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((atMs[mid] as number) < ms) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
