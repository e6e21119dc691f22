import { describe, it, expect } from 'vitest';
import { loadScheme, NEEDS_SEEDS, seedsPresent, seedTextCompact } from '../../fixtures/schemes';
import { scorePeriod } from '../../../src/core/scoring/scorePeriod';
import type { Finding } from '../../../src/core/model/finding';
import type { FindingInputs } from '../../../src/core/scheme/inputsSchema';
import type { PeriodRef } from '../../../src/core/time/period';
import type { Roster } from '../../../src/core/model/roster';
import type { ScoreOptions } from '../../../src/core/scoring/scoreOptions';
import type { PeriodResults, SubjectResult } from '../../../src/core/scoring/results';

/**
 * Worked examples for schemes/003-anshan.yaml (鞍山市政务服务大厅派驻单位及派驻人员考核办法, seed 003).
 * Every expected number is computed by hand from the seed and docs/scheme-format.md:
 * one unit table, 综合评分考核 100 (deduct, 扣完为止 floor 0) + 综合加分评议 (bonus, ≤ 20),
 * grades 优秀 > 90, 良好 80..90 (both ends), 合格 60 ≤ x < 80, 不合格 < 60; month base period, quarter = mean of months.
 */

const FILE = '003-anshan.yaml';
const scheme = loadScheme(FILE);

const roster: Roster = {
  hall: { id: 'anshan', name: '鞍山市政务服务大厅', timeZone: 'Asia/Shanghai' },
  units: [
    { id: 'u-gongan', name: '市公安局' },
    { id: 'u-shuiwu', name: '市税务局' },
    { id: 'u-shijian', name: '市市场监管局' },
  ],
  windows: [
    { id: 'w-01', number: '01', name: '户政窗口', unitId: 'u-gongan' },
    { id: 'w-02', number: '02', name: '税务窗口', unitId: 'u-shuiwu' },
    { id: 'w-03', number: '03', name: '登记窗口', unitId: 'u-shijian' },
  ],
  staff: [
    { id: 's-li', name: '李明', unitId: 'u-gongan', windowId: 'w-01' },
    { id: 's-liu', name: '刘芳', unitId: 'u-gongan', windowId: 'w-01' },
    { id: 's-wang', name: '王强', unitId: 'u-shuiwu', windowId: 'w-02' },
    { id: 's-zhao', name: '赵丽', unitId: 'u-shijian', windowId: 'w-03' },
    // 纳入综窗、进驻后场审批的工作人员: no window of their own.
    { id: 's-chen', name: '陈静', unitId: 'u-shijian' },
  ],
  chiefs: [
    { id: 'c-gongan', name: '孙伟', unitId: 'u-gongan' },
    { id: 'c-shuiwu', name: '周敏', unitId: 'u-shuiwu' },
    { id: 'c-shijian', name: '吴刚', unitId: 'u-shijian' },
  ],
};

const staffWindow: Record<string, string | undefined> = Object.fromEntries(roster.staff.map((s) => [s.id, s.windowId]));

let seq = 0;
/** A staff act: the finding records the staff member and the window; the item's subject (unit) is charged. */
function staffAct(itemId: string, staffId: string, at: string, inputs?: FindingInputs, extra: Partial<Finding> = {}): Finding {
  seq += 1;
  const windowId = staffWindow[staffId];
  return { id: `f${seq}`, itemId, at, staffId, ...(windowId ? { windowId } : {}), ...(inputs ? { inputs } : {}), state: 'recorded', ...extra };
}
/** A unit-level record (ledger: bonus, staffing, 事项进驻). */
function unitAct(itemId: string, unitId: string, at: string, inputs?: FindingInputs, extra: Partial<Finding> = {}): Finding {
  seq += 1;
  return { id: `f${seq}`, itemId, at, unitId, ...(inputs ? { inputs } : {}), state: 'recorded', ...extra };
}
/** n findings of one item by one staff member on successive days of a month. */
function many(n: number, itemId: string, staffId: string, month: string, inputs?: FindingInputs): Finding[] {
  return Array.from({ length: n }, (_, i) => staffAct(itemId, staffId, `2026-${month}-${String(i + 2).padStart(2, '0')}T09:10:00+08:00`, inputs));
}

