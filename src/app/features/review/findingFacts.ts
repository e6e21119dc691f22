import { effectiveItem } from '../../../core/model/effectiveItem';
import { place } from '../../../core/model/placement';
import type { Item } from '../../../core/scheme/schemeSchema';
import { findingPoints } from '../../../core/scoring/findingPoints';
import type { FindingPoints } from '../../../core/scoring/findingPoints';
import type { LoggedFinding } from '../../../device/loggedFinding';
import type { PatrolScheme } from '../../../device/patrolScheme';
import type { HallView } from '../../services/hallView';
import { subjectName } from '../patrol/subjectName';

/** What a screen says about one finding: the item in force with the regulation's words, points, who and where. */
export interface FindingFacts {
  item: Item | undefined;
  /** The finding's own points by the item in force (the committee's amendment once amended); null when unknown here. */
  points: FindingPoints | null;
  subject: string;
  windowNumber: string;
  unitName: string;
}

/** The facts of a finding as the core decides them: its effective item and inputs, its points, its placement. */
export function findingFacts(f: LoggedFinding, hall: HallView, schemes: readonly PatrolScheme[]): FindingFacts {
  const scheme = schemes.find((s) => s.scheme.id === f.schemeId && s.scheme.version === f.schemeVersion)?.scheme;
  const item = scheme?.items.find((i) => i.id === effectiveItem(f).itemId);
  const p = place(f, hall.index);
  return {
    item,
    points: scheme ? findingPoints(scheme, hall.index, f) : null,
    subject: item ? subjectName(hall, item.subject, f) : '',
    windowNumber: (p.windowId && hall.index.window(p.windowId)?.number) || '',
    unitName: (p.unitId && hall.index.unit(p.unitId)?.name) || '',
  };
}
