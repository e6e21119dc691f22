import type { Finding } from '../model/finding';
import type { FindingEvent } from './events';
import { foldFinding } from './foldFinding';
import type { FoldedFinding } from './foldFinding';

/** Group events by finding and fold each: the findings of one scheme id (all its versions), ready for scorePeriod. */
export function findingsFromEvents(events: readonly FindingEvent[], schemeId: string): Finding[] {
  return foldAll(events)
    .filter((f) => f.schemeId === schemeId)
    .map((f) => f.finding)
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** Fold every finding in the events; findings whose recording is missing are left out. */
export function foldAll(events: readonly FindingEvent[]): FoldedFinding[] {
  const byFinding = new Map<string, FindingEvent[]>();
  for (const e of events) {
    const list = byFinding.get(e.findingId);
    if (list) list.push(e);
    else byFinding.set(e.findingId, [e]);
  }
  const out: FoldedFinding[] = [];
  for (const list of byFinding.values()) {
    const folded = foldFinding(list);
    if (folded) out.push(folded);
  }
  return out;
}
