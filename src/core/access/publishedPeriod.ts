import { hallDay } from '../time/hallDay';
import { containing, periodKey } from '../time/period';
import type { PeriodRef } from '../time/period';

/** A period of a scheme that was published (frozen): its findings are revised with a reason, never added to or edited. */
export interface PublishedPeriod {
  schemeId: string;
  /** The period's key: 2026-03, 2026-Q1 or 2026. */
  period: string;
}

/**
 * checkEvent's `publishedPeriod` for a list of published periods: the published month, quarter or year of the scheme
 * that holds the instant (read as a day of the hall), or undefined.
 */
export function publishedPeriodOf(published: readonly PublishedPeriod[], timeZone: string): (schemeId: string, observedAt: string) => string | undefined {
  if (published.length === 0) return () => undefined;
  const keys = new Set(published.map((p) => `${p.schemeId}\u0000${p.period}`));
  return (schemeId, observedAt) => {
    const [year, month] = hallDay(observedAt, timeZone).split('-').map(Number);
    const m: PeriodRef = { kind: 'month', year: year ?? 0, index: month ?? 1 };
    return [m, containing(m, 'quarter'), containing(m, 'year')].map(periodKey).find((k) => keys.has(`${schemeId}\u0000${k}`));
  };
}
