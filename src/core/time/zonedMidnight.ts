/**
 * The UTC instant (ms) of local midnight on a calendar day in an IANA time zone, through ECMAScript Intl only.
 * monthIndex is 0-based and may run past 11 (Date.UTC normalises it).
 */
export function zonedMidnight(timeZone: string, year: number, monthIndex: number, day: number): number {
  const format = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  });
  const wall = Date.UTC(year, monthIndex, day);
  const first = wall - offsetMs(format, wall);
  return wall - offsetMs(format, first);
}

/** Offset of the formatter's zone from UTC at an instant, in ms (Asia/Shanghai: +8 h). */
function offsetMs(format: Intl.DateTimeFormat, instant: number): number {
  const parts = format.formatToParts(instant);
  const get = (type: string): number => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const asUtc = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  return asUtc - Math.floor(instant / 1000) * 1000;
}
