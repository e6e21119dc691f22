import { describe, it, expect } from 'vitest';
import { loadScheme, NEEDS_SEEDS, seedsPresent, seedTextCompact } from '../../fixtures/schemes';
import { scorePeriod } from '../../../src/core/scoring/scorePeriod';
import type { Finding } from '../../../src/core/model/finding';
import type { FindingInputs } from '../../../src/core/scheme/inputsSchema';
import type { PeriodRef } from '../../../src/core/time/period';
import type { Roster } from '../../../src/core/model/roster';
import type { ScoreOptions } from '../../../src/core/scoring/scoreOptions';
import type { PeriodResults, SubjectResult } from '../../../src/core/scoring/results';
import type { SubjectKind } from '../../../src/core/scheme/schemeSchema';

/**
 * Worked examples for schemes/001-luoshan.yaml (罗山县 窗口及窗口工作人员考核办法, seed 001).
 * Every expected number is computed by hand from the seed and docs/scheme-format.md:
 * - staff (附件1): 工作纪律 20 / 服务规范 20 / 出勤值勤 25 / 文明创建 15 (each floor 0), 政务服务 20 (no floor: its
 *   100/50 penalties reach the total), 加分 (no cap in the text); total floor 0.
 *   Grades: 优秀 ≥ 80 (honour; quota floor(15% × staff), else 称职), 称职 (only by demotion), 基本称职 60 ≤ x < 80,
 *   不称职 < 60 (→ 退回原单位).
 * - window (附件2): 纪律作风 20 / 服务规范 15 / 工作考勤 25 (= average of its staff's 出勤值勤) / 审批业务 20 /
 *   政务服务优化 20, 加分; grades 红旗 ≥ 80 (honour, else 良好), 一般 60 ≤ x < 80, 较差 < 60.
 * - chief: 100, loses 100 per 红黄牌 of the unit's staff, floor 0.
 * Base period quarter; the year is the mean of the four quarters.
 * With 7 staff the 优秀 quota is floor(0.15 × 7) = floor(1.05) = 1.
 */

const FILE = '001-luoshan.yaml';
const scheme = loadScheme(FILE);

const roster: Roster = {
  hall: { id: 'luoshan', name: '罗山县政务服务大厅', timeZone: 'Asia/Shanghai' },
  units: [
    { id: 'u-gongan', name: '县公安局' },
    { id: 'u-renshe', name: '县人社局' },
    { id: 'u-shichang', name: '县市场监管局' },
  ],
  windows: [
    { id: 'w-01', number: '01', name: '户籍窗口', unitId: 'u-gongan' },
    { id: 'w-02', number: '02', name: '出入境窗口', unitId: 'u-gongan' },
    { id: 'w-03', number: '03', name: '社保窗口', unitId: 'u-renshe' },
    { id: 'w-04', number: '04', name: '登记窗口', unitId: 'u-shichang' },
  ],
  staff: [
    { id: 's-li', name: '李明', unitId: 'u-gongan', windowId: 'w-01' },
    { id: 's-liu', name: '刘芳', unitId: 'u-gongan', windowId: 'w-01' },
    { id: 's-wang', name: '王强', unitId: 'u-gongan', windowId: 'w-02' },
    { id: 's-zhao', name: '赵丽', unitId: 'u-renshe', windowId: 'w-03' },
    { id: 's-sun', name: '孙伟', unitId: 'u-renshe', windowId: 'w-03' },
    { id: 's-zhou', name: '周敏', unitId: 'u-shichang', windowId: 'w-04' },
    { id: 's-wu', name: '吴刚', unitId: 'u-shichang', windowId: 'w-04' },
  ],
  chiefs: [
    { id: 'c-gongan', name: '郑军', unitId: 'u-gongan' },
    { id: 'c-renshe', name: '钱红', unitId: 'u-renshe' },
    { id: 'c-shichang', name: '冯涛', unitId: 'u-shichang' },
  ],
};
const STAFF = roster.staff.map((s) => s.id);

let seq = 0;
/** A staff act: the finding names the staff member; window, unit and chief follow from the roster. */
function st(itemId: string, staffId: string, at: string, inputs?: FindingInputs, extra: Partial<Finding> = {}): Finding {
  seq += 1;
  return { id: `f${String(seq).padStart(4, '0')}`, itemId, at, staffId, ...(inputs ? { inputs } : {}), state: 'recorded', ...extra };
}
/** A window record (附件2 rows, 第二十二条). */
function wn(itemId: string, windowId: string, at: string, inputs?: FindingInputs, extra: Partial<Finding> = {}): Finding {
  seq += 1;
  return { id: `f${String(seq).padStart(4, '0')}`, itemId, at, windowId, ...(inputs ? { inputs } : {}), state: 'recorded', ...extra };
}
/** n staff findings of one item on successive days (2nd, 3rd, ...) of a month. */
function many(n: number, itemId: string, staffId: string, month: string, inputs?: FindingInputs): Finding[] {
  return Array.from({ length: n }, (_, i) => st(itemId, staffId, `2026-${month}-${String(i + 2).padStart(2, '0')}T09:10:00+08:00`, inputs));
}
/** n window findings of one item on successive days of a month. */
function manyW(n: number, itemId: string, windowId: string, month: string, inputs?: FindingInputs): Finding[] {
  return Array.from({ length: n }, (_, i) => wn(itemId, windowId, `2026-${month}-${String(i + 2).padStart(2, '0')}T10:00:00+08:00`, inputs));
}

