import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pinyin } from 'pinyin-pro';
import { parseScheme } from '../core/scheme/parseScheme';
import type { SchemeError } from '../core/scheme/schemeError';
import type { CompiledScheme, ItemSearchKeys } from '../device/compiledScheme';

/** The search keys of a Chinese name: 玩手机 → { initials: 'wsj', pinyin: 'wanshouji' }; letters and digits are kept. */
export function searchKeys(name: string): ItemSearchKeys {
  const initials = pinyin(name, { pattern: 'first', toneType: 'none', type: 'array' });
  const full = pinyin(name, { toneType: 'none', type: 'array' });
  const clean = (parts: string[]): string => parts.join('').toLowerCase().replace(/[^a-z0-9]/g, '');
  return { initials: clean(initials), pinyin: clean(full) };
}

/**
 * Parse every scheme file in `schemesDir` (YAML or JSON, not *.schema.json) and write one pre-validated JSON file per
 * scheme into `outDir` (emptied first, so a removed scheme does not linger). Returns every error found; nothing is
 * written when any file fails.
 */
export function compileSchemes(schemesDir: string, outDir: string): { written: string[]; errors: SchemeError[] } {
  const files = readdirSync(schemesDir)
    .filter((f) => /\.(ya?ml|json)$/.test(f) && !f.endsWith('.schema.json'))
    .sort();
  const compiled: CompiledScheme[] = [];
  const errors: SchemeError[] = [];
  for (const file of files) {
    const result = parseScheme(readFileSync(join(schemesDir, file), 'utf8'), file);
    if (!result.ok) {
      errors.push(...result.errors);
      continue;
    }
    const search: Record<string, ItemSearchKeys> = {};
    for (const item of result.scheme.items) search[item.id] = searchKeys(item.name);
    compiled.push({ format: 'hall-patrol/compiled-scheme@1', scheme: result.scheme, search });
  }
  const ids = new Set<string>();
  for (const c of compiled) {
    if (ids.has(c.scheme.id)) errors.push({ file: c.scheme.id, path: 'id', message: `two scheme files share the id "${c.scheme.id}"`, expected: 'unique scheme ids' });
    ids.add(c.scheme.id);
  }
  if (errors.length > 0) return { written: [], errors };
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
  const written = compiled.map((c) => {
    const target = join(outDir, `${c.scheme.id}.json`);
    writeFileSync(target, JSON.stringify(c));
    return target;
  });
  return { written, errors };
}
