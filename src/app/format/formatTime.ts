const formatters = new Map<string, Intl.DateTimeFormat>();

/** Hall-local clock time of an instant: 09:41. */
export function formatTime(iso: string, timeZone: string, locale: string): string {
  const key = `${locale}|${timeZone}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(locale, { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    formatters.set(key, f);
  }
  return f.format(Date.parse(iso));
}
