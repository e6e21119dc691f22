import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Finding, ReviewState } from '../../../src/core/model/finding';
import type { Item, SubjectKind } from '../../../src/core/scheme/schemeSchema';
import type { PeriodRef } from '../../../src/core/time/period';
import type { PeriodResults } from '../../../src/core/scoring/results';
import { scorePeriod } from '../../../src/core/scoring/scorePeriod';
import { scoreOnDemand } from '../../../src/core/scoring/scoreOnDemand';
import { scorePeriod as referenceScorePeriod } from './reference/scorePeriod';
import { loadScheme, schemeFiles } from '../../fixtures/schemes';
import { inputsFor, prng, syntheticFindings, syntheticRoster } from '../../bench/synthetic';

/*
 * The fast engine against the engine as it was (reference/, frozen): for every scheme in schemes/ and random
 * findings, the results without lines are the same numbers, flags, grades and ranks, and each subject's explanation
 * built on demand is the same list of lines the old engine built for everyone. scorePeriod (every line, the score
 * command and the tests) is the same as before too.
 */

const roster = syntheticRoster(3, 6, 12);
const STATES: ReviewState[] = ['recorded', 'recorded', 'recorded', 'acknowledged', 'contested', 'upheld', 'amended', 'overturned', 'voided'];
const HOUR = 3_600_000;
/** 2025-12-01 .. 2027-01-01 in +08:00: the year 2026 with a month either side (standing flags, earlier quarters). */
const FROM = Date.parse('2025-12-01T00:00:00+08:00');
const TO = Date.parse('2027-01-01T00:00:00+08:00');

const periodArb: fc.Arbitrary<PeriodRef> = fc.oneof(
  fc.integer({ min: 1, max: 12 }).map((index): PeriodRef => ({ kind: 'month', year: 2026, index })),
  fc.integer({ min: 1, max: 4 }).map((index): PeriodRef => ({ kind: 'quarter', year: 2026, index })),
  fc.constant<PeriodRef>({ kind: 'year', year: 2026 }),
);

interface Draft {
  item: number;
  who: number;
  /** 0: staff, window and unit named; 1: only the window; 2: only the unit; 3: a staff id the roster lacks. */
  naming: number;
  /** Most findings crowd into one month (chosen per case) so allowances, caps, escalations, quotas and triggers are reached. */
  busy: boolean;
  /** Hours after that month's start (busy), or after FROM. */
  hours: number;
  state: number;
  seed: number;
  rectifiedAfterDays: number | null;
  amendTo: number | null;
}

const draftArb: fc.Arbitrary<Draft> = fc.record({
  item: fc.nat(),
  who: fc.nat({ max: 4 }),
  naming: fc.oneof({ weight: 12, arbitrary: fc.constant(0) }, { weight: 1, arbitrary: fc.integer({ min: 1, max: 3 }) }),
  busy: fc.boolean(),
  hours: fc.integer({ min: 0, max: Math.floor((TO - FROM) / HOUR) - 1 }),
  state: fc.nat({ max: STATES.length - 1 }),
  seed: fc.nat(),
  rectifiedAfterDays: fc.option(fc.integer({ min: 0, max: 60 }), { nil: null }),
  amendTo: fc.option(fc.nat(), { nil: null }),
});

/** Findings from drafts: inputs that match each item's rule, some amended to another item, some named partially. */
function findingsOf(items: readonly Item[], drafts: readonly Draft[], month: number): Finding[] {
  return drafts.map((d, i) => {
    const item = items[d.item % items.length] as Item;
    const rand = prng(d.seed);
    const staff = roster.staff[(d.who * 3 + d.seed) % roster.staff.length] ?? roster.staff[0];
    const at = d.busy ? Date.parse(`2026-${String(month).padStart(2, '0')}-01T00:00:00+08:00`) + (d.hours % (40 * 24)) * HOUR : FROM + d.hours * HOUR;
    const inputs = inputsFor(item, rand);
    const state = STATES[d.state] ?? 'recorded';
    const f: Finding = { id: `f${String(i).padStart(4, '0')}`, itemId: item.id, at: new Date(Math.min(at, TO - 1000)).toISOString(), state };
    if (d.naming === 0 || d.naming === 3) f.staffId = d.naming === 3 ? 's-nobody' : staff?.id;
    if (d.naming <= 1) f.windowId = staff?.windowId;
    if (d.naming === 0 || d.naming === 2) f.unitId = staff?.unitId;
    if (inputs) f.inputs = inputs;
    if (state === 'amended' && d.amendTo !== null) {
      const other = items[d.amendTo % items.length] as Item;
      const amendedInputs = inputsFor(other, rand);
      f.amended = { itemId: other.id, ...(amendedInputs ? { inputs: amendedInputs } : {}) };
    }
    if (d.rectifiedAfterDays !== null) f.rectifiedAt = new Date(Date.parse(f.at) + d.rectifiedAfterDays * 24 * HOUR).toISOString();
    return f;
  });
}

