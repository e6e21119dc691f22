import { entryKey } from '../../../core/ledger/alreadyRecorded';
import { chargedSubject } from '../../../core/model/chargedSubject';
import { place } from '../../../core/model/placement';
import type { RosterIndex } from '../../../core/model/rosterIndex';
import type { Item } from '../../../core/scheme/schemeSchema';
import type { LoggedFinding } from '../../../device/loggedFinding';

/** The key of a grid cell: item and subject. */
export const cellKey = (itemId: string, subjectId: string): string => `${itemId}\u0000${subjectId}`;

/**
 * A month's standing entries of a scheme's items: every finding of the month (its observed day) not voided, with the
 * subject its item charges (the core's placement, as the engine's).
 */
function* standing(findings: readonly LoggedFinding[], schemeId: string, items: readonly Item[], month: string, index: RosterIndex): Generator<{ f: LoggedFinding; itemId: string; subjectId: string }> {
  const byId = new Map(items.map((i) => [i.id, i]));
  for (const f of findings) {
    const item = byId.get(f.itemId);
    if (!item || f.schemeId !== schemeId || f.state === 'voided' || !f.day.startsWith(month)) continue;
    const subjectId = chargedSubject(place(f, index), item.subject);
    if (subjectId) yield { f, itemId: item.id, subjectId };
  }
}

/** The month's standing entries by grid cell. */
export function monthEntries(findings: readonly LoggedFinding[], schemeId: string, items: readonly Item[], month: string, index: RosterIndex): Map<string, LoggedFinding[]> {
  const out = new Map<string, LoggedFinding[]>();
  for (const { f, itemId, subjectId } of standing(findings, schemeId, items, month, index)) {
    const key = cellKey(itemId, subjectId);
    const list = out.get(key);
    if (list) list.push(f);
    else out.set(key, [f]);
  }
  return out;
}

/** What the month's standing entries were entered from (the core's entryKey): an import of the same rows is refused. */
export function recordedKeys(findings: readonly LoggedFinding[], schemeId: string, items: readonly Item[], month: string, index: RosterIndex): Set<string> {
  const out = new Set<string>();
  for (const { f, itemId, subjectId } of standing(findings, schemeId, items, month, index)) if (f.sourceRef) out.add(entryKey({ itemId, subjectId, sourceRef: f.sourceRef }));
  return out;
}
