import type { SubjectKind } from '../scheme/schemeSchema';
import type { Scheme } from '../scheme/parseScheme';
import type { Prepared } from './prepareFindings';

/**
 * The findings grouped once per run, each list in the sorted order of all findings: per charged subject (what every
 * period scores from), and the few that later passes read (flags, ledger scores, triggers, eligibility). Built in one
 * pass, so a roll-up's periods, its standing flags, a year's triggers and eligibility measures never walk every
 * finding of the year again.
 */
export interface FindingSubsets {
  /** Findings whose item raises a flag (disqualifies, flags). */
  flagging: Prepared[];
  /** Findings of ledger score items (互评, 满意度), read by aggregates. */
  scores: Prepared[];
  /** Per trigger id: the findings of the items it counts. */
  triggers: Map<string, Prepared[]>;
  /** Per table subject: the findings of the items its eligibility rules measure. */
  eligibility: Map<SubjectKind, Prepared[]>;
  /**
   * Per charged subject (`kind:id`): its findings. Every period of a roll-up takes its share of a subject's findings
   * from here (a binary search), so the year's findings are grouped once, not once per month or quarter.
   */
  bySubject: Map<string, Prepared[]>;
}

/** Split the sorted findings into the subsets (a finding may be in several). */
export function findingSubsets(scheme: Scheme, prepared: readonly Prepared[]): FindingSubsets {
  const out: FindingSubsets = { flagging: [], scores: [], triggers: new Map(), eligibility: new Map(), bySubject: new Map() };
  // Which lists each item's findings go to, decided once per item.
  const targets = new Map<string, Prepared[][]>();
  const to = (itemId: string, list: Prepared[]): void => {
    const t = targets.get(itemId);
    if (!t) targets.set(itemId, [list]);
    else if (!t.includes(list)) t.push(list);
  };
  for (const item of scheme.items) {
    if (item.disqualifies || item.flags) to(item.id, out.flagging);
    if (item.rule.kind === 'score') to(item.id, out.scores);
  }
  for (const tr of scheme.triggers) {
    if (!tr.items) continue;
    const list: Prepared[] = [];
    out.triggers.set(tr.id, list);
    for (const id of tr.items) to(id, list);
  }
  for (const table of scheme.tables) {
    if (table.eligibility.length === 0) continue;
    const list: Prepared[] = [];
    out.eligibility.set(table.subject, list);
    for (const e of table.eligibility) for (const id of e.items) to(id, list);
  }
  for (const f of prepared) {
    const t = targets.get(f.item.id);
    if (t) for (const list of t) list.push(f);
    const mine = out.bySubject.get(f.chargedKey);
    if (mine) mine.push(f);
    else out.bySubject.set(f.chargedKey, [f]);
  }
  return out;
}
