import { sorted } from '../access/canonicalEvent';
import type { SubjectKind } from '../scheme/schemeSchema';
import { flagSourceKey } from '../scoring/flag';
import type { PeriodResults, SubjectResult } from '../scoring/results';

/** What a subject's line of a published table shows: enough to say what a revision changed. */
export interface SubjectSummary {
  total: number;
  bonus: number;
  pending: number;
  gradeName: string | null;
  rank: number;
  /** One key per consequence (kind and what raised it). */
  flags: string[];
}

/** The parts of a subject's result that can differ between two computations of a period. */
export type ChangedPart = 'total' | 'bonus' | 'pending' | 'grade' | 'rank' | 'categories' | 'flags' | 'explanation' | 'findings';

/** One subject whose results differ between a published revision and a newer computation. */
export type ResultChange = { subject: SubjectKind; subjectId: string; name: string; unitId: string } & (
  | { kind: 'added'; after: SubjectSummary }
  | { kind: 'removed'; before: SubjectSummary }
  | { kind: 'changed'; parts: ChangedPart[]; before: SubjectSummary; after: SubjectSummary }
);

/** A subject's summary line. */
export function summarize(s: SubjectResult): SubjectSummary {
  return {
    total: s.total,
    bonus: s.bonus,
    pending: s.pending,
    gradeName: s.gradeName,
    rank: s.rank,
    flags: s.flags.map((f) => `${f.kind}:${flagSourceKey(f.source)}`).sort(),
  };
}

const who = (s: SubjectResult) => ({ subject: s.subject, subjectId: s.subjectId, name: s.name, unitId: s.unitId });

const same = (a: unknown, b: unknown): boolean => JSON.stringify(sorted(a)) === JSON.stringify(sorted(b));

function partsChanged(a: SubjectResult, b: SubjectResult): ChangedPart[] {
  const parts: ChangedPart[] = [];
  if (a.total !== b.total) parts.push('total');
  if (a.bonus !== b.bonus) parts.push('bonus');
  if (a.pending !== b.pending) parts.push('pending');
  if (a.gradeId !== b.gradeId) parts.push('grade');
  if (a.rank !== b.rank) parts.push('rank');
  if (!same(a.categories, b.categories)) parts.push('categories');
  if (!same(a.flags, b.flags)) parts.push('flags');
  if (!same(a.explanation, b.explanation)) parts.push('explanation');
  if (a.findingCount !== b.findingCount) parts.push('findings');
  return parts;
}

/**
 * Every subject whose results differ between `before` (a published revision) and `after` (the same period computed
 * again), in the order of `after` then the removed ones. Empty exactly when the two are the same results, so a
 * published period changes only through a revision that lists these changes.
 */
export function resultChanges(before: PeriodResults, after: PeriodResults): ResultChange[] {
  const key = (s: SubjectResult): string => `${s.subject}:${s.subjectId}`;
  const old = new Map(before.subjects.map((s) => [key(s), s]));
  const out: ResultChange[] = [];
  for (const s of after.subjects) {
    const prev = old.get(key(s));
    old.delete(key(s));
    if (!prev) {
      out.push({ kind: 'added', ...who(s), after: summarize(s) });
      continue;
    }
    const parts = partsChanged(prev, s);
    if (parts.length > 0) out.push({ kind: 'changed', ...who(s), parts, before: summarize(prev), after: summarize(s) });
  }
  for (const s of old.values()) out.push({ kind: 'removed', ...who(s), before: summarize(s) });
  return out;
}

/** Whether two computations of a period differ anywhere (subjects, or the findings left out and why). */
export function resultsDiffer(before: PeriodResults, after: PeriodResults): boolean {
  return resultChanges(before, after).length > 0 || !same(before.skipped, after.skipped) || before.schemeVersion !== after.schemeVersion;
}
