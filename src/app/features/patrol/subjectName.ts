import { place } from '../../../core/model/placement';
import type { Where } from '../../../core/model/placement';
import type { SubjectKind } from '../../../core/scheme/schemeSchema';
import type { HallView } from '../../services/hallView';

/** The name of whoever an item charges for a finding (placed by the core): the person, the window, the unit or its chief. */
export function subjectName(hall: HallView, subject: SubjectKind, f: Where): string {
  const p = place(f, hall.index);
  switch (subject) {
    case 'staff':
      return (p.staffId && hall.index.staff(p.staffId)?.name) || '';
    case 'window': {
      const w = p.windowId ? hall.index.window(p.windowId) : undefined;
      return w?.name ?? w?.number ?? '';
    }
    case 'unit':
      return (p.unitId && hall.index.unit(p.unitId)?.name) || '';
    case 'chief':
      return (p.unitId && hall.index.chief(p.unitId)?.name) || '';
  }
}
