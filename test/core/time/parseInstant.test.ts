import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseInstant } from '../../../src/core/time/parseInstant';

describe('parseInstant', () => {
  it('agrees with Date.parse on ISO instants with Z or an offset, with and without seconds and fractions', () => {
    for (const s of ['2026-03-05T09:10:00+08:00', '2026-03-05T01:10:00.000Z', '2026-03-05T01:10:00.5Z', '2026-12-31T23:59:59.999-05:30', '2026-02-01T00:00+08:00', '1999-01-01T00:00:00Z']) {
      expect(parseInstant(s), s).toBe(Date.parse(s));
    }
  });
  it('agrees with Date.parse for any instant written by toISOString or with an offset', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 4102444800000 }), fc.integer({ min: -12 * 60, max: 14 * 60 }), (ms, offsetMin) => {
        const iso = new Date(ms).toISOString();
        expect(parseInstant(iso)).toBe(ms);
        const local = new Date(ms + offsetMin * 60_000).toISOString().slice(0, 19);
        const sign = offsetMin >= 0 ? '+' : '-';
        const abs = Math.abs(offsetMin);
        const withOffset = `${local}${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
        expect(parseInstant(withOffset)).toBe(Date.parse(withOffset));
      }),
    );
  });
  it('agrees with Date.UTC on every day of years 100 to 9999, at any time of day', () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(100, 0, 1), max: Date.UTC(9999, 11, 31, 23, 59, 59, 999) }), (ms) => {
        const iso = new Date(ms).toISOString();
        expect(parseInstant(iso), iso).toBe(ms);
      }),
    );
  });
  it('is NaN for anything that is not such an instant', () => {
    for (const s of ['', 'yesterday', '2026-03-05', '2026-03-05T09:10:00', '2026-13-05T09:10:00Z', '2026-03-05T25:10:00Z', '2026-03-05T09:10:00+0800', '2026-03-05T09:10:00Zx']) {
      expect(parseInstant(s), s).toBeNaN();
    }
  });
  it('is NaN for what is not on the calendar: Feb 30, Apr 31, Feb 29 of a common year, month 13, hour 24, second 60, offset +20:00', () => {
    for (const s of ['2026-02-30T09:00:00+08:00', '2026-04-31T09:00:00Z', '2026-02-29T09:00:00Z', '1900-02-29T00:00:00Z', '2026-13-01T09:00:00Z', '2026-03-05T24:00:00Z', '2026-03-05T23:59:60Z', '2026-03-05T09:10:00+20:00', '2026-03-05T09:10:00+14:01', '2026-00-05T09:10:00Z', '2026-03-00T09:10:00Z']) {
      expect(parseInstant(s), s).toBeNaN();
    }
    for (const s of ['2028-02-29T09:00:00Z', '2000-02-29T09:00:00Z', '2026-03-05T09:10:00+14:00', '2026-03-05T09:10:00-12:00']) expect(parseInstant(s), s).toBe(Date.parse(s));
  });
});
