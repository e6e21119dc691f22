import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseScheme } from '../core/scheme/parseScheme';
import type { Scheme } from '../core/scheme/parseScheme';
import { repeatedVersions, schemeVersionKey } from '../core/scheme/schemeFolder';
import { readableTextErrors } from '../server/schemes/readableText';
import type { SchemeError } from '../core/scheme/schemeError';
import type { CompiledScheme } from '../device/compiledScheme';
import { itemSearchKeys } from '../server/schemes/searchKeys';

/**
 * Parse every scheme file in `schemesDir` (YAML or JSON, not *.schema.json) and write one pre-validated JSON file per
 * scheme version into `outDir` as `<id>@<version>.json` (emptied first, so a removed scheme does not linger). Returns every error found; nothing is
 * written when any file fails.
 */
export function compileSchemes(schemesDir: string, outDir: string): { written: string[]; errors: SchemeError[] } {
  const files = readdirSync(schemesDir)
    .filter((f) => /\.(ya?ml|json)$/.test(f) && !f.endsWith('.schema.json'))
    .sort();
  const compiled: CompiledScheme[] = [];
  const parsedFiles: { file: string; scheme: Scheme }[] = [];
  const errors: SchemeError[] = [];
  for (const file of files) {
    const result = parseScheme(readFileSync(join(schemesDir, file), 'utf8'), file);
    if (!result.ok) {
      errors.push(...result.errors);
      continue;
    }
    errors.push(...readableTextErrors(result.scheme, file));
    parsedFiles.push({ file, scheme: result.scheme });
    compiled.push({ format: 'hall-patrol/compiled-scheme@1', scheme: result.scheme, search: itemSearchKeys(result.scheme) });
  }
  errors.push(...repeatedVersions(parsedFiles.map((p) => ({ file: p.file, id: p.scheme.id, version: p.scheme.version }))));
  if (errors.length > 0) return { written: [], errors };
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
  const written = compiled.map((c) => {
    const target = join(outDir, `${schemeVersionKey(c.scheme.id, c.scheme.version)}.json`);
    writeFileSync(target, JSON.stringify(c));
    return target;
  });
  return { written, errors };
}