const MARCH: PeriodRef = { kind: 'month', year: 2026, index: 3 };
const FINAL: ScoreOptions = { countPending: false, asOf: '2026-06-30T00:00:00+08:00' };

function score(findings: Finding[], period: PeriodRef = MARCH, options: ScoreOptions = FINAL): PeriodResults {
  return scorePeriod(scheme, roster, findings, period, options);
}
function unit(r: PeriodResults, id: string): SubjectResult {
  const s = r.subjects.find((x) => x.subject === 'unit' && x.subjectId === id);
  if (!s) throw new Error(`no result for unit ${id}`);
  return s;
}
function cat(s: SubjectResult, id: string): number {
  const c = s.categories.find((x) => x.id === id);
  if (!c) throw new Error(`no category ${id}`);
  return c.score;
}
const flagKinds = (s: SubjectResult): string[] => s.flags.map((f) => f.kind).sort();
/** Points of a finding line, with -0 normalised to 0. */
function linePoints(s: SubjectResult, findingId: string): number | undefined {
  const line = s.explanation.find((l) => l.kind === 'finding' && l.findingId === findingId);
  return line && line.kind === 'finding' ? line.points + 0 : undefined;
}

describe('003 鞍山 scheme file', () => {
  it.skipIf(!seedsPresent)(`copies every item text verbatim from the seed (whitespace removed)${NEEDS_SEEDS}`, () => {
    const seed = seedTextCompact(scheme.source);
    for (const item of scheme.items) {
      expect(seed.includes(item.text.replace(/\s+/g, '')), `${item.id}: ${item.text}`).toBe(true);
    }
  });

  it('has every numbered item of 三（一）1-19 and 三（二）1-6, all charged to the unit', () => {
    const clauses = new Set(scheme.items.map((i) => i.clause));
    for (let n = 1; n <= 19; n++) expect(clauses.has(`三（一）${n}`), `三（一）${n}`).toBe(true);
    for (let n = 1; n <= 6; n++) expect(clauses.has(`三（二）${n}`), `三（二）${n}`).toBe(true);
    expect(scheme.items).toHaveLength(32);
    expect(scheme.items.every((i) => i.subject === 'unit')).toBe(true);
    const patrol = scheme.items.filter((i) => i.source === 'patrol').map((i) => i.id);
    expect(patrol).toContain('konggang');
    expect(patrol).toContain('wan-shouji');
    expect(patrol).not.toContain('zhiwen-daka');
  });
});

