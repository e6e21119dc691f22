import type { PeriodKind } from '../scheme/schemeSchema';
import { zonedMidnight } from './zonedMidnight';

/** A period in the hall's time zone: 2026-03, 2026-Q1, 2026. */
export interface PeriodRef {
  kind: PeriodKind;
  year: number;
  /** 1-12 for a month, 1-4 for a quarter, absent for a year. */
  index?: number;
}

/** A period's instants in the hall's time zone: [startMs, endMs). */
export interface PeriodRange {
  ref: PeriodRef;
  key: string;
  startMs: number;
  endMs: number;
}

const SIZE: Record<PeriodKind, number> = { month: 1, quarter: 3, year: 12 };

/** Months a period kind spans: month 1, quarter 3, year 12. */
export function periodMonths(kind: PeriodKind): number {
  return SIZE[kind];
}

/** Parse 2026-03, 2026-Q1 or 2026; null when the text is none of these. */
export function parsePeriod(text: string): PeriodRef | null {
  let m = /^(\d{4})-(\d{2})$/.exec(text);
  if (m) {
    const index = Number(m[2]);
    return index >= 1 && index <= 12 ? { kind: 'month', year: Number(m[1]), index } : null;
  }
  m = /^(\d{4})-Q([1-4])$/i.exec(text);
  if (m) return { kind: 'quarter', year: Number(m[1]), index: Number(m[2]) };
  m = /^(\d{4})$/.exec(text);
  return m ? { kind: 'year', year: Number(m[1]) } : null;
}

/** The canonical key of a period: 2026-03, 2026-Q1, 2026. */
export function periodKey(p: PeriodRef): string {
  if (p.kind === 'month') return `${p.year}-${String(p.index).padStart(2, '0')}`;
  if (p.kind === 'quarter') return `${p.year}-Q${p.index}`;
  return String(p.year);
}

/** First month (1-12) of the period. */
function firstMonth(p: PeriodRef): number {
  if (p.kind === 'month') return p.index ?? 1;
  if (p.kind === 'quarter') return ((p.index ?? 1) - 1) * 3 + 1;
  return 1;
}

/** The period's instants in the given IANA time zone. */
export function periodRange(p: PeriodRef, timeZone: string): PeriodRange {
  const month0 = firstMonth(p) - 1;
  const endMonth0 = month0 + SIZE[p.kind];
  const startMs = zonedMidnight(timeZone, p.year, month0, 1);
  const endMs = zonedMidnight(timeZone, p.year + Math.floor(endMonth0 / 12), endMonth0 % 12, 1);
  return { ref: p, key: periodKey(p), startMs, endMs };
}

/** The period of `kind` that contains p (p's kind no longer than `kind`). */
export function containing(p: PeriodRef, kind: PeriodKind): PeriodRef {
  const month = firstMonth(p);
  if (kind === 'month') return { kind, year: p.year, index: month };
  if (kind === 'quarter') return { kind, year: p.year, index: Math.floor((month - 1) / 3) + 1 };
  return { kind, year: p.year };
}

/** The periods of `kind` inside p, in order (p's kind at least as long as `kind`). */
export function subPeriods(p: PeriodRef, kind: PeriodKind): PeriodRef[] {
  const first = firstMonth(p);
  const out: PeriodRef[] = [];
  for (let m = first; m < first + SIZE[p.kind]; m += SIZE[kind]) out.push(containing({ kind: 'month', year: p.year, index: m }, kind));
  return out;
}

/** The period of the same kind `steps` before p. */
export function shiftPeriod(p: PeriodRef, steps: number): PeriodRef {
  if (p.kind === 'year') return { kind: 'year', year: p.year - steps };
  const per = p.kind === 'month' ? 12 : 4;
  const flat = p.year * per + ((p.index ?? 1) - 1) - steps;
  return { kind: p.kind, year: Math.floor(flat / per), index: (flat % per) + 1 };
}
