import { describe, expect, it } from 'vitest';
import { demoHall } from '../../../src/core/model/demoHall';
import { hallProblems } from '../../../src/core/model/hallProblems';
import type { HallSetup } from '../../../src/core/model/hallSetup';

const change = (f: (s: HallSetup) => void): HallSetup => {
  const s = structuredClone(demoHall());
  f(s);
  return s;
};

describe('hallProblems: what a setup cannot be, as data', () => {
  it('finds none in the demo hall', () => {
    expect(hallProblems(demoHall())).toEqual([]);
  });
  it('names two windows numbered alike, a window of an unknown unit, overlapping tiles, tiles off the floor', () => {
    const s = change((h) => {
      const [a, b] = h.roster.windows;
      if (!a || !b) throw new Error('demo');
      b.number = a.number;
      a.unitId = 'u-nowhere';
      const [t1, t2] = h.layout.tiles;
      if (!t1 || !t2) throw new Error('demo');
      t2.x = t1.x + 1;
      h.layout.tiles.push({ windowId: 'w-40', x: 60, y: 1, w: 2, h: 2 });
    });
    expect(hallProblems(s)).toEqual([
      { kind: 'window-unit-unknown', windowId: 'w-01', number: '1', unitId: 'u-nowhere' },
      { kind: 'window-number-repeated', number: '1', windowIds: ['w-01', 'w-02'] },
      { kind: 'tiles-overlap', windowIds: ['w-01', 'w-02'], numbers: ['1', '1'] },
      { kind: 'tile-repeated', windowId: 'w-40', number: '40' },
      // s-001 and s-002 sit at window 1, now of an unknown unit
      { kind: 'staff-window-other-unit', staffId: 's-001', name: expect.any(String), windowId: 'w-01', number: '1', unitId: 'u-zonghe', windowUnitId: 'u-nowhere' },
      { kind: 'staff-window-other-unit', staffId: 's-002', name: expect.any(String), windowId: 'w-01', number: '1', unitId: 'u-zonghe', windowUnitId: 'u-nowhere' },
    ]);
  });
  it('names a tile off the floor, a tile of no window, two chiefs of a unit and opening hours out of order', () => {
    const s = change((h) => {
      const t = h.layout.tiles[39];
      if (t) t.x = 52;
      h.layout.tiles.push({ windowId: 'w-99', x: 0, y: 5, w: 1, h: 1 });
      h.roster.chiefs.push({ id: 'c-extra', name: '另一位', unitId: 'u-zonghe' });
      h.opening = { morning: ['11:30', '08:30'], afternoon: ['11:00', '17:00'] };
    });
    expect(hallProblems(s)).toEqual([
      { kind: 'tile-outside-floor', windowId: 'w-40', number: '40' },
      { kind: 'tile-window-unknown', windowId: 'w-99' },
      { kind: 'chiefs-repeated', unitId: 'u-zonghe', chiefIds: ['c-zonghe', 'c-extra'] },
      { kind: 'opening-hours', part: 'morning', from: '11:30', to: '08:30' },
    ]);
    expect(hallProblems(change((h) => (h.opening = { morning: ['08:30', '12:00'], afternoon: ['11:00', '17:00'] })))).toEqual([{ kind: 'opening-hours', part: 'midday', from: '12:00', to: '11:00' }]);
  });
});
