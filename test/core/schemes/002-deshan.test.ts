import { describe, it, expect } from 'vitest';
import { loadScheme, NEEDS_SEEDS, seedsPresent, seedTextCompact } from '../../fixtures/schemes';
import { scorePeriod } from '../../../src/core/scoring/scorePeriod';
import type { Finding } from '../../../src/core/model/finding';
import type { FindingInputs } from '../../../src/core/scheme/inputsSchema';
import type { PeriodRef } from '../../../src/core/time/period';
import type { Roster } from '../../../src/core/model/roster';
import type { ScoreOptions } from '../../../src/core/scoring/scoreOptions';
import type { PeriodResults, SubjectResult } from '../../../src/core/scoring/results';

// Worked examples for schemes/002-deshan.yaml (德山政务中心窗口工作考核办法, to 2.3.1), computed by hand from the seed
// and docs/scheme-format.md. Window: 人员到岗管理20 + 业务管理40 + 现场秩序管理20 + 其余(缺失)20, each floored at 0
// (不跨项扣分). Chief (带队领导): 100, no items. Unit = 0.8 × mean of its windows + 0.2 × its chief. Quarter/year: mean of months.

const scheme = loadScheme('002-deshan.yaml');

const roster: Roster = {
  hall: { id: 'deshan', name: '德山政务中心', timeZone: 'Asia/Shanghai' },
  units: [
    { id: 'u-plan', name: '经发局' },
    { id: 'u-build', name: '建设局' },
  ],
  windows: [
    { id: 'w-plan-1', number: '1', unitId: 'u-plan' },
    { id: 'w-build-1', number: '2', unitId: 'u-build' },
    { id: 'w-build-2', number: '3', unitId: 'u-build' },
  ],
  staff: [
    { id: 's-he', name: '何平', unitId: 'u-plan', windowId: 'w-plan-1' },
    { id: 's-sun', name: '孙丽', unitId: 'u-build', windowId: 'w-build-1' },
  ],
  chiefs: [
    { id: 'c-plan', name: '钱领队', unitId: 'u-plan' },
    { id: 'c-build', name: '郑领队', unitId: 'u-build' },
  ],
};

const final: ScoreOptions = { countPending: false };
const march: PeriodRef = { kind: 'month', year: 2026, index: 3 };

let seq = 0;
function f(itemId: string, at: string, windowId: string, inputs?: FindingInputs): Finding {
  seq += 1;
  return { id: `d${seq}`, itemId, at, windowId, inputs, state: 'recorded' };
}

function subject(r: PeriodResults, kind: SubjectResult['subject'], id: string): SubjectResult {
  const s = r.subjects.find((x) => x.subject === kind && x.subjectId === id);
  if (!s) throw new Error(`no result for ${kind} ${id}`);
  return s;
}

function cat(s: SubjectResult, id: string): number {
  const c = s.categories.find((x) => x.id === id);
  if (!c) throw new Error(`no category ${id} on ${s.subjectId}`);
  return c.score;
}

