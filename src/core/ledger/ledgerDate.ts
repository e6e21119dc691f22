import { hallDay } from '../time/hallDay';
import { parseInstant } from '../time/parseInstant';
import { zonedMidnight } from '../time/zonedMidnight';

const HOUR = 3_600_000;

/** Why a date of a ledger row is not taken. */
export type LedgerDateProblem = 'unreadable' | 'outside-month' | 'future';

/**
 * The instant a ledger row is about, from the text of its date cell (2026-11-09, 2026/11/9, with an optional time
 * 16:52): that moment in the hall's time zone, noon when no time is given. It must fall in the month being entered
 * (YYYY-MM) and not after `now`.
 */
export function ledgerDate(text: string, month: string, timeZone: string, now: string): { ok: true; at: string } | { ok: false; problem: LedgerDateProblem } {
  const m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?$/.exec(text.trim());
  if (!m) return { ok: false, problem: 'unreadable' };
  const [y, mo, d, h, mi] = [m[1], m[2], m[3], m[4], m[5]].map((x) => (x === undefined ? undefined : Number(x)));
  if (y === undefined || mo === undefined || d === undefined || mo < 1 || mo > 12 || d < 1 || d > 31 || (h ?? 0) > 23 || (mi ?? 0) > 59) return { ok: false, problem: 'unreadable' };
  const midnight = zonedMidnight(timeZone, y, mo - 1, d);
  // 2026-02-30 would roll into March: a day the calendar does not have is unreadable, not another day.
  if (hallDay(midnight, timeZone) !== `${y}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`) return { ok: false, problem: 'unreadable' };
  const at = midnight + (h === undefined ? 12 * HOUR : h * HOUR + (mi ?? 0) * 60_000);
  if (hallDay(at, timeZone).slice(0, 7) !== month) return { ok: false, problem: 'outside-month' };
  if (at > parseInstant(now)) return { ok: false, problem: 'future' };
  return { ok: true, at: new Date(at).toISOString() };
}

/**
 * The instant a month's ledger value without a date of its own is about: noon of the month's last day in the hall,
 * or `now` while the month is still running; null for a month that has not begun.
 */
export function monthEntryDate(month: string, timeZone: string, now: string): string | null {
  const [y, mo] = month.split('-').map(Number);
  if (!y || !mo) return null;
  const start = zonedMidnight(timeZone, y, mo - 1, 1);
  const lastNoon = zonedMidnight(timeZone, y, mo, 1) - 12 * HOUR;
  const n = parseInstant(now);
  if (n < start) return null;
  return new Date(Math.min(lastNoon, n)).toISOString();
}
