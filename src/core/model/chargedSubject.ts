import type { SubjectKind } from '../scheme/schemeSchema';
import type { Placement } from './placement';

/** The id of the subject an item of this kind charges at this placement, or null (a unit's item at a window nobody staffs charges the unit). */
export function chargedSubject(p: Pick<Placement, 'staffId' | 'windowId' | 'unitId' | 'chiefId'>, subject: SubjectKind): string | null {
  return subject === 'staff' ? p.staffId : subject === 'window' ? p.windowId : subject === 'unit' ? p.unitId : p.chiefId;
}
