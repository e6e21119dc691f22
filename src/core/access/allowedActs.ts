import { applyEvent } from '../events/applyEvent';
import type { FoldPoint } from '../events/applyEvent';
import type { FindingEventType } from '../events/events';
import type { ReviewSettings } from '../events/reviewSettings';
import { ACTS, EVENT_OF_ACT, MAY } from './acts';
import type { Act } from './acts';
import { inScope } from './actor';
import type { Actor } from './actor';
import { checkTiming } from './checkTiming';
import type { Refusal } from './refusal';

/** Who asks: the account acting (the signed-in one, or the chief in hand-over). */
export type Acting = Pick<Actor, 'accountId' | 'role' | 'unitIds' | 'windowIds'>;

/** A finding as an act meets it: where its fold stands, when it was recorded, where it is charged. */
export interface FindingAtHand {
  point: FoldPoint;
  recordedAt: string;
  placement: { unitId: string | null; windowId: string | null };
}

/** The hall's settings and the clock an act is judged by. */
export interface ActContext {
  review: ReviewSettings;
  timeZone: string;
  /** The acting device's clock (ISO): the act would be made now. */
  now: string;
}

export type ActAnswer = { ok: true } | { ok: false; refusal: Refusal };

/** The refusal of a role that may not write this event, or null. */
export function roleRefusal(role: Acting['role'], type: FindingEventType): Refusal | null {
  return MAY[type].includes(role) ? null : { kind: 'role', role, act: type, allowed: MAY[type] };
}

/** The refusal of an actor whose scope does not cover where the finding is charged, or null. */
export function scopeRefusal(actor: Acting, placement: FindingAtHand['placement']): Refusal | null {
  return inScope(actor, placement) ? null : { kind: 'scope', unitId: placement.unitId, windowId: placement.windowId };
}

/**
 * Whether the account may take this act on the finding now, or the first reason it may not: its role, its scope, the
 * time rules (the contest deadline), and the fold (state, author, once). The same rules checkEvent applies to the
 * event the act writes, so the tablet offers an act exactly when the server will take it.
 */
export function mayAct(actor: Acting, act: Act, f: FindingAtHand, ctx: ActContext): ActAnswer {
  const type = EVENT_OF_ACT[act];
  const refusal =
    roleRefusal(actor.role, type) ??
    scopeRefusal(actor, f.placement) ??
    checkTiming({ type, at: ctx.now }, f.recordedAt, { settings: ctx.review, timeZone: ctx.timeZone, now: undefined })?.refusal ??
    foldRefusal(f.point, type, actor.accountId);
  return refusal ? { ok: false, refusal } : { ok: true };
}

/** Every act with its answer, for a screen that offers what is allowed and says why the rest is not. */
export function allowedActs(actor: Acting, f: FindingAtHand, ctx: ActContext): Record<Act, ActAnswer> {
  const out = {} as Record<Act, ActAnswer>;
  for (const act of ACTS) out[act] = mayAct(actor, act, f, ctx);
  return out;
}

function foldRefusal(point: FoldPoint, type: FindingEventType, actorId: string): Refusal | null {
  const applied = applyEvent(point, { type, actorId });
  return applied.ok ? null : { kind: 'fold', ignored: applied.ignored };
}
