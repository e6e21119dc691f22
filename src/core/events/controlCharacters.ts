/**
 * Whether a string holds a control character: C0 (U+0000-U+001F) or DEL (U+007F). Free text may keep tab, line feed
 * and carriage return (`text: true`); ids, codes and path segments may not. Such characters are refused at every
 * edge and never stored (PostgreSQL text cannot hold NUL at all).
 */
export function hasControlCharacter(s: string, opts: { text?: boolean } = {}): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 0x7f) return true;
    if (c >= 0x20) continue;
    if (opts.text && (c === 0x09 || c === 0x0a || c === 0x0d)) continue;
    return true;
  }
  return false;
}