const Q1: PeriodRef = { kind: 'quarter', year: 2026, index: 1 };
const Q2: PeriodRef = { kind: 'quarter', year: 2026, index: 2 };
const Q3: PeriodRef = { kind: 'quarter', year: 2026, index: 3 };
const Q4: PeriodRef = { kind: 'quarter', year: 2026, index: 4 };
const YEAR: PeriodRef = { kind: 'year', year: 2026 };
const FINAL: ScoreOptions = { countPending: false, asOf: '2027-01-31T00:00:00+08:00' };

function score(findings: Finding[], period: PeriodRef = Q1, options: ScoreOptions = FINAL): PeriodResults {
  return scorePeriod(scheme, roster, findings, period, options);
}
function get(r: PeriodResults, kind: SubjectKind, id: string): SubjectResult {
  const s = r.subjects.find((x) => x.subject === kind && x.subjectId === id);
  if (!s) throw new Error(`no result for ${kind} ${id}`);
  return s;
}
const staff = (r: PeriodResults, id: string): SubjectResult => get(r, 'staff', id);
const win = (r: PeriodResults, id: string): SubjectResult => get(r, 'window', id);
const chief = (r: PeriodResults, id: string): SubjectResult => get(r, 'chief', id);
function cat(s: SubjectResult, id: string): number {
  const c = s.categories.find((x) => x.id === id);
  if (!c) throw new Error(`no category ${id} on ${s.subject} ${s.subjectId}`);
  return c.score;
}
const hasFlag = (s: SubjectResult, kind: string, scope?: string): boolean =>
  s.flags.some((f) => f.kind === kind && (scope === undefined || f.scope === scope));

describe('001 罗山 scheme file', () => {
  it.skipIf(!seedsPresent)(`copies every item text verbatim from the seed (whitespace removed)${NEEDS_SEEDS}`, () => {
    const seed = seedTextCompact(scheme.source);
    for (const item of scheme.items) {
      expect(seed.includes(item.text.replace(/\s+/g, '')), `${item.id}: ${item.text}`).toBe(true);
    }
  });

  it('has the three tables with the seed points: staff 20/20/25/20/15, window 20/15/25/20/20 (table beats 第五条 20), chief 100', () => {
    const points = (subject: SubjectKind): number[] =>
      scheme.tables.find((t) => t.subject === subject)?.categories.filter((c) => c.mode !== 'bonus').map((c) => c.points) ?? [];
    expect(points('staff')).toEqual([20, 20, 25, 20, 15]);
    expect(points('window')).toEqual([20, 15, 25, 20, 20]);
    expect(points('chief')).toEqual([100]);
    expect(scheme.period).toBe('quarter');
    expect(scheme.rollup.year).toBe('average');
    expect(scheme.items).toHaveLength(62);
    const patrol = scheme.items.filter((i) => i.source === 'patrol').map((i) => i.id);
    expect(patrol).toContain('s-wuguan-huodong');
    expect(patrol).toContain('s-chuangang');
    expect(patrol).not.toContain('s-hongheipai');
  });
});

