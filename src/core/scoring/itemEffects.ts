import type { Item, SubjectKind } from '../scheme/schemeSchema';
import type { PeriodRange } from '../time/period';
import type { Flag } from './flag';
import type { ItemOutcome } from './itemOutcome';
import type { Prepared } from './findingTable';
import type { Bucket } from './bucket';
import { addTo } from './bucket';
import { fix } from './points';
import { deadlineAfter } from '../time/deadline';
import { parseInstant } from '../time/parseInstant';

/**
 * The co-deductions an item's outcome brings on other subjects (窗口扣2分、首席代表扣1分): for each of its lines,
 * points on the subject each `also` names, in that subject's bucket (and a line there when it is explained).
 */
export function addCoDeductions(item: Item, outcome: ItemOutcome, bucketOf: (kind: SubjectKind, id: string) => Bucket): void {
  for (const move of outcome.moves) {
    for (const co of item.also ?? []) {
      const target = move.first.subjects[co.subject];
      if (!target) continue;
      const magnitude = co.points ?? fix((co.factor ?? 0) * Math.abs(move.line.points));
      const points = fix(Math.sign(move.line.points) * magnitude);
      const tb = bucketOf(co.subject, target);
      addTo(tb, co.category, move.inValue ? points : 0, move.status === 'pending' ? points : 0);
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
}

/**
 * 限期整改 not done in time: the follow-up's extra points for each of the subject's findings of the item whose
 * deadline passed (by `asOfMs`, or the period's end) unrectified, and a follow-up flag for each. Flags go to `raised`.
 */
export function addFollowUps(item: Item, findings: readonly Prepared[], b: Bucket, raised: Flag[], range: PeriodRange, asOfMs: number | undefined, timeZone: string, countPending: boolean): void {
  const fu = item.followUp;
  if (!fu) return;
  for (const f of findings) {
    if (f.status !== 'counted' && !countPending) continue;
    // 限期 N 天: calendar days of the hall, the last one in full (as review deadlines count), not 24-hour spans.
    const deadline = deadlineAfter(f.at, fu.days, timeZone);
    const closesMs = parseInstant(deadline.closesAt);
    const due = closesMs <= (asOfMs ?? range.endMs);
    const rectified = f.rectifiedMs !== undefined && f.rectifiedMs < closesMs;
    if (!due || rectified) continue;
    addTo(b, item.category, -fu.points, 0);
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
    raised.push({
      kind: 'follow-up',
      text: fu.text,
      scope: range.ref.kind,
      source: { kind: 'item', itemId: item.id, itemName: item.name, clause: item.clause },
      measure: { kind: 'overdue', days: fu.days, lastDay: deadline.lastDay, points: fu.points },
      findingIds: [f.id],
    });
  }
}
