import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { scorePeriod } from '../../../src/core/scoring/scorePeriod';
import type { Finding, ReviewState } from '../../../src/core/model/finding';
import type { FindingInputs } from '../../../src/core/scheme/inputsSchema';
import type { PeriodRef } from '../../../src/core/time/period';
import type { ScoreOptions } from '../../../src/core/scoring/scoreOptions';
import type { PeriodResults, SubjectResult } from '../../../src/core/scoring/results';
import type { Item } from '../../../src/core/scheme/schemeSchema';
import { MINI_ROSTER, miniScheme } from '../../fixtures/miniScheme';
import { compareSubjects } from '../../../src/core/scoring/compareSubjects';

/*
 * Property-based tests of the engine over the mini scheme and roster. Every finding is generated to match its
 * item's rule (docs/scheme-format.md): quantities, range amounts on the step grid, level ids.
 */

const scheme = miniScheme();
const roster = MINI_ROSTER;
const STAFF = roster.staff.map((s) => s.id);
const ITEMS = scheme.items;
const DEDUCT_ITEMS = ITEMS.filter((i) => i.direction === 'deduct');
const STATES: ReviewState[] = ['recorded', 'acknowledged', 'contested', 'upheld', 'amended', 'overturned', 'voided'];
const COUNTED_STATES: ReviewState[] = ['recorded', 'acknowledged', 'upheld', 'amended'];

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** Month starts in the hall's zone (+08:00): Jan, Feb, Mar, Apr 2026. */
const MONTH_STARTS = ['2026-01-01', '2026-02-01', '2026-03-01', '2026-04-01'].map((d) => Date.parse(`${d}T00:00:00+08:00`));
const START = MONTH_STARTS[0] as number;
const END = MONTH_STARTS[3] as number;

const MONTHS: PeriodRef[] = [1, 2, 3].map((index) => ({ kind: 'month', year: 2026, index }));
const QUARTER: PeriodRef = { kind: 'quarter', year: 2026, index: 1 };
const YEAR: PeriodRef = { kind: 'year', year: 2026 };
const ALL_PERIODS: PeriodRef[] = [...MONTHS, QUARTER, YEAR];
/** Periods scored directly from their findings (the quarter is an average of months in the mini scheme). */
const DIRECT_PERIODS: PeriodRef[] = [...MONTHS, YEAR];
/** The months and the quarter: cheaper than the year (whose grade trigger rescores twelve months). */
const Q1_PERIODS: PeriodRef[] = [...MONTHS, QUARTER];

/** An instant as ISO 8601 with the hall's +08:00 offset. */
function isoAt(ms: number): string {
  return `${new Date(ms + 8 * HOUR).toISOString().slice(0, 19)}+08:00`;
}

/** 1, 2 or 3: the month of 2026 (in +08:00) an instant in Q1 belongs to. */
function monthOf(at: string): number {
  const ms = Date.parse(at);
  return MONTH_STARTS.findIndex((s, i) => ms >= s && ms < (MONTH_STARTS[i + 1] ?? Infinity)) + 1;
}

function fix(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}

// ---------------------------------------------------------------------------------------------------------------
// Generators

/** Instants over 2026-01..2026-03 (+08:00), with the month boundaries (and the second before each) over-weighted. */
const instantArb: fc.Arbitrary<number> = fc.oneof(
  { weight: 8, arbitrary: fc.integer({ min: START / 1000, max: END / 1000 - 1 }).map((s) => s * 1000) },
  { weight: 1, arbitrary: fc.constantFrom(...MONTH_STARTS.slice(0, 3), ...MONTH_STARTS.slice(1).map((s) => s - 1000)) },
);

