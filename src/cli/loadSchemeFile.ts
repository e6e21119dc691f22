import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseScheme } from '../core/scheme/parseScheme';
import type { ParseResult } from '../core/scheme/parseScheme';

/** Resolve --scheme: a path to a file, or the id (or file-name prefix, e.g. 003) of a scheme in schemesDir. */
export function loadSchemeFile(ref: string, schemesDir: string): ParseResult & { file: string } {
  const direct = resolve(ref);
  if (existsSync(direct) && /\.(ya?ml|json)$/.test(direct)) {
    return { ...parseScheme(readFileSync(direct, 'utf8'), ref), file: ref };
  }
  const files = readdirSync(schemesDir).filter((f) => /\.(ya?ml|json)$/.test(f) && !f.endsWith('.schema.json')).sort();
  for (const f of files) {
    const text = readFileSync(join(schemesDir, f), 'utf8');
    const idMatch = /^id:\s*([\w-]+)/m.exec(text)?.[1];
    if (idMatch === ref || f.startsWith(`${ref}-`) || f === ref || f.replace(/\.(ya?ml|json)$/, '') === ref) {
      return { ...parseScheme(text, f), file: f };
    }
  }
  return {
    ok: false,
    file: ref,
    errors: [{ file: ref, path: '', message: `no scheme file or scheme id "${ref}"`, expected: `a path, or one of: ${files.join(', ')}` }],
  };
}
