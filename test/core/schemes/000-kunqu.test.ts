import { describe, it, expect } from 'vitest';
import { loadScheme, NEEDS_SEEDS, seedsPresent, seedTextCompact } from '../../fixtures/schemes';
import { scorePeriod } from '../../../src/core/scoring/scorePeriod';
import type { Finding, ReviewState } from '../../../src/core/model/finding';
import type { FindingInputs } from '../../../src/core/scheme/inputsSchema';
import type { PeriodRef } from '../../../src/core/time/period';
import type { Roster } from '../../../src/core/model/roster';
import type { PeriodResults, SubjectResult } from '../../../src/core/scoring/results';

// Worked examples for schemes/000-kunqu.yaml (昆区 "一窗式"综合受理人员考核办法), computed by hand from the seed text
// and docs/scheme-format.md. Staff start at 100 (工作纪律20 + 服务规范30 + 业务技能30 + 投诉评价20, each floored at 0);
// 鹿勤人力 (the unit) is the average of its staff's totals; 70分以下 (≤70) is 不合格.

const scheme = loadScheme('000-kunqu.yaml');

const roster: Roster = {
  hall: { id: 'kunqu', name: '昆区市民大厅', timeZone: 'Asia/Shanghai' },
  units: [{ id: 'luqin', name: '鹿勤人力' }],
  windows: [
    { id: 'w1', number: '1', name: '综合受理1号', unitId: 'luqin' },
    { id: 'w2', number: '2', name: '综合受理2号', unitId: 'luqin' },
    { id: 'w3', number: '3', name: '综合受理3号', unitId: 'luqin' },
  ],
  staff: [
    { id: 's1', name: '张敏', unitId: 'luqin', windowId: 'w1' },
    { id: 's2', name: '李强', unitId: 'luqin', windowId: 'w2' },
    { id: 's3', name: '王芳', unitId: 'luqin', windowId: 'w3' },
  ],
  chiefs: [{ id: 'c1', name: '赵经理', unitId: 'luqin' }],
};

const JAN: PeriodRef = { kind: 'month', year: 2026, index: 1 };
const FEB: PeriodRef = { kind: 'month', year: 2026, index: 2 };
const MAR: PeriodRef = { kind: 'month', year: 2026, index: 3 };
const Q1: PeriodRef = { kind: 'quarter', year: 2026, index: 1 };

let seq = 0;
function f(itemId: string, staffId: string, at: string, inputs?: FindingInputs, state: ReviewState = 'recorded'): Finding {
  seq += 1;
  return { id: `k${String(seq).padStart(3, '0')}`, itemId, staffId, at, inputs, state };
}
/** n findings of one item on one staff member, a minute apart from `at` (which must end in ":00+08:00"). */
function many(n: number, itemId: string, staffId: string, day: string, inputs?: FindingInputs): Finding[] {
  return Array.from({ length: n }, (_, k) => f(itemId, staffId, `${day}T09:${String(10 + k).padStart(2, '0')}:00+08:00`, inputs));
}

function score(findings: Finding[], period: PeriodRef = MAR, countPending = false): PeriodResults {
  return scorePeriod(scheme, roster, findings, period, { countPending });
}
function subject(res: PeriodResults, kind: SubjectResult['subject'], id: string): SubjectResult {
  const r = res.subjects.find((x) => x.subject === kind && x.subjectId === id);
  if (!r) throw new Error(`no result for ${kind} ${id}`);
  return r;
}
function cat(r: SubjectResult, id: string): number {
  const c = r.categories.find((x) => x.id === id);
  if (!c) throw new Error(`no category ${id}`);
  return c.score;
}

describe('000-kunqu scheme file', () => {
  it.skipIf(!seedsPresent)(`every item text is verbatim from the seed${NEEDS_SEEDS}`, () => {
    const seed = seedTextCompact(scheme.source);
    for (const item of scheme.items) expect(seed, item.id).toContain(item.text.replace(/\s+/g, ''));
  });
});

