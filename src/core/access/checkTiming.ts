import { deadlineAfter, inTime } from '../time/deadline';
import type { FindingEvent, FindingRecorded } from '../events/events';
import type { ReviewSettings } from '../events/reviewSettings';
import { parseInstant } from '../time/parseInstant';

/**
 * The time rules of review, judged by the event's own `at`: the device's clock at the act. Not the server's clock at
 * arrival: a tablet may stay offline for days, and a contest made on day 6 of 7 must not become late because the hall
 * Wi-Fi was down. The clock is bounded where it can be: an event may not be ahead of the checking clock (the server's,
 * or the tablet's own) by more than the hall's tolerance, nor act on a finding before it was recorded. (A clock set
 * back cannot be told from a late sync; the audit trail on the server shows each event's arrival beside its `at`.)
 */
export function checkTiming(
  event: FindingEvent,
  recorded: FindingRecorded | undefined,
  ctx: { settings: ReviewSettings; timeZone: string; now: string | undefined },
): { reason: string; retryable: boolean } | null {
  const tolerance = ctx.settings.clockToleranceMinutes * 60_000;
  const at = parseInstant(event.at);
  if (ctx.now !== undefined) {
    const ahead = at - parseInstant(ctx.now);
    // Retryable: once real time catches up with the fast clock, the same event is acceptable.
    if (ahead > tolerance) {
      return { reason: `its time ${event.at} is ${Math.round(ahead / 60_000)} minutes ahead of the clock here (${ctx.now}); the device's clock is wrong (tolerance ${ctx.settings.clockToleranceMinutes} minutes)`, retryable: true };
    }
  }
  if (!recorded || event.type === 'finding.recorded') return null;
  if (at < parseInstant(recorded.at) - tolerance) {
    return { reason: `its time ${event.at} is before the finding was recorded (${recorded.at})`, retryable: false };
  }
  if (event.type === 'finding.contested') {
    const by = deadlineAfter(recorded.at, ctx.settings.contestDays, ctx.timeZone);
    if (!inTime(event.at, by)) {
      return {
        reason: `the contest period ended with ${by.lastDay} (${ctx.settings.contestDays} days after the finding was recorded at ${recorded.at}); the contest was made at ${event.at}`,
        retryable: false,
      };
    }
  }
  return null;
}
