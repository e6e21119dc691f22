import type { FindingEvent } from '../events/events';

/**
 * The events a period's results rest on: every event of each finding of the scheme id whose recording was observed
 * before the period's end (endMs), whatever the event's own time (a contest decided after the month ended belongs to
 * the month). Findings observed later cannot move the period's results: rules look back (triggers, earlier months of a
 * roll-up), never forward. Events of findings without a stored recording are left out, as the fold leaves them out.
 */
export function restingEvents(events: readonly FindingEvent[], schemeId: string, endMs: number): FindingEvent[] {
  const included = new Set<string>();
  for (const e of events) {
    if (e.type === 'finding.recorded' && e.schemeId === schemeId && Date.parse(e.observedAt) < endMs) included.add(e.findingId);
  }
  return events.filter((e) => included.has(e.findingId));
}
