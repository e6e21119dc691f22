import type { Item, SubjectKind } from '../scheme/schemeSchema';
import type { Scheme } from '../scheme/parseScheme';
import type { PeriodRef, PeriodRange } from '../time/period';
import type { ScoreOptions } from './scoreOptions';
import type { ExplanationLine } from './explanation';
import type { SubjectResult } from './results';
import type { Prepared } from './prepareFindings';
import type { RosterIndex } from '../model/rosterIndex';
import { itemOutcome } from './itemOutcome';
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
  const { scheme, index, options, prepared } = ctx;
  const [lo, hi] = spanOf(prepared, range.startMs, range.endMs);
  const countPending = options.countPending;

  // Group each finding under its charged subject and item, in instant order.
  const groups = new Map<string, Map<Item, Prepared[]>>();
  for (let i = lo; i < hi; i++) {
    const f = prepared[i] as Prepared;
    const key = f.chargedKey;
    let byItem = groups.get(key);
    if (!byItem) groups.set(key, (byItem = new Map()));
    const list = byItem.get(f.item);
    if (list) list.push(f);
    else byItem.set(f.item, [f]);
  }

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

  const flags = collectFlags(prepared, lo, hi, countPending, range);

  // Items that score even when nothing was recorded: award items with a base or `unrecorded` points, levels with an `unrecorded` level.
  const standing = scheme.items.filter((i) => i.base !== undefined || i.unrecorded !== undefined || (i.rule.kind === 'levels' && i.rule.once && i.rule.unrecorded));
  const tables = new Set(scheme.tables.map((t) => t.subject));
  for (const kind of SUBJECT_ORDER) {
    if (!tables.has(kind)) continue;
    const standingHere = standing.filter((i) => i.subject === kind);
    for (const member of index.byKind[kind]) {
      const byItem = groups.get(`${kind}:${member.id}`);
      if (!byItem && standingHere.length === 0) continue;
      const b = bucket(kind, member.id);
      const items = new Map<Item, Prepared[]>(byItem ?? []);
      for (const i of standingHere) if (!items.has(i)) items.set(i, []);
      for (const [item, list] of items) {
        if (item.rule.kind === 'score') continue;
        const outcome = itemOutcome(item, list, countPending, b.explain);
        add(b, item.category, outcome.value, outcome.pending);
        for (const line of outcome.explanation) b.explanation.push(line);
        for (const f of list) if (f.status === 'counted') b.findingCount++;
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
  for (let i = lo; i < hi; i++) {
    const f = prepared[i] as Prepared;
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