/** A quantity for a rule's quantity field: within [min, max], on a whole or half grid. */
function quantityArb(kind: Item['rule']['kind'], q: { unit: string; min: number; max?: number | undefined; integer: boolean }): fc.Arbitrary<number> {
  const step = q.integer || q.unit === '分钟' ? 1 : 0.5;
  const max = q.max ?? (kind === 'ratio' ? 100 : q.unit === '分钟' ? 120 : 8);
  const n = Math.floor((max - q.min) / step);
  return fc.integer({ min: 0, max: n }).map((k) => fix(q.min + k * step));
}

/** Inputs matching the item's rule. */
function inputsArb(item: Item): fc.Arbitrary<FindingInputs> {
  const r = item.rule;
  switch (r.kind) {
    case 'range': {
      const n = Math.round((r.max - r.min) / r.step);
      return fc.integer({ min: 0, max: n }).map((k) => ({ amount: fix(r.min + k * r.step) }));
    }
    case 'levels':
      return fc.constantFrom(...r.levels.map((l) => l.id)).map((level) => ({ level }));
    case 'tiers':
    case 'perUnit':
    case 'ratio':
      return quantityArb(r.kind, r.quantity).map((quantity) => ({ quantity }));
    case 'allowance':
      return r.quantity ? quantityArb(r.kind, r.quantity).map((quantity) => ({ quantity })) : fc.constant({});
    case 'score':
      return fc.integer({ min: 0, max: r.max }).map((quantity) => ({ quantity }));
    case 'errorRate':
      return fc.record({ errors: fc.integer({ min: 0, max: 10 }), total: fc.integer({ min: 0, max: 20 }) });
    default:
      return fc.constant({});
  }
}

/** A finding without its id, for one item. */
function bodyArb(items: readonly Item[], states: readonly ReviewState[], staff: fc.Arbitrary<string>): fc.Arbitrary<Omit<Finding, 'id'>> {
  return fc.constantFrom(...items).chain((item) =>
    fc
      .record({
        staffId: staff,
        atMs: instantArb,
        inputs: inputsArb(item),
        state: fc.constantFrom(...states),
        rectifiedAfterDays: item.followUp ? fc.option(fc.integer({ min: 0, max: 14 }), { nil: undefined }) : fc.constant(undefined),
        amended: fc.option(
          fc.constantFrom(...ITEMS).chain((other) => inputsArb(other).map((inputs) => ({ itemId: other.id, inputs }))),
          { freq: 4, nil: undefined },
        ),
      })
      .map(({ staffId, atMs, inputs, state, rectifiedAfterDays, amended }) => {
        const f: Omit<Finding, 'id'> = { itemId: item.id, staffId, at: isoAt(atMs), inputs, state };
        if (amended) f.amended = amended;
        if (rectifiedAfterDays !== undefined) f.rectifiedAt = isoAt(atMs + rectifiedAfterDays * DAY);
        return f;
      }),
  );
}

/** Mostly the given roster staff; now and then one the roster does not know (the engine must skip it). */
function staffArb(staff: readonly string[]): fc.Arbitrary<string> {
  return fc.oneof({ weight: 15, arbitrary: fc.constantFrom(...staff) }, { weight: 1, arbitrary: fc.constant('s9') });
}

/**
 * A list of findings with unique ids. Each list draws on a random subset of the items and staff, so that one
 * staff member often has several findings of one item (caps, allowances, escalation steps get reached).
 */
function findingsArb(prefix = 'f', maxLength = 30): fc.Arbitrary<Finding[]> {
  return fc
    .tuple(
      fc.oneof(fc.subarray(ITEMS, { minLength: 1, maxLength: 3 }), fc.subarray(ITEMS, { minLength: 1 })),
      fc.oneof(fc.subarray(STAFF, { minLength: 1, maxLength: 1 }), fc.subarray(STAFF, { minLength: 1 })),
    )
    .chain(([items, staff]) => fc.array(bodyArb(items, STATES, staffArb(staff)), { maxLength }))
    .map((list) => list.map((b, i) => ({ id: `${prefix}${String(i).padStart(3, '0')}`, ...b })));
}

