import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { demoHall } from '../../src/core/model/demoHall';
import { parseScheme } from '../../src/core/scheme/parseScheme';
import type { Scheme } from '../../src/core/scheme/parseScheme';
import { patrolSchemesOn } from '../../src/device/patrolSchemesOn';
import { MINI_SCHEME_YAML } from '../fixtures/miniScheme';

const scheme = (version: number): Scheme => {
  const r = parseScheme(MINI_SCHEME_YAML.replace('version: 1', `version: ${version}`), `mini@${version}`);
  if (!r.ok) throw new Error('fixture');
  return r.scheme;
};

describe('the schemes a tablet offers', () => {
  const setup = { ...demoHall(), schemes: [
    { id: 'mini', version: 1, subject: 'staff' as const },
    { id: 'mini', version: 2, subject: 'staff' as const, from: '2026-04-01' },
  ] };

  it('are, per level, the version in force on the hall-local day, as the server sent it', async () => {
    const hall = { setup, schemes: [scheme(1), scheme(2)] };
    expect((await patrolSchemesOn(hall, '2026-03-31')).map((s) => [s.level, s.scheme.version])).toEqual([['staff', 1]]);
    expect((await patrolSchemesOn(hall, '2026-04-01')).map((s) => [s.level, s.scheme.version])).toEqual([['staff', 2]]);
    // A version the build did not compile is searched by text only.
    expect((await patrolSchemesOn(hall, '2026-04-01'))[0]?.search).toEqual({});
  });

  it('carry the build’s pinyin keys for a version the build compiled, and refuse a version the server did not send', async () => {
    const file = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'schemes', '000-kunqu.yaml');
    const kunqu = parseScheme(readFileSync(file, 'utf8'), file);
    if (!kunqu.ok) throw new Error('000');
    const [staff] = await patrolSchemesOn({ setup: { ...demoHall(), schemes: [{ id: kunqu.scheme.id, version: 1, subject: 'staff' }] }, schemes: [kunqu.scheme] }, '2026-03-02');
    const phone = kunqu.scheme.items.find((i) => i.name === '玩手机');
    expect(phone && staff?.search[phone.id]?.initials).toBe('wsj');
    await expect(patrolSchemesOn({ setup, schemes: [scheme(1)] }, '2026-04-02')).rejects.toThrow('scheme "mini" v2 is in force on 2026-04-02 but the server has not sent it');
  });
});
