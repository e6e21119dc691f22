import type { SubjectKind } from '../../../core/scheme/schemeSchema';
import type { HallIndex } from './hallIndex';

/** The name of whoever an item charges for a finding: the person, the window, the unit or its chief. */
export function subjectName(hall: HallIndex, subject: SubjectKind, f: { staffId?: string; windowId?: string; unitId?: string }): string {
  const window = f.windowId ? hall.window(f.windowId) : undefined;
  const unitId = f.unitId ?? window?.unitId ?? (f.staffId ? hall.staff(f.staffId)?.unitId : undefined);
  switch (subject) {
    case 'staff':
      return (f.staffId && hall.staff(f.staffId)?.name) || '';
    case 'window':
      return window?.name ?? window?.number ?? '';
    case 'unit':
      return (unitId && hall.unit(unitId)?.name) || '';
    case 'chief':
      return (unitId && hall.chiefOf(unitId)?.name) || '';
  }
}
