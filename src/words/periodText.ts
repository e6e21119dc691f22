import type { TFunction } from 'i18next';
import { parsePeriod } from '../core/time/period';

/** A period key in words: 2026-03 → 2026年3月, 2026-Q1 → 2026年第1季度, 2026 → 2026年. */
export function periodText(key: string, r: TFunction<'translation', 'results'>): string {
  const p = parsePeriod(key);
  if (!p) return key;
  return r(`period.${p.kind}`, { year: p.year, index: p.index ?? 0 });
}
