import { localDay } from './hallDay';
import { parseInstant } from './parseInstant';
import { zonedMidnight } from './zonedMidnight';

/** A deadline a person can read (the last day) and a machine can compare (the instant it closes, exclusive). */
export interface Deadline {
  /** The last calendar day (YYYY-MM-DD, hall time) on which the act is still in time. */
  lastDay: string;
  /** The instant the deadline passes (ISO, UTC): local midnight after the last day. In time means `at` < closesAt. */
  closesAt: string;
}

/**
 * The deadline `days` calendar days after the local day of `from` (以内: the last day counts in full). Counted in
 * calendar days of the hall's time zone, not 24-hour spans, so "within 7 days" of a 16:50 finding still means the
 * whole seventh day, as people read it.
 */
export function deadlineAfter(from: string, days: number, timeZone: string): Deadline {
  const [y, m, d] = localDay(from, timeZone);
  const last = new Date(Date.UTC(y, m - 1, d + days));
  const lastDay = last.toISOString().slice(0, 10);
  const closesAt = new Date(zonedMidnight(timeZone, y, m - 1, d + days + 1)).toISOString();
  return { lastDay, closesAt };
}

/** Whether an instant is before the deadline closes. */
export function inTime(at: string, deadline: Deadline): boolean {
  return parseInstant(at) < parseInstant(deadline.closesAt);
}