describe('002 德山政务中心窗口工作考核办法', () => {
  it.skipIf(!seedsPresent)(`every item quotes the seed verbatim${NEEDS_SEEDS}`, () => {
    const seed = seedTextCompact(scheme.source);
    for (const item of scheme.items) expect(seed, item.id).toContain(item.text.replace(/\s+/g, ''));
  });

  it('离岗 2 + 迟到 0.5 ×2 + 着装 0.5 → 人员到岗 20-3.5 = 16.5, window 96.5; unit 经发局 0.8×96.5 + 0.2×100 = 97.2', () => {
    const r = scorePeriod(
      scheme,
      roster,
      [
        f('ds-leave-post', '2026-03-03T10:20:00+08:00', 'w-plan-1'),
        f('ds-late-early', '2026-03-04T08:40:00+08:00', 'w-plan-1'),
        f('ds-late-early', '2026-03-05T08:45:00+08:00', 'w-plan-1'),
        f('ds-attire', '2026-03-06T09:00:00+08:00', 'w-plan-1'),
      ],
      march,
      final,
    );
    const w = subject(r, 'window', 'w-plan-1');
    expect(cat(w, 'ds-attendance')).toBe(16.5);
    expect(w.total).toBe(96.5);
    expect(w.gradeId).toBeNull();
    expect(subject(r, 'chief', 'c-plan').total).toBe(100);
    expect(subject(r, 'unit', 'u-plan').total).toBeCloseTo(97.2, 9);
  });

  it('窗口无人值班 tiers: 0.25天 → 3, exactly 0.5天 (半天以上 includes 半天) → 5 ⇒ 人员到岗 12, total 92', () => {
    const r = scorePeriod(
      scheme,
      roster,
      [
        f('ds-window-empty', '2026-03-10T10:00:00+08:00', 'w-build-1', { quantity: 0.25 }),
        f('ds-window-empty', '2026-03-17T08:30:00+08:00', 'w-build-1', { quantity: 0.5 }),
      ],
      march,
      final,
    );
    const w = subject(r, 'window', 'w-build-1');
    expect(cat(w, 'ds-attendance')).toBe(12);
    expect(w.total).toBe(92);
    const pts = w.explanation.filter((l) => l.kind === 'finding').map((l) => (l.kind === 'finding' ? l.points : 0));
    expect(pts).toEqual([-3, -5]);
  });

  it('一天窗口无人: 无人值班 (1天) 5 + 全天无人 0 → total 95; 当次流动红旗 cancelled (month) and a consequence flag 直接扣除年度总分2分; April is clear', () => {
    const findings = [
      f('ds-window-empty', '2026-03-12T08:30:00+08:00', 'w-build-2', { quantity: 1 }),
      f('ds-window-empty-day', '2026-03-12T17:00:00+08:00', 'w-build-2'),
    ];
    const w = subject(scorePeriod(scheme, roster, findings, march, final), 'window', 'w-build-2');
    expect(w.total).toBe(95);
    expect(w.flags).toContainEqual(expect.objectContaining({ kind: 'disqualified', scope: 'month' }));
    expect(w.flags).toContainEqual(expect.objectContaining({ kind: 'consequence', text: '直接扣除年度总分2分', band: { min: 2, max: 2, unit: '分', of: '年度总分' } }));
    const april = subject(scorePeriod(scheme, roster, findings, { kind: 'month', year: 2026, index: 4 }, final), 'window', 'w-build-2');
    expect(april.total).toBe(100);
    expect(april.flags.some((x) => x.kind === 'disqualified')).toBe(false);
  });

  it('出勤率: 87.5% is 2.5 below 90 → 2 full points × 0.5 = 1 → 99; exactly 90% (低于 excludes 90) → 0 → 100; unit 建设局 0.8×(99+100)/2 + 20 = 99.6', () => {
    const r = scorePeriod(
      scheme,
      roster,
      [
        f('ds-attendance-rate', '2026-03-31T17:00:00+08:00', 'w-build-1', { quantity: 87.5 }),
        f('ds-attendance-rate', '2026-03-31T17:00:00+08:00', 'w-build-2', { quantity: 90 }),
      ],
      march,
      final,
    );
    expect(subject(r, 'window', 'w-build-1').total).toBe(99);
    expect(subject(r, 'window', 'w-build-2').total).toBe(100);
    expect(subject(r, 'unit', 'u-build').total).toBeCloseTo(99.6, 9);
  });

  it('不跨项扣分: 旷工 3个半天 15 + 离岗 2 ×3 = 21 → 人员到岗 floored at 0 (1 trimmed), 业务管理 still 40, total 80; unit 0.8×80 + 20 = 84', () => {
    const r = scorePeriod(
      scheme,
      roster,
      [
        f('ds-absent', '2026-03-09T08:30:00+08:00', 'w-plan-1', { quantity: 3 }),
        f('ds-leave-post', '2026-03-10T10:00:00+08:00', 'w-plan-1'),
        f('ds-leave-post', '2026-03-11T10:00:00+08:00', 'w-plan-1'),
        f('ds-leave-post', '2026-03-12T10:00:00+08:00', 'w-plan-1'),
      ],
      march,
      final,
    );
    const w = subject(r, 'window', 'w-plan-1');
    expect(cat(w, 'ds-attendance')).toBe(0);
    expect(cat(w, 'ds-business')).toBe(40);
    expect(w.total).toBe(80);
    expect(w.explanation).toContainEqual(expect.objectContaining({ kind: 'category-floor', categoryId: 'ds-attendance', floor: 0, trimmed: 1 }));
    expect(subject(r, 'unit', 'u-plan').total).toBeCloseTo(84, 9);
  });

  it('每月考评时扣2分 is once a month: 未配科室负责人 recorded twice → 2 (cap trims 2), total 98', () => {
    const r = scorePeriod(
      scheme,
      roster,
      [f('ds-no-section-head', '2026-03-02T09:00:00+08:00', 'w-build-1'), f('ds-no-section-head', '2026-03-30T09:00:00+08:00', 'w-build-1')],
      march,
      final,
    );
    const w = subject(r, 'window', 'w-build-1');
    expect(w.total).toBe(98);
    expect(w.explanation).toContainEqual(expect.objectContaining({ kind: 'item-cap', itemId: 'ds-no-section-head', cap: 2, trimmed: 2 }));
  });

  it('业务管理: 超时 3天 ×0.5 = 1.5 + 搭车收费 5 + 应批准不予批准 3 → 40-9.5 = 30.5, total 90.5', () => {
    const r = scorePeriod(
      scheme,
      roster,
      [
        f('ds-overdue', '2026-03-05T09:00:00+08:00', 'w-plan-1', { quantity: 3 }),
        f('ds-fee-piggyback', '2026-03-06T09:00:00+08:00', 'w-plan-1'),
        f('ds-wrongly-refused', '2026-03-07T09:00:00+08:00', 'w-plan-1'),
      ],
      march,
      final,
    );
    const w = subject(r, 'window', 'w-plan-1');
    expect(cat(w, 'ds-business')).toBe(30.5);
    expect(w.total).toBe(90.5);
  });

  it('业务管理 floor: 9 收费 items ×5 = 45 → 40 floored at 0 (5 trimmed), total 60; 人员到岗 untouched', () => {
    const findings = Array.from({ length: 9 }, (_, i) => f('ds-fee-self-set', `2026-03-${String(i + 2).padStart(2, '0')}T09:00:00+08:00`, 'w-build-2'));
    const w = subject(scorePeriod(scheme, roster, findings, march, final), 'window', 'w-build-2');
    expect(cat(w, 'ds-business')).toBe(0);
    expect(cat(w, 'ds-attendance')).toBe(20);
    expect(w.total).toBe(60);
    expect(w.explanation).toContainEqual(expect.objectContaining({ kind: 'category-floor', categoryId: 'ds-business', trimmed: 5 }));
  });

  it('不胜任被退回 5 + 台面不整洁 2 → 人员到岗 15, 现场秩序 18, total 93, with a return flag', () => {
    const r = scorePeriod(
      scheme,
      roster,
      [f('ds-unfit-returned', '2026-03-20T09:00:00+08:00', 'w-build-1'), f('ds-desk-untidy', '2026-03-21T09:00:00+08:00', 'w-build-1')],
      march,
      final,
    );
    const w = subject(r, 'window', 'w-build-1');
    expect(cat(w, 'ds-attendance')).toBe(15);
    expect(cat(w, 'ds-order')).toBe(18);
    expect(w.total).toBe(93);
    expect(w.flags).toContainEqual(expect.objectContaining({ kind: 'return' }));
  });

  it('quarter = mean of months: Jan 自设收费 5 + 迟到 0.5 ×2 = 94, Feb 100, Mar 未满一年变动 3 = 97 ⇒ window 97; unit 0.8×97 + 0.2×100 = 97.6', () => {
    const findings = [
      f('ds-fee-self-set', '2026-01-08T09:00:00+08:00', 'w-plan-1'),
      f('ds-late-early', '2026-01-09T08:40:00+08:00', 'w-plan-1'),
      f('ds-late-early', '2026-01-12T08:40:00+08:00', 'w-plan-1'),
      f('ds-staff-changed', '2026-03-02T09:00:00+08:00', 'w-plan-1'),
    ];
    const r = scorePeriod(scheme, roster, findings, { kind: 'quarter', year: 2026, index: 1 }, final);
    expect(subject(r, 'window', 'w-plan-1').total).toBeCloseTo(97, 9);
    expect(subject(r, 'unit', 'u-plan').total).toBeCloseTo(97.6, 9);
  });

  it('year: one 旷工 2个半天 (10) in June → window (90 + 11×100)/12 = 99.1666…, unit 0.8 × that + 20 ≈ 99.33', () => {
    const findings = [f('ds-absent', '2026-06-15T08:30:00+08:00', 'w-build-1', { quantity: 2 })];
    const r = scorePeriod(scheme, roster, findings, { kind: 'year', year: 2026 }, final);
    expect(subject(r, 'window', 'w-build-1').total).toBeCloseTo(1190 / 12, 2);
    // 建设局: windows (1190/12 + 100)/2 = 99.5833…; × 0.8 + 20 = 99.6667
    expect(subject(r, 'unit', 'u-build').total).toBeCloseTo(0.8 * ((1190 / 12 + 100) / 2) + 20, 2);
  });

  it('a unit without a 带队领导 in the roster: the chief part is left out and the windows weigh 100% (0.8 scaled to 1)', () => {
    const noLeader: Roster = { ...roster, chiefs: roster.chiefs.filter((c) => c.unitId !== 'u-build') };
    const r = scorePeriod(scheme, noLeader, [f('ds-desk-untidy', '2026-03-21T09:00:00+08:00', 'w-build-1')], march, final);
    // windows 98 and 100 → mean 99 → unit 99
    expect(subject(r, 'unit', 'u-build').total).toBeCloseTo(99, 9);
  });
});
