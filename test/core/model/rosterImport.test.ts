import { describe, expect, it } from 'vitest';
import { importRoster } from '../../../src/core/model/rosterImport';
import type { RosterImportRow } from '../../../src/core/model/rosterImport';
import { rosterChange } from '../../../src/core/model/rosterChange';
import { MINI_ROSTER } from '../../fixtures/miniScheme';

const opts = { newId: (kind: string, n: number) => `${kind}-new-${n}`, used: new Set(['s2']), today: '2026-07-01' };
let line = 1;
const row = (unit: string, name: string, role: string, windowNumber = ''): RosterImportRow => ({ row: ++line, unit, name, role, windowNumber });

describe('importRoster: a roster file checked row by row, all or nothing', () => {
  it('builds the roster: known people keep their ids, new ones get new ids, a missing person with findings is kept as left', () => {
    line = 1;
    const r = importRoster(MINI_ROSTER, [row('税务局', '张三', 'staff', '1'), row('税务局', '钱首席', 'chief'), row('人社局', '陈七', 'staff', '3'), row('u2', '孙首席', 'chief')], opts);
    expect(r.problems).toEqual([]);
    expect(r.roster.staff).toEqual([
      { id: 's1', name: '张三', unitId: 'u1', windowId: 'w1' },
      { id: 'staff-new-1', name: '陈七', unitId: 'u2', windowId: 'w3' },
      { id: 's2', name: '李四', unitId: 'u1', left: '2026-07-01' },
    ]);
    expect(r.roster.chiefs).toEqual(MINI_ROSTER.chiefs);
    const change = rosterChange(MINI_ROSTER, r.roster, { staff: new Map([['s2', 4]]), windows: new Map(), units: new Map() });
    expect(change.refusals).toEqual([]);
    expect(change.effects).toEqual([
      { kind: 'staff-left', staffId: 's2', name: '李四', on: '2026-07-01', findings: 4 },
      { kind: 'removed-unused', list: 'staff', id: 's3', name: '王五' },
      { kind: 'removed-unused', list: 'staff', id: 's4', name: '赵六' },
    ]);
  });

  it('names every bad row with its number: unknown unit, duplicate name, unknown window, another unit\'s window, two chiefs, missing cells, unknown role', () => {
    line = 1;
    const r = importRoster(
      MINI_ROSTER,
      [
        row('税务局', '张三', 'staff', '1'),
        row('不存在局', '李四', 'staff'),
        row('税务局', '张三', 'staff', '2'),
        row('税务局', '王九', 'staff', '9'),
        row('税务局', '周八', 'staff', '3'),
        row('人社局', '甲', 'chief'),
        row('人社局', '乙', 'chief'),
        row('', '', 'staff'),
        row('税务局', '丙', '科长'),
      ],
      opts,
    );
    expect(r.problems).toEqual([
      { kind: 'unit-unknown', row: 3, unit: '不存在局' },
      { kind: 'name-repeated', row: 4, name: '张三', unit: '税务局', firstRow: 2 },
      { kind: 'window-unknown', row: 5, window: '9' },
      { kind: 'window-other-unit', row: 6, window: '3', unit: '税务局', windowUnit: '人社局' },
      { kind: 'chief-repeated', row: 8, unit: '人社局', firstRow: 7 },
      { kind: 'missing', row: 9, field: 'unit' },
      { kind: 'missing', row: 9, field: 'name' },
      { kind: 'role-unknown', row: 10, role: '科长' },
    ]);
    expect(importRoster(MINI_ROSTER, [], opts).problems).toEqual([{ kind: 'empty' }]);
  });
});

describe('rosterChange: nothing recorded is orphaned silently', () => {
  const usage = { staff: new Map([['s1', 3]]), windows: new Map([['w1', 3]]), units: new Map([['u1', 3]]) };
  it('refuses deleting a person, window or unit with findings, or moving them to another unit', () => {
    const after = {
      ...MINI_ROSTER,
      units: MINI_ROSTER.units.filter((u) => u.id !== 'u1'),
      windows: MINI_ROSTER.windows.filter((w) => w.id !== 'w1'),
      staff: MINI_ROSTER.staff.filter((s) => s.id !== 's1'),
    };
    expect(rosterChange(MINI_ROSTER, after, usage).refusals).toEqual([
      { kind: 'staff-removed', staffId: 's1', name: '张三', findings: 3 },
      { kind: 'window-removed', windowId: 'w1', number: '1', findings: 3 },
      { kind: 'unit-removed', unitId: 'u1', name: '税务局', findings: 3 },
    ]);
    const moved = { ...MINI_ROSTER, staff: MINI_ROSTER.staff.map((s) => (s.id === 's1' ? { id: 's1', name: '张三', unitId: 'u2' } : s)) };
    expect(rosterChange(MINI_ROSTER, moved, usage).refusals).toEqual([{ kind: 'staff-unit-changed', staffId: 's1', name: '张三', from: 'u1', to: 'u2', findings: 3 }]);
  });
  it('says a replaced chief takes over the unit\'s findings, and refuses a unit with findings left without a chief', () => {
    const replaced = { ...MINI_ROSTER, chiefs: MINI_ROSTER.chiefs.map((c) => (c.id === 'c1' ? { id: 'c9', name: '新首席', unitId: 'u1' } : c)) };
    expect(rosterChange(MINI_ROSTER, replaced, usage)).toEqual({
      refusals: [],
      effects: [{ kind: 'chief-replaced', unitId: 'u1', from: { id: 'c1', name: '钱首席' }, to: { id: 'c9', name: '新首席' }, findings: 3 }],
    });
    const none = { ...MINI_ROSTER, chiefs: MINI_ROSTER.chiefs.filter((c) => c.id !== 'c1') };
    expect(rosterChange(MINI_ROSTER, none, usage).refusals).toEqual([{ kind: 'chief-removed', unitId: 'u1', chiefId: 'c1', name: '钱首席', findings: 3 }]);
  });
});
