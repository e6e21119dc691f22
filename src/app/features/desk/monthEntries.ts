import type { LoggedFinding } from '../../../device/loggedFinding';
import type { Item } from '../../../core/scheme/schemeSchema';
import type { RosterIndex } from '../../../core/model/rosterIndex';
import { place } from '../../../core/model/placement';

/** The key of a grid cell: item and subject. */
export const cellKey = (itemId: string, subjectId: string): string => `${itemId}\u0000${subjectId}`;

/**
 * A month's standing entries of a scheme's items, by grid cell: every finding of the month (its observed day) not
 * voided, placed on the subject its item charges (the same placement as the engine's).
 */
export function monthEntries(findings: readonly LoggedFinding[], schemeId: string, items: readonly Item[], month: string, index: RosterIndex): Map<string, LoggedFinding[]> {
  const byId = new Map(items.map((i) => [i.id, i]));
  const out = new Map<string, LoggedFinding[]>();
  for (const f of findings) {
    const item = byId.get(f.itemId);
    if (!item || f.schemeId !== schemeId || f.state === 'voided' || !f.day.startsWith(month)) continue;
    const p = place(f, index);
    const subjectId = item.subject === 'staff' ? p.staffId : item.subject === 'window' ? p.windowId : item.subject === 'unit' ? p.unitId : p.chiefId;
    if (!subjectId) continue;
    const key = cellKey(item.id, subjectId);
    const list = out.get(key);
    if (list) list.push(f);
    else out.set(key, [f]);
  }
  return out;
}
