import type { Item } from '../../src/core/scheme/schemeSchema';
import type { Scheme } from '../../src/core/scheme/parseScheme';
import type { Finding } from '../../src/core/model/finding';
import type { FindingInputs } from '../../src/core/scheme/inputsSchema';
import type { Roster } from '../../src/core/model/roster';

/** A small deterministic PRNG (mulberry32) so every run scores the same synthetic hall. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A hall of `windows` windows and `staff` staff across `units` units, each unit with a chief. */
export function syntheticRoster(units: number, windows: number, staff: number): Roster {
  return {
    hall: { id: 'bench', name: '基准大厅', timeZone: 'Asia/Shanghai' },
    units: Array.from({ length: units }, (_, i) => ({ id: `u${i}`, name: `单位${i}` })),
    windows: Array.from({ length: windows }, (_, i) => ({ id: `w${i}`, number: String(i + 1), unitId: `u${i % units}` })),
    staff: Array.from({ length: staff }, (_, i) => ({ id: `s${i}`, name: `员工${i}`, unitId: `u${(i % windows) % units}`, windowId: `w${i % windows}` })),
    chiefs: Array.from({ length: units }, (_, i) => ({ id: `c${i}`, name: `首席${i}`, unitId: `u${i}` })),
  };
}

/** Inputs a recording of this item would carry. */
export function inputsFor(item: Item, rand: () => number): FindingInputs | undefined {
  const r = item.rule;
  switch (r.kind) {
    case 'range':
      return { amount: r.min + Math.floor((rand() * (r.max - r.min)) / r.step) * r.step };
    case 'levels':
      return { level: r.levels[Math.floor(rand() * r.levels.length)]?.id ?? '' };
    case 'tiers':
    case 'perUnit':
    case 'allowance':
      return { quantity: Math.floor(rand() * 90) + 1 };
    case 'ratio':
      return { quantity: Math.floor(rand() * 100) };
    case 'errorRate':
      return { errors: Math.floor(rand() * 5), total: Math.floor(rand() * 20) };
    case 'score':
      return { quantity: Math.floor(rand() * (r.max + 1)) };
    default:
      return undefined;
  }
}

/**
 * `count` findings spread over a year, against random staff and the scheme's items, 5% contested, 2% voided.
 * They are made in time order, as a tablet's store or the server's database yields them (objects laid out in
 * memory in the order they are read); `shuffle` gives the worst case of an arbitrary order.
 */
export function syntheticFindings(scheme: Scheme, roster: Roster, count: number, year: number, seed = 1, shuffle = false): Finding[] {
  const rand = prng(seed);
  const items = scheme.items.filter((i) => i.rule.kind !== 'score');
  const start = Date.UTC(year, 0, 1) - 8 * 3600_000;
  const span = Date.UTC(year + 1, 0, 1) - Date.UTC(year, 0, 1);
  const times = Float64Array.from({ length: count }, () => start + Math.floor(rand() * span)).sort();
  const out: Finding[] = [];
  for (let i = 0; i < count; i++) {
    const item = items[Math.floor(rand() * items.length)] as Item;
    const staff = roster.staff[Math.floor(rand() * roster.staff.length)] ?? roster.staff[0];
    const roll = rand();
    const inputs = inputsFor(item, rand);
    out.push({
      id: `f${String(i).padStart(7, '0')}`,
      itemId: item.id,
      at: new Date(times[i] ?? start).toISOString(),
      staffId: staff?.id,
      windowId: staff?.windowId,
      unitId: staff?.unitId,
      ...(inputs ? { inputs } : {}),
      state: roll < 0.05 ? 'contested' : roll < 0.07 ? 'voided' : 'recorded',
    });
  }
  if (shuffle) {
    for (let i = out.length - 1; i > 0; i--) {
      const j = Math.floor(rand() * (i + 1));
      [out[i], out[j]] = [out[j] as Finding, out[i] as Finding];
    }
  }
  return out;
}
