import { describe, it, expect } from 'vitest';
import { loadScheme, NEEDS_SEEDS, seedsPresent, seedTextCompact } from '../../fixtures/schemes';
import { scorePeriod } from '../../../src/core/scoring/scorePeriod';
import type { Finding } from '../../../src/core/model/finding';
import type { FindingInputs } from '../../../src/core/scheme/inputsSchema';
import type { PeriodRef } from '../../../src/core/time/period';
import type { Roster } from '../../../src/core/model/roster';
import type { ScoreOptions } from '../../../src/core/scoring/scoreOptions';
import type { PeriodResults, SubjectResult } from '../../../src/core/scoring/results';

// Worked examples for schemes/002-bianmin.yaml (便民服务中心窗口服务考核评分表), computed by hand from the seed and
// docs/scheme-format.md. Window table, 100 = 办件管理25 + 收费管理10 + 办事效率15 + 网络管理10 + 工作纪律10 + 规范服务10
// + 环境管理5 + 资料管理5 + 服务对象评议10, each floored at 0; 附加分 bonus ≤ 5 (bonusCap 5); 取消资格 0 points.
// No grades. Quarter and year: mean of the months.

const scheme = loadScheme('002-bianmin.yaml');

const roster: Roster = {
  hall: { id: 'bianmin', name: '便民服务中心', timeZone: 'Asia/Shanghai' },
  units: [
    { id: 'u-civ', name: '民政办' },
    { id: 'u-land', name: '自然资源所' },
  ],
  windows: [
    { id: 'w-civ-1', number: '1', unitId: 'u-civ' },
    { id: 'w-land-1', number: '2', unitId: 'u-land' },
    { id: 'w-land-2', number: '3', unitId: 'u-land' },
  ],
  staff: [
    { id: 's-chen', name: '陈静', unitId: 'u-civ', windowId: 'w-civ-1' },
    { id: 's-liu', name: '刘洋', unitId: 'u-land', windowId: 'w-land-1' },
  ],
  chiefs: [
    { id: 'c-civ', name: '周民', unitId: 'u-civ' },
    { id: 'c-land', name: '吴地', unitId: 'u-land' },
  ],
};

const final: ScoreOptions = { countPending: false };
const march: PeriodRef = { kind: 'month', year: 2026, index: 3 };

let seq = 0;
function f(itemId: string, at: string, windowId: string, inputs?: FindingInputs, extra: Partial<Finding> = {}): Finding {
  seq += 1;
  return { id: `b${seq}`, itemId, at, windowId, inputs, state: 'recorded', ...extra };
}

function win(r: PeriodResults, id: string): SubjectResult {
  const s = r.subjects.find((x) => x.subject === 'window' && x.subjectId === id);
  if (!s) throw new Error(`no result for window ${id}`);
  return s;
}

function cat(s: SubjectResult, id: string): number {
  const c = s.categories.find((x) => x.id === id);
  if (!c) throw new Error(`no category ${id} on ${s.subjectId}`);
  return c.score;
}

