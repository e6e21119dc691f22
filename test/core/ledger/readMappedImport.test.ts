import { describe, expect, it } from 'vitest';
import { alreadyRecorded, entryKey } from '../../../src/core/ledger/alreadyRecorded';
import { ledgerMappingSchema } from '../../../src/core/ledger/ledgerMapping';
import type { SheetText } from '../../../src/core/ledger/ledgerSheets';
import { readMappedImport } from '../../../src/core/ledger/readMappedImport';
import type { MappedImportContext } from '../../../src/core/ledger/readMappedImport';
import { columnValues, guessHeader, sheetHeader } from '../../../src/core/ledger/sheetHeader';
import { demoHall } from '../../../src/core/model/demoHall';
import { indexRoster } from '../../../src/core/model/rosterIndex';
import { officeItems } from '../../../src/core/scheme/ledgerItems';
import { loadScheme } from '../../fixtures/schemes';
import { ATTENDANCE, HAOCHAPING, HOTLINE } from '../../fixtures/ledgerMappings';

// The shapes of the raw exports a hall office receives (shared/samples/README.md), made here small: an attendance
// system's monthly summary, a 好差评 platform's evaluations, 12345 hotline work orders. Names are the demo hall's.
const ctx: MappedImportContext = {
  items: officeItems(loadScheme('000-kunqu.yaml'), ['综合办公室']),
  index: indexRoster(demoHall().roster),
  month: '2026-11',
  timeZone: 'Asia/Shanghai',
  now: '2026-12-02T09:00:00+08:00',
  defaultSource: 'attendance-2026-11.xlsx',
  totals: ['合计', '总计'],
};
const sheet = (name: string, rows: string[][]): SheetText => ({ name, rows: rows.map((cells, i) => ({ row: i + 1, cells })) });
const title = (text: string, n: number): string[] => Array.from({ length: n }, () => text);

/** 月度汇总: a merged title, a statistics row, a two-row header (迟到 over 次数 | 分钟), a 合计 row. */
function attendance(extra: string[][] = []): SheetText[] {
  return [
    sheet('月度汇总', [
      title('示范政务服务大厅 2026年11月 考勤汇总表', 10),
      ['统计区间：2026-11-01 至 2026-11-30', '', '', '', '', '', '', '', '', '制表：大厅运行室'],
      ['工号', '姓名', '部门', '迟到', '迟到', '早退', '早退', '旷工(天)', '事假(天)', '病假(天)'],
      ['', '', '', '次数', '分钟', '次数', '分钟', '', '', ''],
      ['GH0001', '王丽', '综合受理窗口', '1', '67', '0', '0', '0', '0', '0'],
      ['GH0002', '赵娟', '综合受理窗口', '1', '56', '0', '0', '0', '1', '0'],
      ['GH0007', '叶洋', '综合受理窗口', '1', '3', '0', '0', '1', '0', '1'],
      ...extra,
      ['合计', '', '', '', '', '', '', '', '', ''],
    ]),
    sheet('打卡明细', [['工号', '姓名', '日期', '上班打卡'], ['GH0001', '王丽', '2026-11-02', '08:28']]),
  ];
}

/** 评价明细: a merged title above the header, one row per evaluation. */
function haochaping(extra: string[][] = []): SheetText[] {
  return [
    sheet('评价明细', [
      title('政务服务“好差评”评价数据明细（2026年11月）', 9),
      ['评价编号', '评价时间', '办件编号', '办理部门', '窗口号', '工作人员', '评价等级', '评价内容', '核实结果'],
      ['HCP2026110020001', '2026-11-02 13:08:21', 'BJ2026110000037', '综合受理窗口', '6号', '夏军', '非常满意', '', ''],
      ['HCP2026110020004', '2026-11-02 09:20:44', 'BJ2026110000148', '综合受理窗口', '2号', '胡建华', '满意', '', ''],
      ['HCP2026110100050', '2026-11-10 10:00:00', 'BJ2026110001500', '综合受理窗口', '1号', '王丽', '不满意', '等候时间长', '属实'],
      ['HCP2026110110051', '2026-11-11 15:00:00', 'BJ2026110001600', '综合受理窗口', '1号', '赵娟', '非常不满意', '', '不属实'],
      ...extra,
    ]),
  ];
}

