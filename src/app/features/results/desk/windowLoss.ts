import type { Roster } from '../../../../core/model/roster';
import type { PeriodScores, SubjectScore } from '../../../../core/scoring/results';

/**
 * Points a subject lost in the period: what its deduct categories stand below their full points (findings, period
 * rules, overdue follow-ups, members' averages), after the caps and floors the engine applied — the score's own numbers,
 * so no explanation line is needed.
 */
export function pointsLost(s: SubjectScore): number {
  let lost = 0;
  for (const c of s.categories) if (c.mode === 'deduct') lost += Math.max(0, c.points - c.score);
  return Math.round(lost * 1000) / 1000;
}

/** What the heat map colours each window by: its own result, its seated staff's, or its unit's. */
export type LossBasis = 'window' | 'staff' | 'unit';

/**
 * Points lost per window for the floor map: the window's own result where the scheme scores windows, else the sum
 * of the staff seated at it, else (a scheme that scores units) its unit's points lost on each of the unit's windows.
 */
export function windowLoss(results: PeriodScores, roster: Roster): { basis: LossBasis | null; values: Map<string, number> } {
  const values = new Map<string, number>();
  const of = (kind: SubjectScore['subject']) => results.subjects.filter((s) => s.subject === kind);
  const windows = of('window');
  if (windows.length > 0) {
    for (const w of windows) values.set(w.subjectId, pointsLost(w));
    return { basis: 'window', values };
  }
  const staff = of('staff');
  if (staff.length > 0) {
    const seat = new Map(roster.staff.map((s) => [s.id, s.windowId]));
    for (const s of staff) {
      const w = seat.get(s.subjectId);
      if (w) values.set(w, (values.get(w) ?? 0) + pointsLost(s));
    }
    return { basis: 'staff', values };
  }
  const units = of('unit');
  if (units.length > 0) {
    const lost = new Map(units.map((u) => [u.subjectId, pointsLost(u)]));
    for (const w of roster.windows) values.set(w.id, lost.get(w.unitId) ?? 0);
    return { basis: 'unit', values };
  }
  return { basis: null, values };
}
