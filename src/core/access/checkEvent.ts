import type { Scheme } from '../scheme/parseScheme';
import type { Roster } from '../model/finding';
import type { RosterIndex } from '../model/rosterIndex';
import type { FindingEvent, FindingRecorded } from '../events/events';
import { foldFinding } from '../events/foldFinding';
import type { Actor, Role } from './actor';
import { inScope } from './actor';
import { checkInputs } from '../scheme/checkInputs';
import { checkTiming } from './checkTiming';
import { DEFAULT_REVIEW_SETTINGS } from '../events/reviewSettings';
import type { ReviewSettings } from '../events/reviewSettings';

/** What checkEvent needs to know about the world; the server builds it from storage, the tablet from Dexie. */
export interface CheckContext {
  roster: Roster;
  index: RosterIndex;
  scheme: (id: string, version: number) => Scheme | undefined;
  /** The account the event names as its actor, as it may act (undefined: unknown account). */
  actor: (accountId: string) => Actor | undefined;
  /** Events of the finding already known (stored, or earlier in the same batch). */
  findingEvents: (findingId: string) => readonly FindingEvent[];
  /** The hall's review settings (contest deadline, clock tolerance); DEFAULT_REVIEW_SETTINGS when absent. */
  review?: ReviewSettings | undefined;
  /** The checking clock (ISO): the server's at a push, the tablet's when acting. Absent: no wrong-clock check. */
  now?: string | undefined;
}

/** Where a finding is charged: the resolved unit and window, used for scope checks and scoped pulls. */
export interface Placement {
  unitId: string | null;
  windowId: string | null;
}

export type CheckResult =
  | { ok: true; placement: Placement }
  /** retryable: the event may become valid later (its finding has not reached the server yet). */
  | { ok: false; reason: string; retryable: boolean };

const MAY: Record<FindingEvent['type'], readonly Role[]> = {
  'finding.recorded': ['inspector', 'admin'],
  'finding.voided': ['inspector'],
  // On site the chief signs (or contests) on the inspector's tablet, so the inspector's account carries it.
  'finding.acknowledged': ['inspector', 'chief'],
  'finding.contested': ['inspector', 'chief'],
  'contest.decided': ['committee'],
  'contest.reopened': ['committee'],
  'finding.rectified': ['inspector', 'committee', 'admin'],
};

/** Check one well-formed event against scheme, roster, role, scope, the time rules of review and the finding's review state. */
export function checkEvent(event: FindingEvent, ctx: CheckContext): CheckResult {
  const no = (reason: string, retryable = false): CheckResult => ({ ok: false, reason: `event ${event.id} (${event.type}): ${reason}`, retryable });
  const actor = ctx.actor(event.actorId);
  if (!actor) return no(`actor "${event.actorId}" is not an account that signed in on device "${event.deviceId}"`);
  if (!MAY[event.type].includes(actor.role)) {
    return no(`a ${actor.role} may not ${event.type.replace('.', ' ')}; allowed: ${MAY[event.type].join(', ')}`);
  }
  const timing = { settings: ctx.review ?? DEFAULT_REVIEW_SETTINGS, timeZone: ctx.roster.hall.timeZone, now: ctx.now };
  if (event.type === 'finding.recorded') {
    const late = checkTiming(event, undefined, timing);
    return late ? no(late.reason, late.retryable) : checkRecorded(event, actor, ctx, no);
  }

  const known = ctx.findingEvents(event.findingId);
  const recorded = known.find((e): e is FindingRecorded => e.type === 'finding.recorded');
  if (!recorded) return no(`finding ${event.findingId} is not on the server yet`, true);
  const placement = place(recorded, ctx.index);
  if (!inScope(actor, { unitId: placement.unitId ?? undefined, windowId: placement.windowId ?? undefined })) {
    return no(`finding ${event.findingId} is charged to unit ${placement.unitId ?? '-'}, outside the scope of ${actor.accountId}`);
  }
  const late = checkTiming(event, recorded, timing);
  if (late) return no(late.reason, late.retryable);
  if (event.type === 'contest.decided' && event.decision === 'amend') {
    const problem = checkAmendment(event.amended, recorded, ctx);
    if (problem) return no(problem);
  }
  const folded = foldFinding([...known, event]);
  const ignored = folded?.ignored.find((i) => i.eventId === event.id);
  if (ignored) return no(ignored.reason);
  return { ok: true, placement };
}

function checkRecorded(event: FindingRecorded, actor: Actor, ctx: CheckContext, no: (r: string) => CheckResult): CheckResult {
  const scheme = ctx.scheme(event.schemeId, event.schemeVersion);
  if (!scheme) return no(`scheme ${event.schemeId} v${event.schemeVersion} is not known to the server`);
  const item = scheme.items.find((i) => i.id === event.itemId);
  if (!item) return no(`item "${event.itemId}" is not in scheme ${event.schemeId} v${event.schemeVersion}`);
  const problems = checkInputs(item, event.inputs);
  if (problems.length) return no(problems.join('; '));
  for (const [kind, id] of [['staff', event.staffId], ['window', event.windowId], ['unit', event.unitId]] as const) {
    if (id !== undefined && !ctx.index.find(kind, id)) return no(`${kind} "${id}" is not in the roster of ${ctx.roster.hall.id}`);
  }
  const placement = place(event, ctx.index);
  const charged = subjectOf(item.subject, event, ctx.index);
  if (!charged) {
    return no(`item "${item.id}" charges a ${item.subject}, but staff ${event.staffId ?? '-'}, window ${event.windowId ?? '-'}, unit ${event.unitId ?? '-'} name none in the roster`);
  }
  if (!inScope(actor, { unitId: placement.unitId ?? undefined, windowId: placement.windowId ?? undefined })) {
    return no(`unit ${placement.unitId ?? '-'} is outside the scope of ${actor.accountId}`);
  }
  return { ok: true, placement };
}

function checkAmendment(amended: { itemId?: string; inputs?: FindingRecorded['inputs'] } | undefined, recorded: FindingRecorded, ctx: CheckContext): string | null {
  if (!amended || (!amended.itemId && !amended.inputs)) return 'an amendment names another item or other inputs';
  const scheme = ctx.scheme(recorded.schemeId, recorded.schemeVersion);
  const item = scheme?.items.find((i) => i.id === (amended.itemId ?? recorded.itemId));
  if (!item) return `item "${amended.itemId ?? recorded.itemId}" is not in scheme ${recorded.schemeId} v${recorded.schemeVersion}`;
  const problems = checkInputs(item, amended.inputs ?? recorded.inputs);
  return problems.length ? problems.join('; ') : null;
}

/** staff -> window -> unit, each taken from the event first and derived otherwise (as the engine does). */
export function place(e: Pick<FindingRecorded, 'staffId' | 'windowId' | 'unitId'>, index: RosterIndex): Placement {
  const staff = e.staffId ? index.find('staff', e.staffId) : undefined;
  const window = index.find('window', e.windowId ?? staff?.windowId ?? '');
  const unit = index.find('unit', e.unitId ?? window?.unitId ?? staff?.unitId ?? '');
  return { unitId: unit?.id ?? null, windowId: window?.id ?? null };
}

function subjectOf(kind: 'staff' | 'window' | 'unit' | 'chief', e: FindingRecorded, index: RosterIndex): string | undefined {
  if (kind === 'staff') return e.staffId && index.find('staff', e.staffId)?.id;
  const p = place(e, index);
  if (kind === 'window') return p.windowId ?? undefined;
  if (kind === 'unit') return p.unitId ?? undefined;
  return p.unitId ? index.chiefOfUnit(p.unitId)?.id : undefined;
}