describe('000-kunqu worked examples', () => {
  it('empty month: every 综窗人员 100 合格; 鹿勤人力 = (100+100+100)/3 = 100 合格, no flags', () => {
    const res = score([]);
    for (const id of ['s1', 's2', 's3']) {
      const r = subject(res, 'staff', id);
      expect(r.total).toBe(100);
      expect(r.gradeId).toBe('pass');
      expect(r.flags).toEqual([]);
    }
    const u = subject(res, 'unit', 'luqin');
    expect(u.total).toBe(100);
    expect(u.gradeName).toBe('合格');
    expect(u.flags).toEqual([]);
  });

  it('迟到45分钟 0.5 + 早退30分钟 0.1 (半小时内 includes 30) + 迟到60分钟 1 (1小时以上 wins at 60) + 串岗 0.5×2 → 工作纪律 20−2.6 = 17.4, total 97.4 合格', () => {
    const res = score([
      f('late', 's1', '2026-03-02T09:45:00+08:00', { quantity: 45 }),
      f('early-leave', 's1', '2026-03-03T16:30:00+08:00', { quantity: 30 }),
      f('late', 's1', '2026-03-04T10:00:00+08:00', { quantity: 60 }),
      ...many(2, 'wander', 's1', '2026-03-05'),
    ]);
    const r = subject(res, 'staff', 's1');
    expect(cat(r, 'discipline')).toBeCloseTo(17.4, 6);
    expect(r.total).toBeCloseTo(97.4, 6);
    expect(r.gradeName).toBe('合格');
    const sixty = r.explanation.find((l) => l.kind === 'finding' && l.itemId === 'late' && l.points === -1);
    expect(sixty && sixty.kind === 'finding' ? sixty.calc : null).toMatchObject({ rule: 'tier', quantity: 60, label: expect.stringContaining('1小时以上') });
    const thirty = r.explanation.find((l) => l.kind === 'finding' && l.itemId === 'early-leave');
    expect(thirty && thirty.kind === 'finding' ? thirty.points : 0).toBeCloseTo(-0.1, 6);
  });

  it('请假月累计每3天扣1分 (floor): s1 2+2+1 = 5天 → 1; s2 2天 → 0 but 旷工 1次 (2天) → 1; s3 4+2 = 6天 → 2', () => {
    const res = score([
      f('leave-days', 's1', '2026-03-02T09:00:00+08:00', { quantity: 2 }),
      f('leave-days', 's1', '2026-03-10T09:00:00+08:00', { quantity: 2 }),
      f('leave-days', 's1', '2026-03-20T09:00:00+08:00', { quantity: 1 }),
      f('leave-days', 's2', '2026-03-02T09:00:00+08:00', { quantity: 2 }),
      f('absence', 's2', '2026-03-16T09:00:00+08:00', { quantity: 2 }),
      f('leave-days', 's3', '2026-03-02T09:00:00+08:00', { quantity: 4 }),
      f('leave-days', 's3', '2026-03-23T09:00:00+08:00', { quantity: 2 }),
    ]);
    expect(cat(subject(res, 'staff', 's1'), 'discipline')).toBe(19);
    expect(subject(res, 'staff', 's1').total).toBe(99);
    expect(cat(subject(res, 'staff', 's2'), 'discipline')).toBe(19);
    expect(subject(res, 'staff', 's2').total).toBe(99);
    expect(cat(subject(res, 'staff', 's3'), 'discipline')).toBe(18);
    expect(subject(res, 'staff', 's3').total).toBe(98);
    // one period line for s1's leave: 5 天 → 1 × 1
    const line = subject(res, 'staff', 's1').explanation.find((l) => l.kind === 'period' && l.itemId === 'leave-days');
    expect(line && line.kind === 'period' ? line.points : 0).toBe(-1);
  });

  it('好差评 非常满意 2×6 = 12 → item cap 10 (trimmed 2); 不满意 −3; 进驻部门 非常满意 +2 → 投诉评价 17, bonus 12, total 97+12 = 109', () => {
    const res = score([
      ...many(6, 'review-very-satisfied', 's2', '2026-03-06'),
      f('review-unsatisfied', 's2', '2026-03-12T10:00:00+08:00'),
      f('dept-very-satisfied', 's2', '2026-03-31T16:00:00+08:00'),
    ]);
    const r = subject(res, 'staff', 's2');
    expect(cat(r, 'rating')).toBe(17);
    expect(cat(r, 'rating-bonus')).toBe(12);
    expect(r.bonus).toBe(12);
    expect(r.total).toBe(109);
    expect(r.explanation).toContainEqual(expect.objectContaining({ kind: 'item-cap', itemId: 'review-very-satisfied', cap: 10, trimmed: 2 }));
  });

  it('进驻部门评价 levels: 不满意 −3, 基本满意 −1, 满意 0 (two departments + one) → 投诉评价 16, total 96', () => {
    const res = score([
      f('dept-evaluation', 's3', '2026-03-31T10:00:00+08:00', { level: 'unsatisfied' }),
      f('dept-evaluation', 's3', '2026-03-31T10:05:00+08:00', { level: 'basic' }),
      f('dept-evaluation', 's3', '2026-03-31T10:10:00+08:00', { level: 'satisfied' }),
    ]);
    const r = subject(res, 'staff', 's3');
    expect(cat(r, 'rating')).toBe(16);
    expect(r.total).toBe(96);
  });

  it('服务规范 floor: 玩手机 5×7 = 35 > 30 → 0 (trimmed 5), total exactly 70 → 不合格 (70分以下 includes 70); s2 玩手机×6 + 表扬 0.5 → 70.5 合格; 鹿勤人力 (70+70.5+100)/3 = 80.17 合格', () => {
    const res = score([
      ...many(7, 'play-phone', 's1', '2026-03-09'),
      ...many(6, 'play-phone', 's2', '2026-03-10'),
      f('praise-opinion', 's2', '2026-03-18T11:00:00+08:00'),
    ]);
    const s1 = subject(res, 'staff', 's1');
    expect(cat(s1, 'service')).toBe(0);
    expect(s1.explanation).toContainEqual(expect.objectContaining({ kind: 'category-floor', categoryId: 'service', floor: 0, trimmed: 5 }));
    expect(s1.total).toBe(70);
    expect(s1.gradeId).toBe('fail');
    const s2 = subject(res, 'staff', 's2');
    expect(cat(s2, 'service')).toBe(0);
    expect(s2.total).toBe(70.5);
    expect(s2.gradeId).toBe('pass');
    const u = subject(res, 'unit', 'luqin');
    expect(u.total).toBeCloseTo(80.17, 2);
    expect(u.gradeId).toBe('pass');
    expect(u.flags.some((x) => x.kind === 'consequence')).toBe(false);
  });

  it('鹿勤人力 average exactly 70 (each staff 玩手机×6 → 70) → 不合格 with the service-fee consequence flag; with s3 +0.5 → (70+70+70.5)/3 = 70.17 合格, no flag', () => {
    const all70 = score(['s1', 's2', 's3'].flatMap((s) => many(6, 'play-phone', s, '2026-03-11')));
    const u = subject(all70, 'unit', 'luqin');
    expect(u.total).toBe(70);
    expect(u.gradeName).toBe('不合格');
    expect(u.flags).toContainEqual(expect.objectContaining({ kind: 'consequence', scope: 'month' }));
    expect(u.flags.find((x) => x.kind === 'consequence')?.text).toContain('5-8%');
    // 三 "70分以下为不合格，酌情扣除鹿勤人力月度服务费5-8%": the band's numbers, for the results screen to show.
    expect(u.flags.find((x) => x.kind === 'consequence')?.band).toEqual({ min: 5, max: 8, unit: '%', of: '鹿勤人力月度服务费' });

    const above = score([...['s1', 's2', 's3'].flatMap((s) => many(6, 'play-phone', s, '2026-03-11')), f('praise-opinion', 's3', '2026-03-20T10:00:00+08:00')]);
    const u2 = subject(above, 'unit', 'luqin');
    expect(u2.total).toBeCloseTo(70.17, 2);
    expect(u2.gradeName).toBe('合格');
    expect(u2.flags.some((x) => x.kind === 'consequence')).toBe(false);
  });

  it('被投诉 3×3 = 9 → 投诉评价 11, total 91, and 月累计3次以上 (≥3) → 退回; 2 complaints → 94, no 退回; 1 in Feb + 2 in Mar → Mar count 2, no 退回', () => {
    const res = score([
      ...many(3, 'complaint', 's1', '2026-03-13'),
      ...many(2, 'complaint', 's2', '2026-03-13'),
      f('complaint', 's3', '2026-02-26T10:00:00+08:00'),
      ...many(2, 'complaint', 's3', '2026-03-13'),
    ]);
    const s1 = subject(res, 'staff', 's1');
    expect(cat(s1, 'rating')).toBe(11);
    expect(s1.total).toBe(91);
    expect(s1.flags).toContainEqual(expect.objectContaining({ kind: 'return', source: expect.objectContaining({ clause: '二（四）3（5）' }) }));
    const s2 = subject(res, 'staff', 's2');
    expect(s2.total).toBe(94);
    expect(s2.flags.some((x) => x.kind === 'return')).toBe(false);
    const s3 = subject(res, 'staff', 's3');
    expect(s3.total).toBe(94);
    expect(s3.flags.some((x) => x.kind === 'return')).toBe(false);
  });

  it('旷工 一年内累计超过5天: s1 3天 (Jan) + 3天 (Mar) = 6 > 5 → 退回 in March, none in January; each 旷工 costs 1 (工作纪律 19); s2 2.5 + 2.5 = 5 (not 超过) → no 退回', () => {
    const findings = [
      f('absence', 's1', '2026-01-12T09:00:00+08:00', { quantity: 3 }),
      f('absence', 's1', '2026-03-09T09:00:00+08:00', { quantity: 3 }),
      f('absence', 's2', '2026-01-19T09:00:00+08:00', { quantity: 2.5 }),
      f('absence', 's2', '2026-03-16T09:00:00+08:00', { quantity: 2.5 }),
    ];
    const jan = score(findings, JAN);
    expect(subject(jan, 'staff', 's1').flags.some((x) => x.kind === 'return')).toBe(false);
    expect(cat(subject(jan, 'staff', 's1'), 'discipline')).toBe(19);
    const mar = score(findings, MAR);
    const s1 = subject(mar, 'staff', 's1');
    expect(cat(s1, 'discipline')).toBe(19);
    expect(s1.total).toBe(99);
    expect(s1.flags).toContainEqual(expect.objectContaining({ kind: 'return', source: expect.objectContaining({ clause: '二（四）3（6）' }) }));
    expect(subject(mar, 'staff', 's2').flags.some((x) => x.kind === 'return')).toBe(false);
  });

  it('退回 cases carry no points: 工作期间饮酒 → total 100 合格 but a return flag; 连续旷工超过3天 likewise', () => {
    const res = score([
      f('drinking', 's2', '2026-03-17T12:40:00+08:00'),
      f('long-absence', 's3', '2026-03-27T17:00:00+08:00'),
    ]);
    const s2 = subject(res, 'staff', 's2');
    expect(s2.total).toBe(100);
    expect(s2.gradeId).toBe('pass');
    expect(s2.findingCount).toBe(1);
    expect(s2.flags).toContainEqual(expect.objectContaining({ kind: 'return', text: '工作期间饮酒，予以退回' }));
    const s3 = subject(res, 'staff', 's3');
    expect(s3.total).toBe(100);
    expect(s3.flags.some((x) => x.kind === 'return')).toBe(true);
  });

  it('连续三个月不合格: s1 玩手机×6 in Jan, Feb, Mar → 70 each → 调换 flag in March, not in February; 鹿勤人力 (70+100+100)/3 = 90 合格, no contractor flag', () => {
    const findings = [
      ...many(6, 'play-phone', 's1', '2026-01-14'),
      ...many(6, 'play-phone', 's1', '2026-02-11'),
      ...many(6, 'play-phone', 's1', '2026-03-11'),
    ];
    const feb = score(findings, FEB);
    expect(subject(feb, 'staff', 's1').gradeId).toBe('fail');
    expect(subject(feb, 'staff', 's1').flags.some((x) => x.kind === 'replace')).toBe(false);
    const mar = score(findings, MAR);
    const s1 = subject(mar, 'staff', 's1');
    expect(s1.total).toBe(70);
    expect(s1.flags).toContainEqual(expect.objectContaining({ kind: 'replace', source: expect.objectContaining({ clause: '三' }) }));
    const u = subject(mar, 'unit', 'luqin');
    expect(u.total).toBe(90);
    expect(u.flags.some((x) => x.kind === 'replace')).toBe(false);
  });

  it('鹿勤人力 averaged 70 (不合格) three months running → contractor 调换 flag and the month\'s consequence flag', () => {
    const findings = ['2026-01-14', '2026-02-11', '2026-03-11'].flatMap((day) => ['s1', 's2', 's3'].flatMap((s) => many(6, 'play-phone', s, day)));
    const u = subject(score(findings, MAR), 'unit', 'luqin');
    expect(u.total).toBe(70);
    expect(u.flags).toContainEqual(expect.objectContaining({ kind: 'replace', source: expect.objectContaining({ clause: '三' }) }));
    expect(u.flags.some((x) => x.kind === 'consequence')).toBe(true);
  });

  it('退补件 每超过10%扣1分 (above 10, step 10, ceil): 25% → 2, 20% → 1, 10% → 0 → totals 98, 99, 100', () => {
    const res = score([
      f('return-rate', 's1', '2026-03-31T17:00:00+08:00', { quantity: 25 }),
      f('return-rate', 's2', '2026-03-31T17:00:00+08:00', { quantity: 20 }),
      f('return-rate', 's3', '2026-03-31T17:00:00+08:00', { quantity: 10 }),
    ]);
    expect(cat(subject(res, 'staff', 's1'), 'skill')).toBe(28);
    expect(subject(res, 'staff', 's1').total).toBe(98);
    expect(subject(res, 'staff', 's2').total).toBe(99);
    expect(subject(res, 'staff', 's3').total).toBe(100);
  });

  it('加分: 国家级表彰 3 + 市级 1 + 活动获奖 酌情 1.5 + 合理化建议 3 = 8.5; 违反网络安全其它条款 酌情 2.5 → 业务技能 27.5; total 27.5+70+8.5 = 106', () => {
    const res = score([
      f('commendation', 's2', '2026-03-03T10:00:00+08:00', { level: 'national' }),
      f('commendation', 's2', '2026-03-04T10:00:00+08:00', { level: 'city' }),
      f('activity-award', 's2', '2026-03-05T10:00:00+08:00', { amount: 1.5 }),
      f('suggestion-adopted', 's2', '2026-03-06T10:00:00+08:00'),
      f('netsec-other', 's2', '2026-03-07T10:00:00+08:00', { amount: 2.5 }),
    ]);
    const r = subject(res, 'staff', 's2');
    expect(cat(r, 'skill-bonus')).toBe(8.5);
    expect(cat(r, 'skill')).toBe(27.5);
    expect(r.bonus).toBe(8.5);
    expect(r.total).toBe(106);
  });

  it('quarter = mean of the months: s1 Jan 玩手机×2 → 90, Feb 100, Mar 玩手机×1 → 95 → Q1 95 合格; 鹿勤人力 (96.67+100+98.33)/3 = 98.33', () => {
    const res = score(
      [...many(2, 'play-phone', 's1', '2026-01-20'), f('play-phone', 's1', '2026-03-20T10:00:00+08:00')],
      Q1,
    );
    expect(res.period.key).toBe('2026-Q1');
    const s1 = subject(res, 'staff', 's1');
    expect(s1.total).toBe(95);
    expect(s1.gradeId).toBe('pass');
    expect(subject(res, 'staff', 's2').total).toBe(100);
    expect(subject(res, 'unit', 'luqin').total).toBeCloseTo(98.33, 2);
  });

  it('a contested 玩手机 is pending: final view 100, provisional view (countPending) 95', () => {
    const findings = [f('play-phone', 's3', '2026-03-24T15:00:00+08:00', undefined, 'contested')];
    const final = subject(score(findings), 'staff', 's3');
    expect(final.total).toBe(100);
    expect(final.explanation.some((l) => l.kind === 'finding' && l.status === 'pending')).toBe(true);
    expect(subject(score(findings, MAR, true), 'staff', 's3').total).toBe(95);
  });

  it('a finding at 2026-03-31T23:30+08:00 belongs to March in Asia/Shanghai, not April', () => {
    const finding = [f('wander', 's1', '2026-03-31T23:30:00+08:00')];
    expect(subject(score(finding, MAR), 'staff', 's1').total).toBe(99.5);
    expect(subject(score(finding, { kind: 'month', year: 2026, index: 4 }), 'staff', 's1').total).toBe(100);
  });
});
