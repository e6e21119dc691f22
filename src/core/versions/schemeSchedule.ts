import type { PeriodKind, SubjectKind } from '../scheme/schemeSchema';
import type { PeriodRef } from '../time/period';

/**
 * One line of a hall's scheme schedule (HallSetup.schemes): scheme `id` is assigned to the hall's level `subject`, and
 * its version `version` is in force from the hall-local day `from` (absent: from the beginning) until the next
 * version's `from`.
 */
export interface SchemeAssignment {
  id: string;
  version: number;
  subject: SubjectKind;
  from?: string | undefined;
}

/** A version of a scheme in the hall's schedule, with the days it is in force: [from, until), null = open. */
export interface ScheduledVersion {
  version: number;
  from: string | null;
  until: string | null;
}

/** The versions of a scheme id in the schedule, oldest first, each with the days it is in force. */
export function scheduleOf(assignments: readonly SchemeAssignment[], schemeId: string): ScheduledVersion[] {
  const byVersion = new Map<number, string | null>();
  for (const a of assignments) if (a.id === schemeId && !byVersion.has(a.version)) byVersion.set(a.version, a.from ?? null);
  const list = [...byVersion].map(([version, from]) => ({ version, from })).sort((a, b) => (a.from ?? '') .localeCompare(b.from ?? '') || a.version - b.version);
  return list.map((v, i) => ({ ...v, until: list[i + 1]?.from ?? null }));
}

/** The version of a scheme id in force on a hall-local day (YYYY-MM-DD), or undefined when none is yet. */
export function versionOnDay(assignments: readonly SchemeAssignment[], schemeId: string, day: string): number | undefined {
  return scheduleOf(assignments, schemeId).filter((v) => v.from === null || v.from <= day).pop()?.version;
}

/** The scheme and version in force for a level of the hall on a day: what the tablet offers and records under. */
export function inForceFor(assignments: readonly SchemeAssignment[], level: SubjectKind, day: string): { id: string; version: number } | undefined {
  const ids = [...new Set(assignments.filter((a) => a.subject === level).map((a) => a.id))];
  for (const id of ids) {
    const version = versionOnDay(assignments, id, day);
    if (version !== undefined) return { id, version };
  }
  return undefined;
}

/** The first day of a period, YYYY-MM-DD. */
export function firstDay(p: PeriodRef): string {
  const month = p.kind === 'month' ? (p.index ?? 1) : p.kind === 'quarter' ? ((p.index ?? 1) - 1) * 3 + 1 : 1;
  return `${p.year}-${String(month).padStart(2, '0')}-01`;
}

/** Is the day the first day of a period of this kind (a month's 1st, a quarter's first day, 1 January)? */
export function startsPeriod(day: string, kind: PeriodKind): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!m || m[3] !== '01') return false;
  const month = Number(m[2]);
  return kind === 'month' ? true : kind === 'quarter' ? (month - 1) % 3 === 0 : month === 1;
}

/** Is the text a real calendar day YYYY-MM-DD (2026-02-30 is not)? */
export function isDay(day: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const days = [31, y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][mo - 1];
  return days !== undefined && d >= 1 && d <= days;
}

/** Why a schedule cannot be saved, as data. */
export type ScheduleProblem =
  | { kind: 'version-not-held'; id: string; version: number }
  | { kind: 'not-a-day'; id: string; version: number; from: string }
  | { kind: 'from-not-period-start'; id: string; version: number; from: string; period: PeriodKind }
  | { kind: 'from-repeated'; id: string; subject: SubjectKind; from: string | null }
  | { kind: 'version-order'; id: string; version: number; from: string | null; earlier: number }
  | { kind: 'schedules-differ'; id: string; subjects: [SubjectKind, SubjectKind] }
  | { kind: 'level-several-schemes'; subject: SubjectKind; ids: [string, string] }
  | { kind: 'subject-not-scored'; id: string; version: number; subject: SubjectKind };

/** What the schedule check needs to know of a held scheme version. */
export interface HeldVersion {
  period: PeriodKind;
  subjects: readonly SubjectKind[];
}

/**
 * Check a scheme schedule against the versions the hall holds: every version held and scoring the level it is
 * assigned to; effective days real and on the first day of the scheme's own period (so a month or quarter the scheme
 * scores is never split between two versions: docs/scheme-versions.md); per scheme and level each day once, later
 * days with higher versions; one schedule per scheme id whatever the level; one scheme id per level.
 */
export function scheduleProblems(assignments: readonly SchemeAssignment[], held: (id: string, version: number) => HeldVersion | undefined): ScheduleProblem[] {
  const out: ScheduleProblem[] = [];
  for (const a of assignments) {
    const h = held(a.id, a.version);
    if (!h) {
      out.push({ kind: 'version-not-held', id: a.id, version: a.version });
      continue;
    }
    if (!h.subjects.includes(a.subject)) out.push({ kind: 'subject-not-scored', id: a.id, version: a.version, subject: a.subject });
    if (a.from === undefined) continue;
    if (!isDay(a.from)) out.push({ kind: 'not-a-day', id: a.id, version: a.version, from: a.from });
    else if (!startsPeriod(a.from, h.period)) out.push({ kind: 'from-not-period-start', id: a.id, version: a.version, from: a.from, period: h.period });
  }
  const groups = new Map<string, SchemeAssignment[]>();
  for (const a of assignments) {
    const k = `${a.id}\n${a.subject}`;
    groups.set(k, [...(groups.get(k) ?? []), a]);
  }
  const signature = new Map<string, { subject: SubjectKind; sig: string }>();
  for (const list of groups.values()) {
    const first = list[0];
    if (!first) continue;
    const sorted = [...list].sort((a, b) => (a.from ?? '').localeCompare(b.from ?? ''));
    sorted.forEach((a, i) => {
      const before = sorted[i - 1];
      if (!before) return;
      if ((before.from ?? null) === (a.from ?? null)) out.push({ kind: 'from-repeated', id: a.id, subject: a.subject, from: a.from ?? null });
      else if (a.version <= before.version) out.push({ kind: 'version-order', id: a.id, version: a.version, from: a.from ?? null, earlier: before.version });
    });
    const sig = sorted.map((a) => `${a.version}@${a.from ?? ''}`).join(',');
    const other = signature.get(first.id);
    if (other && other.sig !== sig) out.push({ kind: 'schedules-differ', id: first.id, subjects: [other.subject, first.subject] });
    else if (!other) signature.set(first.id, { subject: first.subject, sig });
  }
  const levelIds = new Map<SubjectKind, string>();
  for (const a of assignments) {
    const other = levelIds.get(a.subject);
    if (other !== undefined && other !== a.id) {
      if (!out.some((p) => p.kind === 'level-several-schemes' && p.subject === a.subject)) out.push({ kind: 'level-several-schemes', subject: a.subject, ids: [other, a.id] });
    } else levelIds.set(a.subject, a.id);
  }
  return out;
}
