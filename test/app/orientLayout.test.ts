import { describe, expect, it } from 'vitest';
import { demoHall } from '../../src/core/model/demoHall';
import { orientLayout } from '../../src/app/features/patrol/orientLayout';

describe('orientLayout', () => {
  const layout = demoHall().layout;

  it('draws a wide hall as it is on a wide screen', () => {
    const o = orientLayout(layout, false);
    expect(o.turned).toBe(false);
    expect([o.width, o.height]).toEqual([layout.width, layout.height]);
  });

  it('turns a wide hall on an upright screen: entrance at the bottom, north wall on the left, sizes kept', () => {
    const o = orientLayout(layout, true);
    expect(o.turned).toBe(true);
    expect([o.width, o.height]).toEqual([layout.height, layout.width]);
    expect(o.entrance.y + o.entrance.h).toBeCloseTo(layout.width);
    const first = o.tiles[0];
    const original = layout.tiles[0];
    expect(first && original && [first.w, first.h]).toEqual(original && [original.h, original.w]);
    // Window 1 (north row, next to the entrance) is bottom-left.
    expect(first && first.x < o.width / 2 && first.y > o.height / 2).toBe(true);
    for (const t of o.tiles) {
      expect(t.x).toBeGreaterThanOrEqual(0);
      expect(t.y).toBeGreaterThanOrEqual(0);
      expect(t.x + t.w).toBeLessThanOrEqual(o.width);
      expect(t.y + t.h).toBeLessThanOrEqual(o.height);
    }
  });
});
