const formatters = new Map<string, Intl.DateTimeFormat>();

/** Hall-local date and time of an instant: 03/02 09:41. */
export function formatDateTime(iso: string, timeZone: string, locale: string): string {
  const key = `${locale}|${timeZone}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(locale, { timeZone, month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    formatters.set(key, f);
  }
  return f.format(Date.parse(iso));
}
