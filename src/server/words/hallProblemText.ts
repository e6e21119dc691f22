import type { HallProblem } from '../../core/model/hallProblems';
import type { RosterChangeRefusal } from '../../core/model/rosterChange';
import type { RosterImportProblem } from '../../core/model/rosterImport';
import type { ScheduleProblem } from '../../core/versions/schemeSchedule';

/**
 * The server's words for the core's problems of a hall setup, a roster change, a roster file and a scheme schedule:
 * plain English for the API's `message`, beside the same problems as data (`problems`) that the admin screens word
 * in their own language.
 */
export function hallProblemText(p: HallProblem): string {
  switch (p.kind) {
    case 'id-repeated':
      return `${p.list}: id "${p.id}" is used twice`;
    case 'window-number-repeated':
      return `windows ${p.windowIds[0]} and ${p.windowIds[1]} are both numbered "${p.number}"`;
    case 'window-unit-unknown':
      return `window ${p.number} (${p.windowId}) belongs to unknown unit "${p.unitId}"`;
    case 'tile-window-unknown':
      return `the floor map places unknown window "${p.windowId}"`;
    case 'tile-repeated':
      return `the floor map places window ${p.number} (${p.windowId}) twice`;
    case 'tiles-overlap':
      return `windows ${p.numbers[0]} and ${p.numbers[1]} overlap on the floor map`;
    case 'tile-outside-floor':
      return `window ${p.number} (${p.windowId}) lies outside the floor`;
    case 'area-outside-floor':
      return `area ${p.name || p.areaId} lies outside the floor`;
    case 'staff-unit-unknown':
      return `staff ${p.name} (${p.staffId}) belongs to unknown unit "${p.unitId}"`;
    case 'staff-window-unknown':
      return `staff ${p.name} (${p.staffId}) sits at unknown window "${p.windowId}"`;
    case 'staff-window-other-unit':
      return `staff ${p.name} (${p.staffId}) of unit ${p.unitId} sits at window ${p.number} of unit ${p.windowUnitId}`;
    case 'chief-unit-unknown':
      return `chief ${p.name} (${p.chiefId}) answers for unknown unit "${p.unitId}"`;
    case 'chiefs-repeated':
      return `unit ${p.unitId} has two chiefs (${p.chiefIds[0]}, ${p.chiefIds[1]}); one per unit`;
    case 'opening-hours':
      return p.part === 'midday' ? `the morning ends (${p.from}) after the afternoon begins (${p.to})` : `the ${p.part} opens at ${p.from} and closes at ${p.to}: not in order`;
  }
}

export function rosterChangeText(r: RosterChangeRefusal): string {
  switch (r.kind) {
    case 'staff-removed':
      return `staff ${r.name} (${r.staffId}) has ${r.findings} recorded findings and cannot be removed; mark them as left instead`;
    case 'staff-unit-changed':
      return `staff ${r.name} (${r.staffId}) has ${r.findings} recorded findings in unit ${r.from} and cannot move to unit ${r.to}; mark them as left and add them anew`;
    case 'window-removed':
      return `window ${r.number} (${r.windowId}) has ${r.findings} recorded findings and cannot be removed`;
    case 'window-unit-changed':
      return `window ${r.number} (${r.windowId}) has ${r.findings} recorded findings in unit ${r.from} and cannot move to unit ${r.to}`;
    case 'unit-removed':
      return `unit ${r.name} (${r.unitId}) has ${r.findings} recorded findings and cannot be removed`;
    case 'chief-removed':
      return `the chief ${r.name} of unit ${r.unitId} answers for ${r.findings} recorded findings; name a new chief instead of none`;
  }
}

export function rosterImportText(p: RosterImportProblem): string {
  switch (p.kind) {
    case 'missing':
      return `row ${p.row}: no ${p.field}`;
    case 'unit-unknown':
      return `row ${p.row}: unknown unit "${p.unit}"`;
    case 'role-unknown':
      return `row ${p.row}: unknown role "${p.role}" (expected 工作人员 or 首席代表)`;
    case 'window-unknown':
      return `row ${p.row}: no window numbered "${p.window}"`;
    case 'window-other-unit':
      return `row ${p.row}: window ${p.window} belongs to ${p.windowUnit}, not ${p.unit}`;
    case 'window-for-chief':
      return `row ${p.row}: a chief sits at no window (window "${p.window}" given)`;
    case 'name-repeated':
      return `row ${p.row}: ${p.name} of ${p.unit} is already on row ${p.firstRow}`;
    case 'chief-repeated':
      return `row ${p.row}: ${p.unit} already has its chief on row ${p.firstRow}`;
    case 'empty':
      return 'the file has no rows';
  }
}

export function scheduleProblemText(p: ScheduleProblem): string {
  switch (p.kind) {
    case 'version-not-held':
      return `scheme ${p.id} v${p.version} is not held by this hall (upload it first)`;
    case 'not-a-day':
      return `scheme ${p.id} v${p.version}: "${p.from}" is not a calendar day`;
    case 'from-not-period-start':
      return `scheme ${p.id} v${p.version}: it scores by ${p.period}, so it takes effect on the first day of a ${p.period}, not ${p.from}`;
    case 'from-repeated':
      return `scheme ${p.id} for ${p.subject}: two versions take effect on ${p.from ?? 'the beginning'}`;
    case 'version-order':
      return `scheme ${p.id} v${p.version} (from ${p.from ?? 'the beginning'}) must be newer than v${p.earlier}, which takes effect before it`;
    case 'schedules-differ':
      return `scheme ${p.id} has different versions or days for ${p.subjects[0]} and ${p.subjects[1]}; one schedule per scheme`;
    case 'level-several-schemes':
      return `${p.subject}: schemes ${p.ids[0]} and ${p.ids[1]} are both assigned; one scheme per level`;
    case 'subject-not-scored':
      return `scheme ${p.id} v${p.version} does not score ${p.subject}`;
  }
}

/** Several problems as one message, the first few in full. */
export function listed<T>(what: string, problems: readonly T[], word: (p: T) => string): string {
  const shown = problems.slice(0, 10).map(word).join('; ');
  return `${what}: ${shown}${problems.length > 10 ? `; and ${problems.length - 10} more` : ''}`;
}
