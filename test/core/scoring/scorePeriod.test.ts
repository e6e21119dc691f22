import { describe, expect, it } from 'vitest';
import { miniScheme, MINI_ROSTER } from '../../fixtures/miniScheme';
import { scorePeriod } from '../../../src/core/scoring/scorePeriod';
import type { Finding } from '../../../src/core/model/finding';
import type { PeriodRef } from '../../../src/core/time/period';
import type { SubjectResult } from '../../../src/core/scoring/results';

const scheme = miniScheme();
const MARCH: PeriodRef = { kind: 'month', year: 2026, index: 3 };
let seq = 0;
function f(itemId: string, staffId: string, at: string, extra: Partial<Finding> = {}): Finding {
  seq++;
  return { id: `f${String(seq).padStart(3, '0')}`, itemId, at, staffId, state: 'recorded', ...extra };
}
function run(findings: Finding[], period: PeriodRef = MARCH, countPending = false, asOf?: string) {
  return scorePeriod(scheme, MINI_ROSTER, findings, period, { countPending, asOf });
}
function get(r: ReturnType<typeof run>, kind: string, id: string): SubjectResult {
  const s = r.subjects.find((x) => x.subject === kind && x.subjectId === id);
  if (!s) throw new Error(`no ${kind} ${id}`);
  return s;
}
const cat = (s: SubjectResult, id: string) => s.categories.find((c) => c.id === id)?.score;

describe('rule shapes', () => {
  it('tiers: 30 min is 半小时内 (lte 30) → 0.1; 31 → 0.5; 60 → 0.5; 61 → 1', () => {
    const r = run([30, 31, 60, 61].map((m, i) => f('late', 's1', `2026-03-0${i + 2}T09:00:00+08:00`, { inputs: { quantity: m } })));
    // 20 − (0.1 + 0.5 + 0.5 + 1) = 17.9
    expect(cat(get(r, 'staff', 's1'), 'discipline')).toBe(17.9);
  });

  it('fixed with an item cap: 串岗 3 × 0.5 = 1.5, capped at 1, the trim explained', () => {
    const s = get(run([1, 2, 3].map((d) => f('roam', 's1', `2026-03-0${d}T10:00:00+08:00`))), 'staff', 's1');
    expect(cat(s, 'discipline')).toBe(19);
    expect(s.explanation).toContainEqual({ kind: 'item-cap', itemId: 'roam', itemName: '串岗', cap: 1, trimmed: 0.5 });
  });

  it('range: the chosen amount, clamped into [min, max]', () => {
    const s = get(run([f('rude', 's2', '2026-03-02T10:00:00+08:00', { inputs: { amount: 2.5 } }), f('rude', 's2', '2026-03-03T10:00:00+08:00', { inputs: { amount: 9 } })]), 'staff', 's2');
    expect(cat(s, 'service')).toBe(80 - 2.5 - 3);
  });

  it('perUnit on the period total, every 3 days floor: 2 + 2 = 4 days → 1 point; 5 + 1 = 6 days → 2', () => {
    const a = run([f('leave-days', 's1', '2026-03-02T09:00:00+08:00', { inputs: { quantity: 2 } }), f('leave-days', 's1', '2026-03-12T09:00:00+08:00', { inputs: { quantity: 2 } })]);
    expect(cat(get(a, 'staff', 's1'), 'service')).toBe(79);
    const b = run([f('leave-days', 's1', '2026-03-02T09:00:00+08:00', { inputs: { quantity: 5 } }), f('leave-days', 's1', '2026-03-12T09:00:00+08:00', { inputs: { quantity: 1 } })]);
    expect(cat(get(b, 'staff', 's1'), 'service')).toBe(78);
  });

  it('allowance: 2 free, each beyond costs 0.5 (5 → 1.5)', () => {
    const s = get(run([1, 2, 3, 4, 5].map((d) => f('midway', 's3', `2026-03-0${d}T15:00:00+08:00`))), 'staff', 's3');
    expect(cat(s, 'service')).toBe(78.5);
  });

  it('ratio below a threshold: 出勤率 86.5% is 3.5 points under 90 → floor 3 × 0.5 = 1.5; 90% → 0', () => {
    const s = get(run([f('rate', 's4', '2026-03-31T17:00:00+08:00', { inputs: { quantity: 86.5 } }), f('rate', 's3', '2026-03-31T17:00:00+08:00', { inputs: { quantity: 90 } })]), 'staff', 's4');
    expect(cat(s, 'service')).toBe(78.5);
  });

  it('escalation total: 一次扣2分, 两次以上扣5分 — two quarrels cost 5, not 7', () => {
    expect(cat(get(run([f('quarrel', 's1', '2026-03-02T10:00:00+08:00')]), 'staff', 's1'), 'service')).toBe(78);
    expect(cat(get(run([f('quarrel', 's1', '2026-03-02T10:00:00+08:00'), f('quarrel', 's1', '2026-03-09T10:00:00+08:00')]), 'staff', 's1'), 'service')).toBe(75);
  });

  it('levels and the bonus cap: 国家级 3 + 市级 1 + 锦旗 2 = 6, table bonus cap 5 → total 105', () => {
    const s = get(
      run([
        f('media', 's2', '2026-03-02T10:00:00+08:00', { inputs: { level: 'national' } }),
        f('media', 's2', '2026-03-03T10:00:00+08:00', { inputs: { level: 'city' } }),
        f('banner', 's2', '2026-03-04T10:00:00+08:00'),
      ]),
      'staff',
      's2',
    );
    expect(s.bonus).toBe(5);
    expect(s.total).toBe(105);
    expect(s.explanation).toContainEqual({ kind: 'bonus-cap', cap: 5, trimmed: 1 });
  });
});

