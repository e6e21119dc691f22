import type { SubjectKind, Table } from '../scheme/schemeSchema';
import type { ExplanationLine } from './explanation';
import type { Flag } from './flag';
import type { CategoryResult, SubjectResult } from './results';
import type { Member, RosterIndex } from '../model/rosterIndex';
import type { Bucket } from './scoreDirect';
import { fix, round2 } from './points';

/**
 * One subject's result from its bucket: categories (computed from members, capped, floored), bonus cap, aggregate
 * total, total floor. Lines for caps, floors and computed parts are written only when `explain`.
 */
export function scoreSubject(
  table: Table,
  member: Member,
  b: Bucket | undefined,
  explain: boolean,
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
      if (explain) {
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
      }
      return { id: c.id, name: c.name, mode: c.mode, points: c.points, score, pending: 0 };
    }
    const moved = b?.byCategory.get(c.id) ?? { value: 0, pending: 0 };
    let score = c.mode === 'deduct' ? fix(c.points + moved.value) : moved.value;
    if (score > c.points) {
      if (explain) explanation.push({ kind: 'category-cap', categoryId: c.id, categoryName: c.name, max: c.points, trimmed: fix(score - c.points) });
      score = c.points;
    }
    if (c.floor !== undefined && score < c.floor) {
      if (explain) explanation.push({ kind: 'category-floor', categoryId: c.id, categoryName: c.name, floor: c.floor, trimmed: fix(c.floor - score) });
      score = c.floor;
    }
    return { id: c.id, name: c.name, mode: c.mode, points: c.points, score, pending: moved.pending };
  });

  let bonus = fix(categories.filter((c) => c.mode === 'bonus').reduce((s, c) => s + c.score, 0));
  if (table.bonusCap !== undefined && bonus > table.bonusCap) {
    if (explain) explanation.push({ kind: 'bonus-cap', cap: table.bonusCap, trimmed: fix(bonus - table.bonusCap) });
    bonus = table.bonusCap;
  }
  let total = fix(categories.filter((c) => c.mode !== 'bonus').reduce((s, c) => s + c.score, 0) + bonus);
  if (table.aggregate) total = aggregateTotal(table, member, resultsById, index, scores, itemNames, explain ? explanation : null);
  if (table.floor !== undefined && total < table.floor) {
    if (explain) explanation.push({ kind: 'total-floor', floor: table.floor, trimmed: fix(table.floor - total) });
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
  explanation: ExplanationLine[] | null,
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
      explanation?.push({ ...line, value: null });
      continue;
    }
    weighted += value * p.weight;
    present += p.weight;
    explanation?.push({ ...line, value: round2(value) });
  }
  // Weighted mean over the parts that have data: a missing part's weight is shared out in proportion.
  return present > 0 ? round2(weighted / present) : 0;
}
