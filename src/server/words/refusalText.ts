import type { Refusal } from '../../core/access/refusal';
import type { EventRef, Ignored } from '../../core/events/applyEvent';
import type { FindingEvent } from '../../core/events/events';
import type { PlacementProblem } from '../../core/model/placement';
import type { InputProblem } from '../../core/scheme/ruleInputs';

/**
 * The server's words for a refused event (a push outcome's `reason`): plain English naming the event and the problem,
 * joined from the core's structured refusal. The tablet words the same refusals in its own language.
 */
export function refusalText(event: Pick<FindingEvent, 'id' | 'type' | 'actorId' | 'deviceId' | 'findingId'>, r: Refusal): string {
  return `event ${event.id} (${event.type}): ${why(event, r)}`;
}

function why(event: Pick<FindingEvent, 'actorId' | 'deviceId' | 'findingId'>, r: Refusal): string {
  switch (r.kind) {
    case 'unknown-actor':
      return `actor "${r.actorId}" is not an account that signed in on device "${event.deviceId}"`;
    case 'role':
      return `${/^[aeiou]/.test(r.role) ? 'an' : 'a'} ${r.role} may not ${r.act.replace('.', ' ')}; allowed: ${r.allowed.join(', ')}`;
    case 'scope':
      return `finding ${event.findingId} is charged to unit ${r.unitId ?? '-'}${r.windowId ? ` (window ${r.windowId})` : ''}, outside the scope of ${event.actorId}`;
    case 'clock-ahead':
      return `its time ${r.at} is ${r.minutes} minutes ahead of the clock here (${r.now}); the device's clock is wrong (tolerance ${r.toleranceMinutes} minutes)`;
    case 'before-recording':
      return `its time ${r.at} is before the finding was recorded (${r.recordedAt})`;
    case 'contest-closed':
      return `the contest period ended with ${r.lastDay} (${r.days} days after the finding was recorded); the contest was made at ${r.at}`;
    case 'contest-arrived-late':
      return `the contest arrived at ${r.now}, more than ${r.graceHours} hours after the contest period ended (${r.lastDay}); a contest made offline must reach the server within ${r.graceHours} hours of the deadline`;
    case 'finding-unknown':
      return `finding ${r.findingId} is not on the server yet`;
    case 'scheme-unknown':
      return `scheme ${r.schemeId} v${r.schemeVersion} is not known to the server`;
    case 'scheme-version-not-in-force':
      return r.inForce === null
        ? `scheme ${r.schemeId} is not in force in this hall on ${r.day} (the finding's day, hall time): its schedule has no version of it then`
        : `scheme ${r.schemeId} v${r.schemeVersion} is not in force in this hall on ${r.day} (the finding's day, hall time); v${r.inForce} is, record under it`;
    case 'item-unknown':
      return `item "${r.itemId}" is not in scheme ${r.schemeId} v${r.schemeVersion}`;
    case 'inputs':
      return r.problems.map((p) => inputProblemText(r.itemId, p)).join('; ');
    case 'placement':
      return r.problems.map(placementProblemText).join('; ');
    case 'no-subject':
      return `item "${r.itemId}" charges a ${r.subject}, but what the finding names resolves to none in the roster`;
    case 'amendment-empty':
      return 'an amendment names another item or other inputs';
    case 'office':
      return r.source === 'patrol'
        ? `item "${r.itemId}" is a patrol item; an office records only ledger items`
        : `item "${r.itemId}" is a ledger item of ${r.office}; ${event.actorId} enters the ledger items of ${r.offices.join(', ') || 'no office'}`;
    case 'source-missing':
      return `item "${r.itemId}" is entered from a ledger: name its source (sourceRef: the ledger page, the complaint number)`;
    case 'observed-ahead':
      return `it is observed at ${r.observedAt}, after it was recorded (${r.at}); nothing is recorded ahead of time`;
    case 'period-published':
      return `period ${r.period} of scheme ${r.schemeId} is published; it is revised with a reason, not added to`;
    case 'fold':
      return ignoredText(r.ignored);
  }
}

/** One input problem in words: "inputs.quantity of item "late" is above the maximum 600". */
export function inputProblemText(itemId: string, p: InputProblem): string {
  const field = `inputs.${p.field} of item "${itemId}"`;
  switch (p.kind) {
    case 'required':
      return `item "${itemId}" needs inputs.${p.field}`;
    case 'not-number':
      return `${field} is not a number`;
    case 'below-min':
      return `${field} is below the minimum ${p.limit ?? ''}`;
    case 'above-max':
      return `${field} is above the maximum ${p.limit ?? ''}`;
    case 'not-integer':
      return `${field} must be a whole number`;
    case 'off-step':
      return `${field} is not on the ${p.limit ?? ''} step`;
    case 'unknown-level':
      return `${field} is not a level of the item`;
  }
}

/** One placement problem in words. */
export function placementProblemText(p: PlacementProblem): string {
  if (p.kind === 'unknown') return `${p.subject} "${p.id}" is not in the roster`;
  const parts = [
    p.staff ? `staff ${p.staff.id} is of unit ${p.staff.unitId}` : '',
    p.window ? `window ${p.window.id} is of unit ${p.window.unitId}` : '',
    p.unitId ? `the unit named is ${p.unitId}` : '',
  ].filter(Boolean);
  return `the staff, window and unit named belong to different units (${parts.join(', ')})`;
}

/** Why the fold ignored an event, in words (the audit trail's and a refusal's). */
export function ignoredText(i: Ignored): string {
  switch (i.kind) {
    case 'no-recording':
      return `finding ${i.findingId} has no recording here (yet)`;
    case 'second-recording':
      return 'the finding is already recorded';
    case 'not-author':
      return `only the author ${i.author} may void the finding`;
    case 'own-finding':
      return `${i.author} recorded this finding and may not ${i.act === 'contest.decided' ? 'decide' : 'reopen'} a contest on it`;
    case 'already-rectified':
      return `the follow-up was already marked done at ${i.at}`;
    case 'state': {
      const who = (by: EventRef): string => `${by.type} ${by.id} by ${by.actorId} at ${by.at}`;
      const since =
        i.act === 'contest.decided' && i.by && ['upheld', 'overturned', 'amended'].includes(i.state)
          ? `the contest was already decided (${i.state}) by ${who(i.by)}, earlier in the total order; only a contest.reopened by a committee member lets it be decided again`
          : i.state === 'recorded'
            ? 'nobody has contested it'
            : i.by
              ? `it became ${i.state} by ${who(i.by)}, earlier in the total order`
              : `it is ${i.state}`;
      return `${i.act} does not apply to a finding that is ${i.state}: ${since}`;
    }
  }
}