describe('001 罗山 worked examples (quarter 2026-Q1 unless said)', () => {
  it('no findings: everyone 100; 7 staff tied for 1 优秀 place → the tied group is demoted whole to 称职; windows 100 红旗; chiefs 100', () => {
    const r = score([]);
    for (const id of STAFF) {
      const s = staff(r, id);
      expect(s.total).toBe(100);
      expect(s.gradeId).toBe('chenzhi');
      expect(s.rank).toBe(1);
    }
    expect(staff(r, 's-li').explanation).toContainEqual(expect.objectContaining({ kind: 'grade', gradeId: 'chenzhi' }));
    for (const id of ['w-01', 'w-02', 'w-03', 'w-04']) {
      expect(win(r, id).total).toBe(100);
      expect(cat(win(r, id), 'gongzuo-kaoqin')).toBe(25);
      expect(win(r, id).gradeName).toBe('红旗窗口');
    }
    expect(chief(r, 'c-gongan').total).toBe(100);
    expect(chief(r, 'c-gongan').gradeId).toBeNull();
  });

  it('王强: 迟到 3 + 串岗 3 → 出勤值勤 19; 玩手机 5 + 态度冷漠 6.5 + 未佩戴胸牌×3 → floor(3/2)=1 → 工作纪律 20-12.5 = 7.5; total 81.5; 优秀 place taken by 李明 102 → 称职; window 02 工作考勤 19 → 94 红旗', () => {
    const xp = [
      st('s-xiongpai', 's-wang', '2026-01-08T09:00:00+08:00', { quantity: 1 }),
      st('s-xiongpai', 's-wang', '2026-01-12T09:00:00+08:00', { quantity: 1 }),
      st('s-xiongpai', 's-wang', '2026-02-03T09:00:00+08:00', { quantity: 1 }),
    ];
    const r = score([
      st('s-chidao', 's-wang', '2026-01-05T09:07:00+08:00'),
      st('s-chuangang', 's-wang', '2026-01-06T10:30:00+08:00'),
      st('s-wuguan-huodong', 's-wang', '2026-01-07T15:20:00+08:00'),
      st('s-taidu-lengmo', 's-wang', '2026-01-09T11:00:00+08:00', { amount: 6.5 }),
      ...xp,
      st('s-jinqi', 's-li', '2026-02-10T10:00:00+08:00'),
    ]);
    const w = staff(r, 's-wang');
    expect(cat(w, 'gongzuo-jilv')).toBe(7.5);
    expect(cat(w, 'chuqin-zhiqin')).toBe(19);
    expect(cat(w, 'fuwu-guifan')).toBe(20);
    expect(w.total).toBe(81.5);
    expect(w.gradeId).toBe('chenzhi');
    expect(w.rank).toBe(7);
    expect(w.findingCount).toBe(7);
    // The badge pairs are scored once for the quarter: 3 observations → 1 point.
    expect(w.explanation).toContainEqual(
      expect.objectContaining({ kind: 'period', itemId: 's-xiongpai', points: -1, findingIds: xp.map((f) => f.id) }),
    );
    const li = staff(r, 's-li');
    expect(li.total).toBe(102);
    expect(li.bonus).toBe(2);
    expect(li.gradeId).toBe('youxiu');
    expect(li.rank).toBe(1);
    expect(staff(r, 's-liu').rank).toBe(2);
    expect(win(r, 'w-02').total).toBe(94);
    expect(win(r, 'w-02').gradeId).toBe('hongqi');
  });

  it('boundary 80/79: 赵丽 玩手机×5 = 25 → 工作纪律 floor 0 (trimmed 5) → exactly 80 优秀; the six others 迟到×7 = 21 → 出勤值勤 4 → 79 基本称职; window 01 (4, 4) → 79 一般, window 03 (25, 4) → 89.5 红旗', () => {
    const others = STAFF.filter((id) => id !== 's-zhao');
    const r = score([...many(5, 's-wuguan-huodong', 's-zhao', '01'), ...others.flatMap((id) => many(7, 's-chidao', id, '02'))]);
    const z = staff(r, 's-zhao');
    expect(cat(z, 'gongzuo-jilv')).toBe(0);
    expect(z.explanation).toContainEqual({ kind: 'category-floor', categoryId: 'gongzuo-jilv', categoryName: '工作纪律', floor: 0, trimmed: 5 });
    expect(z.total).toBe(80);
    expect(z.gradeId).toBe('youxiu');
    for (const id of others) {
      expect(cat(staff(r, id), 'chuqin-zhiqin')).toBe(4);
      expect(staff(r, id).total).toBe(79);
      expect(staff(r, id).gradeId).toBe('jiben-chenzhi');
    }
    expect(cat(win(r, 'w-01'), 'gongzuo-kaoqin')).toBe(4);
    expect(win(r, 'w-01').total).toBe(79);
    expect(win(r, 'w-01').gradeName).toBe('一般');
    expect(cat(win(r, 'w-03'), 'gongzuo-kaoqin')).toBe(14.5);
    expect(win(r, 'w-03').total).toBe(89.5);
    expect(win(r, 'w-03').gradeId).toBe('hongqi');
  });

  it('boundary 60/59.5 and 不称职: 周敏 投诉×4 (政务服务 0) + 旷工 2天 (出勤值勤 5) → 60 基本称职; 吴刚 the same + 桌面 0.5 → 59.5 不称职 (a quarter: no 退回, 第二十二条 returns on the year\'s 不称职 only); 孙伟 县纪检通报 50 + 五禁止严重 5 → 45 不称职, the year-end bar shown, 退回 for 情况严重; window 04 (5, 5) → exactly 80 红旗', () => {
    const r = score([
      ...many(4, 's-tousu', 's-zhou', '01'),
      st('s-kuanggong', 's-zhou', '2026-02-02T09:00:00+08:00', { quantity: 2 }),
      ...many(4, 's-tousu', 's-wu', '01'),
      st('s-kuanggong', 's-wu', '2026-02-02T09:00:00+08:00', { quantity: 2 }),
      st('s-zhuomian-luan', 's-wu', '2026-03-02T09:00:00+08:00'),
      st('s-jijian-tongbao', 's-sun', '2026-03-05T09:00:00+08:00', { level: 'xianji' }),
      st('s-wujinzhi-yanzhong', 's-sun', '2026-03-06T09:00:00+08:00'),
    ]);
    const zhou = staff(r, 's-zhou');
    expect(cat(zhou, 'zhengwu-fuwu')).toBe(0);
    expect(cat(zhou, 'chuqin-zhiqin')).toBe(5);
    expect(zhou.total).toBe(60);
    expect(zhou.gradeId).toBe('jiben-chenzhi');
    const wu = staff(r, 's-wu');
    expect(cat(wu, 'wenming-chuangjian')).toBe(14.5);
    expect(wu.total).toBe(59.5);
    expect(wu.gradeId).toBe('bu-chenzhi');
    // "工作人员年度考核为“不称职”的，退回原单位": a quarter's 不称职 returns nobody.
    expect(wu.flags.some((x) => x.kind === 'return')).toBe(false);
    const sun = staff(r, 's-sun');
    // 政务服务 has no floor: 20 - 50 = -30 runs into the total: 20 + 20 + 25 - 30 + 15 - 5 = 45.
    expect(cat(sun, 'zhengwu-fuwu')).toBe(-30);
    expect(cat(sun, 'gongzuo-jilv')).toBe(15);
    expect(sun.total).toBe(45);
    expect(sun.gradeName).toBe('不称职');
    expect(hasFlag(sun, 'disqualified', 'year')).toBe(true);
    expect(sun.flags).toContainEqual(expect.objectContaining({ kind: 'return', text: expect.stringContaining('情况严重者退回单位') }));
    expect(win(r, 'w-04').total).toBe(80);
    expect(win(r, 'w-04').gradeId).toBe('hongqi');
  });

  it('红黄牌: 刘芳 (窗口01) and 王强 (窗口02) one card each → each operator 政务服务 20-50 = -30, total 50 不称职 + 通报; 公安 chief 100-100-100 → floor 0 (trimmed 100); windows 01 and 02 score 100 but lose 红旗 for the quarter → 良好; 窗口03 红旗', () => {
    const a = st('s-hongheipai', 's-liu', '2026-01-15T10:00:00+08:00');
    const b = st('s-hongheipai', 's-wang', '2026-02-10T10:00:00+08:00');
    const r = score([a, b]);
    for (const id of ['s-liu', 's-wang']) {
      const s = staff(r, id);
      expect(cat(s, 'zhengwu-fuwu')).toBe(-30);
      expect(s.total).toBe(50);
      expect(s.gradeId).toBe('bu-chenzhi');
      expect(s.flags).toContainEqual(expect.objectContaining({ kind: 'notice', text: '出现红黄牌，向所在单位通报' }));
    }
    const c = chief(r, 'c-gongan');
    expect(c.explanation).toContainEqual(expect.objectContaining({ kind: 'finding', findingId: a.id, points: -100, coDeduction: true, categoryId: 'chief-kaohefen' }));
    expect(c.explanation).toContainEqual(expect.objectContaining({ kind: 'finding', findingId: b.id, points: -100, coDeduction: true }));
    expect(c.explanation).toContainEqual({ kind: 'category-floor', categoryId: 'chief-kaohefen', categoryName: '首席代表考核分', floor: 0, trimmed: 100 });
    expect(c.total).toBe(0);
    expect(chief(r, 'c-renshe').total).toBe(100);
    for (const [id, f] of [['w-01', a], ['w-02', b]] as const) {
      const w = win(r, id);
      expect(w.total).toBe(100);
      expect(w.gradeId).toBe('lianghao');
      expect(w.flags).toContainEqual(expect.objectContaining({ kind: 'disqualified', scope: 'quarter', findingIds: [f.id] }));
    }
    expect(win(r, 'w-03').gradeId).toBe('hongqi');
  });

  it('红黄牌 with bonus, no bonus cap: 李明 card 50 + 国家级稿件 10×3 → 100-50+30 = exactly 80, but "取消评先评优资格" → not 优秀 → 称职', () => {
    const r = score([
      st('s-hongheipai', 's-li', '2026-03-03T10:00:00+08:00'),
      ...many(3, 's-xinwen-gaojian', 's-li', '02', { level: 'guojiaji' }),
    ]);
    const li = staff(r, 's-li');
    expect(cat(li, 'staff-jiafen')).toBe(30);
    expect(li.bonus).toBe(30);
    expect(li.explanation.some((l) => l.kind === 'bonus-cap' || l.kind === 'category-cap')).toBe(false);
    expect(li.total).toBe(80);
    expect(li.gradeId).toBe('chenzhi');
    expect(li.explanation).toContainEqual(expect.objectContaining({ kind: 'grade', gradeId: 'chenzhi', reason: { kind: 'ineligible', text: expect.stringContaining('取消评先评优资格'), measure: 1, denied: '优秀' } }));
    expect(chief(r, 'c-gongan').total).toBe(0);
  });

  it('第十五条 缺勤5个工作日及以上: 李明 事假2 + 病假3 = 5天 → 出勤值勤 25-2-1.5 = 21.5, +锦旗 2×2 → 100.5, ineligible → 称职; 刘芳 事假2 + 病假2 = 4天 → 22, +锦旗 3×2 → 103 优秀; window 01 工作考勤 (21.5+22)/2 = 21.75 → 96.75', () => {
    const r = score([
      st('s-sijia', 's-li', '2026-01-12T09:00:00+08:00', { quantity: 2 }),
      st('s-bingjia', 's-li', '2026-02-02T09:00:00+08:00', { quantity: 3 }),
      ...many(2, 's-jinqi', 's-li', '03'),
      st('s-sijia', 's-liu', '2026-01-19T09:00:00+08:00', { quantity: 2 }),
      st('s-bingjia', 's-liu', '2026-02-09T09:00:00+08:00', { quantity: 2 }),
      ...many(3, 's-jinqi', 's-liu', '03'),
    ]);
    const li = staff(r, 's-li');
    expect(cat(li, 'chuqin-zhiqin')).toBe(21.5);
    expect(li.total).toBe(100.5);
    expect(li.gradeId).toBe('chenzhi');
    expect(li.explanation).toContainEqual(expect.objectContaining({ kind: 'grade', gradeId: 'chenzhi', reason: expect.objectContaining({ text: expect.stringContaining('5个工作日及以上'), denied: '优秀' }) }));
    expect(li.flags).toContainEqual(expect.objectContaining({ kind: 'disqualified', scope: 'quarter', source: expect.objectContaining({ clause: '第十五条' }) }));
    const liu = staff(r, 's-liu');
    expect(hasFlag(liu, 'disqualified')).toBe(false);
    expect(cat(liu, 'chuqin-zhiqin')).toBe(22);
    expect(liu.total).toBe(103);
    expect(liu.gradeId).toBe('youxiu');
    expect(staff(r, 's-zhao').gradeId).toBe('chenzhi');
    expect(cat(win(r, 'w-01'), 'gongzuo-kaoqin')).toBe(21.75);
    expect(win(r, 'w-01').total).toBe(96.75);
  });

  it('第十五条 is per quarter: 李明 病假 2天 in Q1 and 3天 in Q3 (never 5 in one quarter), 锦旗 each quarter, 桌面 0.5 in Q2 → Q1 101, Q2 101.5, Q3 100.5, Q4 102 → year mean 405/4 = 101.25, still 优秀', () => {
    const findings = [
      st('s-bingjia', 's-li', '2026-01-12T09:00:00+08:00', { quantity: 2 }),
      st('s-zhuomian-luan', 's-li', '2026-05-06T09:00:00+08:00'),
      st('s-bingjia', 's-li', '2026-07-13T09:00:00+08:00', { quantity: 3 }),
      ...['01', '04', '07', '10'].map((m) => st('s-jinqi', 's-li', `2026-${m}-20T10:00:00+08:00`)),
    ];
    const q3 = score(findings, Q3);
    expect(staff(q3, 's-li').total).toBe(100.5);
    expect(staff(q3, 's-li').gradeId).toBe('youxiu');
    const y = score(findings, YEAR);
    const li = staff(y, 's-li');
    expect(li.total).toBe(101.25);
    expect(hasFlag(li, 'disqualified')).toBe(false);
    expect(li.gradeId).toBe('youxiu');
  });

  it('第十五条 "当季度不得被评为“优秀”等次" bars that quarter only: 李明 事假 2 + 病假 3 = 5天 in Q1 → Q1 102.5 称职; Q2-Q4 106 优秀; the year (102.5 + 3 × 106) / 4 = 105.13 stays 优秀, the Q1 flag shown on it', () => {
    const findings = [
      st('s-sijia', 's-li', '2026-01-12T09:00:00+08:00', { quantity: 2 }),
      st('s-bingjia', 's-li', '2026-02-09T09:00:00+08:00', { quantity: 3 }),
      ...['01', '04', '07', '10'].flatMap((m) => many(3, 's-jinqi', 's-li', m)),
    ];
    const q1 = staff(score(findings, Q1), 's-li');
    expect(q1.total).toBe(102.5);
    expect(q1.gradeId).toBe('chenzhi');
    expect(q1.flags).toContainEqual(expect.objectContaining({ kind: 'disqualified', scope: 'quarter', measure: { kind: 'quantity', value: 5, periodKey: '2026-Q1' } }));
    expect(staff(score(findings, Q2), 's-li').gradeId).toBe('youxiu');
    const y = staff(score(findings, YEAR), 's-li');
    expect(y.total).toBe(105.13);
    expect(y.gradeId).toBe('youxiu');
    expect(y.flags).toContainEqual(expect.objectContaining({ kind: 'disqualified', scope: 'quarter', source: expect.objectContaining({ triggerId: 'queqin-dangjidu' }) }));
  });

  it('第十章 四6 "中途请假20次以上者，取消年度评优、评先资格" bars the year, not the quarter: 李明 20 中途请假 in Q1 → (20−6)×0.5 = 7, + 锦旗 5×2 → 103 优秀 in Q1; the year (103 + 3 × 100) / 4 = 100.75 → 称职, 通报单位', () => {
    const findings = [...many(20, 's-zhongtu-qingjia', 's-li', '01'), ...many(5, 's-jinqi', 's-li', '02')];
    const q1 = staff(score(findings, Q1), 's-li');
    expect(q1.total).toBe(103);
    expect(q1.gradeId).toBe('youxiu');
    const y = staff(score(findings, YEAR), 's-li');
    expect(y.total).toBe(100.75);
    expect(y.gradeId).toBe('chenzhi');
    expect(y.explanation).toContainEqual(expect.objectContaining({ kind: 'grade', gradeId: 'chenzhi', reason: { kind: 'ineligible', text: '中途请假20次以上者，取消年度评优、评先资格', measure: 20, denied: '优秀' } }));
    expect(y.flags).toContainEqual(expect.objectContaining({ kind: 'notice', measure: { kind: 'count', value: 20, periodKey: '2026' } }));
  });

  it('第十二条 从高分到低分 with the 15% quota: 李明 and 刘芳 tie at 102 for 1 place → both 称职, and 王强 101 below them does not take the place → 称职', () => {
    const r = score([
      st('s-jinqi', 's-li', '2026-02-10T10:00:00+08:00'),
      st('s-jinqi', 's-liu', '2026-02-10T10:00:00+08:00'),
      st('s-haoren-haoshi', 's-wang', '2026-02-11T10:00:00+08:00', { level: 'daitou' }),
    ]);
    expect(staff(r, 's-li').total).toBe(102);
    expect(staff(r, 's-li').gradeId).toBe('chenzhi');
    expect(staff(r, 's-li').rank).toBe(1);
    expect(staff(r, 's-liu').gradeId).toBe('chenzhi');
    expect(staff(r, 's-wang').total).toBe(101);
    expect(staff(r, 's-wang').rank).toBe(3);
    expect(staff(r, 's-wang').gradeId).toBe('chenzhi');
    expect(staff(r, 's-wang').explanation).toContainEqual(expect.objectContaining({ kind: 'grade', gradeId: 'chenzhi', reason: expect.objectContaining({ kind: 'quota', allowed: 1 }) }));
  });

  it('中途请假: 周敏 8 in the quarter → (8-6)×0.5 = 1, 2 of them over 2 hours → 2×0.5 = 1, 旷工 0.5天 → 5: 出勤值勤 18, total 93; 吴刚 exactly 6 → 0 (超过6次 excludes 6); window 04 (18+25)/2 = 21.5 → 96.5', () => {
    const leaves = many(8, 's-zhongtu-qingjia', 's-zhou', '01');
    const r = score([
      ...leaves,
      st('s-zhongtu-chao2h', 's-zhou', '2026-01-03T14:00:00+08:00'),
      st('s-zhongtu-chao2h', 's-zhou', '2026-01-06T14:00:00+08:00'),
      st('s-kuanggong', 's-zhou', '2026-02-16T13:00:00+08:00', { quantity: 0.5 }),
      ...many(6, 's-zhongtu-qingjia', 's-wu', '02'),
    ]);
    const zhou = staff(r, 's-zhou');
    expect(zhou.explanation).toContainEqual(
      expect.objectContaining({ kind: 'period', itemId: 's-zhongtu-qingjia', points: -1, findingIds: leaves.map((f) => f.id) }),
    );
    expect(cat(zhou, 'chuqin-zhiqin')).toBe(18);
    expect(zhou.total).toBe(93);
    const wu = staff(r, 's-wu');
    expect(cat(wu, 'chuqin-zhiqin')).toBe(25);
    expect(wu.total).toBe(100);
    expect(cat(win(r, 'w-04'), 'gongzuo-kaoqin')).toBe(21.5);
    expect(win(r, 'w-04').total).toBe(96.5);
  });

  it('window table: 窗口03 服务规范 15-(5×2+4+5) → floor 0 (trimmed 4), 投诉 7.5 → 优化 12.5, 工作考勤 (19+25)/2 = 22, +市级报道 10 → 84.5 红旗; 窗口04 审批业务 20-10.5, 推诿 10 → 79.5 一般; 窗口02 纪律作风 0, 服务规范 0, 投诉 5.5 → 59.5 较差; 窗口01 88 红旗', () => {
    const r = score([
      ...manyW(2, 'w-zhengzhi', 'w-03', '01'),
      wn('w-neiwu', 'w-03', '2026-01-20T10:00:00+08:00', { amount: 4 }),
      wn('w-weibanjie', 'w-03', '2026-02-05T10:00:00+08:00'),
      wn('w-tousu-shushi', 'w-03', '2026-02-06T10:00:00+08:00', { amount: 7.5 }),
      wn('w-meiti-baodao', 'w-03', '2026-03-06T10:00:00+08:00', { level: 'shiji-yishang' }),
      ...many(2, 's-chidao', 's-zhao', '01'),
      wn('w-lianban-tuiwei', 'w-04', '2026-01-08T10:00:00+08:00'),
      wn('w-yichuang-jianshe', 'w-04', '2026-01-09T10:00:00+08:00', { amount: 6 }),
      wn('w-shixiang-gongkai', 'w-04', '2026-01-10T10:00:00+08:00', { amount: 2 }),
      wn('w-sanjizhong', 'w-04', '2026-01-11T10:00:00+08:00', { amount: 2.5 }),
      ...manyW(4, 'w-bufucong-anpai', 'w-02', '02'),
      ...manyW(3, 'w-zhengzhi', 'w-02', '03'),
      wn('w-tousu-shushi', 'w-02', '2026-03-20T10:00:00+08:00', { amount: 5.5 }),
      wn('w-gongzuo-jilv', 'w-01', '2026-01-05T10:00:00+08:00', { amount: 3 }),
      wn('w-taidu-cha', 'w-01', '2026-01-06T10:00:00+08:00'),
      wn('w-renyuan-biandong', 'w-01', '2026-01-07T10:00:00+08:00'),
      wn('w-bufucong-anpai', 'w-01', '2026-01-08T10:00:00+08:00'),
      ...manyW(2, 'w-haochaping-bumanyi', 'w-01', '02'),
      wn('w-shumian-biaoyang', 'w-01', '2026-03-03T10:00:00+08:00'),
      wn('w-jianyi-caina', 'w-01', '2026-03-04T10:00:00+08:00'),
    ]);
    const w3 = win(r, 'w-03');
    expect(cat(w3, 'window-fuwu-guifan')).toBe(0);
    expect(w3.explanation).toContainEqual({ kind: 'category-floor', categoryId: 'window-fuwu-guifan', categoryName: '服务规范', floor: 0, trimmed: 4 });
    expect(cat(w3, 'zhengwu-youhua')).toBe(12.5);
    expect(cat(w3, 'gongzuo-kaoqin')).toBe(22);
    expect(w3.bonus).toBe(10);
    expect(w3.total).toBe(84.5);
    expect(w3.gradeId).toBe('hongqi');
    const w4 = win(r, 'w-04');
    expect(cat(w4, 'shenpi-yewu')).toBe(9.5);
    expect(cat(w4, 'zhengwu-youhua')).toBe(10);
    expect(w4.total).toBe(79.5);
    expect(w4.gradeName).toBe('一般');
    const w2 = win(r, 'w-02');
    expect(cat(w2, 'jilv-zuofeng')).toBe(0);
    expect(cat(w2, 'window-fuwu-guifan')).toBe(0);
    expect(cat(w2, 'zhengwu-youhua')).toBe(14.5);
    expect(w2.total).toBe(59.5);
    expect(w2.gradeName).toBe('较差');
    const w1 = win(r, 'w-01');
    expect(cat(w1, 'jilv-zuofeng')).toBe(2);
    expect(cat(w1, 'zhengwu-youhua')).toBe(16);
    expect(w1.bonus).toBe(10);
    expect(w1.total).toBe(88);
    expect(w1.gradeId).toBe('hongqi');
    // Window findings never touch the staff: 王强 stays 100.
    expect(staff(r, 's-wang').total).toBe(100);
  });

  it('第二十二条 "当季度不得被评为“红旗窗口”，年终不得参与评优评先": 窗口02 曝光 in Q1 (0 points) → 100 but 良好 in Q1; 红旗 again in Q2; the year (mean 100) is denied 红旗; 第五章七: 窗口04 延时服务投诉 5 → 95 良好 in Q1, 红旗 in Q2', () => {
    const findings = [
      wn('w-meiti-baoguang', 'w-02', '2026-02-20T10:00:00+08:00'),
      wn('w-yanshi-tousu', 'w-04', '2026-03-10T17:30:00+08:00', { amount: 5 }),
      // Every quarter was assessed (a finding somewhere in the hall).
      ...['04', '07', '10'].map((m) => st('s-tuoxie-yizhuo', 's-zhou', `2026-${m}-15T10:00:00+08:00`)),
    ];
    const q1 = score(findings, Q1);
    expect(win(q1, 'w-02').total).toBe(100);
    expect(win(q1, 'w-02').gradeId).toBe('lianghao');
    expect(win(q1, 'w-02').explanation).toContainEqual(expect.objectContaining({ kind: 'grade', gradeId: 'lianghao', reason: expect.objectContaining({ kind: 'disqualified', text: expect.stringContaining('当季度不得被评为“红旗窗口”') }) }));
    expect(hasFlag(win(q1, 'w-02'), 'disqualified', 'quarter')).toBe(true);
    // The year-end bar is shown on the quarter too, but holds for the year's result only.
    expect(win(q1, 'w-02').flags).toContainEqual(expect.objectContaining({ kind: 'disqualified', scope: 'year', reach: 'result' }));
    expect(win(q1, 'w-04').total).toBe(95);
    expect(win(q1, 'w-04').gradeId).toBe('lianghao');
    expect(hasFlag(win(q1, 'w-04'), 'disqualified', 'quarter')).toBe(true);
    const q2 = score(findings, Q2);
    expect(win(q2, 'w-02').total).toBe(100);
    expect(win(q2, 'w-02').gradeId).toBe('hongqi');
    expect(win(q2, 'w-02').flags.some((f) => f.kind === 'disqualified')).toBe(false);
    expect(win(q2, 'w-04').total).toBe(100);
    expect(win(q2, 'w-04').gradeId).toBe('hongqi');
    const y = score(findings, YEAR);
    expect(win(y, 'w-02').total).toBe(100);
    expect(win(y, 'w-02').gradeId).toBe('lianghao');
    expect(win(y, 'w-02').explanation).toContainEqual(expect.objectContaining({ kind: 'grade', reason: expect.objectContaining({ kind: 'disqualified', text: expect.stringContaining('年终不得参与评优评先') }) }));
    // 第五章七 bars only its quarter: 窗口04's year (95+100+100+100)/4 = 98.75 is 红旗.
    expect(win(y, 'w-04').total).toBe(98.75);
    expect(win(y, 'w-04').gradeId).toBe('hongqi');
  });

  it('第二十二条 for a person "年终不得参与评优评先": 孙伟 县纪检通报 in Q1 → Q1 50 不称职; Q2-Q4 100 + 锦旗 5×2 = 110 → Q2 优秀 (the later quarters are not barred); the year is denied 优秀', () => {
    const findings = [
      st('s-jijian-tongbao', 's-sun', '2026-02-10T10:00:00+08:00', { level: 'xianji' }),
      ...['04', '07', '10'].flatMap((m) => many(5, 's-jinqi', 's-sun', m)),
    ];
    const q2 = score(findings, Q2);
    expect(staff(q2, 's-sun').total).toBe(110);
    expect(staff(q2, 's-sun').gradeId).toBe('youxiu');
    expect(hasFlag(staff(q2, 's-sun'), 'disqualified')).toBe(false);
    const y = score(findings, YEAR);
    // (50 + 110 × 3) / 4 = 95 ≥ 80, but 年终不得参与评优评先: the bar demotes him before any quota is applied.
    expect(staff(y, 's-sun').total).toBe(95);
    expect(staff(y, 's-sun').gradeId).toBe('chenzhi');
    expect(staff(y, 's-sun').explanation).toContainEqual(expect.objectContaining({ kind: 'grade', gradeId: 'chenzhi', reason: expect.objectContaining({ kind: 'disqualified' }) }));
  });

  it('review states: 王强 玩手机 contested (pending 5), 串岗 overturned, 态度冷漠 10 amended to 5 → final 100-5 = 95; provisional (countPending) 90', () => {
    const r = score([
      st('s-wuguan-huodong', 's-wang', '2026-01-07T15:20:00+08:00', undefined, { state: 'contested' }),
      st('s-chuangang', 's-wang', '2026-01-08T10:00:00+08:00', undefined, { state: 'overturned' }),
      st('s-taidu-lengmo', 's-wang', '2026-01-09T11:00:00+08:00', { amount: 10 }, { state: 'amended', amended: { inputs: { amount: 5 } } }),
    ]);
    const w = staff(r, 's-wang');
    expect(cat(w, 'gongzuo-jilv')).toBe(15);
    expect(cat(w, 'chuqin-zhiqin')).toBe(25);
    expect(w.total).toBe(95);
    expect(Math.abs(w.pending)).toBe(5);
    const p = score(
      [
        st('s-wuguan-huodong', 's-wang', '2026-01-07T15:20:00+08:00', undefined, { state: 'contested' }),
        st('s-taidu-lengmo', 's-wang', '2026-01-09T11:00:00+08:00', { amount: 10 }, { state: 'amended', amended: { inputs: { amount: 5 } } }),
      ],
      Q1,
      { countPending: true },
    );
    expect(staff(p, 's-wang').total).toBe(90);
  });

  it('year = mean of the four quarters: 李明 迟到2 + 锦旗4 each quarter → 102 (优秀 every quarter) but 8 迟到 in the year (8次以上) → year not 优秀 + 通报; 赵丽 104 in Q3 → year 101 优秀; 吴刚 市级通报 in Q1 and Q2 → 0, 0, 100, 100 → 50 不称职 → 退回原单位; 刘芳 card in Q2 → 87.5', () => {
    const months = ['01', '04', '07', '10'];
    const findings = [
      ...months.flatMap((m) => [...many(2, 's-chidao', 's-li', m), ...many(4, 's-jinqi', 's-li', m).map((f) => ({ ...f, at: f.at.replace('T09:10', 'T15:00') }))]),
      st('s-jijian-tongbao', 's-wu', '2026-02-10T10:00:00+08:00', { level: 'shiji-yishang' }),
      st('s-jijian-tongbao', 's-wu', '2026-05-10T10:00:00+08:00', { level: 'shiji-yishang' }),
      st('s-bisai-mingci', 's-zhao', '2026-08-10T10:00:00+08:00', { amount: 4 }),
      st('s-hongheipai', 's-liu', '2026-05-12T10:00:00+08:00'),
    ];
    // Q3: 赵丽 104 takes the one 优秀 place, 李明 102 → 称职 (quota); 6 迟到 so far this year → no notice yet.
    const q3 = score(findings, Q3);
    expect(staff(q3, 's-zhao').total).toBe(104);
    expect(staff(q3, 's-zhao').gradeId).toBe('youxiu');
    expect(staff(q3, 's-li').total).toBe(102);
    expect(staff(q3, 's-li').gradeId).toBe('chenzhi');
    expect(hasFlag(staff(q3, 's-li'), 'notice')).toBe(false);
    // Q4: 李明 102 is the sole top → 优秀 (the quarter's own 2 迟到 do not bar it); 8 迟到 this year → 通报.
    const q4 = score(findings, Q4);
    expect(staff(q4, 's-li').total).toBe(102);
    expect(staff(q4, 's-li').gradeId).toBe('youxiu');
    expect(staff(q4, 's-li').flags).toContainEqual(expect.objectContaining({ kind: 'notice', source: expect.objectContaining({ clause: '第十章 四6' }), text: expect.stringContaining('迟到、早退、缺岗8次以上') }));
    // 吴刚 Q1: 政务服务 20-100 = -80 → total exactly 0 (no floor trimmed).
    const q1 = score(findings, Q1);
    expect(cat(staff(q1, 's-wu'), 'zhengwu-fuwu')).toBe(-80);
    expect(staff(q1, 's-wu').total).toBe(0);

    const y = score(findings, YEAR);
    expect(y.period.key).toBe('2026');
    const li = staff(y, 's-li');
    expect(li.total).toBe(102);
    expect(li.gradeId).toBe('chenzhi');
    expect(li.explanation).toContainEqual(expect.objectContaining({ kind: 'grade', gradeId: 'chenzhi', reason: expect.objectContaining({ text: expect.stringContaining('迟到、早退、缺岗8次以上') }) }));
    expect(li.flags).toContainEqual(expect.objectContaining({ kind: 'notice', source: expect.objectContaining({ clause: '第十章 四6' }) }));
    const zhao = staff(y, 's-zhao');
    expect(zhao.total).toBe(101);
    expect(zhao.gradeId).toBe('youxiu');
    expect(staff(y, 's-liu').total).toBe(87.5);
    expect(staff(y, 's-liu').gradeId).toBe('chenzhi');
    expect(staff(y, 's-wang').gradeId).toBe('chenzhi');
    const wu = staff(y, 's-wu');
    expect(wu.total).toBe(50);
    expect(wu.gradeId).toBe('bu-chenzhi');
    expect(wu.flags).toContainEqual(expect.objectContaining({ kind: 'return', scope: 'year', text: '工作人员年度考核为“不称职”的，退回原单位。' }));
    expect(hasFlag(wu, 'disqualified', 'year')).toBe(true);
  });

  it('四个季度均为红旗窗口 (第十七条（二）1): windows 02/03/04 红旗 in all four quarters → flagged on the Q4 and the year\'s result, not on Q1-Q3; 窗口01 lost Q2 to 刘芳\'s card → not flagged', () => {
    // Each quarter assessed: a 穿拖鞋 of 周敏 (1 point) in every quarter keeps window 04 at 红旗 (99).
    const findings = [st('s-hongheipai', 's-liu', '2026-05-12T10:00:00+08:00'), ...['01', '04', '07', '10'].map((m) => st('s-tuoxie-yizhuo', 's-zhou', `2026-${m}-15T10:00:00+08:00`))];
    const q2 = score(findings, Q2);
    expect(win(q2, 'w-01').gradeId).toBe('lianghao');
    expect(hasFlag(win(q2, 'w-02'), 'consequence')).toBe(false);
    const q4 = score(findings, Q4);
    for (const id of ['w-02', 'w-03', 'w-04']) {
      expect(win(q4, id).gradeId).toBe('hongqi');
      expect(win(q4, id).flags).toContainEqual(expect.objectContaining({ kind: 'consequence', source: expect.objectContaining({ clause: '第十七条（二）1' }), measure: { kind: 'consecutive', periods: 4, through: '2026-Q4' } }));
    }
    expect(win(q4, 'w-01').gradeId).toBe('hongqi');
    expect(hasFlag(win(q4, 'w-01'), 'consequence')).toBe(false);
    const y = score(findings, YEAR);
    expect(hasFlag(win(y, 'w-02'), 'consequence')).toBe(true);
    expect(hasFlag(win(y, 'w-01'), 'consequence')).toBe(false);
  });

  it('四个季度均被评为“红旗窗口” (第十七条（二）1): a quarter with no assessment is no 红旗 — a hall whose first findings are in 2026-Q3 raises nothing on 2026-Q4 or the year 2026; all four of 2027 assessed → raised on 2027-Q4', () => {
    const findings = ['2026-07', '2026-10', '2027-01', '2027-04', '2027-07', '2027-10'].map((m) => st('s-tuoxie-yizhuo', 's-zhou', `${m}-15T10:00:00+08:00`));
    const late: ScoreOptions = { countPending: false, asOf: '2028-01-31T00:00:00+08:00' };
    expect(win(score(findings, Q4, late), 'w-02').gradeId).toBe('hongqi');
    expect(hasFlag(win(score(findings, Q4, late), 'w-02'), 'consequence')).toBe(false);
    expect(hasFlag(win(score(findings, YEAR, late), 'w-02'), 'consequence')).toBe(false);
    // A run across two years (2026-Q3..2027-Q2) is not the four quarters of a year either.
    expect(hasFlag(win(score(findings, { kind: 'quarter', year: 2027, index: 2 }, late), 'w-02'), 'consequence')).toBe(false);
    expect(hasFlag(win(score(findings, { kind: 'quarter', year: 2027, index: 4 }, late), 'w-02'), 'consequence')).toBe(true);
  });
});
