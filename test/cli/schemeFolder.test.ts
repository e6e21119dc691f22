import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { compileSchemes } from '../../src/cli/compileSchemes';
import { loadSchemeFiles } from '../../src/server/hall/loadSchemeFiles';
import { schemesDir } from '../fixtures/schemes';

/** One rule for a folder of schemes, in the build and in the server: several versions of an id, each version once. */
describe('the scheme folder rule', () => {
  const dirs: string[] = [];
  const folder = (files: Record<string, string>): string => {
    const dir = mkdtempSync(join(tmpdir(), 'hp-schemes-'));
    dirs.push(dir);
    for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
    return dir;
  };
  afterEach(() => {
    for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
  });
  const kunqu = readFileSync(join(schemesDir, '000-kunqu.yaml'), 'utf8');
  const v2 = kunqu.replace(/^version: 1$/m, 'version: 2');

  it('accepts two versions of one scheme id, in the build and the server alike', () => {
    const dir = folder({ 'a-v1.yaml': kunqu, 'a-v2.yaml': v2 });
    const out = join(dir, 'out');
    const built = compileSchemes(dir, out);
    expect(built.errors).toEqual([]);
    expect(readdirSync(out).sort()).toEqual(['kunqu-window-staff@1.json', 'kunqu-window-staff@2.json']);
    const loaded = loadSchemeFiles(dir);
    expect(loaded.ok && loaded.schemes.map((s) => `${s.id}@${s.version}`).sort()).toEqual(['kunqu-window-staff@1', 'kunqu-window-staff@2']);
  });

  it('refuses one version defined twice, in the build and the server alike, naming both files', () => {
    const dir = folder({ 'a.yaml': kunqu, 'b.yaml': kunqu.replace('title:', 'title: 另一份') });
    const built = compileSchemes(dir, join(dir, 'out'));
    expect(built.written).toEqual([]);
    expect(built.errors).toEqual([expect.objectContaining({ file: 'b.yaml', message: 'scheme kunqu-window-staff version 1 is also defined in a.yaml' })]);
    const loaded = loadSchemeFiles(dir);
    expect(loaded.ok).toBe(false);
    if (!loaded.ok) expect(loaded.errors).toEqual([expect.stringContaining('b.yaml, field version: scheme kunqu-window-staff version 1 is also defined in a.yaml')]);
  });

  it('refuses a scheme whose shown text is traditional Chinese, in the build and the server alike', () => {
    const dir = folder({ 'a.yaml': kunqu.replace(/name: 玩手机/, 'name: 玩手機') });
    const built = compileSchemes(dir, join(dir, 'out'));
    expect(built.errors).toEqual([expect.objectContaining({ file: 'a.yaml', path: expect.stringMatching(/^items\.\d+\.name$/), message: 'the name shown to people has traditional characters 機' })]);
    expect(loadSchemeFiles(dir).ok).toBe(false);
  });
});