describe('002 便民服务中心窗口服务考核评分表', () => {
  it.skipIf(!seedsPresent)(`every item quotes the seed verbatim${NEEDS_SEEDS}`, () => {
    const seed = seedTextCompact(scheme.source);
    for (const item of scheme.items) expect(seed, item.id).toContain(item.text.replace(/\s+/g, ''));
  });

  it('has the table\'s 76 items; patrol items are offered for the walk', () => {
    expect(scheme.items).toHaveLength(76);
    expect(scheme.items.filter((i) => i.source === 'patrol').map((i) => i.id)).toContain('bm-dis-games');
  });

  it('办件管理 每起扣0.2—2分: 0.5 + 1.2 → 25-1.7 = 23.3, total 98.3', () => {
    const r = scorePeriod(
      scheme,
      roster,
      [
        f('bm-case-not-received', '2026-03-05T09:10:00+08:00', 'w-civ-1', { amount: 0.5 }),
        f('bm-case-outside', '2026-03-18T14:00:00+08:00', 'w-civ-1', { amount: 1.2 }),
      ],
      march,
      final,
    );
    const w = win(r, 'w-civ-1');
    expect(cat(w, 'bm-cases')).toBeCloseTo(23.3, 9);
    expect(w.total).toBeCloseTo(98.3, 9);
    expect(w.gradeId).toBeNull();
    expect(win(r, 'w-land-1').total).toBe(100);
  });

  it('range ends are accepted: 资料管理 0.2 (min) + 2 (max) → 5-2.2 = 2.8; 办事效率 0.1 (min) → 14.9; total 100-2.3 = 97.7', () => {
    const r = scorePeriod(
      scheme,
      roster,
      [
        f('bm-rec-leaflets', '2026-03-02T09:00:00+08:00', 'w-land-2', { amount: 0.2 }),
        f('bm-rec-archive', '2026-03-03T09:00:00+08:00', 'w-land-2', { amount: 2 }),
        f('bm-eff-overdue', '2026-03-04T09:00:00+08:00', 'w-land-2', { amount: 0.1 }),
      ],
      march,
      final,
    );
    const w = win(r, 'w-land-2');
    expect(cat(w, 'bm-records')).toBeCloseTo(2.8, 9);
    expect(cat(w, 'bm-efficiency')).toBeCloseTo(14.9, 9);
    expect(w.total).toBeCloseTo(97.7, 9);
  });

  it('服务对象评议: 2 差 ×3 + 3 一般 ×0.5 = 7.5 → 10-7.5 = 2.5, total 92.5', () => {
    const r = scorePeriod(
      scheme,
      roster,
      [
        f('bm-eval-bad', '2026-03-31T17:00:00+08:00', 'w-land-1', { quantity: 2 }),
        f('bm-eval-fair', '2026-03-31T17:00:00+08:00', 'w-land-1', { quantity: 3 }),
      ],
      march,
      final,
    );
    const w = win(r, 'w-land-1');
    expect(cat(w, 'bm-evaluation')).toBe(2.5);
    expect(w.total).toBe(92.5);
  });

  it('扣完为止, 不跨项: 4 差 ×3 = 12 → 服务对象评议 10-12 floored at 0 (2 trimmed), total 90', () => {
    const r = scorePeriod(scheme, roster, [f('bm-eval-bad', '2026-03-31T17:00:00+08:00', 'w-land-1', { quantity: 4 })], march, final);
    const w = win(r, 'w-land-1');
    expect(cat(w, 'bm-evaluation')).toBe(0);
    expect(w.total).toBe(90);
    expect(w.explanation).toContainEqual(expect.objectContaining({ kind: 'category-floor', categoryId: 'bm-evaluation', floor: 0, trimmed: 2 }));
  });

  it('收费管理 floor: 第一组 搭车收费 8 + 第二组 结报不及时 4 = 12 → 10-12 floored at 0, total 90 (no 取消资格 for 收费管理)', () => {
    const r = scorePeriod(
      scheme,
      roster,
      [
        f('bm-fee-piggyback', '2026-03-09T10:00:00+08:00', 'w-civ-1', { amount: 8 }),
        f('bm-fee-late-report', '2026-03-10T10:00:00+08:00', 'w-civ-1', { amount: 4 }),
      ],
      march,
      final,
    );
    const w = win(r, 'w-civ-1');
    expect(cat(w, 'bm-fees')).toBe(0);
    expect(w.total).toBe(90);
    expect(w.flags.some((x) => x.kind === 'disqualified')).toBe(false);
  });

  it('附加分 capped: 书面表彰 3 + 市级荣誉 4 = 7 → 附加分 5 (2 trimmed), total 100+5 = 105', () => {
    const r = scorePeriod(
      scheme,
      roster,
      [
        f('bm-bonus-praise', '2026-03-12T10:00:00+08:00', 'w-civ-1', { amount: 3 }),
        f('bm-bonus-honour', '2026-03-20T10:00:00+08:00', 'w-civ-1', { amount: 4 }),
      ],
      march,
      final,
    );
    const w = win(r, 'w-civ-1');
    expect(cat(w, 'bm-bonus')).toBe(5);
    expect(w.bonus).toBe(5);
    expect(w.total).toBe(105);
    const trims = w.explanation.filter((l) => l.kind === 'category-cap' || l.kind === 'bonus-cap');
    expect(trims.reduce((sum, l) => sum + ('trimmed' in l ? l.trimmed : 0), 0)).toBe(2);
  });

  it('bonus beside deductions: 附加分 2 + 收费 第一组 5 → 收费管理 5, total 95+2 = 97; ranks w-land-1/2 100 (rank 1), w-civ-1 97 (rank 3)', () => {
    const r = scorePeriod(
      scheme,
      roster,
      [
        f('bm-bonus-urgent-task', '2026-03-12T10:00:00+08:00', 'w-civ-1', { amount: 2 }),
        f('bm-fee-forced-paid', '2026-03-13T10:00:00+08:00', 'w-civ-1', { amount: 5 }),
      ],
      march,
      final,
    );
    const w = win(r, 'w-civ-1');
    expect(cat(w, 'bm-fees')).toBe(5);
    expect(w.total).toBe(97);
    expect(win(r, 'w-land-1').rank).toBe(1);
    expect(win(r, 'w-land-2').rank).toBe(1);
    expect(w.rank).toBe(3);
  });

  it('网络管理 第二段: 攻击局域网 扣10分 → 网络管理 0, total 90, and a consequence flag (追究相关人员责任)', () => {
    const r = scorePeriod(scheme, roster, [f('bm-net-attack', '2026-03-16T10:00:00+08:00', 'w-land-2')], march, final);
    const w = win(r, 'w-land-2');
    expect(cat(w, 'bm-network')).toBe(0);
    expect(w.total).toBe(90);
    expect(w.flags).toContainEqual(expect.objectContaining({ kind: 'consequence', text: '按照有关规定追究相关人员责任' }));
  });

  it('十一 取消资格 "一律取消当月和年度评先资格": 吃拿卡要被查处 in March moves 0 points (total 100), bars March and the year\'s result; June keeps its honours', () => {
    const findings = [f('bm-dq-graft', '2026-03-16T10:00:00+08:00', 'w-land-1')];
    const w = win(scorePeriod(scheme, roster, findings, march, final), 'w-land-1');
    expect(w.total).toBe(100);
    expect(w.findingCount).toBe(1);
    expect(w.flags).toContainEqual(expect.objectContaining({ kind: 'disqualified', scope: 'month' }));
    expect(w.flags).toContainEqual(expect.objectContaining({ kind: 'disqualified', scope: 'year', reach: 'result' }));
    // 当月: March only; the months after it are not named.
    const june = win(scorePeriod(scheme, roster, findings, { kind: 'month', year: 2026, index: 6 }, final), 'w-land-1');
    expect(june.flags.some((x) => x.kind === 'disqualified')).toBe(false);
    // 年度: the year's result carries the bar.
    const year = win(scorePeriod(scheme, roster, findings, { kind: 'year', year: 2026 }, final), 'w-land-1');
    expect(year.flags).toContainEqual(expect.objectContaining({ kind: 'disqualified', scope: 'year', reach: 'result', findingIds: [findings[0]?.id] }));
  });

  it('a staff act is charged to the staff member\'s window: 刘洋 上班迟到 0.5 (staffId only) → w-land-1 工作纪律 9.5, total 99.5', () => {
    const late: Finding = { id: 'b-staff', itemId: 'bm-dis-late', at: '2026-03-05T08:40:00+08:00', staffId: 's-liu', inputs: { amount: 0.5 }, state: 'recorded' };
    const r = scorePeriod(scheme, roster, [late], march, final);
    expect(cat(win(r, 'w-land-1'), 'bm-discipline')).toBe(9.5);
    expect(win(r, 'w-land-1').total).toBe(99.5);
    expect(win(r, 'w-land-2').total).toBe(100);
  });

  it('a full month: 办件 0.5 + 效率 2.5 + 纪律 1 + 规范 1.5 + 环境 0.5 + 资料 0.2 + 一般 1票 0.5 = 6.7, 附加分 1 → 93.3 + 1 = 94.3', () => {
    const r = scorePeriod(
      scheme,
      roster,
      [
        f('bm-case-irregular', '2026-03-02T09:00:00+08:00', 'w-civ-1', { amount: 0.5 }),
        f('bm-eff-wrong-result', '2026-03-03T09:00:00+08:00', 'w-civ-1', { amount: 2.5 }),
        f('bm-dis-games', '2026-03-04T10:30:00+08:00', 'w-civ-1', { amount: 1 }),
        f('bm-svc-dress', '2026-03-05T08:45:00+08:00', 'w-civ-1', { amount: 1.5 }),
        f('bm-env-litter', '2026-03-06T15:00:00+08:00', 'w-civ-1', { amount: 0.5 }),
        f('bm-rec-basis', '2026-03-09T09:30:00+08:00', 'w-civ-1', { amount: 0.2 }),
        f('bm-eval-fair', '2026-03-31T17:00:00+08:00', 'w-civ-1', { quantity: 1 }),
        f('bm-bonus-publicity', '2026-03-20T10:00:00+08:00', 'w-civ-1', { amount: 1 }),
      ],
      march,
      final,
    );
    const w = win(r, 'w-civ-1');
    expect(cat(w, 'bm-efficiency')).toBe(12.5);
    expect(cat(w, 'bm-service')).toBe(8.5);
    expect(w.bonus).toBe(1);
    expect(w.total).toBeCloseTo(94.3, 9);
    expect(w.findingCount).toBe(8);
  });

  it('contested 收费 5 is pending: final 100, provisional 95', () => {
    const findings = [f('bm-fee-raised', '2026-03-11T10:00:00+08:00', 'w-land-2', { amount: 5 }, { state: 'contested' })];
    expect(win(scorePeriod(scheme, roster, findings, march, final), 'w-land-2').total).toBe(100);
    expect(win(scorePeriod(scheme, roster, findings, march, { countPending: true }), 'w-land-2').total).toBe(95);
  });

  it('quarter = mean of months: Jan 攻击局域网 90, Feb 附加分 5 → 105, Mar 收费 第二组 4 → 96 ⇒ (90+105+96)/3 = 97', () => {
    const findings = [
      f('bm-net-attack', '2026-01-20T10:00:00+08:00', 'w-civ-1'),
      f('bm-bonus-innovation', '2026-02-10T10:00:00+08:00', 'w-civ-1', { amount: 5 }),
      f('bm-fee-no-account', '2026-03-10T10:00:00+08:00', 'w-civ-1', { amount: 4 }),
    ];
    const r = scorePeriod(scheme, roster, findings, { kind: 'quarter', year: 2026, index: 1 }, final);
    expect(win(r, 'w-civ-1').total).toBeCloseTo(97, 9);
    expect(win(r, 'w-land-1').total).toBe(100);
  });

  it('year = mean of 12 months: January 规范服务 5 + 1 = 6 → 94, other months 100 ⇒ (94 + 1100)/12 = 99.5', () => {
    const findings = [
      f('bm-svc-rude', '2026-01-20T10:00:00+08:00', 'w-land-1', { amount: 5 }),
      f('bm-svc-criticism', '2026-01-21T10:00:00+08:00', 'w-land-1', { amount: 1 }),
    ];
    const r = scorePeriod(scheme, roster, findings, { kind: 'year', year: 2026 }, final);
    expect(win(r, 'w-land-1').total).toBeCloseTo(99.5, 9);
  });
});
