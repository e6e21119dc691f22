import type { SubjectKind } from '../scheme/schemeSchema';
import { flagSourceKey } from './flag';
import type { Flag, FlagSource } from './flag';
import type { FindingTable, Place } from './findingTable';
import { findingAt } from './findingTable';
import type { PeriodRange } from '../time/period';

/** A flag an item raises, worked out once per item and period: whom it lands on, what makes two raisings the same flag, the flag. */
interface Raising {
  subject: SubjectKind;
  /** Same kind, text, source and scope: one flag, its finding ids gathered. */
  same: string;
  /** The flag as first raised, by this finding. */
  make: (findingId: string) => Flag;
}

/**
 * Flags raised by the period's counted findings (disqualifications, notices, returns), keyed by `kind:subjectId`:
 * the entries [lo, hi) of `list` (table positions in instant order). A finding raising a flag its subject already
 * has adds its id to that flag.
 */
export function collectFlags(t: FindingTable, list: readonly number[], lo: number, hi: number, countPending: boolean, range: PeriodRange): Map<string, Flag[]> {
  const out = new Map<string, Flag[]>();
  const raised = new Map<string, Map<string, Flag>>();
  const raisings: (Raising[] | undefined)[] = [];
  for (let i = lo; i < hi; i++) {
    const pos = list[i] as number;
    if (t.counted[pos] !== 1 && !countPending) continue;
    const k = t.item[pos] as number;
    const mine = raisings[k] ?? (raisings[k] = raisingsOf(t, k, range));
    const place = t.places[t.place[pos] as number] as Place;
    for (const r of mine) {
      if (!place.subjects[r.subject]) continue;
      const key = place.keys[r.subject];
      let byFlag = raised.get(key);
      if (!byFlag) {
        raised.set(key, (byFlag = new Map()));
        out.set(key, []);
      }
      const id = findingAt(t, pos).id;
      const same = byFlag.get(r.same);
      if (same) same.findingIds.push(id);
      else {
        const flag = r.make(id);
        byFlag.set(r.same, flag);
        (out.get(key) as Flag[]).push(flag);
      }
    }
  }
  return out;
}

function raisingsOf(t: FindingTable, k: number, range: PeriodRange): Raising[] {
  const item = t.scheme.items[k];
  if (!item) return [];
  const source: FlagSource = { kind: 'item', itemId: item.id, itemName: item.name, clause: item.clause };
  const out: Raising[] = [];
  const same = (kind: Flag['kind'], text: string, scope: Flag['scope']): string => JSON.stringify([kind, text, flagSourceKey(source), scope]);
  for (const d of item.disqualifies ?? []) {
    const { text, scope } = d;
    const make =
      d.reach === 'result'
        ? (id: string): Flag => ({ kind: 'disqualified', text, scope, reach: 'result', source, findingIds: [id] })
        : (id: string): Flag => ({ kind: 'disqualified', text, scope, source, findingIds: [id] });
    out.push({ subject: d.subject ?? item.subject, same: same('disqualified', text, scope), make });
  }
  for (const fl of item.flags ?? []) {
    const { kind, text, band } = fl;
    const scope = range.ref.kind;
    const make = band ? (id: string): Flag => ({ kind, text, scope, source, band, findingIds: [id] }) : (id: string): Flag => ({ kind, text, scope, source, findingIds: [id] });
    out.push({ subject: item.subject, same: same(kind, text, scope), make });
  }
  return out;
}
