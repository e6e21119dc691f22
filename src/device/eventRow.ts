import type { FindingEvent } from '../core/events/events';
import { hallDay } from '../core/time/hallDay';
import type { EventRow } from './rows';

/** The stored envelope of an event: its indexed fields derived from the event itself. */
export function eventRow(event: FindingEvent, timeZone: string): EventRow {
  const row: EventRow = {
    id: event.id,
    findingId: event.findingId,
    type: event.type,
    day: hallDay(event.type === 'finding.recorded' ? event.observedAt : event.at, timeZone),
    event,
  };
  if (event.type === 'finding.recorded' && event.windowId) row.windowId = event.windowId;
  return row;
}
