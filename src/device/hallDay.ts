const formatters = new Map<string, Intl.DateTimeFormat>();

/** The hall-local calendar date (YYYY-MM-DD) of an instant, in the hall's IANA time zone. */
export function hallDay(instant: number | string, timeZone: string): string {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    formatters.set(timeZone, f);
  }
  return f.format(typeof instant === 'number' ? instant : Date.parse(instant));
}