describe('a raw export’s header', () => {
  it('is found below title rows, and a two-row header’s labels join their parts', () => {
    const header = sheetHeader(attendance()[0]?.rows ?? [], '姓名');
    expect(header?.row).toBe(3);
    expect(header?.labels).toEqual(['工号', '姓名', '部门', '迟到/次数', '迟到/分钟', '早退/次数', '早退/分钟', '旷工(天)', '事假(天)', '病假(天)']);
    expect(header?.data[0]?.row).toBe(5);
    const evaluations = sheetHeader(haochaping()[0]?.rows ?? [], '工作人员');
    expect(evaluations?.row).toBe(2);
    expect(evaluations && columnValues(evaluations, '评价等级')).toEqual(['非常满意', '满意', '不满意', '非常不满意']);
  });

  it('is guessed for a file no mapping reads yet: the row with the most distinct words, not the merged title or a data row', () => {
    expect(guessHeader(attendance()[0]?.rows ?? [])?.labels.slice(3, 5)).toEqual(['迟到/次数', '迟到/分钟']);
    expect(guessHeader(haochaping()[0]?.rows ?? [])?.row).toBe(2);
    expect(guessHeader([{ row: 1, cells: ['1', '2'] }])).toBeNull();
  });
});

describe('an attendance system’s monthly summary, read with its mapping', () => {
  it('enters each non-zero value of a mapped column, dated as a month’s value, with the file and row as its source', () => {
    const r = readMappedImport(attendance(), ATTENDANCE, ctx);
    expect(r.problems).toEqual([]);
    expect(r.entries.map((e) => [e.at.row, e.at.column, e.itemId, e.subject.id, e.inputs, e.sourceRef, e.observedAt])).toEqual([
      [6, 'I', 'leave-days', 's-002', { quantity: 1 }, 'attendance-2026-11.xlsx（月度汇总 6）', '2026-11-30T04:00:00.000Z'],
      [7, 'H', 'absence', 's-007', { quantity: 1 }, 'attendance-2026-11.xlsx（月度汇总 7）', '2026-11-30T04:00:00.000Z'],
      [7, 'J', 'leave-days', 's-007', { quantity: 1 }, 'attendance-2026-11.xlsx（月度汇总 7）', '2026-11-30T04:00:00.000Z'],
    ]);
  });

  it('refuses the whole file for a person not in the roster, by row and column, even with nothing to enter', () => {
    const r = readMappedImport(attendance([['GH9001', '欧阳娜娜', '住房公积金中心', '0', '0', '0', '0', '0', '0', '0']]), ATTENDANCE, ctx);
    expect(r.problems).toEqual([{ kind: 'unknown-subject', at: { sheet: '月度汇总', row: 8, column: 'B', header: '姓名' }, text: '欧阳娜娜', subject: 'staff' }]);
    expect(r.entries).toHaveLength(3);
  });

  it('refuses a value out of the item’s range, a column the file lacks, and an item that is not the office’s', () => {
    const half = readMappedImport(attendance([['GH0008', '沈平', '综合受理窗口', '0', '0', '0', '0', '0.2', '0', '0']]), ATTENDANCE, ctx);
    expect(half.problems).toEqual([{ kind: 'value', at: { sheet: '月度汇总', row: 8, column: 'H', header: '旷工(天)' }, text: '0.2', itemId: 'absence', problems: [{ field: 'quantity', kind: 'below-min', limit: 0.5 }] }]);
    const renamed = readMappedImport(attendance(), { ...ATTENDANCE, columns: [{ label: '旷工天数', itemId: 'absence' }] }, ctx);
    expect(renamed.problems).toEqual([{ kind: 'missing-label', at: { sheet: '月度汇总', row: 3 }, label: '旷工天数' }]);
    const patrol = readMappedImport(attendance(), { ...ATTENDANCE, columns: [{ label: '迟到/分钟', itemId: 'late' }] }, ctx);
    expect(patrol.problems).toEqual([{ kind: 'mapping-item', itemId: 'late' }]);
    expect(readMappedImport(attendance(), { ...ATTENDANCE, sheet: '考勤' }, ctx).problems).toEqual([{ kind: 'no-sheet', sheet: '考勤' }]);
  });
});

