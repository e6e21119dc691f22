import type { SubjectKind } from '../../../core/scheme/schemeSchema';
import { inScope } from '../../../core/sync/actor';
import type { Actor } from '../../../core/sync/actor';
import type { HallIndex } from '../patrol/hallIndex';

/**
 * Whether a score table's subject is one the account answers for: everyone sees the whole hall except a chief, who
 * sees the staff, windows, chief and unit of their units, and the windows (and their staff) they are bound to.
 */
export function subjectInScope(actor: Pick<Actor, 'role' | 'unitIds' | 'windowIds'>, hall: HallIndex, s: { subject: SubjectKind; subjectId: string; unitId: string }): boolean {
  const who = { ...actor, accountId: '', deviceId: '' };
  switch (s.subject) {
    case 'window':
      return inScope(who, { unitId: s.unitId, windowId: s.subjectId });
    case 'staff':
      return inScope(who, { unitId: s.unitId, windowId: hall.staff(s.subjectId)?.windowId });
    default:
      return inScope(who, { unitId: s.unitId });
  }
}
