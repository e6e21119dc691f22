import type { Actor } from '../../../core/access/actor';
import { subjectInScope as inScopeOf } from '../../../core/access/subjectInScope';
import type { SubjectKind } from '../../../core/scheme/schemeSchema';
import type { HallView } from '../../services/hallView';

/** Whether a score table's subject is the account's to see (a chief: their units and windows; the server filters alike). */
export function subjectInScope(actor: Pick<Actor, 'role' | 'unitIds' | 'windowIds'>, hall: HallView, s: { subject: SubjectKind; subjectId: string; unitId: string }): boolean {
  return inScopeOf(actor, s, (id) => hall.index.staff(id)?.windowId);
}