function withoutLines(r: PeriodResults): unknown {
  return { ...r, subjects: r.subjects.map(({ explanation: _lines, ...rest }) => rest) };
}

describe('the fast path gives the results and lines of the full computation', { timeout: 120_000 }, () => {
  for (const file of schemeFiles()) {
    it(`for ${file}, any findings, any period`, () => {
      const scheme = loadScheme(file);
      fc.assert(
        fc.property(
          fc.array(draftArb, { minLength: 0, maxLength: 160 }),
          periodArb,
          fc.boolean(),
          fc.constantFrom(1, 2, 3, 4, 6, 12),
          fc.constantFrom(undefined, '2026-06-15T00:00:00Z', '2027-03-01T00:00:00Z'),
          (drafts, period, countPending, month, asOf) => {
            const findings = findingsOf(scheme.items, drafts, month);
            const options = { countPending, ...(asOf ? { asOf } : {}) };
            const reference = referenceScorePeriod(scheme, roster, findings, period, options);
            // Every line for everyone: the score command's and the tests' view, unchanged.
            expect(scorePeriod(scheme, roster, findings, period, options)).toEqual(reference);
            // No lines, then each subject's lines when asked: the same numbers, the same lines.
            const lazy = scoreOnDemand(scheme, roster, findings, period, options);
            expect(lazy.results).toEqual(withoutLines(reference));
            for (const s of reference.subjects) expect(lazy.explain(s.subject, s.subjectId), `${s.subject}:${s.subjectId}`).toEqual(s);
            expect(lazy.explain('staff' as SubjectKind, 's-nobody')).toBeNull();
          },
        ),
        { numRuns: 30 },
      );
    });
  }
});

describe('at a hall\'s scale, the fast path gives the results and lines of the full computation', { timeout: 300_000 }, () => {
  // The bench's synthetic hall (20 units, 60 windows, 180 staff) and a year of findings, as a store yields them (in
  // time order) and in any order: each subject's findings are grouped, summed and rolled up the same either way.
  const hall = syntheticRoster(20, 60, 180);
  const year: PeriodRef = { kind: 'year', year: 2026 };
  for (const file of schemeFiles()) {
    it(`for ${file}, 4,000 findings of a year, in time order and shuffled`, () => {
      const scheme = loadScheme(file);
      for (const shuffle of [false, true]) {
        const findings = syntheticFindings(scheme, hall, 4000, 2026, 7, shuffle);
        const options = { countPending: false };
        const reference = referenceScorePeriod(scheme, hall, findings, year, options);
        const lazy = scoreOnDemand(scheme, hall, findings, year, options);
        expect(lazy.results).toEqual(withoutLines(reference));
        // The busiest subject of each kind, explained on demand, line for line.
        for (const kind of ['staff', 'window', 'chief', 'unit'] as const) {
          const busiest = reference.subjects.filter((r) => r.subject === kind).sort((a, b) => b.findingCount - a.findingCount)[0];
          if (busiest) expect(lazy.explain(kind, busiest.subjectId)).toEqual(busiest);
        }
      }
    });
  }
});

describe('a roster that lists an id twice is scored as before', () => {
  // hallProblems refuses such a roster, but the engine is given rosters from files too (the score command): each
  // entry of a repeated id reads the one subject's findings and co-deductions, as the engine always did.
  const twice = { ...roster, staff: [...roster.staff, roster.staff[0] as (typeof roster.staff)[number]], windows: [...roster.windows, roster.windows[1] as (typeof roster.windows)[number]] };
  for (const file of ['000-kunqu.yaml', '001-luoshan.yaml']) {
    it(`for ${file}`, () => {
      const scheme = loadScheme(file);
      const findings = syntheticFindings(scheme, twice, 600, 2026, 3, false);
      for (const period of [{ kind: 'month', year: 2026, index: 3 }, { kind: 'year', year: 2026 }] as PeriodRef[]) {
        const options = { countPending: false };
        const reference = referenceScorePeriod(scheme, twice, findings, period, options);
        expect(scorePeriod(scheme, twice, findings, period, options)).toEqual(reference);
        expect(scoreOnDemand(scheme, twice, findings, period, options).results).toEqual(withoutLines(reference));
      }
    });
  }
});
