import type { Item, SubjectKind } from '../scheme/schemeSchema';
import type { Scheme } from '../scheme/parseScheme';
import type { PeriodRef, PeriodRange } from '../time/period';
import type { ScoreOptions } from './scoreOptions';
import type { ExplanationLine } from './explanation';
import type { SubjectResult } from './results';
import type { Prepared } from './prepareFindings';
import type { FindingSubsets } from './findingSubsets';
import type { RosterIndex } from '../model/rosterIndex';
import { itemOutcome, summedPending, summedValue } from './itemOutcome';
import { findingLinePoints, isPerFinding } from './evaluateRule';
import { scoreSubject } from './scoreSubject';
import { fix } from './points';
import { collectFlags } from './collectFlags';
import { deadlineAfter } from '../time/deadline';
import { parseInstant } from '../time/parseInstant';

export const SUBJECT_ORDER: SubjectKind[] = ['staff', 'window', 'chief', 'unit'];

export interface ScoringContext {
  scheme: Scheme;
  index: RosterIndex;
  /** All findings, sorted by instant then id. */
  prepared: Prepared[];
  /** The few findings later passes read (flags, scores, triggers, eligibility), in the same order. */
  subsets: FindingSubsets;
  options: ScoreOptions;
  asOfMs: number | undefined;
  /** The hall's IANA time zone (periods, deadlines). */
  timeZone: string;
  /** The period's instants in the hall's zone, memoised for this run (Intl is slow). */
  rangeOf: (p: PeriodRef) => PeriodRange;
  /** Graded results of base periods without triggers, memoised for this run (roll-ups and grade triggers share them). */
  graded: Map<string, Map<SubjectKind, SubjectResult[]>>;
  /** Grade ids by `kind:subjectId` per period key, for grade triggers; periods with no findings in their year so far share one entry per kind (they grade alike). */
  gradeIds: Map<string, Map<string, string | null>>;
  /** Whether this run builds the explanation lines of a subject (all of them, one opened subject, or none). */
  explains: (kind: SubjectKind, id: string) => boolean;
}

/** The indices [lo, hi) of the sorted findings whose instant lies in [startMs, endMs), by binary search (no copy). */
export function spanOf(prepared: readonly Prepared[], startMs: number, endMs: number): [number, number] {
  return [lowerBound(prepared, startMs), lowerBound(prepared, endMs)];
}

/** Whether any finding lies in [startMs, endMs). */
export function anyIn(prepared: readonly Prepared[], startMs: number, endMs: number): boolean {
  return lowerBound(prepared, endMs) > lowerBound(prepared, startMs);
}

