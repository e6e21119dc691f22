import { useEffect, useState } from 'react';
import type { FindingEvent } from '../../../core/events/events';
import { useLog } from '../../services/useLog';
import { useServices } from '../../services/useServices';

/** The stored events of these findings (re-read when the log changes: a local act or a pull). */
export function useFindingEvents(findingIds: readonly string[]): Map<string, FindingEvent[]> {
  const { device } = useServices();
  const { version } = useLog();
  const key = findingIds.join(',');
  const [events, setEvents] = useState(() => new Map<string, FindingEvent[]>());
  useEffect(() => {
    let live = true;
    const ids = key ? key.split(',') : [];
    device.eventsOf(ids).then((map) => live && setEvents(map), () => undefined);
    return () => {
      live = false;
    };
  }, [device, key, version]);
  return events;
}
