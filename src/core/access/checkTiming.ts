import type { FindingEventType } from '../events/events';
import type { ReviewSettings } from '../events/reviewSettings';
import { deadlineAfter, inTime } from '../time/deadline';
import { parseInstant } from '../time/parseInstant';
import type { Refusal } from './refusal';

/**
 * The time rules of review, judged by the act's own `at`: the device's clock at the act. Not the server's clock at
 * arrival alone: a tablet may stay offline for days, and a contest made on day 6 of 7 must not become late because
 * the hall Wi-Fi was down. The clock is bounded where it can be: an act may not be ahead of the checking clock (the
 * server's, or the tablet's own) by more than the hall's tolerance, nor act on a finding before it was recorded, and a
 * contest must arrive within the hall's offline grace after the deadline, so a clock set back gains at most the grace.
 * (The audit trail on the server shows each event's arrival and its device's clock offset beside its `at`.)
 * `recordedAt` is the finding's recording time (undefined for the recording itself).
 */
export function checkTiming(
  act: { type: FindingEventType; at: string; observedAt?: string },
  recordedAt: string | undefined,
  ctx: { settings: ReviewSettings; timeZone: string; now: string | undefined },
): { refusal: Refusal; retryable: boolean } | null {
  const tolerance = ctx.settings.clockToleranceMinutes * 60_000;
  const at = parseInstant(act.at);
  if (ctx.now !== undefined) {
    const ahead = at - parseInstant(ctx.now);
    // Retryable: once real time catches up with the fast clock, the same event is acceptable.
    if (ahead > tolerance) {
      return {
        refusal: { kind: 'clock-ahead', at: act.at, now: ctx.now, minutes: Math.round(ahead / 60_000), toleranceMinutes: ctx.settings.clockToleranceMinutes },
        retryable: true,
      };
    }
  }
  // A recording is about what was seen (or entered from a ledger) by then: never about a later moment.
  if (act.observedAt !== undefined && parseInstant(act.observedAt) - at > tolerance) {
    return { refusal: { kind: 'observed-ahead', observedAt: act.observedAt, at: act.at }, retryable: false };
  }
  if (recordedAt === undefined || act.type === 'finding.recorded') return null;
  if (at < parseInstant(recordedAt) - tolerance) return { refusal: { kind: 'before-recording', at: act.at, recordedAt }, retryable: false };
  if (act.type === 'finding.contested') {
    const by = deadlineAfter(recordedAt, ctx.settings.contestDays, ctx.timeZone);
    if (!inTime(act.at, by)) return { refusal: { kind: 'contest-closed', lastDay: by.lastDay, days: ctx.settings.contestDays, at: act.at }, retryable: false };
    // The device's clock says when the act happened; the checking clock says when it arrived, and bounds how far a
    // clock set back can stretch the deadline: to the offline grace at most.
    if (ctx.now !== undefined && parseInstant(ctx.now) > parseInstant(by.closesAt) + ctx.settings.offlineGraceHours * 3_600_000) {
      return { refusal: { kind: 'contest-arrived-late', lastDay: by.lastDay, now: ctx.now, graceHours: ctx.settings.offlineGraceHours }, retryable: false };
    }
  }
  return null;
}
