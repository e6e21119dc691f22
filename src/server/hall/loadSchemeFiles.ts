import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseScheme } from '../../core/scheme/parseScheme';
import type { Scheme } from '../../core/scheme/parseScheme';
import { formatSchemeError } from '../../core/scheme/schemeError';
import { repeatedVersions } from '../../core/scheme/schemeFolder';
import { readableTextErrors } from '../schemes/readableText';

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
  const entries: { file: string; id: string; version: number }[] = [];
  for (const f of files) {
    const r = parseScheme(readFileSync(join(dir, f), 'utf8'), f);
    if (!r.ok) {
      errors.push(...r.errors.map(formatSchemeError));
      continue;
    }
    errors.push(...readableTextErrors(r.scheme, f).map(formatSchemeError));
    entries.push({ file: f, id: r.scheme.id, version: r.scheme.version });
    schemes.push(r.scheme);
  }
  // The same folder rule as the build's (src/cli/compileSchemes.ts): several versions of an id, each once.
  errors.push(...repeatedVersions(entries).map(formatSchemeError));
  if (files.length === 0) errors.push(`${dir}: no scheme files (expected schemes/*.yaml)`);
  return errors.length ? { ok: false, errors } : { ok: true, schemes };
}