describe('003 鞍山 worked examples (month 2026-03 unless said)', () => {
  it('空岗 tiers: 20分钟 → 0 (not 超过20), 60分钟 → 2 (超过1小时 excludes 60), 61 → 3, 210 → 3; + 迟到 2 → 100-10 = 90, exactly 90 is 良好 (高于90 excludes 90)', () => {
    const a = staffAct('konggang', 's-li', '2026-03-03T09:40:00+08:00', { quantity: 20 });
    const b = staffAct('konggang', 's-li', '2026-03-04T14:00:00+08:00', { quantity: 60 });
    const c = staffAct('konggang', 's-liu', '2026-03-05T09:00:00+08:00', { quantity: 61 });
    const d = staffAct('konggang', 's-liu', '2026-03-06T13:30:00+08:00', { quantity: 210 });
    const e = staffAct('chidao-zaotui', 's-li', '2026-03-09T08:41:00+08:00');
    const r = score([a, b, c, d, e]);
    const g = unit(r, 'u-gongan');
    expect(linePoints(g, a.id)).toBe(0);
    expect(g.explanation).toContainEqual(expect.objectContaining({ kind: 'finding', findingId: a.id, calc: expect.objectContaining({ rule: 'tier', quantity: 20, points: 0 }) }));
    expect(linePoints(g, b.id)).toBe(-2);
    expect(linePoints(g, c.id)).toBe(-3);
    expect(linePoints(g, d.id)).toBe(-3);
    expect(linePoints(g, e.id)).toBe(-2);
    expect(cat(g, 'zonghe-pingfen')).toBe(90);
    expect(g.total).toBe(90);
    expect(g.gradeName).toBe('良好');
    expect(g.findingCount).toBe(5);
    // 税务 and 市场监管 untouched: 100 优秀, sharing rank 1; 公安 ranks 3.
    expect(unit(r, 'u-shuiwu').total).toBe(100);
    expect(unit(r, 'u-shuiwu').gradeName).toBe('优秀');
    expect(unit(r, 'u-shuiwu').rank).toBe(1);
    expect(unit(r, 'u-shijian').rank).toBe(1);
    expect(g.rank).toBe(3);
  });

  it('旷工 (空岗超过半天 = >210分钟) 5 each: 税务 3 in March → 100-15 = 85 良好 + 书面通报 (超过两次); 市场监管 2 → 90 良好, no notice', () => {
    const r = score([
      staffAct('kuanggong', 's-wang', '2026-03-02T08:30:00+08:00', { quantity: 211 }),
      staffAct('kuanggong', 's-wang', '2026-03-10T08:30:00+08:00', { quantity: 420 }),
      staffAct('kuanggong', 's-wang', '2026-03-20T13:00:00+08:00', { quantity: 240 }),
      staffAct('kuanggong', 's-zhao', '2026-03-11T08:30:00+08:00', { quantity: 300 }),
      staffAct('kuanggong', 's-zhao', '2026-03-12T08:30:00+08:00', { quantity: 300 }),
    ]);
    const sw = unit(r, 'u-shuiwu');
    expect(sw.total).toBe(85);
    expect(sw.gradeName).toBe('良好');
    expect(sw.flags.some((f) => f.kind === 'notice' && f.text.includes('旷工'))).toBe(true);
    const sj = unit(r, 'u-shijian');
    expect(sj.total).toBe(90);
    expect(sj.gradeName).toBe('良好');
    expect(sj.flags.some((f) => f.kind === 'notice')).toBe(false);
  });

  it('旷工 count is per calendar month: 2 in February + 1 in March → no notice in March; March 100-5 = 95 优秀', () => {
    const r = score([
      staffAct('kuanggong', 's-zhao', '2026-02-10T08:30:00+08:00', { quantity: 300 }),
      staffAct('kuanggong', 's-zhao', '2026-02-11T08:30:00+08:00', { quantity: 300 }),
      staffAct('kuanggong', 's-zhao', '2026-03-11T08:30:00+08:00', { quantity: 300 }),
    ]);
    const sj = unit(r, 'u-shijian');
    expect(sj.total).toBe(95);
    expect(sj.gradeName).toBe('优秀');
    expect(sj.flags.some((f) => f.kind === 'notice')).toBe(false);
  });

  it('玩手机 3 + 玩手机情节严重或屡劝不改 5 (with 书面通报) → 100-8 = 92 优秀; a notice alone does not disqualify', () => {
    const r = score([
      staffAct('wan-shouji', 's-li', '2026-03-05T10:00:00+08:00'),
      staffAct('wan-shouji-yanzhong', 's-liu', '2026-03-06T10:00:00+08:00'),
    ]);
    const g = unit(r, 'u-gongan');
    expect(g.total).toBe(92);
    expect(g.gradeName).toBe('优秀');
    expect(flagKinds(g)).toEqual(['notice']);
  });

  it('grade bounds: 不服从管理 5×4 → 80 良好 (80 belongs to 良好); 5×8 → 60 合格; 5×8 + 着装 2 → 58 不合格 + 取消当季评优评先', () => {
    const r = score([
      ...many(4, 'bufucong-guanli', 's-li', '03'),
      ...many(8, 'bufucong-guanli', 's-wang', '03'),
      ...many(8, 'bufucong-guanli', 's-zhao', '03'),
      staffAct('zhuozhuang', 's-zhao', '2026-03-20T09:00:00+08:00'),
    ]);
    expect(unit(r, 'u-gongan').total).toBe(80);
    expect(unit(r, 'u-gongan').gradeName).toBe('良好');
    expect(unit(r, 'u-shuiwu').total).toBe(60);
    expect(unit(r, 'u-shuiwu').gradeName).toBe('合格');
    const sj = unit(r, 'u-shijian');
    expect(sj.total).toBe(58);
    expect(sj.gradeName).toBe('不合格');
    expect(sj.flags.some((f) => f.kind === 'disqualified' && f.scope === 'quarter')).toBe(true);
    expect(unit(r, 'u-shuiwu').flags.some((f) => f.kind === 'disqualified')).toBe(false);
  });

  it('grade bounds: 玩手机 3×3 → 91 优秀 (高于90); 3×7 → 79 合格 (below 80)', () => {
    const r = score([...many(3, 'wan-shouji', 's-li', '03'), ...many(7, 'wan-shouji', 's-wang', '03')]);
    expect(unit(r, 'u-gongan').total).toBe(91);
    expect(unit(r, 'u-gongan').gradeName).toBe('优秀');
    expect(unit(r, 'u-shuiwu').total).toBe(79);
    expect(unit(r, 'u-shuiwu').gradeName).toBe('合格');
  });

  it('扣完为止: 无故空后场 5×25 = 125 → 综合评分考核 0 (floor trims 25); 锦旗 +3 added after → total 3 不合格', () => {
    const r = score([...many(25, 'kong-houchang', 's-chen', '03'), unitAct('jinqi-biaoyangxin', 'u-shijian', '2026-03-28T10:00:00+08:00')]);
    const sj = unit(r, 'u-shijian');
    expect(cat(sj, 'zonghe-pingfen')).toBe(0);
    expect(cat(sj, 'zonghe-jiafen')).toBe(3);
    expect(sj.bonus).toBe(3);
    expect(sj.total).toBe(3);
    expect(sj.gradeName).toBe('不合格');
    expect(sj.explanation).toContainEqual(expect.objectContaining({ kind: 'category-floor', categoryId: 'zonghe-pingfen', floor: 0, trimmed: 25 }));
  });

  it('加分不超过20: 锦旗 3×3 + 国家级 10 + 省级 5 = 24 → 20 (trimmed 4); total 100 + 20 = 120 优秀; 市级 3 for another unit → 103', () => {
    const r = score([
      unitAct('jinqi-biaoyangxin', 'u-shuiwu', '2026-03-03T10:00:00+08:00'),
      unitAct('jinqi-biaoyangxin', 'u-shuiwu', '2026-03-04T10:00:00+08:00'),
      unitAct('jinqi-biaoyangxin', 'u-shuiwu', '2026-03-05T10:00:00+08:00'),
      unitAct('shangji-biaoyang', 'u-shuiwu', '2026-03-06T10:00:00+08:00', { level: 'guojiaji' }),
      unitAct('shangji-biaoyang', 'u-shuiwu', '2026-03-07T10:00:00+08:00', { level: 'shengji' }),
      unitAct('shangji-biaoyang', 'u-gongan', '2026-03-07T10:00:00+08:00', { level: 'shiji' }),
    ]);
    const sw = unit(r, 'u-shuiwu');
    expect(cat(sw, 'zonghe-jiafen')).toBe(20);
    expect(sw.bonus).toBe(20);
    expect(sw.total).toBe(120);
    expect(sw.gradeName).toBe('优秀');
    expect(sw.explanation).toContainEqual(expect.objectContaining({ kind: 'category-cap', categoryId: 'zonghe-jiafen', max: 20, trimmed: 4 }));
    expect(unit(r, 'u-gongan').total).toBe(103);
    expect(sw.rank).toBe(1);
    expect(unit(r, 'u-gongan').rank).toBe(2);
  });

  it('bonus does not offset the floor and deductions still count: 空岗 61 (3) + 配合 2 + 信息采纳 2 → 97 + 4 = 101 优秀', () => {
    const r = score([
      staffAct('konggang', 's-zhao', '2026-03-03T09:00:00+08:00', { quantity: 61 }),
      unitAct('jiji-peihe', 'u-shijian', '2026-03-10T10:00:00+08:00'),
      unitAct('xinxi-caina', 'u-shijian', '2026-03-11T10:00:00+08:00'),
    ]);
    const sj = unit(r, 'u-shijian');
    expect(cat(sj, 'zonghe-pingfen')).toBe(97);
    expect(sj.bonus).toBe(4);
    expect(sj.total).toBe(101);
    expect(sj.gradeName).toBe('优秀');
  });

  it('取消当季评优评先: 与管理人员争吵打架 in February → Feb 95 demoted 良好 + notice; Jan 100 stays 优秀; Mar 100 良好 (same quarter); Apr 100 优秀', () => {
    const fight = staffAct('yu-guanli-zhengchao', 's-li', '2026-02-12T12:10:00+08:00');
    const feb = unit(score([fight], { kind: 'month', year: 2026, index: 2 }), 'u-gongan');
    expect(feb.total).toBe(95);
    expect(feb.gradeName).toBe('良好');
    expect(feb.flags.some((f) => f.kind === 'disqualified' && f.scope === 'quarter')).toBe(true);
    expect(feb.flags.some((f) => f.kind === 'notice')).toBe(true);
    const jan = unit(score([fight], { kind: 'month', year: 2026, index: 1 }), 'u-gongan');
    expect(jan.total).toBe(100);
    expect(jan.gradeName).toBe('优秀');
    const mar = unit(score([fight], MARCH), 'u-gongan');
    expect(mar.total).toBe(100);
    expect(mar.gradeName).toBe('良好');
    const apr = unit(score([fight], { kind: 'month', year: 2026, index: 4 }), 'u-gongan');
    expect(apr.gradeName).toBe('优秀');
  });

  it('大排班 (三（一）12) moves 0 points but disqualifies for the quarter and raises a notice → 100 良好', () => {
    const f = unitAct('da-paiban', 'u-shuiwu', '2026-03-15T10:00:00+08:00');
    const sw = unit(score([f]), 'u-shuiwu');
    expect(sw.total).toBe(100);
    expect(sw.gradeName).toBe('良好');
    expect(flagKinds(sw)).toEqual(['disqualified', 'notice']);
    expect(linePoints(sw, f.id)).toBe(0);
  });

  it('限期整改进驻: 事项未进驻 5 on 03-02, unrectified, 30 days passed at asOf 04-10 → 加扣5 in March: 90 良好; not yet due at 03-20 → 95 优秀; rectified 03-25 → 95', () => {
    const f = unitAct('shixiang-weijinzhu', 'u-shuiwu', '2026-03-02T10:00:00+08:00');
    const overdue = unit(score([f], MARCH, { countPending: false, asOf: '2026-04-10T00:00:00+08:00' }), 'u-shuiwu');
    expect(overdue.total).toBe(90);
    expect(overdue.gradeName).toBe('良好');
    expect(overdue.explanation).toContainEqual(expect.objectContaining({ kind: 'follow-up', findingId: f.id, itemId: 'shixiang-weijinzhu', points: -5 }));
    const notDue = unit(score([f], MARCH, { countPending: false, asOf: '2026-03-20T00:00:00+08:00' }), 'u-shuiwu');
    expect(notDue.total).toBe(95);
    expect(notDue.gradeName).toBe('优秀');
    const fixed = { ...f, rectifiedAt: '2026-03-25T10:00:00+08:00' };
    const done = unit(score([fixed], MARCH, { countPending: false, asOf: '2026-04-10T00:00:00+08:00' }), 'u-shuiwu');
    expect(done.total).toBe(95);
  });

  it('三（一）19 "限期整改进驻,限期内未完成整改进驻的,加扣5分": the 30 days run to the end of their last calendar day in the hall (03-02 16:50 → last day 04-01), not 30 × 24 hours from the minute of recording', () => {
    const f = unitAct('shixiang-weijinzhu', 'u-shuiwu', '2026-03-02T16:50:00+08:00');
    // The evening of the last day is still in time: nothing more yet (24-hour spans had closed at 16:50).
    const lastEvening = unit(score([f], MARCH, { countPending: false, asOf: '2026-04-01T20:00:00+08:00' }), 'u-shuiwu');
    expect(lastEvening.total).toBe(95);
    expect(lastEvening.flags.some((x) => x.kind === 'follow-up')).toBe(false);
    // Rectified on the evening of the last day: in time.
    const lateButInTime = unit(score([{ ...f, rectifiedAt: '2026-04-01T18:30:00+08:00' }], MARCH, { countPending: false, asOf: '2026-04-10T00:00:00+08:00' }), 'u-shuiwu');
    expect(lateButInTime.total).toBe(95);
    // Midnight after the last day (hall time) the deadline has passed: 加扣5 and the report to 领导小组 as a flag with its numbers.
    const passed = unit(score([f], MARCH, { countPending: false, asOf: '2026-04-02T00:00:00+08:00' }), 'u-shuiwu');
    expect(passed.total).toBe(90);
    expect(passed.explanation).toContainEqual(expect.objectContaining({ kind: 'follow-up', findingId: f.id, points: -5, days: 30, lastDay: '2026-04-01' }));
    expect(passed.flags).toContainEqual(
      expect.objectContaining({ kind: 'follow-up', findingIds: [f.id], measure: { kind: 'overdue', days: 30, lastDay: '2026-04-01', points: 5 }, text: expect.stringContaining('书面形式报市营商环境建设领导小组') }),
    );
    // Rectified a minute after the last day ended: too late.
    const tooLate = unit(score([{ ...f, rectifiedAt: '2026-04-02T00:01:00+08:00' }], MARCH, { countPending: false, asOf: '2026-04-10T00:00:00+08:00' }), 'u-shuiwu');
    expect(tooLate.total).toBe(90);
  });

  it('四3 "对考核结果为不合格的单位，取消当季评优评先资格": 公安 不合格 in January (55) bars February\'s 优秀 (100 → 良好) and March\'s, not April\'s', () => {
    const findings = many(9, 'tousu', 's-li', '01');
    const jan = unit(score(findings, { kind: 'month', year: 2026, index: 1 }), 'u-gongan');
    expect(jan.total).toBe(55);
    expect(jan.gradeName).toBe('不合格');
    expect(jan.flags).toContainEqual(expect.objectContaining({ kind: 'disqualified', scope: 'quarter', source: { kind: 'grade', gradeId: 'buhege', gradeName: '不合格', periodKey: '2026-01' } }));
    for (const index of [2, 3]) {
      const later = unit(score(findings, { kind: 'month', year: 2026, index }), 'u-gongan');
      expect(later.total).toBe(100);
      expect(later.gradeName).toBe('良好');
      expect(later.flags).toContainEqual(expect.objectContaining({ kind: 'disqualified', scope: 'quarter', source: expect.objectContaining({ kind: 'grade', periodKey: '2026-01' }) }));
      expect(later.explanation).toContainEqual(expect.objectContaining({ kind: 'grade', gradeName: '良好', reason: expect.objectContaining({ kind: 'disqualified', denied: '优秀', text: expect.stringContaining('取消当季评优评先资格') }) }));
    }
    const apr = unit(score(findings, { kind: 'month', year: 2026, index: 4 }), 'u-gongan');
    expect(apr.gradeName).toBe('优秀');
    expect(apr.flags.some((x) => x.kind === 'disqualified')).toBe(false);
    // The quarter's mean (55 + 100 + 100) / 3 = 85 is 良好 anyway; the bar is carried into it with the month that raised it.
    const q1 = unit(score(findings, { kind: 'quarter', year: 2026, index: 1 }), 'u-gongan');
    expect(q1.flags.filter((x) => x.kind === 'disqualified')).toHaveLength(1);
  });

  it('后场 staff without a window: 指纹打卡 missed twice (8:25-8:30 and 16:55-17:00) → 2×5 charged to 市场监管 → 90 良好', () => {
    const r = score([
      staffAct('zhiwen-daka', 's-chen', '2026-03-16T08:45:00+08:00'),
      staffAct('zhiwen-daka', 's-chen', '2026-03-16T17:05:00+08:00'),
    ]);
    const sj = unit(r, 'u-shijian');
    expect(sj.total).toBe(90);
    expect(sj.gradeName).toBe('良好');
    expect(r.skipped).toEqual([]);
  });

  it('contested 玩手机 is pending: final 100 优秀; provisional (countPending) 97 优秀; overturned counts nothing', () => {
    const contested = staffAct('wan-shouji', 's-li', '2026-03-05T10:00:00+08:00', undefined, { state: 'contested' });
    const overturned = staffAct('wuguan-wupin', 's-li', '2026-03-06T10:00:00+08:00', undefined, { state: 'overturned' });
    const fin = unit(score([contested, overturned]), 'u-gongan');
    expect(fin.total).toBe(100);
    expect(Math.abs(fin.pending)).toBe(3);
    const prov = unit(score([contested, overturned], MARCH, { countPending: true, asOf: FINAL.asOf }), 'u-gongan');
    expect(prov.total).toBe(97);
  });

  it('quarter Q1 = mean of months: 公安 (100 + 94 + 88)/3 = 94 优秀; 税务 更换人员 5 in Feb → (100+95+100)/3 ≈ 98.33 but disqualified → 良好; 市场监管 100', () => {
    const findings = [
      ...many(3, 'chidao-zaotui', 's-li', '02'), // Feb 100 - 6 = 94
      ...many(4, 'wan-shouji', 's-liu', '03'), // Mar 100 - 12 = 88
      unitAct('genghuan-renyuan', 'u-shuiwu', '2026-02-27T10:00:00+08:00'), // Feb 95, 取消当季评优评先
    ];
    const r = score(findings, { kind: 'quarter', year: 2026, index: 1 });
    const g = unit(r, 'u-gongan');
    expect(g.total).toBeCloseTo(94, 6);
    expect(g.gradeName).toBe('优秀');
    const sw = unit(r, 'u-shuiwu');
    expect(sw.total).toBeCloseTo(295 / 3, 2);
    expect(sw.gradeName).toBe('良好');
    expect(sw.flags.some((f) => f.kind === 'disqualified')).toBe(true);
    const sj = unit(r, 'u-shijian');
    expect(sj.total).toBe(100);
    expect(sj.gradeName).toBe('优秀');
    expect([sj.rank, sw.rank, g.rank]).toEqual([1, 2, 3]);
  });

  it('多次不合格 → 更换人员: 公安 不合格 in Feb and Mar (5×9 = 45 → 55 each) raises replace in March, not in February', () => {
    const findings = [...many(9, 'tousu', 's-li', '02'), ...many(9, 'tousu', 's-liu', '03')];
    const feb = unit(score(findings, { kind: 'month', year: 2026, index: 2 }), 'u-gongan');
    expect(feb.total).toBe(55);
    expect(feb.gradeName).toBe('不合格');
    expect(feb.flags.some((f) => f.kind === 'replace')).toBe(false);
    const mar = unit(score(findings, MARCH), 'u-gongan');
    expect(mar.total).toBe(55);
    expect(mar.gradeName).toBe('不合格');
    expect(mar.flags.some((f) => f.kind === 'replace')).toBe(true);
  });

  it('迎检负面影响 10 on top of the ordinary item (聊天 2) → 100-12 = 88, disqualified anyway (良好), report to 纪检监察组', () => {
    const r = score([
      staffAct('yingxiang-xingxiang', 's-wang', '2026-03-18T10:00:00+08:00'),
      unitAct('yingjian-fumian', 'u-shuiwu', '2026-03-18T10:00:00+08:00'),
    ]);
    const sw = unit(r, 'u-shuiwu');
    expect(sw.total).toBe(88);
    expect(sw.gradeName).toBe('良好');
    expect(sw.flags.some((f) => f.kind === 'notice' && f.text.includes('纪检监察组'))).toBe(true);
    expect(sw.flags.some((f) => f.kind === 'disqualified' && f.scope === 'quarter')).toBe(true);
  });
});