describe('categories, co-deductions and totals', () => {
  it('category floor 扣完为止: 5 phones = 25 on a 20-point category stops at 0, trimmed 5 explained', () => {
    const s = get(run([1, 2, 3, 4, 5].map((d) => f('phone', 's1', `2026-03-0${d}T10:00:00+08:00`))), 'staff', 's1');
    expect(cat(s, 'discipline')).toBe(0);
    expect(s.explanation).toContainEqual({ kind: 'category-floor', categoryId: 'discipline', categoryName: '工作纪律', floor: 0, trimmed: 5 });
    expect(s.total).toBe(80);
  });

  it('co-deduction: a phone on s1 costs window w1 2 points and chief c1 half of 5 = 2.5', () => {
    const r = run([f('phone', 's1', '2026-03-02T10:00:00+08:00')]);
    expect(get(r, 'window', 'w1').total).toBe(8);
    expect(get(r, 'chief', 'c1').total).toBe(7.5);
    expect(get(r, 'chief', 'c2').total).toBe(10);
    const line = get(r, 'chief', 'c1').explanation.find((l) => l.kind === 'finding');
    expect(line).toMatchObject({ kind: 'finding', coDeduction: true, points: -2.5, itemId: 'phone' });
  });

  it('aggregate: the unit is the average of its staff totals (u1: (95 + 100) / 2 = 97.5)', () => {
    const r = run([f('phone', 's1', '2026-03-02T10:00:00+08:00')]);
    expect(get(r, 'unit', 'u1').total).toBe(97.5);
    expect(get(r, 'unit', 'u2').total).toBe(100);
  });
});

describe('review state', () => {
  it('contested points are pending: shown, not counted unless countPending; overturned and voided count for nothing', () => {
    const findings = [
      f('phone', 's1', '2026-03-02T10:00:00+08:00', { state: 'contested' }),
      f('roam', 's1', '2026-03-02T11:00:00+08:00', { state: 'overturned' }),
      f('roam', 's1', '2026-03-02T12:00:00+08:00', { state: 'voided' }),
    ];
    const final = get(run(findings), 'staff', 's1');
    expect(final.total).toBe(100);
    expect(final.pending).toBe(-5);
    expect(final.explanation).toContainEqual(expect.objectContaining({ kind: 'finding', itemId: 'phone', status: 'pending', points: -5 }));
    const provisional = get(run(findings, MARCH, true), 'staff', 's1');
    expect(provisional.total).toBe(95);
  });

  it('amended: the committee replaces item or inputs (玩手机 → 串岗 0.5)', () => {
    const s = get(run([f('phone', 's1', '2026-03-02T10:00:00+08:00', { state: 'amended', amended: { itemId: 'roam' } })]), 'staff', 's1');
    expect(s.total).toBe(99.5);
  });
});