describe('a 好差评 platform export, read with its mapping', () => {
  it('enters a 非常满意, and a 不满意 only once verified (属实), each with its own number as source and its words as note', () => {
    const r = readMappedImport(haochaping(), HAOCHAPING, ctx);
    expect(r.problems).toEqual([]);
    expect(r.entries.map((e) => [e.at.row, e.itemId, e.subject.id, e.sourceRef, e.observedAt, e.note])).toEqual([
      [3, 'review-very-satisfied', 's-010', 'HCP2026110020001', '2026-11-02T05:08:00.000Z', undefined],
      [5, 'review-unsatisfied', 's-001', 'HCP2026110100050', '2026-11-10T02:00:00.000Z', '等候时间长'],
    ]);
  });

  it('refuses the three bad rows of the export by their row numbers: a date outside the month, a person not in the roster, an unknown grade', () => {
    const r = readMappedImport(
      haochaping([
        ['HCP20261201X001', '2026-12-01 09:12:00', 'BJ2026120000001', '人力资源和社会保障局', '23号', '唐建华', '满意', '', ''],
        ['HCP20261130X002', '2026-11-30 10:02:11', 'BJ2026113000002', '住房公积金中心', '39号', '欧阳娜娜', '非常满意', '', ''],
        ['HCP20261127X003', '2026-11-27 15:40:00', 'BJ2026112700003', '市场监督管理局', '12号', '余杰', '一般', '', ''],
      ]),
      HAOCHAPING,
      ctx,
    );
    expect(r.problems).toEqual([
      { kind: 'date', at: { sheet: '评价明细', row: 7, column: 'B', header: '评价时间' }, text: '2026-12-01 09:12:00', problem: 'outside-month', month: '2026-11' },
      { kind: 'unknown-subject', at: { sheet: '评价明细', row: 8, column: 'F', header: '工作人员' }, text: '欧阳娜娜', subject: 'staff' },
      { kind: 'unknown-value', at: { sheet: '评价明细', row: 9, column: 'G', header: '评价等级' }, text: '一般' },
    ]);
  });
});

describe('12345 hotline work orders (a CSV), read with their mapping', () => {
  const orders = (rows: string[][]): SheetText[] => [sheet('hotline-12345-2026-11', [['工单编号', '受理时间', '诉求类型', '诉求内容', '涉及部门', '涉及窗口', '涉及人员', '核实结果'], ...rows])];
  it('enters verified complaints, and refuses a work order exported twice, naming the first', () => {
    const r = readMappedImport(
      orders([
        ['12345-2026-11-3017', '2026/11/9 16:52', '投诉', '让我跑了三趟，材料一次没讲清', '综合受理窗口', '1号窗口', '王丽', '属实'],
        ['12345-2026-11-3204', '2026/11/20 13:39', '投诉', '窗口上班时间玩手机', '综合受理窗口', '4号窗口', '沈平', '不属实'],
        ['12345-2026-11-3170', '2026/11/19 13:19', '建议', '建议增加自助打印机', '综合受理窗口', '7号窗口', '熊晓东', '属实'],
      ]),
      HOTLINE,
      ctx,
    );
    expect(r.entries.map((e) => [e.itemId, e.subject.id, e.sourceRef, e.observedAt])).toEqual([['complaint', 's-001', '12345-2026-11-3017', '2026-11-09T08:52:00.000Z']]);
    const twice = readMappedImport(
      orders([
        ['12345-2026-11-3170', '2026/11/19 13:19', '建议', '建议增加自助打印机', '综合受理窗口', '7号窗口', '熊晓东', '属实'],
        ['12345-2026-11-3170', '2026/11/19 13:19', '建议', '建议增加自助打印机', '综合受理窗口', '7号窗口', '熊晓东', '属实'],
      ]),
      HOTLINE,
      ctx,
    );
    expect(twice.problems).toEqual([
      { kind: 'duplicate-source', at: { sheet: 'hotline-12345-2026-11', row: 3, column: 'A', header: '工单编号' }, text: '12345-2026-11-3170', first: { sheet: 'hotline-12345-2026-11', row: 2, column: 'A', header: '工单编号' } },
    ]);
  });
});

describe('a mapping, as the desk stores it', () => {
  it('is checked when read back: an unknown field or an empty subject column is refused', () => {
    expect(ledgerMappingSchema.safeParse(HAOCHAPING).success).toBe(true);
    expect(ledgerMappingSchema.safeParse({ ...ATTENDANCE, subject: ' ' }).success).toBe(false);
    expect(ledgerMappingSchema.safeParse({ ...ATTENDANCE, extra: 1 }).success).toBe(false);
  });

  it('an import already recorded is refused entry by entry (same item, subject and source)', () => {
    const { entries } = readMappedImport(attendance(), ATTENDANCE, ctx);
    const first = entries[0];
    if (!first) throw new Error('entries');
    const recorded = new Set([entryKey({ itemId: first.itemId, subjectId: first.subject.id, sourceRef: first.sourceRef })]);
    expect(alreadyRecorded(entries, recorded)).toEqual([{ kind: 'already-recorded', at: first.at, sourceRef: first.sourceRef }]);
  });
});
