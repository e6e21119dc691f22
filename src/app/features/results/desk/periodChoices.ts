import type { PeriodKind } from '../../../../core/scheme/schemeSchema';
import { containing, parsePeriod, periodKey, shiftPeriod } from '../../../../core/time/period';
import type { PeriodRef } from '../../../../core/time/period';

/** The periods offered for a kind: the one containing `today` (a hall day, YYYY-MM-DD) and those before it, newest first. */
export function periodChoices(kind: PeriodKind, today: string, count: number): string[] {
  const month = parsePeriod(today.slice(0, 7));
  if (!month) return [];
  const current = containing(month, kind);
  return Array.from({ length: count }, (_, i) => periodKey(shiftPeriod(current, i)));
}

/** The last period of a kind that has ended by `today`: last month, last quarter, last year. */
export function lastEnded(kind: PeriodKind, today: string): string {
  const month = parsePeriod(today.slice(0, 7));
  return month ? periodKey(shiftPeriod(containing(month, kind), 1)) : today.slice(0, 7);
}

/** The months of a period's year up to the period's last month, for a subject's trend. */
export function trendMonths(period: PeriodRef): string[] {
  const last = period.kind === 'month' ? (period.index ?? 1) : period.kind === 'quarter' ? (period.index ?? 1) * 3 : 12;
  return Array.from({ length: last }, (_, i) => periodKey({ kind: 'month', year: period.year, index: i + 1 }));
}
