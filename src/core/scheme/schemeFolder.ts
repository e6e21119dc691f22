import type { SchemeError } from './schemeError';

/**
 * THE rule of a set of schemes (the schemes/ folder, the build, a hall's held versions): a scheme is known by its id
 * and version; several versions of one id may sit side by side, but each (id, version) exactly once, since a finding
 * names the version it was recorded under and that version must mean one thing. Returns an error per repeat.
 */
export function repeatedVersions(entries: readonly { file: string; id: string; version: number }[]): SchemeError[] {
  const seen = new Map<string, string>();
  const out: SchemeError[] = [];
  for (const e of entries) {
    const key = schemeVersionKey(e.id, e.version);
    const other = seen.get(key);
    if (other !== undefined) {
      out.push({ file: e.file, path: 'version', message: `scheme ${e.id} version ${e.version} is also defined in ${other}`, expected: 'each scheme id and version once (a changed scheme is a new version)' });
    } else seen.set(key, e.file);
  }
  return out;
}

/** How a scheme version is named in keys and file names: kunqu-window-staff@2. */
export function schemeVersionKey(id: string, version: number): string {
  return `${id}@${version}`;
}
