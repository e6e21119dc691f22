import type { Actor } from '../../core/access/actor';
import { subjectInScope } from '../../core/access/subjectInScope';
import type { Roster } from '../../core/model/roster';
import type { ResultChange } from '../../core/publish/resultChanges';
import type { PeriodResults, SubjectResult } from '../../core/scoring/results';

/** Whether a subject (of results or of a change) is in the actor's scope: a chief's own units and windows, everyone else all. */
export function subjectFilter(actor: Actor, roster: Roster): (s: Pick<SubjectResult, 'subject' | 'subjectId' | 'unitId'>) => boolean {
  if (actor.role !== 'chief') return () => true;
  const windowOf = new Map(roster.staff.map((s) => [s.id, s.windowId]));
  return (s) => subjectInScope(actor, s, (id) => windowOf.get(id));
}

/** Results with only the subjects the actor may see (a chief: their own; the rest: all). */
export function scopeResults(actor: Actor, roster: Roster, results: PeriodResults): PeriodResults {
  if (actor.role !== 'chief') return results;
  const keep = subjectFilter(actor, roster);
  return { ...results, subjects: results.subjects.filter(keep), skipped: [] };
}

/** Changes with only the subjects the actor may see. */
export function scopeChanges(actor: Actor, roster: Roster, changes: readonly ResultChange[]): ResultChange[] {
  const keep = subjectFilter(actor, roster);
  return changes.filter(keep);
}
