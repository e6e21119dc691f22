import type { SubjectKind } from '../../../core/scheme/schemeSchema';
import type { SchemeAssignment } from '../../../core/versions/schemeSchedule';

export const LEVELS: readonly SubjectKind[] = ['staff', 'window', 'unit', 'chief'];

/** The schedule as the screen edits it: one scheme id per level, and per scheme id its versions with their days. */
export interface SchemePlan {
  levels: Record<SubjectKind, string | null>;
  versions: Record<string, { version: number; from?: string | undefined }[]>;
}

/** Read a hall's schedule (HallSetup.schemes) as a plan: the first level's lines of an id give its versions. */
export function planOf(assignments: readonly SchemeAssignment[]): SchemePlan {
  const levels: SchemePlan['levels'] = { staff: null, window: null, unit: null, chief: null };
  const versions: SchemePlan['versions'] = {};
  for (const a of assignments) {
    levels[a.subject] ??= a.id;
    if (levels[a.subject] !== a.id) continue;
    const list = (versions[a.id] ??= []);
    if (!list.some((v) => v.version === a.version && v.from === a.from)) list.push(a.from === undefined ? { version: a.version } : { version: a.version, from: a.from });
  }
  return { levels, versions };
}

/** The schedule a plan stands for: every version line of a level's scheme, for that level. */
export function assignmentsOf(plan: SchemePlan): SchemeAssignment[] {
  return LEVELS.flatMap((subject) => {
    const id = plan.levels[subject];
    if (!id) return [];
    return (plan.versions[id] ?? []).map((v) => (v.from === undefined ? { id, version: v.version, subject } : { id, version: v.version, subject, from: v.from }));
  });
}
