import type { FindingPoints } from '../../../core/scoring/findingPoints';
import { findingPoints } from '../../../core/scoring/findingPoints';
import type { Item } from '../../../core/scheme/schemeSchema';
import { indexRoster } from '../../../core/model/rosterIndex';
import type { LoggedFinding } from '../../../device/loggedFinding';
import type { PatrolScheme } from '../../../device/patrolScheme';
import type { HallIndex } from '../patrol/hallIndex';
import { subjectName } from '../patrol/subjectName';

/** What a review screen says about one finding: the item with the regulation's words, points, who and where. */
export interface FindingFacts {
  item: Item | undefined;
  points: FindingPoints | null;
  subject: string;
  windowNumber: string;
  unitName: string;
}

/** The facts of a finding, with the points of the item in force (amended item/inputs when the committee amended it). */
export function findingFacts(f: LoggedFinding, hall: HallIndex, schemes: readonly PatrolScheme[]): FindingFacts {
  const scheme = schemes.find((s) => s.scheme.id === f.schemeId)?.scheme;
  const itemId = f.amended?.itemId ?? f.itemId;
  const item = scheme?.items.find((i) => i.id === itemId);
  const window = f.windowId ? hall.window(f.windowId) : undefined;
  const unitId = f.unitId ?? window?.unitId ?? (f.staffId ? hall.staff(f.staffId)?.unitId : undefined);
  const inputs = f.amended?.inputs ?? f.inputs;
  const scored = { id: f.id, itemId, at: f.at, state: f.state, ...(f.staffId ? { staffId: f.staffId } : {}), ...(f.windowId ? { windowId: f.windowId } : {}), ...(f.unitId ? { unitId: f.unitId } : {}), ...(inputs ? { inputs } : {}) };
  return {
    item,
    points: scheme && item ? findingPoints(scheme, indexRoster(hall.hall.roster), scored) : null,
    subject: item ? subjectName(hall, item.subject, f) : '',
    windowNumber: window?.number ?? '',
    unitName: (unitId && hall.unit(unitId)?.name) || '',
  };
}
