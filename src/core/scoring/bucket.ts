import type { ExplanationLine } from './explanation';
import { fix } from './points';

/** What one subject gathers in one period before its categories are capped and floored (scoreSubject). */
export interface Bucket {
  /** The subject's table's categories by id: their positions in `value` and `pending`. */
  categories: ReadonlyMap<string, number>;
  /** Points moved per category: item outcomes, co-deductions and follow-ups landing in it. */
  value: number[];
  /** Of those, the points waiting on contests. */
  pending: number[];
  /** Whether this run explains the subject: its lines are collected only then. */
  explain: boolean;
  explanation: ExplanationLine[];
  findingCount: number;
}

/** An empty bucket for a subject whose table has `size` categories, these by id. */
export function newBucket(categories: ReadonlyMap<string, number>, size: number, explain: boolean): Bucket {
  const value: number[] = [];
  const pending: number[] = [];
  for (let i = 0; i < size; i++) {
    value.push(0);
    pending.push(0);
  }
  return { categories, value, pending, explain, explanation: [], findingCount: 0 };
}

/**
 * Add points to a category (each sum rounded as it grows, so the order of additions is the order of the findings); a
 * category the subject's table does not have is never read, and is left out.
 */
export function addTo(b: Bucket, category: string, value: number, pending: number): void {
  const c = b.categories.get(category);
  if (c === undefined) return;
  b.value[c] = fix((b.value[c] as number) + value);
  b.pending[c] = fix((b.pending[c] as number) + pending);
}
