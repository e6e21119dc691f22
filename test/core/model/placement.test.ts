import { describe, expect, it } from 'vitest';
import { place, placementProblems } from '../../../src/core/model/placement';
import { indexRoster } from '../../../src/core/model/rosterIndex';
import { MINI_ROSTER } from '../../fixtures/miniScheme';

const index = indexRoster(MINI_ROSTER);

describe('placement: staff -> window -> unit -> chief', () => {
  it('derives what is not named: a person’s seat, a window’s unit, a unit’s chief', () => {
    expect(place({ staffId: 's3' }, index)).toEqual({ staffId: 's3', windowId: 'w3', unitId: 'u2', chiefId: 'c2' });
    expect(place({ windowId: 'w2' }, index)).toEqual({ staffId: null, windowId: 'w2', unitId: 'u1', chiefId: 'c1' });
    expect(place({ unitId: 'u2' }, index)).toEqual({ staffId: null, windowId: null, unitId: 'u2', chiefId: 'c2' });
    expect(place({ staffId: 'nobody' }, index)).toEqual({ staffId: null, windowId: null, unitId: null, chiefId: null });
  });

  it('takes what is named first: a person helping out at another window of their unit is placed there', () => {
    expect(place({ staffId: 's1', windowId: 'w2' }, index)).toMatchObject({ staffId: 's1', windowId: 'w2', unitId: 'u1' });
    expect(placementProblems({ staffId: 's1', windowId: 'w2' }, index)).toEqual([]);
  });

  it('refuses one unit’s staff with another unit’s window or unit, saying what each belongs to', () => {
    expect(placementProblems({ staffId: 's1', windowId: 'w3' }, index)).toEqual([{ kind: 'units-differ', staff: { id: 's1', unitId: 'u1' }, window: { id: 'w3', unitId: 'u2' } }]);
    expect(placementProblems({ staffId: 's1', unitId: 'u2' }, index)).toEqual([{ kind: 'units-differ', staff: { id: 's1', unitId: 'u1' }, unitId: 'u2' }]);
    expect(placementProblems({ windowId: 'w3', unitId: 'u1' }, index)).toEqual([{ kind: 'units-differ', window: { id: 'w3', unitId: 'u2' }, unitId: 'u1' }]);
    expect(placementProblems({ staffId: 's3', windowId: 'w3', unitId: 'u2' }, index)).toEqual([]);
  });

  it('names every id the roster does not have', () => {
    expect(placementProblems({ staffId: 'x', windowId: 'y', unitId: 'z' }, index)).toEqual([
      { kind: 'unknown', subject: 'staff', id: 'x' },
      { kind: 'unknown', subject: 'window', id: 'y' },
      { kind: 'unknown', subject: 'unit', id: 'z' },
    ]);
  });
});