const optionsArb: fc.Arbitrary<ScoreOptions> = fc.record({
  countPending: fc.boolean(),
  asOf: fc.constantFrom(undefined, '2026-02-10T12:00:00+08:00', '2026-06-01T00:00:00+08:00'),
}).map((o) => (o.asOf === undefined ? { countPending: o.countPending } : { countPending: o.countPending, asOf: o.asOf }));

// ---------------------------------------------------------------------------------------------------------------
// Helpers

function score(findings: readonly Finding[], period: PeriodRef, options: ScoreOptions): PeriodResults {
  return scorePeriod(scheme, roster, findings, period, options);
}

function scoreAll(findings: readonly Finding[], options: ScoreOptions, periods = ALL_PERIODS): PeriodResults[] {
  return periods.map((p) => score(findings, p, options));
}

function subjectsOf(r: PeriodResults): Map<string, SubjectResult> {
  return new Map(r.subjects.map((s) => [`${s.subject}:${s.subjectId}`, s]));
}

/** What the totals-only comparisons look at: per subject the total, category scores and bonus. */
function totals(r: PeriodResults): Record<string, { total: number; bonus: number; categories: Record<string, number> }> {
  const out: Record<string, { total: number; bonus: number; categories: Record<string, number> }> = {};
  for (const s of r.subjects) {
    out[`${s.subject}:${s.subjectId}`] = { total: s.total, bonus: s.bonus, categories: Object.fromEntries(s.categories.map((c) => [c.id, c.score])) };
  }
  return out;
}

/** The item a finding is scored under (an amendment may replace it). */
function effectiveItemId(f: Finding): string {
  return (f.state === 'amended' && f.amended?.itemId) || f.itemId;
}

/**
 * The mini scheme's 工作纪律 category by hand: 20 − late (per finding: >0..30 min 0.1, >30..60 0.5, >60 1)
 * − roam (0.5 each, cap 1) − phone (5 each), floor 0.
 */
function disciplineByHand(findings: readonly Finding[], staffId: string, startMs: number, endMs: number, countPending: boolean): number {
  let late = 0;
  let roam = 0;
  let phone = 0;
  for (const f of findings) {
    const ms = Date.parse(f.at);
    if (f.staffId !== staffId || ms < startMs || ms >= endMs) continue;
    if (!(COUNTED_STATES.includes(f.state) || (countPending && f.state === 'contested'))) continue;
    const itemId = effectiveItemId(f);
    const inputs = (f.state === 'amended' && f.amended?.inputs) || f.inputs || {};
    const q = inputs.quantity ?? 0;
    if (itemId === 'late') late += q > 60 ? 1 : q > 30 ? 0.5 : q > 0 ? 0.1 : 0;
    if (itemId === 'roam') roam += 1;
    if (itemId === 'phone') phone += 1;
  }
  return Math.max(0, fix(20 - late - Math.min(0.5 * roam, 1) - 5 * phone));
}

const periodLabel = (p: PeriodRef): string => `${p.kind} ${p.year}${p.index ? `-${p.index}` : ''}`;

const RUNS = { numRuns: 100 };

// ---------------------------------------------------------------------------------------------------------------

