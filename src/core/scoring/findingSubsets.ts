import type { SubjectKind } from '../scheme/schemeSchema';
import type { RosterIndex } from '../model/rosterIndex';
import type { FindingTable, Place } from './findingTable';

/**
 * The findings grouped once per run (lists of positions in the table, each in instant order): per charged subject
 * (what every period scores from), and the few that later passes read (flags, ledger scores, triggers, eligibility).
 * Built in two passes over the table, so a roll-up's periods, its standing flags, a year's triggers and eligibility
 * measures never walk every finding of the year again.
 */
export interface FindingSubsets {
  /** Findings whose item raises a flag (disqualifies, flags). */
  flagging: number[];
  /** Findings of ledger score items (互评, 满意度), read by aggregates. */
  scores: number[];
  /** Per trigger id: the findings of the items it counts. */
  triggers: Map<string, number[]>;
  /** Per table subject: the findings of the items its eligibility rules measure. */
  eligibility: Map<SubjectKind, number[]>;
  /** Per charged subject: its findings, side by side. */
  bySubject: SubjectRows;
}

/**
 * Every charged subject's findings laid out one subject after another (each subject's in instant order), with the
 * columns the totals read copied alongside: a subject's period is one contiguous run of rows, found by binary
 * search, and read front to back. Every period of a roll-up takes its share from here: the year's findings are
 * grouped once, not once per month or quarter.
 */
export interface SubjectRows {
  /** Per kind, per roster member (as in the roster index): its rows [from, to) at 2 × member, 2 × member + 1. */
  spans: Record<SubjectKind, Int32Array>;
  /** The table position of each row. */
  pos: Int32Array;
  atMs: Float64Array;
  item: Int32Array;
  counted: Uint8Array;
  points: Float64Array;
}

const KINDS: readonly SubjectKind[] = ['staff', 'window', 'chief', 'unit'];

/** Split the table into the subsets (a finding may be in several) and lay its rows out by charged subject. */
export function findingSubsets(t: FindingTable, index: RosterIndex): FindingSubsets {
  const { scheme } = t;
  const out = { flagging: [] as number[], scores: [] as number[], triggers: new Map<string, number[]>(), eligibility: new Map<SubjectKind, number[]>() };
  // Which lists each item's findings go to, decided once per item.
  const targets: number[][][] = scheme.items.map(() => []);
  const itemAt = new Map(scheme.items.map((i, k) => [i.id, k]));
  const to = (itemId: string, list: number[]): void => {
    const t = targets[itemAt.get(itemId) ?? -1];
    if (t && !t.includes(list)) t.push(list);
  };
  scheme.items.forEach((item) => {
    if (item.disqualifies || item.flags) to(item.id, out.flagging);
    if (item.rule.kind === 'score') to(item.id, out.scores);
  });
  for (const tr of scheme.triggers) {
    if (!tr.items) continue;
    const list: number[] = [];
    out.triggers.set(tr.id, list);
    for (const id of tr.items) to(id, list);
  }
  for (const table of scheme.tables) {
    if (table.eligibility.length === 0) continue;
    const list: number[] = [];
    out.eligibility.set(table.subject, list);
    for (const e of table.eligibility) for (const id of e.items) to(id, list);
  }
  const kindOf = scheme.items.map((i) => KINDS.indexOf(i.subject));
  // Each (place, kind) charged is one subject group, numbered in order of first appearance.
  const groupAt = new Int32Array(t.places.length * KINDS.length).fill(-1);
  const groupKeys = new Map<string, number>();
  const keys: string[] = [];
  const group = new Int32Array(t.length);
  const sizes: number[] = [];
  for (let pos = 0; pos < t.length; pos++) {
    const k = t.item[pos] as number;
    const lists = targets[k] as number[][];
    for (const list of lists) list.push(pos);
    const slot = (t.place[pos] as number) * KINDS.length + (kindOf[k] as number);
    let g = groupAt[slot] as number;
    if (g < 0) {
      const key = (t.places[t.place[pos] as number] as Place).keys[KINDS[kindOf[k] as number] as SubjectKind];
      let known = groupKeys.get(key);
      if (known === undefined) {
        known = keys.length;
        groupKeys.set(key, known);
        keys.push(key);
        sizes.push(0);
      }
      g = groupAt[slot] = known;
    }
    group[pos] = g;
    sizes[g] = (sizes[g] as number) + 1;
  }
  // Counting sort by group; stable, so each subject's rows stay in instant order.
  const next = new Int32Array(keys.length);
  let at = 0;
  keys.forEach((_, g) => {
    next[g] = at;
    at += sizes[g] as number;
  });
  const spansOf = (kind: SubjectKind): Int32Array => {
    const members = index.byKind[kind];
    const out = new Int32Array(members.length * 2);
    members.forEach((m, i) => {
      const g = groupKeys.get(`${kind}:${m.id}`);
      if (g === undefined) return;
      out[2 * i] = next[g] as number;
      out[2 * i + 1] = (next[g] as number) + (sizes[g] as number);
    });
    return out;
  };
  const spans = { staff: spansOf('staff'), window: spansOf('window'), chief: spansOf('chief'), unit: spansOf('unit') };
  const rows: SubjectRows = { spans, pos: new Int32Array(t.length), atMs: new Float64Array(t.length), item: new Int32Array(t.length), counted: new Uint8Array(t.length), points: new Float64Array(t.length) };
  for (let pos = 0; pos < t.length; pos++) {
    const g = group[pos] as number;
    const r = next[g] as number;
    next[g] = r + 1;
    rows.pos[r] = pos;
    rows.atMs[r] = t.atMs[pos] as number;
    rows.item[r] = t.item[pos] as number;
    rows.counted[r] = t.counted[pos] as number;
    rows.points[r] = t.points[pos] as number;
  }
  return { ...out, bySubject: rows };
}
