import type { Scheme } from '../scheme/parseScheme';
import type { PeriodRef } from '../time/period';
import type { Roster } from '../model/roster';
import type { ScoreOptions } from '../scoring/scoreOptions';
import type { PeriodResults } from '../scoring/results';
import { scorePeriod } from '../scoring/scorePeriod';
import type { FindingEvent } from './events';
import { findingsFromEvents } from './findingsFromEvents';

/**
 * Period results straight from events: fold, keep the scheme's findings, score. The tablet (provisional) and the
 * server (final) both call this, so the same events give the same results on both.
 */
export function scoreEvents(scheme: Scheme, roster: Roster, events: readonly FindingEvent[], period: PeriodRef, options: ScoreOptions): PeriodResults {
  return scorePeriod(scheme, roster, findingsFromEvents(events, scheme.id), period, options);
}
