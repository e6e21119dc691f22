import { describe, it, expect } from 'vitest';
import { loadScheme, NEEDS_SEEDS, seedsPresent, seedTextCompact } from '../../fixtures/schemes';
import { scorePeriod } from '../../../src/core/scoring/scorePeriod';
import type { Finding } from '../../../src/core/model/finding';
import type { PeriodRef } from '../../../src/core/time/period';
import type { Roster } from '../../../src/core/model/roster';
import type { ScoreOptions } from '../../../src/core/scoring/scoreOptions';
import type { PeriodResults, SubjectResult } from '../../../src/core/scoring/results';

// Worked examples for schemes/002-county-window.yaml (县政务服务中心窗口月度考评评分标准, fragment), computed by hand
// from the seed and docs/scheme-format.md. Window table: 服务监督以外各项 85 (floor 0) + 服务监督 15 (floor 0) = 100;
// chief table: 随窗口连带扣分 100 (floor 0). No grades. Quarter and year: average of the months.

const scheme = loadScheme('002-county-window.yaml');

const roster: Roster = {
  hall: { id: 'county', name: '县政务服务中心', timeZone: 'Asia/Shanghai' },
  units: [
    { id: 'u-tax', name: '县税务局' },
    { id: 'u-mkt', name: '县市场监管局' },
  ],
  windows: [
    { id: 'w-tax-1', number: '1', unitId: 'u-tax' },
    { id: 'w-tax-2', number: '2', unitId: 'u-tax' },
    { id: 'w-mkt-1', number: '3', unitId: 'u-mkt' },
  ],
  staff: [
    { id: 's-li', name: '李敏', unitId: 'u-tax', windowId: 'w-tax-1' },
    { id: 's-wang', name: '王强', unitId: 'u-mkt', windowId: 'w-mkt-1' },
  ],
  chiefs: [
    { id: 'c-tax', name: '张税', unitId: 'u-tax' },
    { id: 'c-mkt', name: '赵市', unitId: 'u-mkt' },
  ],
};

const final: ScoreOptions = { countPending: false };
const march: PeriodRef = { kind: 'month', year: 2026, index: 3 };

