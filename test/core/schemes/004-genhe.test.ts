import { describe, it, expect } from 'vitest';
import { loadScheme, NEEDS_SEEDS, seedsPresent, seedTextCompact } from '../../fixtures/schemes';
import { scorePeriod } from '../../../src/core/scoring/scorePeriod';
import type { Finding, ReviewState } from '../../../src/core/model/finding';
import type { FindingInputs } from '../../../src/core/scheme/inputsSchema';
import type { PeriodRef } from '../../../src/core/time/period';
import type { Roster } from '../../../src/core/model/roster';
import type { PeriodResults, SubjectResult } from '../../../src/core/scoring/results';

// Worked examples for schemes/004-genhe.yaml (根河市政务服务中心进驻部门考核任务分解表), computed by hand from the seed
// and docs/scheme-format.md. A department's 基本分 is 90 (领导重视15 + 业务管理40 + 日常管理22 + 综合工作13); 加分项 adds
// at most 10. No grades are defined by the seed.
//
// A "full month" is the month's ledger recordings of a department with nothing to fault (see fullMonth): the standing
// items default to their compliant level or base, and the activity items are recorded at their best:
//   领导重视 3 + 5 + 2 + 5 = 15; 业务管理 材料7 + 下放8 + 网上办(2+2+2+2+2+5)15 + 帮办6 + 落实4 = 40;
//   日常管理 5 + 5 + 9 + 3 = 22; 综合工作 6 + 2 + 5 = 13 → 90.

const scheme = loadScheme('004-genhe.yaml');

const roster: Roster = {
  hall: { id: 'genhe', name: '根河市政务服务中心', timeZone: 'Asia/Shanghai' },
  units: [
    { id: 'tax', name: '税务局' },
    { id: 'market', name: '市场监管局' },
    { id: 'social', name: '人社局' },
  ],
  windows: [
    { id: 'wt1', number: '1', unitId: 'tax' },
    { id: 'wm1', number: '2', unitId: 'market' },
    { id: 'ws1', number: '3', unitId: 'social' },
  ],
  staff: [
    { id: 'st1', name: '孙丽', unitId: 'tax', windowId: 'wt1' },
    { id: 'sm1', name: '周杰', unitId: 'market', windowId: 'wm1' },
    { id: 'ss1', name: '吴敏', unitId: 'social', windowId: 'ws1' },
  ],
  chiefs: [
    { id: 'ct', name: '税务首席', unitId: 'tax' },
    { id: 'cm', name: '市场首席', unitId: 'market' },
    { id: 'cs', name: '人社首席', unitId: 'social' },
  ],
};

const UNITS = ['tax', 'market', 'social'] as const;
const JAN: PeriodRef = { kind: 'month', year: 2026, index: 1 };
const FEB: PeriodRef = { kind: 'month', year: 2026, index: 2 };
const MAR: PeriodRef = { kind: 'month', year: 2026, index: 3 };
const APR: PeriodRef = { kind: 'month', year: 2026, index: 4 };
const Q1: PeriodRef = { kind: 'quarter', year: 2026, index: 1 };

let seq = 0;
function u(itemId: string, unitId: string, at: string, inputs?: FindingInputs, state: ReviewState = 'recorded'): Finding {
  seq += 1;
  return { id: `g${String(seq).padStart(3, '0')}`, itemId, unitId, at, inputs, state };
}
function st(itemId: string, staffId: string, at: string, inputs?: FindingInputs): Finding {
  seq += 1;
  return { id: `g${String(seq).padStart(3, '0')}`, itemId, staffId, at, inputs, state: 'recorded' };
}
/** n findings of one item on one department in one day, a minute apart. */
function many(n: number, itemId: string, unitId: string, day: string, inputs?: FindingInputs): Finding[] {
  return Array.from({ length: n }, (_, k) => u(itemId, unitId, `${day}T14:${String(10 + k).padStart(2, '0')}:00+08:00`, inputs));
}

