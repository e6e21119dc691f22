import type { Item, SubjectKind, Table } from '../../../../src/core/scheme/schemeSchema';
import type { Scheme } from '../../../../src/core/scheme/parseScheme';
import type { PeriodRef, PeriodRange } from '../../../../src/core/time/period';
import type { ScoreOptions } from '../../../../src/core/scoring/scoreOptions';
import type { ExplanationLine } from '../../../../src/core/scoring/explanation';
import type { Flag } from '../../../../src/core/scoring/flag';
import type { CategoryResult, SubjectResult } from '../../../../src/core/scoring/results';
import type { Prepared } from './prepareFindings';
import type { Member, RosterIndex } from '../../../../src/core/model/rosterIndex';
import { itemOutcome } from './itemOutcome';
import { fix, round2 } from '../../../../src/core/scoring/points';
import { collectFlags } from './collectFlags';
import { deadlineAfter } from '../../../../src/core/time/deadline';
import { parseInstant } from '../../../../src/core/time/parseInstant';

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
}

/** Findings whose instant lies in [startMs, endMs), by binary search on the sorted list. */
export function findingsIn(prepared: readonly Prepared[], startMs: number, endMs: number): Prepared[] {
  return prepared.slice(lowerBound(prepared, startMs), lowerBound(prepared, endMs));
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

interface Bucket {
  /** Item outcomes and co-deductions landing in each category. */
  byCategory: Map<string, { value: number; pending: number }>;
  explanation: ExplanationLine[];
  findingCount: number;
}

/** Score every subject of every table over one period's findings, before grades and ranks. */
export function scoreDirect(ctx: ScoringContext, range: PeriodRange): Map<SubjectKind, SubjectResult[]> {
  const { scheme, index, options } = ctx;
  const findings = findingsIn(ctx.prepared, range.startMs, range.endMs);
  const countPending = options.countPending;

  // Group each finding under its charged subject and item, in instant order.
  const groups = new Map<string, Map<Item, Prepared[]>>();
  for (const f of findings) {
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
    if (!b) buckets.set(key, (b = { byCategory: new Map(), explanation: [], findingCount: 0 }));
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

  const flags = collectFlags(findings, countPending, range);

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
        const outcome = itemOutcome(item, list, countPending);
        add(b, item.category, outcome.value, outcome.pending);
        b.explanation.push(...outcome.explanation);
        for (const f of list) if (f.status === 'counted') b.findingCount++;
        for (const move of outcome.moves) {
          for (const co of item.also ?? []) {
            const target = move.first.subjects[co.subject];
            if (!target) continue;
            const magnitude = co.points ?? fix((co.factor ?? 0) * Math.abs(move.line.points));
            const points = fix(Math.sign(move.line.points) * magnitude);
            const tb = bucket(co.subject, target);
            add(tb, co.category, move.inValue ? points : 0, move.status === 'pending' ? points : 0);
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
  for (const f of findings) {
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
      index.byKind[kind].map((m) => scoreSubject(table, m, buckets.get(`${kind}:${m.id}`), flags.get(`${kind}:${m.id}`) ?? [], resultsById, index, scores, itemNames)),
    );
  }
  return out;
}

function scoreSubject(
  table: Table,
  member: Member,
  b: Bucket | undefined,
  flags: Flag[],
  resultsById: (kind: SubjectKind) => Map<string, SubjectResult>,
  index: RosterIndex,
  scores: Map<string, { value: number; name: string }>,
  itemNames: ReadonlyMap<string, string>,
): SubjectResult {
  // The bucket is this run's own: its explanation becomes the result's without a copy.
  const explanation: ExplanationLine[] = b?.explanation ?? [];
  const categories: CategoryResult[] = table.categories.map((c) => {
    if (c.from) {
      const src = c.from;
      const members = index.membersOf(member, src.subject);
      const results = resultsById(src.subject);
      const scores = members
        .map((m) => results.get(m.id)?.categories.find((x) => x.id === src.category)?.score)
        .filter((x): x is number => x !== undefined);
      const mean = scores.length ? round2(scores.reduce((s, x) => s + x, 0) / scores.length) : null;
      const score = scores.length ? round2((scores.reduce((s, x) => s + x, 0) / scores.length) * src.scale) : c.points;
      explanation.push({
        kind: 'category-from',
        categoryId: c.id,
        categoryName: c.name,
        source: { subject: src.subject, categoryId: src.category },
        members: scores.length,
        mean,
        scale: src.scale,
        points: score,
      });
      return { id: c.id, name: c.name, mode: c.mode, points: c.points, score, pending: 0 };
    }
    const moved = b?.byCategory.get(c.id) ?? { value: 0, pending: 0 };
    let score = c.mode === 'deduct' ? fix(c.points + moved.value) : moved.value;
    if (score > c.points) {
      explanation.push({ kind: 'category-cap', categoryId: c.id, categoryName: c.name, max: c.points, trimmed: fix(score - c.points) });
      score = c.points;
    }
    if (c.floor !== undefined && score < c.floor) {
      explanation.push({ kind: 'category-floor', categoryId: c.id, categoryName: c.name, floor: c.floor, trimmed: fix(c.floor - score) });
      score = c.floor;
    }
    return { id: c.id, name: c.name, mode: c.mode, points: c.points, score, pending: moved.pending };
  });

  let bonus = fix(categories.filter((c) => c.mode === 'bonus').reduce((s, c) => s + c.score, 0));
  if (table.bonusCap !== undefined && bonus > table.bonusCap) {
    explanation.push({ kind: 'bonus-cap', cap: table.bonusCap, trimmed: fix(bonus - table.bonusCap) });
    bonus = table.bonusCap;
  }
  let total = fix(categories.filter((c) => c.mode !== 'bonus').reduce((s, c) => s + c.score, 0) + bonus);
  if (table.aggregate) total = aggregateTotal(table, member, resultsById, index, scores, itemNames, explanation);
  if (table.floor !== undefined && total < table.floor) {
    explanation.push({ kind: 'total-floor', floor: table.floor, trimmed: fix(table.floor - total) });
    total = table.floor;
  }
  return {
    subject: member.kind,
    subjectId: member.id,
    name: member.name,
    unitId: member.unitId,
    categories,
    bonus,
    total,
    pending: fix(categories.reduce((s, c) => s + c.pending, 0)),
    gradeId: null,
    gradeName: null,
    gradeReason: null,
    rank: 0,
    flags,
    explanation,
    findingCount: b?.findingCount ?? 0,
  };
}

function aggregateTotal(
  table: Table,
  member: Member,
  resultsById: (kind: SubjectKind) => Map<string, SubjectResult>,
  index: RosterIndex,
  scores: Map<string, { value: number; name: string }>,
  itemNames: ReadonlyMap<string, string>,
  explanation: ExplanationLine[],
): number {
  const parts = table.aggregate?.parts ?? [];
  let weighted = 0;
  let present = 0;
  for (const p of parts) {
    let value: number | undefined;
    let members = 0;
    if (p.of) {
      const results = resultsById(p.of);
      const totals = index.membersOf(member, p.of).map((m) => results.get(m.id)?.total).filter((x): x is number => x !== undefined);
      members = totals.length;
      if (totals.length) value = totals.reduce((s, x) => s + x, 0) / totals.length;
    } else if (p.item) {
      value = scores.get(`${member.kind}:${member.id}:${p.item}`)?.value;
    }
    const line = { kind: 'aggregate-part' as const, of: p.of ?? null, members, itemId: p.item ?? null, itemName: p.item ? (itemNames.get(p.item) ?? null) : null, weight: p.weight };
    if (value === undefined) {
      explanation.push({ ...line, value: null });
      continue;
    }
    weighted += value * p.weight;
    present += p.weight;
    explanation.push({ ...line, value: round2(value) });
  }
  // Weighted mean over the parts that have data: a missing part's weight is shared out in proportion.
  return present > 0 ? round2(weighted / present) : 0;
}
