import type { Item, SubjectKind } from '../scheme/schemeSchema';
import type { Scheme } from '../scheme/parseScheme';
import type { PeriodRef, PeriodRange } from '../time/period';
import type { ScoreOptions } from './scoreOptions';
import type { SubjectResult } from './results';
import type { FindingTable, Prepared } from './findingTable';
import { preparedAt } from './findingTable';
import type { FindingSubsets } from './findingSubsets';
import { rowSpan, spanOf } from './instantSpan';
import type { RosterIndex } from '../model/rosterIndex';
import { itemOutcome, summedPending, summedValue } from './itemOutcome';
import { isPerFinding } from './evaluateRule';
import { scoreSubject } from './scoreSubject';
import { collectFlags } from './collectFlags';
import type { Bucket } from './bucket';
import { addTo, newBucket } from './bucket';
import { addCoDeductions, addFollowUps } from './itemEffects';

export const SUBJECT_ORDER: SubjectKind[] = ['staff', 'window', 'chief', 'unit'];

export interface ScoringContext {
  scheme: Scheme;
  index: RosterIndex;
  /** The run's findings as columns, sorted by instant then id. */
  table: FindingTable;
  /** Per kind, each roster member's `kind:id` (as in the roster index), made once per run. */
  memberKeys: Record<SubjectKind, readonly string[]>;
  /** The findings grouped once: by charged subject, and the few that later passes read (flags, scores, triggers, eligibility). */
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

/** Score every subject of every table over one period's findings, before grades and ranks. */
export function scoreDirect(ctx: ScoringContext, range: PeriodRange): Map<SubjectKind, SubjectResult[]> {
  const { scheme, index, options, table } = ctx;
  const countPending = options.countPending;

  // Each subject's bucket, by kind and roster position; a table's categories by id (the first of an id), for its
  // subjects' buckets.
  const categoriesOf = new Map<SubjectKind, { ids: Map<string, number>; size: number }>();
  for (const kind of SUBJECT_ORDER) {
    const categories = scheme.tables.find((t) => t.subject === kind)?.categories ?? [];
    const ids = new Map<string, number>();
    categories.forEach((c, i) => ids.has(c.id) || ids.set(c.id, i));
    categoriesOf.set(kind, { ids, size: categories.length });
  }
  const buckets = new Map(SUBJECT_ORDER.map((k) => [k, index.byKind[k].map((): Bucket | undefined => undefined)]));
  // One bucket per subject id, as findings and co-deductions name subjects by id: a roster listing an id twice (which
  // hallProblems refuses) has both entries read the bucket at that id's position (memberAt: the last of the id).
  const bucketAt = (kind: SubjectKind, m: number): Bucket => {
    const id = index.byKind[kind][m]?.id ?? '';
    const at = table.memberAt[kind].get(id) ?? m;
    const list = buckets.get(kind) as (Bucket | undefined)[];
    const c = categoriesOf.get(kind) as { ids: Map<string, number>; size: number };
    return list[at] ?? (list[at] = newBucket(c.ids, c.size, ctx.explains(kind, id)));
  };
  // A co-deduction lands on a subject by id; one the roster lacks is never scored (its bucket is never read).
  const bucketOf = (kind: SubjectKind, id: string): Bucket => {
    const at = ctx.table.memberAt[kind].get(id);
    return at === undefined ? newBucket(new Map(), 0, false) : bucketAt(kind, at);
  };

  const flagging = ctx.subsets.flagging;
  const flags = collectFlags(table, flagging, ...spanOf(table.atMs, flagging, range.startMs, range.endMs), countPending, range);

  // Per item of the scheme (by index), reset for each subject: the sums of the per-finding rules summed without a
  // line (nothing to explain, no co-deduction, no follow-up), the findings of the others, and the order items were
  // first seen in (the order their points are added and their lines written, as always).
  const items = scheme.items;
  const summed = items.map((i) => isPerFinding(i) && !i.also && !i.followUp && i.rule.kind !== 'score');
  const isScore = items.map((i) => i.rule.kind === 'score');
  const seenBy = new Int32Array(items.length).fill(-1);
  const allSum = new Float64Array(items.length);
  const countedSum = new Float64Array(items.length);
  const lists: (Prepared[] | undefined)[] = items.map(() => undefined);
  const order = new Int32Array(items.length);
  let subjectNo = 0;

  // Items that score even when nothing was recorded: award items with a base or `unrecorded` points, levels with an `unrecorded` level.
  const standing = items.flatMap((i, k) => (i.base !== undefined || i.unrecorded !== undefined || (i.rule.kind === 'levels' && i.rule.once && i.rule.unrecorded) ? [k] : []));
  const tables = new Set(scheme.tables.map((t) => t.subject));
  const rows = ctx.subsets.bySubject;
  for (const kind of SUBJECT_ORDER) {
    if (!tables.has(kind)) continue;
    const standingHere = standing.filter((k) => items[k]?.subject === kind);
    const spans = rows.spans[kind];
    const members = index.byKind[kind];
    for (let m = 0; m < members.length; m++) {
      const [lo, hi] = rowSpan(rows.atMs, spans[2 * m] as number, spans[2 * m + 1] as number, range.startMs, range.endMs);
      if (lo === hi && standingHere.length === 0) continue;
      const b = bucketAt(kind, m);
      const stamp = subjectNo++;
      let seen = 0;
      for (let i = lo; i < hi; i++) {
        const k = rows.item[i] as number;
        if (seenBy[k] !== stamp) {
          seenBy[k] = stamp;
          order[seen++] = k;
          allSum[k] = 0;
          countedSum[k] = 0;
          lists[k] = undefined;
        }
        if (isScore[k]) continue;
        const counted = rows.counted[i] === 1;
        if (counted) b.findingCount++;
        if (summed[k] && !b.explain) {
          // The finding's points, worked out once when the run was prepared.
          const p = rows.points[i] as number;
          allSum[k] = (allSum[k] as number) + p;
          if (counted) countedSum[k] = (countedSum[k] as number) + p;
        } else {
          const f = preparedAt(table, rows.pos[i] as number);
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
        if (isScore[k]) continue;
        if (j < withFindings && summed[k] && !b.explain) {
          addTo(b, item.category, summedValue(item, allSum[k] as number, countedSum[k] as number, countPending), summedPending(item, allSum[k] as number, countedSum[k] as number));
          continue;
        }
        const list = lists[k] ?? [];
        const outcome = itemOutcome(item, list, countPending, b.explain);
        addTo(b, item.category, outcome.value, outcome.pending);
        for (const line of outcome.explanation) b.explanation.push(line);
        addCoDeductions(item, outcome, bucketOf);
        if (item.followUp) {
          const key = ctx.memberKeys[kind][m] as string;
          const raised = flags.get(key) ?? [];
          addFollowUps(item, list, b, raised, range, ctx.asOfMs, ctx.timeZone, countPending);
          if (raised.length > 0) flags.set(key, raised);
        }
      }
    }
  }

  // Ledger scores (互评, 满意度) read by aggregates: the period's latest counted recording per subject.
  const scores = new Map<string, { value: number; name: string }>();
  const ledger = ctx.subsets.scores;
  const [slo, shi] = spanOf(table.atMs, ledger, range.startMs, range.endMs);
  for (let i = slo; i < shi; i++) {
    const f = preparedAt(table, ledger[i] as number);
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
    const scored = scheme.tables.find((t) => t.subject === kind);
    if (!scored) continue;
    const mine = buckets.get(kind) as (Bucket | undefined)[];
    const keys = ctx.memberKeys[kind];
    out.set(
      kind,
      index.byKind[kind].map((member, m) => {
        const b = mine[table.memberAt[kind].get(member.id) ?? m];
        return scoreSubject(scored, member, b, b ? b.explain : ctx.explains(kind, member.id), flags.get(keys[m] as string) ?? [], resultsById, index, scores, itemNames);
      }),
    );
  }
  return out;
}