/** The month's ledger recordings of a faultless department (on the 25th), minus the items named in `omit`. */
function fullMonth(unitId: string, month: number, omit: string[] = []): Finding[] {
  const at = `2026-${String(month).padStart(2, '0')}-25T10:00:00+08:00`;
  const all: [string, FindingInputs][] = [
    ['online-handling', { level: 'on-time' }], // 2
    ['online-count', { quantity: 12 }], // 11件及以上 2
    ['online-consult', { level: 'on-time' }], // 2
    ['platform-entry', { errors: 0, total: 20 }], // 2
    ['good-bad-review', { level: 'with-data' }], // 5
    ['agency-projects', { quantity: 6 }], // 6
    ['leader-solves', { level: 'solved' }], // 2
    ['info-reporting', { level: 'good' }], // 6
  ];
  return all.filter(([id]) => !omit.includes(id)).map(([id, inputs]) => u(id, unitId, at, inputs));
}
function fullAll(month: number, omit: string[] = []): Finding[] {
  return UNITS.flatMap((id) => fullMonth(id, month, omit));
}

function score(findings: Finding[], period: PeriodRef = MAR, countPending = false): PeriodResults {
  return scorePeriod(scheme, roster, findings, period, { countPending });
}
function unit(res: PeriodResults, id: string): SubjectResult {
  const r = res.subjects.find((x) => x.subject === 'unit' && x.subjectId === id);
  if (!r) throw new Error(`no result for unit ${id}`);
  return r;
}
function cat(r: SubjectResult, id: string): number {
  const c = r.categories.find((x) => x.id === id);
  if (!c) throw new Error(`no category ${id}`);
  return c.score;
}

describe('004-genhe scheme file', () => {
  it.skipIf(!seedsPresent)(`every item text is verbatim from the seed${NEEDS_SEEDS}`, () => {
    const seed = seedTextCompact(scheme.source);
    for (const item of scheme.items) expect(seed, item.id).toContain(item.text.replace(/\s+/g, ''));
  });
  it('基本分 90 and a bonus cap of 10, no grades', () => {
    const t = scheme.tables.find((x) => x.subject === 'unit');
    expect(t?.base).toBe(90);
    expect(t?.bonusCap).toBe(10);
    expect(t?.grades).toEqual([]);
  });
});

