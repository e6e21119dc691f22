import type { Roster } from '../../../../core/model/roster';
import type { PeriodResults, SubjectResult } from '../../../../core/scoring/results';

/** Points a subject lost in the period: its counted deductions (findings, period rules, overdue follow-ups). */
export function pointsLost(s: SubjectResult): number {
  let lost = 0;
  for (const l of s.explanation) {
    if ((l.kind === 'finding' || l.kind === 'period') && l.status === 'counted' && l.points < 0) lost -= l.points;
    else if (l.kind === 'follow-up' && l.points < 0) lost -= l.points;
  }
  return Math.round(lost * 1000) / 1000;
}

/** What the heat map colours each window by: its own result, its seated staff's, or its unit's. */
export type LossBasis = 'window' | 'staff' | 'unit';

/**
 * Points lost per window for the floor map: the window's own result where the scheme scores windows, else the sum
 * of the staff seated at it, else (a scheme that scores units) its unit's points lost on each of the unit's windows.
 */
export function windowLoss(results: PeriodResults, roster: Roster): { basis: LossBasis | null; values: Map<string, number> } {
  const values = new Map<string, number>();
  const of = (kind: SubjectResult['subject']) => results.subjects.filter((s) => s.subject === kind);
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
