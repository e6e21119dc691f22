import type { Scheme } from '../scheme/parseScheme';
import { checkInputs } from '../scheme/ruleInputs';
import type { Roster } from '../model/roster';
import type { RosterIndex } from '../model/rosterIndex';
import { chargedSubject } from '../model/chargedSubject';
import { place, placementProblems } from '../model/placement';
import type { Placement } from '../model/placement';
import type { ContestDecided, FindingEvent, FindingRecorded } from '../events/events';
import { foldSteps } from '../events/foldSteps';
import { DEFAULT_REVIEW_SETTINGS } from '../events/defaultReviewSettings';
import type { ReviewSettings } from '../events/reviewSettings';
import type { Actor } from './actor';
import { roleRefusal, scopeRefusal } from './allowedActs';
import { checkTiming } from './checkTiming';
import { hallDay } from '../time/hallDay';
import { versionOnDay } from '../versions/schemeSchedule';
import type { SchemeAssignment } from '../versions/schemeSchedule';
import { officeRefusal } from './officeRefusal';
import type { Refusal } from './refusal';

/** What checkEvent needs to know about the world; the server builds it from storage, the tablet from its own data. */
export interface CheckContext {
  roster: Roster;
  index: RosterIndex;
  scheme: (id: string, version: number) => Scheme | undefined;
  /**
   * The hall's scheme schedule (HallSetup.schemes): a recording must be under the version in force on its hall-local
   * day (docs/scheme-versions.md). Absent: not checked (a device that has no schedule of its hall).
   */
  schedule?: readonly SchemeAssignment[] | undefined;
  /** The account the event names as its actor, as it may act (undefined: unknown account). */
  actor: (accountId: string) => Actor | undefined;
  /** Events of the finding already known (stored, or earlier in the same batch). */
  findingEvents: (findingId: string) => readonly FindingEvent[];
  /** The hall's review settings (contest deadline, clock tolerance); DEFAULT_REVIEW_SETTINGS when absent. */
  review?: ReviewSettings | undefined;
  /** The checking clock (ISO): the server's at a push, the tablet's when acting. Absent: no wrong-clock check. */
  now?: string | undefined;
  /**
   * The single point where a published period refuses an office's new entries: the period (its key, such as 2026-03)
   * of this scheme that was published and holds `observedAt`, or undefined. Absent: nothing is published.
   */
  publishedPeriod?: ((schemeId: string, observedAt: string) => string | undefined) | undefined;
}

export type CheckResult =
  | { ok: true; placement: Placement }
  /** retryable: the event may become valid later (its finding has not arrived yet, or the clock catches up). */
  | { ok: false; refusal: Refusal; retryable: boolean };

/**
 * Check one well-formed event against scheme, roster, role, scope, the time rules of review and the finding's events
 * (the fold). The server checks every pushed event with it; the tablet checks every event before writing it.
 */
export function checkEvent(event: FindingEvent, ctx: CheckContext): CheckResult {
  const no = (refusal: Refusal, retryable = false): CheckResult => ({ ok: false, refusal, retryable });
  const actor = ctx.actor(event.actorId);
  if (!actor) return no({ kind: 'unknown-actor', actorId: event.actorId });
  const role = roleRefusal(actor.role, event.type);
  if (role) return no(role);
  const timing = { settings: ctx.review ?? DEFAULT_REVIEW_SETTINGS, timeZone: ctx.roster.hall.timeZone, now: ctx.now };
  if (event.type === 'finding.recorded') {
    const late = checkTiming(event, undefined, timing);
    return late ? no(late.refusal, late.retryable) : checkRecorded(event, actor, ctx);
  }

  const known = ctx.findingEvents(event.findingId);
  const recorded = known.find((e): e is FindingRecorded => e.type === 'finding.recorded');
  if (!recorded) return no({ kind: 'finding-unknown', findingId: event.findingId }, true);
  const placement = place(recorded, ctx.index);
  const scope = scopeRefusal(actor, placement);
  if (scope) return no(scope);
  const late = checkTiming(event, recorded.at, timing);
  if (late) return no(late.refusal, late.retryable);
  if (event.type === 'contest.decided' && event.decision === 'amend') {
    const problem = checkAmendment(event.amended, recorded, ctx);
    if (problem) return no(problem);
  }
  // Folded with what is known, this event in its place in the total order (an offline act may come earlier).
  const step = foldSteps([...known, event]).steps.find((s) => s.event.id === event.id);
  if (step && !step.applied && step.ignored) return no({ kind: 'fold', ignored: step.ignored });
  return { ok: true, placement };
}

function checkRecorded(event: FindingRecorded, actor: Actor, ctx: CheckContext): CheckResult {
  const no = (refusal: Refusal): CheckResult => ({ ok: false, refusal, retryable: false });
  const scheme = ctx.scheme(event.schemeId, event.schemeVersion);
  if (!scheme) return no({ kind: 'scheme-unknown', schemeId: event.schemeId, schemeVersion: event.schemeVersion });
  if (ctx.schedule) {
    const day = hallDay(event.at, ctx.roster.hall.timeZone);
    const inForce = versionOnDay(ctx.schedule, event.schemeId, day) ?? null;
    if (inForce !== event.schemeVersion) return no({ kind: 'scheme-version-not-in-force', schemeId: event.schemeId, schemeVersion: event.schemeVersion, day, inForce });
  }
  const item = scheme.items.find((i) => i.id === event.itemId);
  if (!item) return no({ kind: 'item-unknown', itemId: event.itemId, schemeId: event.schemeId, schemeVersion: event.schemeVersion });
  const office = officeRefusal(actor, item, event);
  if (office) return no(office);
  const problems = checkInputs(item.rule, event.inputs);
  if (problems.length) return no({ kind: 'inputs', itemId: item.id, problems });
  // An office's ledger entry into a published period is refused: the month is revised with a reason, not added to
  // from a ledger. A patrol finding that reaches the server after publication (a tablet offline at month end) is
  // taken and shows as a pending change for a revision (docs/results.md): refusing it would lose what was seen.
  const period = actor.role === 'office' ? ctx.publishedPeriod?.(event.schemeId, event.observedAt) : undefined;
  if (period !== undefined) return no({ kind: 'period-published', schemeId: event.schemeId, period });
  const wrong = placementProblems(event, ctx.index);
  if (wrong.length) return no({ kind: 'placement', problems: wrong });
  const placement = place(event, ctx.index);
  if (!chargedSubject(placement, item.subject)) return no({ kind: 'no-subject', itemId: item.id, subject: item.subject });
  const scope = scopeRefusal(actor, placement);
  return scope ? no(scope) : { ok: true, placement };
}

function checkAmendment(amended: ContestDecided['amended'], recorded: FindingRecorded, ctx: CheckContext): Refusal | null {
  if (!amended || (!amended.itemId && !amended.inputs)) return { kind: 'amendment-empty' };
  const scheme = ctx.scheme(recorded.schemeId, recorded.schemeVersion);
  const itemId = amended.itemId ?? recorded.itemId;
  const item = scheme?.items.find((i) => i.id === itemId);
  if (!item) return { kind: 'item-unknown', itemId, schemeId: recorded.schemeId, schemeVersion: recorded.schemeVersion };
  const problems = checkInputs(item.rule, amended.inputs ?? recorded.inputs);
  if (problems.length) return { kind: 'inputs', itemId: item.id, problems };
  return chargedSubject(place(recorded, ctx.index), item.subject) ? null : { kind: 'no-subject', itemId: item.id, subject: item.subject };
}

