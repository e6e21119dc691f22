import type { FindingEventType } from '../events/events';
import type { ReviewSettings } from '../events/reviewSettings';
import { deadlineAfter, inTime } from '../time/deadline';
import { parseInstant } from '../time/parseInstant';
import type { Refusal } from './refusal';

/**
 * The time rules of review, judged by the act's own `at`: the device's clock at the act. Not the server's clock at
 * arrival: a tablet may stay offline for days, and a contest made on day 6 of 7 must not become late because the hall
 * Wi-Fi was down. The clock is bounded where it can be: an act may not be ahead of the checking clock (the server's,
 * or the tablet's own) by more than the hall's tolerance, nor act on a finding before it was recorded. (A clock set
 * back cannot be told from a late sync; the audit trail on the server shows each event's arrival beside its `at`.)
 * `recordedAt` is the finding's recording time (undefined for the recording itself).
 */
export function checkTiming(
  act: { type: FindingEventType; at: string },
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
  if (recordedAt === undefined || act.type === 'finding.recorded') return null;
  if (at < parseInstant(recordedAt) - tolerance) return { refusal: { kind: 'before-recording', at: act.at, recordedAt }, retryable: false };
  if (act.type === 'finding.contested') {
    const by = deadlineAfter(recordedAt, ctx.settings.contestDays, ctx.timeZone);
    if (!inTime(act.at, by)) return { refusal: { kind: 'contest-closed', lastDay: by.lastDay, days: ctx.settings.contestDays, at: act.at }, retryable: false };
  }
  return null;
}
