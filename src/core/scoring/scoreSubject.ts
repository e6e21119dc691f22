import type { SubjectKind, Table } from '../scheme/schemeSchema';
import type { ExplanationLine } from './explanation';
import type { Flag } from './flag';
import type { CategoryResult, SubjectResult } from './results';
import type { Member, RosterIndex } from '../model/rosterIndex';
import type { Bucket } from './bucket';
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
  const categories: CategoryResult[] = [];
  for (const c of table.categories) {
    if (c.from) {
      categories.push({ id: c.id, name: c.name, mode: c.mode, points: c.points, score: fromMembers(c, c.from, member, resultsById, index, explain ? explanation : null), pending: 0 });
      continue;
    }
    const at = b?.categories.get(c.id);
    const value = b && at !== undefined ? (b.value[at] as number) : 0;
    const pending = b && at !== undefined ? (b.pending[at] as number) : 0;
    let score = c.mode === 'deduct' ? fix(c.points + value) : value;
    if (score > c.points) {
      if (explain) explanation.push({ kind: 'category-cap', categoryId: c.id, categoryName: c.name, max: c.points, trimmed: fix(score - c.points) });
      score = c.points;
    }
    if (c.floor !== undefined && score < c.floor) {
      if (explain) explanation.push({ kind: 'category-floor', categoryId: c.id, categoryName: c.name, floor: c.floor, trimmed: fix(c.floor - score) });
      score = c.floor;
    }
    categories.push({ id: c.id, name: c.name, mode: c.mode, points: c.points, score, pending });
  }

  // Added up in the categories' order, bonus categories and the others apart (as the totals always were).
  let bonusSum = 0;
  let otherSum = 0;
  let pendingSum = 0;
  for (const c of categories) {
    if (c.mode === 'bonus') bonusSum += c.score;
    else otherSum += c.score;
    pendingSum += c.pending;
  }
  let bonus = fix(bonusSum);
  if (table.bonusCap !== undefined && bonus > table.bonusCap) {
    if (explain) explanation.push({ kind: 'bonus-cap', cap: table.bonusCap, trimmed: fix(bonus - table.bonusCap) });
    bonus = table.bonusCap;
  }
  let total = fix(otherSum + bonus);
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
    pending: fix(pendingSum),
    gradeId: null,
    gradeName: null,
    gradeReason: null,
    rank: 0,
    flags,
    explanation,
    findingCount: b?.findingCount ?? 0,
  };
}

/** A category computed from members' categories (窗口考勤 = the mean of its staff's 考勤 × scale); full points without members. */
function fromMembers(
  c: Table['categories'][number],
  src: NonNullable<Table['categories'][number]['from']>,
  member: Member,
  resultsById: (kind: SubjectKind) => Map<string, SubjectResult>,
  index: RosterIndex,
  explanation: ExplanationLine[] | null,
): number {
  const results = resultsById(src.subject);
  let sum = 0;
  let count = 0;
  for (const m of index.membersOf(member, src.subject)) {
    const score = results.get(m.id)?.categories.find((x) => x.id === src.category)?.score;
    if (score === undefined) continue;
    sum += score;
    count++;
  }
  const mean = count ? round2(sum / count) : null;
  const score = count ? round2((sum / count) * src.scale) : c.points;
  explanation?.push({ kind: 'category-from', categoryId: c.id, categoryName: c.name, source: { subject: src.subject, categoryId: src.category }, members: count, mean, scale: src.scale, points: score });
  return score;
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