let seq = 0;
function f(itemId: string, at: string, windowId: string, extra: Partial<Finding> = {}): Finding {
  seq += 1;
  return { id: `f${seq}`, itemId, at, windowId, state: 'recorded', ...extra };
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

describe('002 county window monthly standard (fragment)', () => {
  it.skipIf(!seedsPresent)(`every item quotes the seed verbatim${NEEDS_SEEDS}`, () => {
    const seed = seedTextCompact(scheme.source);
    for (const item of scheme.items) expect(seed, item.id).toContain(item.text.replace(/\s+/g, ''));
  });

  it('is entered from ledgers only: no item is seen on a patrol', () => {
    expect(scheme.items.every((i) => i.source === 'ledger')).toBe(true);
  });

  it('一窗前后台不畅 2 + 应寄未寄 1 → 服务监督以外各项 85-3 = 82, total 97; chief 张税 100-1-0.5 = 98.5', () => {
    const r = scorePeriod(
      scheme,
      roster,
      [f('cw-yichuang-backend', '2026-03-05T09:10:00+08:00', 'w-tax-1'), f('cw-postal-unsent', '2026-03-12T10:00:00+08:00', 'w-tax-1')],
      march,
      final,
    );
    const w = subject(r, 'window', 'w-tax-1');
    expect(cat(w, 'cw-lost-1-5')).toBe(82);
    expect(cat(w, 'cw-supervision')).toBe(15);
    expect(w.total).toBe(97);
    expect(w.gradeId).toBeNull();
    const c = subject(r, 'chief', 'c-tax');
    expect(cat(c, 'cc-joint')).toBe(98.5);
    expect(c.total).toBe(98.5);
    // the chief's lines are co-deductions of the window's findings, signed
    const co = c.explanation.filter((l) => l.kind === 'finding');
    expect(co.map((l) => (l.kind === 'finding' ? [l.itemId, l.points, l.coDeduction] : null))).toEqual([
      ['cw-yichuang-backend', -1, true],
      ['cw-postal-unsent', -0.5, true],
    ]);
    // the other unit's chief and window are untouched
    expect(subject(r, 'chief', 'c-mkt').total).toBe(100);
    expect(subject(r, 'window', 'w-mkt-1').total).toBe(100);
  });

  it('投诉 3 ×2 + 已取消事项仍实施 5 → 服务监督 15-11 = 4, total 85+4 = 89; chief 100-1.5×2-2.5 = 94.5', () => {
    const r = scorePeriod(
      scheme,
      roster,
      [
        f('cw-complaint', '2026-03-02T09:00:00+08:00', 'w-mkt-1'),
        f('cw-complaint', '2026-03-20T15:00:00+08:00', 'w-mkt-1'),
        f('cw-abolished-still-applied', '2026-03-25T11:00:00+08:00', 'w-mkt-1'),
      ],
      march,
      final,
    );
    const w = subject(r, 'window', 'w-mkt-1');
    expect(cat(w, 'cw-supervision')).toBe(4);
    expect(cat(w, 'cw-lost-1-5')).toBe(85);
    expect(w.total).toBe(89);
    expect(w.findingCount).toBe(3);
    expect(subject(r, 'chief', 'c-mkt').total).toBe(94.5);
  });

  it('扣完为止: 负面通报 15 + 统计弄虚作假 2 → 服务监督 15-17 floored at 0 (2 trimmed), total 85; chief 100-7.5-1 = 91.5; window loses the year honours', () => {
    const r = scorePeriod(
      scheme,
      roster,
      [f('cw-negative-bulletin', '2026-03-10T10:00:00+08:00', 'w-tax-1'), f('cw-false-statistics', '2026-03-11T10:00:00+08:00', 'w-tax-1')],
      march,
      final,
    );
    const w = subject(r, 'window', 'w-tax-1');
    expect(cat(w, 'cw-supervision')).toBe(0);
    expect(w.total).toBe(85);
    expect(w.explanation).toContainEqual(expect.objectContaining({ kind: 'category-floor', categoryId: 'cw-supervision', floor: 0, trimmed: 2 }));
    expect(w.flags).toContainEqual(expect.objectContaining({ kind: 'disqualified', scope: 'year' }));
    // the window's floor does not shield the chief: co-deductions are limited only by the chief category's own floor
    const c = subject(r, 'chief', 'c-tax');
    expect(c.total).toBe(91.5);
    expect(c.flags.some((x) => x.kind === 'disqualified')).toBe(false);
  });

  it('取消本年度评先选优资格: a March bulletin flags the window in May (same year, up to May\'s end) but not in February', () => {
    const findings = [f('cw-negative-bulletin', '2026-03-10T10:00:00+08:00', 'w-tax-2')];
    const may = scorePeriod(scheme, roster, findings, { kind: 'month', year: 2026, index: 5 }, final);
    const mayW = subject(may, 'window', 'w-tax-2');
    expect(mayW.total).toBe(100); // May has no finding of its own
    expect(mayW.flags).toContainEqual(expect.objectContaining({ kind: 'disqualified', scope: 'year' }));
    const feb = scorePeriod(scheme, roster, findings, { kind: 'month', year: 2026, index: 2 }, final);
    expect(subject(feb, 'window', 'w-tax-2').flags.some((x) => x.kind === 'disqualified')).toBe(false);
  });

  it('two windows of one unit charge the same chief: 投诉 1.5 (w-tax-1) + 已取消事项 2.5 (w-tax-2) → 张税 100-4 = 96; windows 97 and 95', () => {
    const r = scorePeriod(
      scheme,
      roster,
      [f('cw-complaint', '2026-03-03T09:00:00+08:00', 'w-tax-1'), f('cw-abolished-still-applied', '2026-03-04T09:00:00+08:00', 'w-tax-2')],
      march,
      final,
    );
    expect(subject(r, 'window', 'w-tax-1').total).toBe(97);
    expect(subject(r, 'window', 'w-tax-2').total).toBe(95);
    expect(subject(r, 'chief', 'c-tax').total).toBe(96);
    // ranks among windows: 100 (w-mkt-1) → 1, 97 → 2, 95 → 3
    expect(subject(r, 'window', 'w-mkt-1').rank).toBe(1);
    expect(subject(r, 'window', 'w-tax-1').rank).toBe(2);
    expect(subject(r, 'window', 'w-tax-2').rank).toBe(3);
  });

  it('fragmentary items (好差评, 纪律被通报) are recorded but move 0 points: total 100, chief 100', () => {
    const r = scorePeriod(
      scheme,
      roster,
      [f('cw-haochaping', '2026-03-06T09:00:00+08:00', 'w-mkt-1'), f('cw-discipline-exposed', '2026-03-07T09:00:00+08:00', 'w-mkt-1')],
      march,
      final,
    );
    const w = subject(r, 'window', 'w-mkt-1');
    expect(w.total).toBe(100);
    expect(w.findingCount).toBe(2);
    const lines = w.explanation.filter((l) => l.kind === 'finding');
    expect(lines).toHaveLength(2);
    expect(lines.every((l) => l.kind === 'finding' && l.points === 0)).toBe(true);
    expect(subject(r, 'chief', 'c-mkt').total).toBe(100);
  });

  it('review states: contested 投诉 is pending (100 final, 97 provisional; chief 98.5), overturned and voided count for nothing', () => {
    const findings = [
      f('cw-complaint', '2026-03-09T09:00:00+08:00', 'w-tax-1', { state: 'contested' }),
      f('cw-negative-bulletin', '2026-03-09T10:00:00+08:00', 'w-tax-1', { state: 'overturned' }),
      f('cw-false-statistics', '2026-03-09T11:00:00+08:00', 'w-tax-1', { state: 'voided' }),
    ];
    const fin = subject(scorePeriod(scheme, roster, findings, march, final), 'window', 'w-tax-1');
    expect(fin.total).toBe(100);
    expect(Math.abs(fin.pending)).toBe(3);
    expect(fin.flags.some((x) => x.kind === 'disqualified')).toBe(false);
    const prov = scorePeriod(scheme, roster, findings, march, { countPending: true });
    expect(subject(prov, 'window', 'w-tax-1').total).toBe(97);
    expect(subject(prov, 'chief', 'c-tax').total).toBe(98.5);
  });

  it('amended: 统计弄虚作假 (2) amended by the committee to 应寄未寄 (1) → 服务监督 15, 其余 85-1 = 84, total 99; chief 99.5', () => {
    const r = scorePeriod(
      scheme,
      roster,
      [f('cw-false-statistics', '2026-03-16T09:00:00+08:00', 'w-mkt-1', { state: 'amended', amended: { itemId: 'cw-postal-unsent' } })],
      march,
      final,
    );
    const w = subject(r, 'window', 'w-mkt-1');
    expect(cat(w, 'cw-supervision')).toBe(15);
    expect(cat(w, 'cw-lost-1-5')).toBe(84);
    expect(w.total).toBe(99);
    expect(subject(r, 'chief', 'c-mkt').total).toBe(99.5);
  });

  it('quarter = mean of months: Jan 负面通报 85, Feb 100, Mar 一窗 2 + 应寄 1 = 97 → (85+100+97)/3 = 94; chief (92.5+100+98.5)/3 = 97', () => {
    const findings = [
      f('cw-negative-bulletin', '2026-01-15T10:00:00+08:00', 'w-tax-1'),
      f('cw-yichuang-backend', '2026-03-05T09:10:00+08:00', 'w-tax-1'),
      f('cw-postal-unsent', '2026-03-06T09:10:00+08:00', 'w-tax-1'),
    ];
    const r = scorePeriod(scheme, roster, findings, { kind: 'quarter', year: 2026, index: 1 }, final);
    expect(subject(r, 'window', 'w-tax-1').total).toBeCloseTo(94, 9);
    expect(subject(r, 'chief', 'c-tax').total).toBeCloseTo(97, 9);
    expect(subject(r, 'window', 'w-mkt-1').total).toBe(100);
  });

  it('year = mean of 12 months: one 负面通报 in January → window (85 + 11×100)/12 = 98.75, and the year honours are cancelled', () => {
    const findings = [f('cw-negative-bulletin', '2026-01-15T10:00:00+08:00', 'w-mkt-1')];
    const r = scorePeriod(scheme, roster, findings, { kind: 'year', year: 2026 }, final);
    const w = subject(r, 'window', 'w-mkt-1');
    expect(w.total).toBeCloseTo(98.75, 9);
    expect(w.flags).toContainEqual(expect.objectContaining({ kind: 'disqualified', scope: 'year' }));
  });

  it('year mean, rounded to 2 decimals (docs/scheme-format.md, Numbers): chief 赵市 (92.5 + 11×100)/12 = 99.375 → 99.38', () => {
    const findings = [f('cw-negative-bulletin', '2026-01-15T10:00:00+08:00', 'w-mkt-1')];
    const r = scorePeriod(scheme, roster, findings, { kind: 'year', year: 2026 }, final);
    expect(subject(r, 'chief', 'c-mkt').total).toBe(99.38);
  });

  it('a finding at 23:30 on 31 March in Shanghai time (15:30Z) belongs to March, not April', () => {
    const findings = [f('cw-complaint', '2026-03-31T15:30:00Z', 'w-mkt-1')];
    expect(subject(scorePeriod(scheme, roster, findings, march, final), 'window', 'w-mkt-1').total).toBe(97);
    expect(subject(scorePeriod(scheme, roster, findings, { kind: 'month', year: 2026, index: 4 }, final), 'window', 'w-mkt-1').total).toBe(100);
  });
});
