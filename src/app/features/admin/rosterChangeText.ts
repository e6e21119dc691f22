import type { TFunction } from 'i18next';
import type { RosterChangeRefusal } from '../../../core/model/rosterChange';
import type { Roster } from '../../../core/model/roster';

const KINDS: ReadonlySet<string> = new Set(['staff-removed', 'staff-unit-changed', 'window-removed', 'window-unit-changed', 'unit-removed', 'chief-removed'] satisfies RosterChangeRefusal['kind'][]);

/** Whether a problem the server sent is a roster change refused because findings name its subject (core rosterChange). */
export function isRosterChangeRefusal(p: { kind: string }): p is RosterChangeRefusal {
  return KINDS.has(p.kind);
}

/** A refused roster change (core data) in the person's words, naming units by name. */
export function rosterChangeText(t: TFunction<'admin'>, r: RosterChangeRefusal, roster: Roster): string {
  const unitName = (id: string): string => roster.units.find((u) => u.id === id)?.name ?? id;
  switch (r.kind) {
    case 'staff-unit-changed':
    case 'window-unit-changed':
      return t(`change.${r.kind}`, { ...r, from: unitName(r.from), to: unitName(r.to) });
    case 'chief-removed':
      return t('change.chief-removed', { ...r, unit: unitName(r.unitId) });
    default:
      return t(`change.${r.kind}`, r);
  }
}