// Each property takes about a second; the generous timeout keeps a loaded machine from failing them.
describe('scoring properties (mini scheme)', () => {
  it('generates findings the engine accepts: only unknown staff are skipped', () => {
    fc.assert(
      fc.property(findingsArb(), (findings) => {
        const r = score(findings, YEAR, { countPending: false });
        const expected = findings.filter((f) => f.staffId === 's9' && f.state !== 'voided' && f.state !== 'overturned').map((f) => f.id).sort();
        expect(r.skipped.map((s) => s.findingId)).toEqual(expected);
      }),
      { numRuns: 30 },
    );
  });

  it('an item cap is never exceeded: counted points of a capped item, less the trimmed amount, stay within the cap, and the category score honours it', () => {
    const capped = ITEMS.filter((i) => i.cap !== undefined);
    expect(capped.length).toBeGreaterThan(0);
    fc.assert(
      fc.property(findingsArb(), optionsArb, (findings, options) => {
        for (const period of DIRECT_PERIODS) {
          const r = score(findings, period, options);
          for (const s of r.subjects) {
            for (const item of capped.filter((i) => i.subject === s.subject)) {
              const cap = item.cap as number;
              const lines = s.explanation.filter(
                (l) => (l.kind === 'finding' || l.kind === 'period') && l.itemId === item.id && !(l.kind === 'finding' && l.coDeduction) && (l.status === 'counted' || options.countPending),
              );
              const moved = Math.abs(fix(lines.reduce((sum, l) => sum + (l.kind === 'finding' || l.kind === 'period' ? l.points : 0), 0)));
              const capLines = s.explanation.filter((l) => l.kind === 'item-cap' && l.itemId === item.id);
              expect(capLines.length).toBeLessThanOrEqual(1);
              const trimmed = capLines[0]?.kind === 'item-cap' ? capLines[0].trimmed : 0;
              const kept = fix(moved - trimmed);
              expect(kept, `${periodLabel(period)} ${s.subjectId} ${item.id}`).toBeLessThanOrEqual(cap + 1e-9);
              expect(trimmed).toBeCloseTo(Math.max(0, moved - cap), 9);
              // Recomputed from the findings (fixed-points items): n counted findings move min(n × points, cap).
              if (item.rule.kind === 'fixed') {
                const range = r.period;
                const n = findings.filter(
                  (f) =>
                    effectiveItemId(f) === item.id &&
                    f.staffId === s.subjectId &&
                    (COUNTED_STATES.includes(f.state) || (options.countPending && f.state === 'contested')) &&
                    Date.parse(f.at) >= Date.parse(range.start) &&
                    Date.parse(f.at) < Date.parse(range.end),
                ).length;
                expect(kept, `${periodLabel(period)} ${s.subjectId} ${item.id}: ${n} findings`).toBeCloseTo(Math.min(n * item.rule.points, cap), 9);
              }
            }
            // The score itself, not only its explanation: 工作纪律 recomputed by hand with roam's cap.
            if (s.subject === 'staff') {
              const discipline = s.categories.find((c) => c.id === 'discipline')?.score;
              const expected = disciplineByHand(findings, s.subjectId, Date.parse(r.period.start), Date.parse(r.period.end), options.countPending);
              expect(discipline, `${periodLabel(period)} ${s.subjectId} discipline`).toBeCloseTo(expected, 6);
            }
          }
        }
      }),
      RUNS,
    );
  });

  it('category floors hold, deduct/award/bonus categories stay within their points, bonus within bonusCap, totals above the table floor', () => {
    fc.assert(
      fc.property(findingsArb(), optionsArb, (findings, options) => {
        for (const r of scoreAll(findings, options)) {
          for (const s of r.subjects) {
            const table = scheme.tables.find((t) => t.subject === s.subject);
            if (!table) throw new Error(`no table for ${s.subject}`);
            const where = `${r.period.key} ${s.subject}:${s.subjectId}`;
            for (const c of s.categories) {
              const def = table.categories.find((x) => x.id === c.id);
              if (!def) throw new Error(`no category ${c.id}`);
              if (def.floor !== undefined) expect(c.score, `${where} ${c.id} floor`).toBeGreaterThanOrEqual(def.floor);
              expect(c.score, `${where} ${c.id} ≤ points`).toBeLessThanOrEqual(def.points);
              if (c.mode === 'bonus') expect(c.score, `${where} ${c.id} ≥ 0`).toBeGreaterThanOrEqual(0);
            }
            if (table.bonusCap !== undefined) expect(s.bonus, `${where} bonus`).toBeLessThanOrEqual(table.bonusCap);
            expect(s.bonus).toBeGreaterThanOrEqual(0);
            if (table.floor !== undefined) expect(s.total, `${where} total`).toBeGreaterThanOrEqual(table.floor);
            if (!table.aggregate) {
              // The total never exceeds full marks plus the bonus cap.
              expect(s.total, `${where} total ≤ base + bonus`).toBeLessThanOrEqual(table.base + (table.bonusCap ?? Infinity) + 1e-9);
            }
          }
        }
      }),
      RUNS,
    );
  });

  it('is independent of the order of the findings: a shuffled list gives byte-identical results', () => {
    fc.assert(
      fc.property(
        findingsArb().chain((findings) => fc.tuple(fc.constant(findings), fc.shuffledSubarray(findings, { minLength: findings.length, maxLength: findings.length }))),
        optionsArb,
        ([findings, shuffled], options) => {
          expect(shuffled).toHaveLength(findings.length);
          for (const period of ALL_PERIODS) {
            expect(JSON.stringify(score(shuffled, period, options))).toBe(JSON.stringify(score(findings, period, options)));
          }
        },
      ),
      RUNS,
    );
  });

  it('lists each table in one total order (rank, total, subject id): no two subjects tie, so every device shows the same table', () => {
    fc.assert(
      fc.property(findingsArb(), optionsArb, (findings, options) => {
        for (const period of ALL_PERIODS) {
          const subjects = score(findings, period, options).subjects;
          for (let i = 1; i < subjects.length; i++) {
            const [a, b] = [subjects[i - 1], subjects[i]];
            if (a && b && a.subject === b.subject) expect(compareSubjects(a, b)).toBeLessThan(0);
          }
        }
      }),
      RUNS,
    );
  });

  it('voided and overturned findings count for nothing: results equal those with them removed', () => {
    fc.assert(
      fc.property(findingsArb(), optionsArb, (findings, options) => {
        const kept = findings.filter((f) => f.state !== 'voided' && f.state !== 'overturned');
        for (const period of Q1_PERIODS) {
          expect(JSON.stringify(score(findings, period, options))).toBe(JSON.stringify(score(kept, period, options)));
        }
      }),
      RUNS,
    );
  });

  it('adding one counted deduction never raises the charged staff member\'s total, and leaves other staff unchanged', () => {
    const fresh = bodyArb(DEDUCT_ITEMS, ['recorded', 'acknowledged', 'upheld'], fc.constantFrom(...STAFF));
    /** A new counted deduction: a fresh one, or one more of an item a staff member already has (same month). */
    const withExtra = findingsArb().chain((findings) => {
      const deductions = findings.filter((f) => STAFF.includes(f.staffId ?? '') && DEDUCT_ITEMS.some((i) => i.id === effectiveItemId(f)));
      const again =
        deductions.length === 0
          ? fresh
          : fc.tuple(fc.constantFrom(...deductions), fc.integer({ min: 0, max: 27 * 24 * 3600 })).chain(([like, seconds]) => {
              const item = DEDUCT_ITEMS.find((i) => i.id === effectiveItemId(like)) as Item;
              const monthStart = MONTH_STARTS[monthOf(like.at) - 1] as number;
              return inputsArb(item).map((inputs): Omit<Finding, 'id'> => ({ itemId: item.id, staffId: like.staffId as string, at: isoAt(monthStart + seconds * 1000), inputs, state: 'recorded' }));
            });
      return fc.tuple(fc.constant(findings), fc.oneof(fresh, again));
    });
    fc.assert(
      fc.property(withExtra, optionsArb, ([findings, body], options) => {
        const extra: Finding = { id: 'x-added', ...body };
        delete extra.amended;
        const m = monthOf(extra.at);
        for (const period of ALL_PERIODS) {
          const before = subjectsOf(score(findings, period, options));
          const after = subjectsOf(score([...findings, extra], period, options));
          const inPeriod = period.kind !== 'month' || period.index === m;
          for (const id of STAFF) {
            const b = before.get(`staff:${id}`)?.total as number;
            const a = after.get(`staff:${id}`)?.total as number;
            const where = `${periodLabel(period)} staff ${id}, added ${extra.itemId} at ${extra.at}`;
            if (id === extra.staffId && inPeriod) expect(a, where).toBeLessThanOrEqual(b + 1e-9);
            else expect(a, where).toBe(b);
          }
        }
      }),
      RUNS,
    );
  });

  it('countPending=false gives the totals, category scores and grades of the findings without the contested ones', () => {
    fc.assert(
      fc.property(findingsArb(), fc.constantFrom(undefined, '2026-06-01T00:00:00+08:00'), (findings, asOf) => {
        const options: ScoreOptions = asOf ? { countPending: false, asOf } : { countPending: false };
        const settled = findings.filter((f) => f.state !== 'contested');
        for (const period of Q1_PERIODS) {
          const a = score(findings, period, options);
          const b = score(settled, period, options);
          expect(totals(a)).toEqual(totals(b));
          expect(a.subjects.map((s) => [s.subjectId, s.gradeId, s.rank])).toEqual(b.subjects.map((s) => [s.subjectId, s.gradeId, s.rank]));
        }
      }),
      RUNS,
    );
  });

  it('countPending=true gives the totals of the findings with every contested one upheld', () => {
    fc.assert(
      fc.property(findingsArb(), (findings) => {
        const upheld = findings.map((f): Finding => (f.state === 'contested' ? { ...f, state: 'upheld' } : f));
        for (const period of Q1_PERIODS) {
          expect(totals(score(findings, period, { countPending: true }))).toEqual(totals(score(upheld, period, { countPending: false })));
        }
      }),
      RUNS,
    );
  });

  it('with countPending=false, a window\'s and chief\'s pending shows what the contested findings would move if upheld (co-deductions included)', () => {
    // Regression (found at f80a034): scoreDirect made co-deductions only from outcome.moves, which with
    // countPending=false held the counted lines only, so a contested finding's co-deduction was never shown as
    // pending on the window or chief (the `pendingOnly && !countPending ? 0 : points` branch was dead).
    fc.assert(
      fc.property(findingsArb(), (findings) => {
        const upheld = findings.map((f): Finding => (f.state === 'contested' ? { ...f, state: 'upheld' } : f));
        for (const period of MONTHS) {
          const shown = subjectsOf(score(findings, period, { countPending: false }));
          const ifUpheld = subjectsOf(score(upheld, period, { countPending: false }));
          for (const [key, s] of shown) {
            if (s.subject !== 'window' && s.subject !== 'chief') continue;
            const expected = fix((ifUpheld.get(key)?.total as number) - s.total);
            expect(s.pending, `${periodLabel(period)} ${key}`).toBeCloseTo(expected, 9);
          }
        }
      }),
      RUNS,
    );
  });

  it('grades respect the quota, disqualifications and ranks', () => {
    const staffTable = scheme.tables.find((t) => t.subject === 'staff');
    const quota = staffTable?.quota;
    if (!staffTable || !quota) throw new Error('the mini staff table has a quota');
    const allowed = Math.floor(quota.maxShare * STAFF.length);
    const honours = new Set(staffTable.grades.filter((g) => g.honor).map((g) => g.id));
    fc.assert(
      fc.property(findingsArb(), optionsArb, (findings, options) => {
        for (const r of scoreAll(findings, options)) {
          const staff = r.subjects.filter((s) => s.subject === 'staff');
          expect(staff.filter((s) => s.gradeId === quota.grade).length).toBeLessThanOrEqual(allowed);
          for (const s of staff) {
            const disqualified = s.flags.some((f) => f.kind === 'disqualified' && (f.scope === 'year' || f.scope === r.period.kind || (f.scope === 'quarter' && r.period.kind === 'month')));
            if (disqualified) expect(honours.has(s.gradeId ?? ''), `${r.period.key} ${s.subjectId}`).toBe(false);
            // Competition ranking: 1 + the number of subjects with a higher total.
            expect(s.rank).toBe(1 + staff.filter((o) => o.total > s.total).length);
          }
        }
      }),
      RUNS,
    );
  });

  it('a month\'s totals are unaffected by findings in other months', () => {
    fc.assert(
      fc.property(findingsArb('a'), findingsArb('b'), fc.constantFrom(1, 2, 3), optionsArb, (mine, others, month, options) => {
        const inMonth = mine.filter((f) => monthOf(f.at) === month);
        const elsewhere = others.filter((f) => monthOf(f.at) !== month);
        const period = MONTHS[month - 1] as PeriodRef;
        const alone = score(inMonth, period, options);
        const mixed = score([...elsewhere, ...inMonth], period, options);
        expect(totals(mixed)).toEqual(totals(alone));
      }),
      RUNS,
    );
  });
});