describe('grades, flags, quota, eligibility', () => {
  it('grade bounds are exact: 90 is 良好 (not > 90), 80 is 良好, 79.9 合格, 60 合格, 59.5 不合格 with its consequence', () => {
    // Each staff loses a chosen amount through 态度 (range 1-3) and 旷工 (10/day).
    const r = run([
      f('absent', 's1', '2026-03-02T09:00:00+08:00', { inputs: { quantity: 1 } }),
      f('absent', 's2', '2026-03-02T09:00:00+08:00', { inputs: { quantity: 2 } }),
      f('absent', 's3', '2026-03-02T09:00:00+08:00', { inputs: { quantity: 4 } }),
      f('rude', 's3', '2026-03-03T09:00:00+08:00', { inputs: { amount: 1 } }),
    ]);
    expect(get(r, 'staff', 's1')).toMatchObject({ total: 90, gradeName: '良好' });
    expect(get(r, 'staff', 's2')).toMatchObject({ total: 80, gradeName: '良好' });
    const s3 = get(r, 'staff', 's3');
    expect(s3).toMatchObject({ total: 59, gradeName: '不合格' });
    expect(s3.flags).toContainEqual(expect.objectContaining({ kind: 'consequence', text: '扣服务费' }));
  });

  it('a disqualification blocks the honour grade for its whole scope: 旷工 in January keeps a 100 in March from 优秀', () => {
    const findings = [f('absent', 's4', '2026-01-05T09:00:00+08:00', { inputs: { quantity: 0 } })];
    const s4 = get(run(findings), 'staff', 's4');
    expect(s4.total).toBe(100);
    expect(s4.gradeName).toBe('良好');
    expect(s4.flags).toContainEqual(expect.objectContaining({ kind: 'disqualified', scope: 'quarter' }));
    // April is another quarter: the disqualification no longer applies.
    expect(get(run(findings, { kind: 'month', year: 2026, index: 4 }), 'staff', 's4').flags).toEqual([]);
  });

  it('quota 50% of 4 staff = 2 优秀; a tied group that does not fit is demoted whole', () => {
    // s1 and s2 lose nothing (100, 100), s3 and s4 both 95.5 → only the two 100s keep 优秀.
    const r = run([f('rude', 's3', '2026-03-02T10:00:00+08:00', { inputs: { amount: 1 } }), f('rude', 's4', '2026-03-02T10:00:00+08:00', { inputs: { amount: 1 } })]);
    expect(['s1', 's2'].map((id) => get(r, 'staff', id).gradeName)).toEqual(['优秀', '优秀']);
    expect(['s3', 's4'].map((id) => get(r, 'staff', id).gradeName)).toEqual(['良好', '良好']);
    // Three at 100 and a quota of 2: the tied three cannot all fit, so none keeps 优秀 — and nobody below them does.
    const tied = run([f('rude', 's4', '2026-03-02T10:00:00+08:00', { inputs: { amount: 1 } })]);
    expect(['s1', 's2', 's3', 's4'].map((id) => get(tied, 'staff', id).gradeName)).toEqual(['良好', '良好', '良好', '良好']);
  });

  it('eligibility: 5 days of leave in the period → not 优秀 even at 98', () => {
    const r = run([f('leave-days', 's1', '2026-03-02T09:00:00+08:00', { inputs: { quantity: 5 } })]);
    // 5 days / 3 floor = 1 point → 99, but ineligible for 优秀.
    expect(get(r, 'staff', 's1')).toMatchObject({ total: 99, gradeName: '良好' });
  });

  it('ranks share ties (1, 1, 3) and order by total', () => {
    const r = run([f('rude', 's3', '2026-03-02T10:00:00+08:00', { inputs: { amount: 2 } }), f('rude', 's4', '2026-03-02T10:00:00+08:00', { inputs: { amount: 1 } })]);
    expect(['s1', 's2', 's4', 's3'].map((id) => get(r, 'staff', id).rank)).toEqual([1, 1, 3, 4]);
  });

  it('trigger by count in the month: 3 态度 findings (以上 includes 3) → return flag', () => {
    const r = run([2, 3, 4].map((d) => f('rude', 's2', `2026-03-0${d}T10:00:00+08:00`, { inputs: { amount: 1 } })));
    expect(get(r, 'staff', 's2').flags).toContainEqual(expect.objectContaining({ kind: 'return', source: expect.objectContaining({ clause: '四3' }) }));
    const two = run([2, 3].map((d) => f('rude', 's2', `2026-03-0${d}T10:00:00+08:00`, { inputs: { amount: 1 } })));
    expect(get(two, 'staff', 's2').flags.filter((x) => x.kind === 'return')).toEqual([]);
  });

  it('trigger by consecutive grades: 不合格 in Jan, Feb and Mar → replace flag in March, not in February', () => {
    const fails = ['01', '02', '03'].map((m) => f('absent', 's3', `2026-${m}-10T09:00:00+08:00`, { inputs: { quantity: 5 } }));
    expect(get(run(fails), 'staff', 's3').flags).toContainEqual(expect.objectContaining({ kind: 'replace' }));
    expect(get(run(fails, { kind: 'month', year: 2026, index: 2 }), 'staff', 's3').flags.some((x) => x.kind === 'replace')).toBe(false);
  });

  it('follow-up: not rectified within 7 days costs 5 more once the deadline has passed', () => {
    const open = f('fix-later', 's1', '2026-03-02T10:00:00+08:00');
    expect(get(run([open], MARCH, false, '2026-03-05T00:00:00+08:00'), 'staff', 's1').total).toBe(99);
    expect(get(run([open], MARCH, false, '2026-03-20T00:00:00+08:00'), 'staff', 's1').total).toBe(94);
    const fixed = { ...open, rectifiedAt: '2026-03-06T10:00:00+08:00' };
    expect(get(run([fixed], MARCH, false, '2026-03-20T00:00:00+08:00'), 'staff', 's1').total).toBe(99);
  });
});