describe('004-genhe worked examples', () => {
  it('full month: every department 90, every category at its points, no flags, all ranked 1', () => {
    const res = score(fullAll(3));
    for (const id of UNITS) {
      const r = unit(res, id);
      expect(r.total).toBe(90);
      for (const c of r.categories) expect(c.score, c.id).toBe(c.mode === 'bonus' ? 0 : c.points);
      expect(r.flags).toEqual([]);
      expect(r.rank).toBe(1);
      expect(r.gradeId).toBeNull();
    }
  });

  it('加分项: 活动获奖 6 + 参加活动 2 + 自治区级表彰 2 + 表扬 1 = 11 → category max 10 (trimmed 1) → 100; 国家级 3 + 全程网办 2×2 = 4 → item cap 2 → 5 → 95', () => {
    const res = score([
      ...fullAll(3),
      u('activity-award', 'tax', '2026-03-10T10:00:00+08:00', { amount: 6 }),
      u('activity-participation', 'tax', '2026-03-11T10:00:00+08:00', { amount: 2 }),
      u('commendation', 'tax', '2026-03-12T10:00:00+08:00', { level: 'regional' }),
      u('praise', 'tax', '2026-03-13T10:00:00+08:00'),
      u('commendation', 'market', '2026-03-12T10:00:00+08:00', { level: 'national' }),
      ...many(2, 'full-online-reform', 'market', '2026-03-20'),
    ]);
    const tax = unit(res, 'tax');
    expect(cat(tax, 'commendation-bonus')).toBe(10);
    expect(tax.explanation).toContainEqual(expect.objectContaining({ kind: 'category-cap', categoryId: 'commendation-bonus', max: 10, trimmed: 1 }));
    expect(tax.bonus).toBe(10);
    expect(tax.total).toBe(100);
    const market = unit(res, 'market');
    expect(market.explanation).toContainEqual(expect.objectContaining({ kind: 'item-cap', itemId: 'full-online-reform', cap: 2, trimmed: 2 }));
    expect(market.bonus).toBe(5);
    expect(market.total).toBe(95);
    expect(unit(res, 'social').total).toBe(90);
  });

  it('争吵被投诉 escalation (total): 1次 → 2 (服务态度 7, 88); 2次 → 5 not 7 (4, 85); 3次 → 5 (85); each disqualified for the quarter', () => {
    const res = score([
      ...fullAll(3),
      st('quarrel-complaint', 'st1', '2026-03-05T10:00:00+08:00'),
      ...many(2, 'quarrel-complaint', 'market', '2026-03-06'),
      ...many(3, 'quarrel-complaint', 'social', '2026-03-06'),
    ]);
    const tax = unit(res, 'tax');
    expect(cat(tax, 'service-attitude')).toBe(7);
    expect(tax.total).toBe(88);
    expect(unit(res, 'market').total).toBe(85);
    expect(cat(unit(res, 'social'), 'service-attitude')).toBe(4);
    expect(unit(res, 'social').total).toBe(85);
    for (const id of UNITS) {
      expect(unit(res, id).flags).toContainEqual(expect.objectContaining({ kind: 'disqualified', scope: 'quarter' }));
    }
    const line = unit(res, 'market').explanation.find((l) => l.kind === 'period' && l.itemId === 'quarrel-complaint');
    expect(line && line.kind === 'period' ? line.points : 0).toBe(-5);
  });

  it('awarded alternatives (levels, once, latest wins): 首席代表副科级 0.5 + 进驻不全 0.5 → 90−2.5−1.5 = 86; 信息报送 好→较好 (latest) 4 → 88; 网上咨询 超出时限 0 → 88; ranks 1, 1, 3', () => {
    const res = score([
      ...fullAll(3),
      u('chief-rank', 'tax', '2026-03-02T10:00:00+08:00', { level: 'below-section' }),
      u('item-entry-complete', 'tax', '2026-03-02T10:00:00+08:00', { level: 'incomplete' }),
      u('info-reporting', 'market', '2026-03-28T10:00:00+08:00', { level: 'fairly-good' }),
      u('online-consult', 'social', '2026-03-28T10:00:00+08:00', { level: 'overdue' }),
    ]);
    const tax = unit(res, 'tax');
    expect(cat(tax, 'chief-staff')).toBe(2.5);
    expect(cat(tax, 'item-entry')).toBe(1.5);
    expect(tax.total).toBe(86);
    const market = unit(res, 'market');
    expect(cat(market, 'info-report')).toBe(4);
    expect(market.total).toBe(88);
    const social = unit(res, 'social');
    expect(cat(social, 'online')).toBe(13);
    expect(social.total).toBe(88);
    expect([market.rank, social.rank, tax.rank]).toEqual([1, 1, 3]);
  });

  it('unrecorded defaults: with no findings at all, 首席代表 3, 派驻人员 2, 领导带班 base 3 + 未发现问题 1, 信息报送 差 0, 好差评 没有统计数据 1, 网上办 无网办事项 1', () => {
    const tax = unit(score([]), 'tax');
    expect(cat(tax, 'chief-staff')).toBe(5);
    expect(cat(tax, 'leader-duty')).toBe(4);
    expect(cat(tax, 'info-report')).toBe(0);
    expect(cat(tax, 'item-entry')).toBe(3);
    expect(cat(tax, 'materials')).toBe(7);
    expect(cat(tax, 'meetings')).toBe(2);
    expect(cat(tax, 'civilized-city')).toBe(5);
    const online = tax.explanation.filter((l) => l.kind === 'period' && l.categoryId === 'online').map((l) => (l.kind === 'period' ? l.itemId : ''));
    expect(online).toEqual(expect.arrayContaining(['online-handling', 'online-consult', 'good-bad-review']));
  });

  it('base items: 领导带班缺席 ×2 → 3−2 = 1 (88); ×4 → cap 3 (trimmed 1) → 0 (87); 事项调整未告知 ×2 → cap 1 (trimmed 1) + 会议不在中心 → 2 lost → 87', () => {
    const res = score([
      ...fullAll(3),
      ...many(2, 'leader-absent', 'tax', '2026-03-09'),
      ...many(4, 'leader-absent', 'market', '2026-03-09'),
      ...many(2, 'item-change-notice', 'social', '2026-03-09'),
      u('meeting-outside', 'social', '2026-03-19T10:00:00+08:00'),
    ]);
    const tax = unit(res, 'tax');
    expect(cat(tax, 'leader-duty')).toBe(3);
    expect(tax.total).toBe(88);
    const market = unit(res, 'market');
    expect(cat(market, 'leader-duty')).toBe(2);
    expect(market.explanation).toContainEqual(expect.objectContaining({ kind: 'item-cap', itemId: 'leader-absent', cap: 3, trimmed: 1 }));
    expect(market.total).toBe(87);
    const social = unit(res, 'social');
    expect(cat(social, 'item-entry')).toBe(2);
    expect(cat(social, 'meetings')).toBe(0);
    expect(social.explanation).toContainEqual(expect.objectContaining({ kind: 'item-cap', itemId: 'item-change-notice', cap: 1, trimmed: 1 }));
    expect(social.total).toBe(87);
  });

  it('error rate: 2/10 错 → 2−1 = 1 (89); 3/6 = 50% (not 超过) → 2−1.5 = 0.5 (88.5); 4/7 = 57% > 50% → 0 (88); April 无办件 (0/0) → 基础分 1 (89)', () => {
    const omit = ['platform-entry'];
    const mar = score([
      ...fullAll(3, omit),
      u('platform-entry', 'tax', '2026-03-31T16:00:00+08:00', { errors: 2, total: 10 }),
      u('platform-entry', 'market', '2026-03-31T16:00:00+08:00', { errors: 3, total: 6 }),
      u('platform-entry', 'social', '2026-03-31T16:00:00+08:00', { errors: 4, total: 7 }),
    ]);
    expect(unit(mar, 'tax').total).toBe(89);
    expect(cat(unit(mar, 'market'), 'online')).toBe(13.5);
    expect(unit(mar, 'market').total).toBe(88.5);
    expect(unit(mar, 'social').total).toBe(88);
    const apr = score([...fullMonth('tax', 4, omit), u('platform-entry', 'tax', '2026-04-30T16:00:00+08:00', { errors: 0, total: 0 })], APR);
    expect(unit(apr, 'tax').total).toBe(89);
  });

  it('count tiers on the month\'s 网办件: 0 → 0.5 (88.5); 4+6 = 10 → 1.5 (89.5); 11 → 2 (90); April 5 → 1 (89), 6 → 1.5 (89.5)', () => {
    const omit = ['online-count'];
    const mar = score([
      ...fullAll(3, omit),
      u('online-count', 'tax', '2026-03-31T16:00:00+08:00', { quantity: 0 }),
      u('online-count', 'market', '2026-03-15T16:00:00+08:00', { quantity: 4 }),
      u('online-count', 'market', '2026-03-31T16:00:00+08:00', { quantity: 6 }),
      u('online-count', 'social', '2026-03-31T16:00:00+08:00', { quantity: 11 }),
    ]);
    expect(unit(mar, 'tax').total).toBe(88.5);
    expect(unit(mar, 'market').total).toBe(89.5);
    expect(unit(mar, 'social').total).toBe(90);
    const apr = score([
      ...fullMonth('tax', 4, omit),
      ...fullMonth('market', 4, omit),
      u('online-count', 'tax', '2026-04-30T16:00:00+08:00', { quantity: 5 }),
      u('online-count', 'market', '2026-04-30T16:00:00+08:00', { quantity: 6 }),
    ], APR);
    expect(unit(apr, 'tax').total).toBe(89);
    expect(unit(apr, 'market').total).toBe(89.5);
  });

  it('帮办代办: 0 项目 → 基础分 1 (85); 1 → 1 (85); 3 → 3 (87); April 8 → 最多 6 (90)', () => {
    const omit = ['agency-projects'];
    const mar = score([
      ...fullAll(3, omit),
      u('agency-projects', 'tax', '2026-03-31T16:00:00+08:00', { quantity: 0 }),
      u('agency-projects', 'market', '2026-03-31T16:00:00+08:00', { quantity: 1 }),
      u('agency-projects', 'social', '2026-03-31T16:00:00+08:00', { quantity: 3 }),
    ]);
    expect(cat(unit(mar, 'tax'), 'agency-service')).toBe(1);
    expect(unit(mar, 'tax').total).toBe(85);
    expect(unit(mar, 'market').total).toBe(85);
    expect(unit(mar, 'social').total).toBe(87);
    const apr = score([...fullMonth('tax', 4, omit), u('agency-projects', 'tax', '2026-04-30T16:00:00+08:00', { quantity: 8 })], APR);
    expect(unit(apr, 'tax').total).toBe(90);
  });

  it('shared limits as category floors: 未按时落实 ×3 + 未报送 ×2 = 5 > 4 → 工作落实 0 (trimmed 1) → 86; 迟到 ×8 + 早退 ×4 = 6 > 5 → 考勤 0 (trimmed 1) → 85; 仪容 3×0.5 + 节能 4×1 (cap 3, trimmed 1) → 90−1.5−3 = 85.5', () => {
    const res = score([
      ...fullAll(3),
      ...many(3, 'reform-task-late', 'tax', '2026-03-10'),
      ...many(2, 'volume-report-late', 'tax', '2026-03-11'),
      ...Array.from({ length: 8 }, (_, k) => st('late', 'sm1', `2026-03-${String(2 + k).padStart(2, '0')}T08:40:00+08:00`)),
      ...Array.from({ length: 4 }, (_, k) => st('early-leave', 'sm1', `2026-03-${String(16 + k).padStart(2, '0')}T16:40:00+08:00`)),
      st('dress', 'ss1', '2026-03-03T09:30:00+08:00'),
      st('grooming', 'ss1', '2026-03-03T09:31:00+08:00'),
      st('impatient', 'ss1', '2026-03-04T10:00:00+08:00'),
      ...many(4, 'power-left-on', 'social', '2026-03-12'),
    ]);
    const tax = unit(res, 'tax');
    expect(cat(tax, 'implementation')).toBe(0);
    expect(tax.explanation).toContainEqual(expect.objectContaining({ kind: 'category-floor', categoryId: 'implementation', floor: 0, trimmed: 1 }));
    expect(tax.total).toBe(86);
    const market = unit(res, 'market');
    expect(cat(market, 'attendance')).toBe(0);
    expect(market.explanation).toContainEqual(expect.objectContaining({ kind: 'category-floor', categoryId: 'attendance', trimmed: 1 }));
    expect(market.total).toBe(85);
    const social = unit(res, 'social');
    expect(cat(social, 'appearance')).toBe(3.5);
    expect(cat(social, 'energy')).toBe(0);
    expect(social.explanation).toContainEqual(expect.objectContaining({ kind: 'item-cap', itemId: 'power-left-on', cap: 3, trimmed: 1 }));
    expect(social.total).toBe(85.5);
  });

  it('人员调整/事项更新: 2个工作日 (以内 wins) → keeps 2 (90); 3 days → loses 2 (88), a second late one (5 days) is capped at 2 (88); 文明城 酌情 shortfall 1.5 → 3.5 (88.5)', () => {
    const res = score([
      ...fullAll(3),
      u('update-timeliness', 'tax', '2026-03-10T10:00:00+08:00', { quantity: 2 }),
      u('update-timeliness', 'market', '2026-03-10T10:00:00+08:00', { quantity: 3 }),
      u('update-timeliness', 'market', '2026-03-20T10:00:00+08:00', { quantity: 5 }),
      u('civilized-city-shortfall', 'social', '2026-03-30T10:00:00+08:00', { amount: 1.5 }),
    ]);
    expect(unit(res, 'tax').total).toBe(90);
    const market = unit(res, 'market');
    expect(cat(market, 'online')).toBe(13);
    expect(market.explanation).toContainEqual(expect.objectContaining({ kind: 'item-cap', itemId: 'update-timeliness', cap: 2, trimmed: 2 }));
    expect(market.total).toBe(88);
    expect(cat(unit(res, 'social'), 'civilized-city')).toBe(3.5);
    expect(unit(res, 'social').total).toBe(88.5);
  });

  it('一票否决 in February: no points (Feb 90) but disqualified for Q1 — flag in Feb and March, not in January nor April', () => {
    const findings = [
      ...fullMonth('tax', 1),
      ...fullMonth('tax', 2),
      ...fullMonth('tax', 3),
      ...fullMonth('tax', 4),
      u('discipline-criticism', 'tax', '2026-02-16T10:00:00+08:00'),
    ];
    const feb = unit(score(findings, FEB), 'tax');
    expect(feb.total).toBe(90);
    expect(feb.flags).toContainEqual(expect.objectContaining({ kind: 'disqualified', scope: 'quarter', source: { kind: 'item', itemId: expect.any(String), clause: '一票否决项', itemName: '被纪委监委通报批评' } }));
    expect(unit(score(findings, MAR), 'tax').flags.some((x) => x.kind === 'disqualified')).toBe(true);
    expect(unit(score(findings, JAN), 'tax').flags.some((x) => x.kind === 'disqualified')).toBe(false);
    expect(unit(score(findings, APR), 'tax').flags.some((x) => x.kind === 'disqualified')).toBe(false);
  });

  it('quarter = mean of months: tax Jan 90, Feb 争吵×2 → 85, Mar 领导带班缺席×2 → 88 → Q1 263/3 = 87.67, disqualified for Q1; market 90 ×3 → 90', () => {
    const findings = [
      ...fullAll(1),
      ...fullAll(2),
      ...fullAll(3),
      ...many(2, 'quarrel-complaint', 'tax', '2026-02-10'),
      ...many(2, 'leader-absent', 'tax', '2026-03-10'),
    ];
    const res = score(findings, Q1);
    expect(res.period.key).toBe('2026-Q1');
    const tax = unit(res, 'tax');
    expect(tax.total).toBeCloseTo(87.67, 2);
    expect(tax.flags).toContainEqual(expect.objectContaining({ kind: 'disqualified', scope: 'quarter' }));
    expect(unit(res, 'market').total).toBe(90);
    expect(unit(res, 'market').rank).toBe(1);
    expect(tax.rank).toBe(3);
  });

  it('a contested 争吵 complaint neither costs points nor disqualifies in the final view; provisionally (countPending) 88 and disqualified', () => {
    const findings = [...fullAll(3), u('quarrel-complaint', 'market', '2026-03-05T10:00:00+08:00', undefined, 'contested')];
    const final = unit(score(findings), 'market');
    expect(final.total).toBe(90);
    expect(final.flags.some((x) => x.kind === 'disqualified')).toBe(false);
    const provisional = unit(score(findings, MAR, true), 'market');
    expect(provisional.total).toBe(88);
    expect(provisional.flags.some((x) => x.kind === 'disqualified')).toBe(true);
  });

  it('a month with nothing recorded: standing items at their defaults, 无网办件 0.5, 当月无办件 1, 帮办代办 无办件 1', () => {
    // Faultless full marks are 90; an empty month loses the activity items that must be earned:
    // 网上办 按时办结 2→1 (无网办事项), 网办件 2→0.5 (unrecorded), 网上咨询 2→0 (无事项), 录入 2→1 (unrecorded),
    // 好差评 5→1 (没有统计数据), 帮办代办 6→1 (unrecorded), 领导带班解决问题 2→1, 信息报送 6→0 (差).
    // 90 − 1 − 1.5 − 2 − 1 − 4 − 5 − 1 − 6 = 68.5.
    const empty = unit(score([]), 'tax');
    expect(empty.total).toBe(68.5);
    expect(empty.explanation).toContainEqual(expect.objectContaining({ kind: 'period', itemId: 'platform-entry', points: 1, calc: { rule: 'unrecorded', points: 1 } }));
  });

  it('"当月无办件得基础分1分" and the other defaults of items nobody recorded are counted lines, never 待复核 (pending): nothing waits on a contest', () => {
    const empty = unit(score([]), 'tax');
    const defaults = empty.explanation.filter((l) => l.kind === 'period' && l.findingIds.length === 0);
    // 首席代表, 派驻人员, 领导带班 (2 items), 信息报送, 好差评, 网上办 按时办结, 网办件, 录入, 帮办代办 at least.
    expect(defaults.length).toBeGreaterThanOrEqual(8);
    for (const l of defaults) expect(l).toMatchObject({ status: 'counted' });
    expect(empty.pending).toBe(0);
  });
});
