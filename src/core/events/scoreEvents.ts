import type { Scheme } from '../scheme/parseScheme';
import type { PeriodRef } from '../time/period';
import type { Roster } from '../model/roster';
import type { ScoreOptions } from '../scoring/scoreOptions';
import { scoreOnDemand } from '../scoring/scoreOnDemand';
import type { ScoredPeriod } from '../scoring/scoreOnDemand';
import type { FindingEvent } from './events';
import { findingsFromEvents } from './findingsFromEvents';

/**
 * Period results straight from events: fold, keep the scheme's findings, score (lines built only for a subject asked
 * about, scoreOnDemand). The server's results route and the tests that compare a tablet with it call this, so the
 * same events give the same results on both.
 */
export function scoreEvents(scheme: Scheme, roster: Roster, events: readonly FindingEvent[], period: PeriodRef, options: ScoreOptions): ScoredPeriod {
  return scoreOnDemand(scheme, roster, findingsFromEvents(events, scheme.id), period, options);
}
