import type { SubjectKind } from '../scheme/schemeSchema';
import { inScope } from './actor';
import type { Actor } from './actor';

/**
 * Whether a result's subject is one the actor answers for: everyone sees the whole hall except a chief, who sees the
 * staff, windows, chief and unit of their units, and the windows (with their staff) they are bound to.
 */
export function subjectInScope(
  actor: Pick<Actor, 'role' | 'unitIds' | 'windowIds'>,
  s: { subject: SubjectKind; subjectId: string; unitId: string },
  windowOfStaff: (staffId: string) => string | undefined,
): boolean {
  const who = { ...actor, accountId: '', deviceId: '' };
  switch (s.subject) {
    case 'window':
      return inScope(who, { unitId: s.unitId, windowId: s.subjectId });
    case 'staff':
      return inScope(who, { unitId: s.unitId, windowId: windowOfStaff(s.subjectId) });
    default:
      return inScope(who, { unitId: s.unitId });
  }
}