function lowerBound(list: readonly Prepared[], ms: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((list[mid]?.atMs ?? 0) < ms) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export interface Bucket {
  /** Item outcomes and co-deductions landing in each category. */
  byCategory: Map<string, { value: number; pending: number }>;
  /** Whether this run explains the subject: its lines are collected only then. */
  explain: boolean;
  explanation: ExplanationLine[];
  findingCount: number;
}

/** Score every subject of every table over one period's findings, before grades and ranks. */
export function scoreDirect(ctx: ScoringContext, range: PeriodRange): Map<SubjectKind, SubjectResult[]> {
  const { scheme, index, options } = ctx;
  const countPending = options.countPending;

  const buckets = new Map<string, Bucket>();
  const bucket = (kind: SubjectKind, id: string): Bucket => {
    const key = `${kind}:${id}`;
    let b = buckets.get(key);
    if (!b) buckets.set(key, (b = { byCategory: new Map(), explain: ctx.explains(kind, id), explanation: [], findingCount: 0 }));
    return b;
  };
  const add = (b: Bucket, category: string, value: number, pending: number): void => {
    const cur = b.byCategory.get(category);
    if (!cur) b.byCategory.set(category, { value: fix(value), pending: fix(pending) });
    else {
      cur.value = fix(cur.value + value);
      cur.pending = fix(cur.pending + pending);
    }
  };

  const flagging = ctx.subsets.flagging;
  const flags = collectFlags(flagging, ...spanOf(flagging, range.startMs, range.endMs), countPending, range);

  // Per item of the scheme (by index), reset for each subject: the sums of the per-finding rules summed without a
  // line (nothing to explain, no co-deduction, no follow-up), the findings of the others, and the order items were
  // first seen in (the order their points are added and their lines written, as always).
  const items = scheme.items;
  const summed = items.map((i) => isPerFinding(i) && !i.also && !i.followUp && i.rule.kind !== 'score');
  const seenBy = new Int32Array(items.length).fill(-1);
  const allSum = new Float64Array(items.length);
  const countedSum = new Float64Array(items.length);
  const lists: (Prepared[] | undefined)[] = new Array<Prepared[] | undefined>(items.length);
  const order = new Int32Array(items.length);
  let subjectNo = 0;

  // Items that score even when nothing was recorded: award items with a base or `unrecorded` points, levels with an `unrecorded` level.
  const standing = items.flatMap((i, k) => (i.base !== undefined || i.unrecorded !== undefined || (i.rule.kind === 'levels' && i.rule.once && i.rule.unrecorded) ? [k] : []));
  const tables = new Set(scheme.tables.map((t) => t.subject));
  for (const kind of SUBJECT_ORDER) {
    if (!tables.has(kind)) continue;
    const standingHere = standing.filter((k) => items[k]?.subject === kind);
    for (const member of index.byKind[kind]) {
      const mine = ctx.subsets.bySubject.get(`${kind}:${member.id}`);
      const [lo, hi] = mine ? spanOf(mine, range.startMs, range.endMs) : [0, 0];
      if (lo === hi && standingHere.length === 0) continue;
      const b = bucket(kind, member.id);
      const stamp = subjectNo++;
      let seen = 0;
      for (let i = lo; i < hi; i++) {
        const f = (mine as Prepared[])[i] as Prepared;
        const k = f.itemIndex;
        if (seenBy[k] !== stamp) {
          seenBy[k] = stamp;
          order[seen++] = k;
          allSum[k] = 0;
          countedSum[k] = 0;
          lists[k] = undefined;
        }
        if (f.item.rule.kind === 'score') continue;
        if (f.status === 'counted') b.findingCount++;
        if (summed[k] && !b.explain) {
          const p = findingLinePoints(f.item, f);
          allSum[k] = (allSum[k] as number) + p;
          if (f.status === 'counted') countedSum[k] = (countedSum[k] as number) + p;
        } else {
          const list = lists[k];
          if (list) list.push(f);
          else lists[k] = [f];
        }
      }
      // Items with findings first, in the order first seen, then standing items with none.
      const withFindings = seen;
      for (const k of standingHere) {
        if (seenBy[k] === stamp) continue;
        seenBy[k] = stamp;
        order[seen++] = k;
        lists[k] = undefined;
      }
      for (let j = 0; j < seen; j++) {
        const k = order[j] as number;
        const item = items[k] as Item;
        if (item.rule.kind === 'score') continue;
        if (j < withFindings && summed[k] && !b.explain) {
          add(b, item.category, summedValue(item, allSum[k] as number, countedSum[k] as number, countPending), summedPending(item, allSum[k] as number, countedSum[k] as number));
          continue;
        }
        const list = lists[k] ?? [];
        const outcome = itemOutcome(item, list, countPending, b.explain);
        add(b, item.category, outcome.value, outcome.pending);
        for (const line of outcome.explanation) b.explanation.push(line);
        for (const move of outcome.moves) {
          for (const co of item.also ?? []) {
            const target = move.first.subjects[co.subject];
            if (!target) continue;
            const magnitude = co.points ?? fix((co.factor ?? 0) * Math.abs(move.line.points));
            const points = fix(Math.sign(move.line.points) * magnitude);
            const tb = bucket(co.subject, target);
            add(tb, co.category, move.inValue ? points : 0, move.status === 'pending' ? points : 0);
            if (tb.explain) {
              tb.explanation.push({
                kind: 'finding',
                findingId: move.first.id,
                itemId: item.id,
                itemName: item.name,
                clause: item.clause,
                categoryId: co.category,
                at: move.first.at,
                points,
                calc: { rule: 'co-deduction', from: item.subject, fromPoints: Math.abs(move.line.points), points: magnitude, factor: co.points !== undefined ? null : (co.factor ?? 0) },
                status: move.status,
                coDeduction: true,
              });
            }
          }
        }
        if (item.followUp) {
          const fu = item.followUp;
          for (const f of list) {
            if (f.status !== 'counted' && !countPending) continue;
            // 限期 N 天: calendar days of the hall, the last one in full (as review deadlines count), not 24-hour spans.
            const deadline = deadlineAfter(f.at, fu.days, ctx.timeZone);
            const closesMs = parseInstant(deadline.closesAt);
            const due = closesMs <= (ctx.asOfMs ?? range.endMs);
            const rectified = f.rectifiedMs !== undefined && f.rectifiedMs < closesMs;
            if (!due || rectified) continue;
            add(b, item.category, -fu.points, 0);
            if (b.explain) {
              b.explanation.push({
                kind: 'follow-up',
                findingId: f.id,
                itemId: item.id,
                itemName: item.name,
                clause: item.clause,
                categoryId: item.category,
                points: -fu.points,
                days: fu.days,
                lastDay: deadline.lastDay,
                text: fu.text,
              });
            }
            const key = `${kind}:${member.id}`;
            const raised = flags.get(key) ?? [];
            raised.push({
              kind: 'follow-up',
              text: fu.text,
              scope: range.ref.kind,
              source: { kind: 'item', itemId: item.id, itemName: item.name, clause: item.clause },
              measure: { kind: 'overdue', days: fu.days, lastDay: deadline.lastDay, points: fu.points },
              findingIds: [f.id],
            });
            flags.set(key, raised);
          }
        }
      }
    }
  }

  // Ledger scores (互评, 满意度) read by aggregates: the period's latest counted recording per subject.
  const scores = new Map<string, { value: number; name: string }>();
  const ledger = ctx.subsets.scores;
  const [slo, shi] = spanOf(ledger, range.startMs, range.endMs);
  for (let i = slo; i < shi; i++) {
    const f = ledger[i] as Prepared;
    if (f.item.rule.kind !== 'score' || f.status !== 'counted' || f.inputs.quantity === undefined) continue;
    scores.set(`${f.item.subject}:${f.subjects[f.item.subject] ?? ''}:${f.item.id}`, { value: f.inputs.quantity, name: f.item.name });
  }
  const itemNames = new Map(scheme.items.map((i) => [i.id, i.name]));
  const out = new Map<SubjectKind, SubjectResult[]>();
  // Results of an already scored table by subject id, built once per table (tables are scored in SUBJECT_ORDER).
  const byIdOf = new Map<SubjectKind, Map<string, SubjectResult>>();
  const resultsById = (kind: SubjectKind): Map<string, SubjectResult> => {
    let m = byIdOf.get(kind);
    if (!m) byIdOf.set(kind, (m = new Map((out.get(kind) ?? []).map((r) => [r.subjectId, r]))));
    return m;
  };
  for (const kind of SUBJECT_ORDER) {
    const table = scheme.tables.find((t) => t.subject === kind);
    if (!table) continue;
    out.set(
      kind,
      index.byKind[kind].map((m) => {
        const b = buckets.get(`${kind}:${m.id}`);
        return scoreSubject(table, m, b, b ? b.explain : ctx.explains(kind, m.id), flags.get(`${kind}:${m.id}`) ?? [], resultsById, index, scores, itemNames);
      }),
    );
  }
  return out;
}

