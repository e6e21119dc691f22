import { parseInstant } from './parseInstant';

const dayFormats = new Map<string, Intl.DateTimeFormat>();
const timeFormats = new Map<string, Intl.DateTimeFormat>();

function dayFormat(timeZone: string): Intl.DateTimeFormat {
  let f = dayFormats.get(timeZone);
  if (!f) dayFormats.set(timeZone, (f = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' })));
  return f;
}

const ms = (instant: string | number): number => (typeof instant === 'number' ? instant : parseInstant(instant));

/** The hall's calendar day of an instant (ISO text or ms) as YYYY-MM-DD, in the hall's IANA time zone. */
export function hallDay(instant: string | number, timeZone: string): string {
  return dayFormat(timeZone).format(ms(instant));
}

/** The hall's calendar day of an instant as [year, month (1-12), day]. */
export function localDay(instant: string | number, timeZone: string): [number, number, number] {
  const [y, m, d] = hallDay(instant, timeZone).split('-').map(Number);
  return [y ?? 0, m ?? 0, d ?? 0];
}

/** YYYY-MM-DD HH:mm of an instant in the hall's time zone (as a notice prints it). */
export function hallDateTime(instant: string | number, timeZone: string): string {
  let f = timeFormats.get(timeZone);
  if (!f) timeFormats.set(timeZone, (f = new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })));
  return `${hallDay(instant, timeZone)} ${f.format(ms(instant))}`;
}
