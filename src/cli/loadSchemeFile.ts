import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseScheme } from '../core/scheme/parseScheme';
import type { ParseResult } from '../core/scheme/parseScheme';

/**
 * Resolve --scheme: a path to a file, or a scheme in schemesDir named by its id (or id@version), its file name (with or without the
 * extension) or a file-name prefix (003 → 003-anshan.yaml). A prefix that names several files is refused with the
 * files it matches: the command never picks one silently.
 */
export function loadSchemeFile(ref: string, schemesDir: string): ParseResult & { file: string } {
  const direct = resolve(ref);
  if (existsSync(direct) && /\.(ya?ml|json)$/.test(direct)) {
    return { ...parseScheme(readFileSync(direct, 'utf8'), ref), file: ref };
  }
  const files = readdirSync(schemesDir)
    .filter((f) => /\.(ya?ml|json)$/.test(f) && !f.endsWith('.schema.json'))
    .sort()
    .map((f) => {
      const text = readFileSync(join(schemesDir, f), 'utf8');
      return { f, text, id: /^id:\s*([\w-]+)/m.exec(text)?.[1], version: /^version:\s*(\d+)/m.exec(text)?.[1] };
    });
  // The folder may hold several versions of one id (src/core/scheme/schemeFolder.ts): `id@version` names one.
  const exact = files.filter(({ f, id, version }) => id === ref || `${id}@${version}` === ref || f === ref || f.replace(/\.(ya?ml|json)$/, '') === ref);
  const matches = exact.length > 0 ? exact : files.filter(({ f }) => f.startsWith(`${ref}-`));
  const only = matches[0];
  if (only && matches.length === 1) return { ...parseScheme(only.text, only.f), file: only.f };
  if (matches.length > 1) {
    const names = matches.map((m) => m.f).join(', ');
    return {
      ok: false,
      file: ref,
      errors: [{ file: ref, path: '', message: `"${ref}" matches ${matches.length} scheme files (${names})`, expected: 'one of them by its file name, or id@version' }],
    };
  }
  return {
    ok: false,
    file: ref,
    errors: [{ file: ref, path: '', message: `no scheme file or scheme id "${ref}"`, expected: `a path, or one of: ${files.map((x) => x.f).join(', ')}` }],
  };
}
