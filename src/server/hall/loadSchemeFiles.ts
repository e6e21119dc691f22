import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseScheme } from '../../core/scheme/parseScheme';
import type { Scheme } from '../../core/scheme/parseScheme';
import { formatSchemeError } from '../../core/scheme/schemeError';

/** Read and check every scheme file in the folder; all precise errors of all files when any is malformed. */
export function loadSchemeFiles(dir: string): { ok: true; schemes: Scheme[] } | { ok: false; errors: string[] } {
  let files: string[];
  try {
    files = readdirSync(dir).filter((f) => /\.(ya?ml|json)$/.test(f) && !f.endsWith('.schema.json')).sort();
  } catch (e) {
    return { ok: false, errors: [`${dir}: cannot read the schemes folder (${(e as NodeJS.ErrnoException).code ?? String(e)})`] };
  }
  const schemes: Scheme[] = [];
  const errors: string[] = [];
  const seen = new Map<string, string>();
  for (const f of files) {
    const r = parseScheme(readFileSync(join(dir, f), 'utf8'), f);
    if (!r.ok) {
      errors.push(...r.errors.map(formatSchemeError));
      continue;
    }
    const key = `${r.scheme.id}@${r.scheme.version}`;
    const other = seen.get(key);
    if (other) errors.push(`${f}: scheme ${r.scheme.id} v${r.scheme.version} is also defined in ${other} (expected one file per id and version)`);
    seen.set(key, f);
    schemes.push(r.scheme);
  }
  if (files.length === 0) errors.push(`${dir}: no scheme files (expected schemes/*.yaml)`);
  return errors.length ? { ok: false, errors } : { ok: true, schemes };
}