// Minimal examples of engine bugs the properties found at f80a034 (fixed since); kept as regression tests.
describe('engine bugs found by the properties (minimal examples)', () => {
  const FEB: PeriodRef = { kind: 'month', year: 2026, index: 2 };
  const at = '2026-02-10T10:00:00+08:00';

  it('a contested finding\'s co-deductions show as pending on the window and chief (countPending=false)', () => {
    // phone: 5 points on the staff member, also 2 on the window and 0.5× on the chief.
    const r = score([{ id: 'p1', itemId: 'phone', staffId: 's1', at, state: 'contested' }], FEB, { countPending: false });
    const s = subjectsOf(r);
    expect(s.get('staff:s1')?.pending).toBe(-5); // shown on the staff member
    expect(s.get('window:w1')?.total).toBe(10); // not counted: right
    expect(s.get('chief:c1')?.total).toBe(10);
    // docs/scheme-format.md, Review state: contested findings' points are shown (pending). At f80a034: 0, no explanation line.
    expect(s.get('window:w1')?.pending).toBe(-2);
    expect(s.get('chief:c1')?.pending).toBe(-2.5);
    expect(s.get('window:w1')?.explanation.some((l) => l.kind === 'finding' && l.findingId === 'p1' && l.status === 'pending')).toBe(true);
  });

  it('with countPending=true, eligibility counts the contested findings the totals count', () => {
    // s1: 6 days of leave, contested. Eligibility: leave-days ≥ 5 cannot be 优秀 (demoted to 良好).
    // The other three lose 3 points each so that s1 is within the 优秀 quota (2 of 4).
    const findings: Finding[] = [
      { id: 'l1', itemId: 'leave-days', staffId: 's1', at, inputs: { quantity: 6 }, state: 'contested' },
      { id: 'r2', itemId: 'rude', staffId: 's2', at, inputs: { amount: 3 }, state: 'recorded' },
      { id: 'r3', itemId: 'rude', staffId: 's3', at, inputs: { amount: 3 }, state: 'recorded' },
      { id: 'r4', itemId: 'rude', staffId: 's4', at, inputs: { amount: 3 }, state: 'recorded' },
    ];
    const provisional = subjectsOf(score(findings, FEB, { countPending: true })).get('staff:s1');
    const upheld = subjectsOf(score(findings.map((f) => ({ ...f, state: 'recorded' as const })), FEB, { countPending: false })).get('staff:s1');
    // The contested leave counts in the total (100 − floor(6/3) = 98) ...
    expect(provisional?.total).toBe(98);
    expect(upheld?.total).toBe(98);
    expect(upheld?.gradeId).toBe('good');
    // ... and so in eligibility (at f80a034 it did not: 'excellent').
    expect(provisional?.gradeId).toBe('good');
  });
});
