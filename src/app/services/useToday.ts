import { useMemo, useSyncExternalStore } from 'react';
import type { LoggedFinding } from '../../device/loggedFinding';
import type { VisitRow } from '../../device/rows';
import { useLog } from './useLog';
import { useServices } from './useServices';

/** Today's patrol: findings newest first, counts per window (voided excluded), and the windows checked as normal. */
export interface Today {
  day: string;
  findings: readonly LoggedFinding[];
  countByWindow: ReadonlyMap<string, number>;
  visits: readonly VisitRow[];
}

/** Today's findings and visits, recomputed only when the log or the visits change. */
export function useToday(): Today {
  const { device } = useServices();
  const log = useLog();
  const visits = useSyncExternalStore(device.visits.subscribe, device.visits.get);
  const day = device.today();
  return useMemo(() => {
    const findings: LoggedFinding[] = [];
    const countByWindow = new Map<string, number>();
    for (let i = log.findings.length - 1; i >= 0; i--) {
      const f = log.findings[i];
      if (!f) continue;
      // The log is sorted by instant, so the days before today start here.
      if (f.day < day) break;
      if (f.day !== day) continue;
      findings.push(f);
      if (f.windowId && f.state !== 'voided') countByWindow.set(f.windowId, (countByWindow.get(f.windowId) ?? 0) + 1);
    }
    return { day, findings, countByWindow, visits: visits.filter((v) => v.day === day) };
  }, [log, visits, day]);
}
