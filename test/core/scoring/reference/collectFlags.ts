import { flagSourceKey } from '../../../../src/core/scoring/flag';
import type { Flag, FlagSource } from '../../../../src/core/scoring/flag';
import type { Prepared } from './prepareFindings';
import type { PeriodRange } from '../../../../src/core/time/period';

/** Flags raised by the period's counted findings (disqualifications, notices, returns), keyed by `kind:subjectId`. */
export function collectFlags(findings: readonly Prepared[], countPending: boolean, range: PeriodRange): Map<string, Flag[]> {
  const out = new Map<string, Flag[]>();
  for (const f of findings) {
    if (f.status !== 'counted' && !countPending) continue;
    const item = f.item;
    if (!item.disqualifies && !item.flags) continue;
    const source: FlagSource = { kind: 'item', itemId: item.id, itemName: item.name, clause: item.clause };
    for (const d of item.disqualifies ?? []) {
      const kind = d.subject ?? item.subject;
      const id = f.subjects[kind];
      if (id) raiseFlag(out, `${kind}:${id}`, { kind: 'disqualified', text: d.text, scope: d.scope, ...(d.reach === 'result' ? { reach: 'result' as const } : {}), source }, f.id);
    }
    for (const fl of item.flags ?? []) {
      const id = f.subjects[item.subject];
      if (id) raiseFlag(out, `${item.subject}:${id}`, { kind: fl.kind, text: fl.text, scope: range.ref.kind, source, ...(fl.band ? { band: fl.band } : {}) }, f.id);
    }
  }
  return out;
}

/** Add a finding's flag under `key`, or its finding id to the same flag already raised (same kind, text, source, scope). */
export function raiseFlag(out: Map<string, Flag[]>, key: string, flag: Omit<Flag, 'findingIds'>, findingId: string): void {
  let list = out.get(key);
  if (!list) out.set(key, (list = []));
  const same = list.find((x) => x.kind === flag.kind && x.text === flag.text && flagSourceKey(x.source) === flagSourceKey(flag.source) && x.scope === flag.scope);
  if (same) same.findingIds.push(findingId);
  else list.push({ ...flag, findingIds: [findingId] });
}