describe('periods', () => {
  it('months are taken in the hall time zone: 2026-03-31T23:30+08:00 is March, 2026-03-31T16:30Z is April', () => {
    const r = run([f('roam', 's1', '2026-03-31T23:30:00+08:00'), f('roam', 's2', '2026-03-31T16:30:00Z')]);
    expect(get(r, 'staff', 's1').total).toBe(99.5);
    expect(get(r, 'staff', 's2').total).toBe(100);
  });

  // Month grades are 良好: the 50% 优秀 quota cannot fit the tied 100s, nor anyone below them.
  it('quarter roll-up by average: Jan 95, Feb 100, Mar 99.5 → (95 + 100 + 99.5) / 3 = 98.17', () => {
    const r = run([f('phone', 's1', '2026-01-10T10:00:00+08:00'), f('roam', 's1', '2026-03-10T10:00:00+08:00')], { kind: 'quarter', year: 2026, index: 1 });
    const s = get(r, 'staff', 's1');
    expect(s.total).toBe(98.17);
    expect(s.explanation.filter((l) => l.kind === 'period-total' || l.kind === 'period-mean')).toEqual([
      { kind: 'period-total', periodKey: '2026-01', total: 95, gradeName: '良好' },
      { kind: 'period-total', periodKey: '2026-02', total: 100, gradeName: '良好' },
      { kind: 'period-total', periodKey: '2026-03', total: 99.5, gradeName: '良好' },
      { kind: 'period-mean', periods: 3, total: 98.17 },
    ]);
  });

  it('year scoring is direct here: the allowance counts over the whole year', () => {
    const r = run([1, 2, 3].map((m) => f('midway', 's1', `2026-0${m}-10T10:00:00+08:00`)), { kind: 'year', year: 2026 });
    expect(cat(get(r, 'staff', 's1'), 'service')).toBe(79.5);
  });

  it('skips findings it cannot place, with the reason', () => {
    const r = run([f('nope', 's1', '2026-03-02T10:00:00+08:00'), f('roam', 'ghost', '2026-03-02T10:00:00+08:00')]);
    expect(r.skipped.map((s) => s.problem)).toEqual([expect.objectContaining({ kind: 'unknown-item', itemId: 'nope' }), expect.objectContaining({ kind: 'no-subject', subject: 'staff' })]);
  });
});
