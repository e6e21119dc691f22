import { describe, expect, it } from 'vitest';
import { indexRoster } from '../../../src/core/model/rosterIndex';
import { officeItems } from '../../../src/core/scheme/ledgerItems';
import { ledgerDate, monthEntryDate } from '../../../src/core/ledger/ledgerDate';
import type { ColumnWords, SheetText } from '../../../src/core/ledger/ledgerSheets';
import { columnLetter } from '../../../src/core/ledger/ledgerSheets';
import { readLedgerValue } from '../../../src/core/ledger/ledgerValue';
import { readLedgerImport } from '../../../src/core/ledger/readLedgerImport';
import type { ImportContext } from '../../../src/core/ledger/readLedgerImport';
import { miniScheme, MINI_ROSTER } from '../../fixtures/miniScheme';

const scheme = miniScheme();
const WORDS: ColumnWords = {
  date: ['日期', 'Date'],
  subject: ['对象', 'Subject'],
  item: ['事项', 'Item'],
  value: ['数值', 'Value'],
  source: ['来源凭证', 'Source'],
  note: ['备注', 'Note'],
};
const ctx: ImportContext = {
  items: officeItems(scheme, ['综合办公室']),
  index: indexRoster(MINI_ROSTER),
  month: '2026-03',
  timeZone: 'Asia/Shanghai',
  now: '2026-04-02T09:00:00+08:00',
  words: WORDS,
};
const sheet = (name: string, rows: string[][], first = 1): SheetText => ({ name, rows: rows.map((cells, i) => ({ row: first + i, cells })) });

describe('a ledger value: a count of occurrences, or the item’s one input', () => {
  const rule = (id: string) => {
    const item = scheme.items.find((i) => i.id === id);
    if (!item) throw new Error(id);
    return item.rule;
  };
  it('reads counts, quantities and levels, and refuses what the item’s rule refuses', () => {
    expect(readLedgerValue(rule('midway'), '3')).toEqual({ ok: true, inputs: [{}, {}, {}] });
    expect(readLedgerValue(rule('midway'), '1.5')).toEqual({ ok: false, problems: [{ field: 'count', kind: 'not-integer' }] });
    expect(readLedgerValue(rule('midway'), '0')).toEqual({ ok: false, problems: [{ field: 'count', kind: 'below-min', limit: 1 }] });
    expect(readLedgerValue(rule('absent'), '2.5')).toEqual({ ok: true, inputs: [{ quantity: 2.5 }] });
    expect(readLedgerValue(rule('absent'), '-1')).toEqual({ ok: false, problems: [{ field: 'quantity', kind: 'below-min', limit: 0 }] });
    expect(readLedgerValue(rule('media'), '市级')).toEqual({ ok: true, inputs: [{ level: 'city' }] });
    expect(readLedgerValue(rule('media'), '省级')).toEqual({ ok: false, problems: [{ field: 'level', kind: 'unknown-level' }] });
    expect(readLedgerValue(rule('absent'), '')).toEqual({ ok: true, inputs: [] });
  });
});

describe('a ledger row’s date', () => {
  it('reads dates as the hall’s, within the month and not ahead of now', () => {
    expect(ledgerDate('2026/3/9 16:52', '2026-03', 'Asia/Shanghai', ctx.now)).toEqual({ ok: true, at: '2026-03-09T08:52:00.000Z' });
    expect(ledgerDate('2026-03-31', '2026-03', 'Asia/Shanghai', ctx.now)).toEqual({ ok: true, at: '2026-03-31T04:00:00.000Z' });
    expect(ledgerDate('2026-04-01', '2026-03', 'Asia/Shanghai', ctx.now)).toEqual({ ok: false, problem: 'outside-month' });
    expect(ledgerDate('2026-02-30', '2026-03', 'Asia/Shanghai', ctx.now)).toEqual({ ok: false, problem: 'unreadable' });
    expect(ledgerDate('三月九日', '2026-03', 'Asia/Shanghai', ctx.now)).toEqual({ ok: false, problem: 'unreadable' });
    expect(ledgerDate('2026-04-05', '2026-04', 'Asia/Shanghai', ctx.now)).toEqual({ ok: false, problem: 'future' });
    expect(monthEntryDate('2026-03', 'Asia/Shanghai', ctx.now)).toBe('2026-03-31T04:00:00.000Z');
    expect(monthEntryDate('2026-04', 'Asia/Shanghai', ctx.now)).toBe('2026-04-02T01:00:00.000Z');
    expect(monthEntryDate('2026-05', 'Asia/Shanghai', ctx.now)).toBeNull();
  });
});

describe('reading an imported workbook: all or nothing, each problem at its cell', () => {
  it('reads the summary layout (one row per person, one column per item) under a title row', () => {
    const r = readLedgerImport(
      [
        sheet('月度汇总', [
          ['2026年3月 考勤月报'],
          ['对象', '请假', '旷工', '中途请假', '来源凭证', '备注'],
          ['张三', '3', '', '2', '考勤月报 第1页', ''],
          ['', '', '', '', '', ''],
          ['王五', '', '0.5', '', '考勤月报 第2页', '补录'],
        ]),
      ],
      ctx,
    );
    expect(r.problems).toEqual([]);
    expect(r.entries.map((e) => [e.at.row, e.at.column, e.itemId, e.subject.id, e.inputs, e.sourceRef, e.note ?? ''])).toEqual([
      [3, 'B', 'leave-days', 's1', { quantity: 3 }, '考勤月报 第1页', ''],
      [3, 'D', 'midway', 's1', {}, '考勤月报 第1页', ''],
      [3, 'D', 'midway', 's1', {}, '考勤月报 第1页', ''],
      [5, 'C', 'absent', 's3', { quantity: 0.5 }, '考勤月报 第2页', '补录'],
    ]);
    expect(new Set(r.entries.map((e) => e.observedAt))).toEqual(new Set(['2026-03-31T04:00:00.000Z']));
  });

  it('reads the entries layout (one row per occurrence, like a 好差评 export); an empty count is one occurrence', () => {
    const r = readLedgerImport(
      [sheet('明细', [['日期', '对象', '事项', '数值', '来源凭证'], ['2026/3/9 16:52', '李四', '中途请假', '', 'HCP-0001'], ['2026-03-20', '赵六', 'media', '国家级', 'HCP-0002']])],
      ctx,
    );
    expect(r.problems).toEqual([]);
    expect(r.entries.map((e) => [e.itemId, e.subject.id, e.inputs, e.observedAt])).toEqual([
      ['midway', 's2', {}, '2026-03-09T08:52:00.000Z'],
      ['media', 's4', { level: 'national' }, '2026-03-20T04:00:00.000Z'],
    ]);
  });

  it('names every problem with its sheet, row and column: unknown person, value out of range, wrong column, wrong date, no source', () => {
    const r = readLedgerImport(
      [
        sheet('月度汇总', [['对象', '旷工', '迟到', '来源凭证'], ['欧阳娜娜', '1', '', 'p1'], ['张三', '-2', '', '']]),
        sheet('明细', [['日期', '对象', '事项', '数值', '来源凭证'], ['2026-04-01', '李四', '旷工', '1', 'x'], ['2026-03-02', '李四', '一般', '', 'y']]),
      ],
      ctx,
    );
    expect(r.entries).toEqual([]);
    expect(r.problems).toEqual([
      // 迟到 is a patrol item of 大厅运行室: not a column this office imports; the sheet's rows are not read.
      { kind: 'unknown-column', at: { sheet: '月度汇总', row: 1, column: 'C', header: '迟到' } },
      { kind: 'date', at: { sheet: '明细', row: 2, column: 'A' }, text: '2026-04-01', problem: 'outside-month', month: '2026-03' },
      { kind: 'unknown-item', at: { sheet: '明细', row: 3, column: 'C' }, text: '一般' },
    ]);
    const rows = readLedgerImport([sheet('月度汇总', [['对象', '旷工', '来源凭证'], ['欧阳娜娜', '1', 'p1'], ['张三', '-2', '']])], ctx);
    expect(rows.problems).toEqual([
      { kind: 'unknown-subject', at: { sheet: '月度汇总', row: 2, column: 'A' }, text: '欧阳娜娜', subject: 'staff' },
      { kind: 'source-missing', at: { sheet: '月度汇总', row: 3, column: 'C' } },
      { kind: 'value', at: { sheet: '月度汇总', row: 3, column: 'B', header: '旷工' }, text: '-2', itemId: 'absent', problems: [{ field: 'quantity', kind: 'below-min', limit: 0 }] },
    ]);
  });

  it('refuses a sheet without a header row, a missing column, and a workbook with nothing to enter', () => {
    expect(readLedgerImport([sheet('Sheet1', [['张三', '3']])], ctx).problems).toEqual([{ kind: 'no-header', at: { sheet: 'Sheet1', row: 1 } }]);
    expect(readLedgerImport([sheet('明细', [['对象', '事项', '数值']])], ctx).problems).toEqual([{ kind: 'missing-column', at: { sheet: '明细', row: 1 }, column: 'date' }]);
    expect(readLedgerImport([sheet('月度汇总', [['对象', '旷工', '来源凭证']])], ctx).problems).toEqual([{ kind: 'no-entries' }]);
    expect(readLedgerImport([sheet('说明', [['随便写的说明']])], { ...ctx, skipSheets: ['说明'] }).problems).toEqual([{ kind: 'no-entries' }]);
  });

  it('takes the default source for rows that name none, and reads English headers alike', () => {
    const r = readLedgerImport([sheet('Summary', [['Subject', '请假', 'Source'], ['张三', '1', '']])], { ...ctx, defaultSource: 'attendance-2026-03.xlsx' });
    expect(r.entries.map((e) => e.sourceRef)).toEqual(['attendance-2026-03.xlsx（Summary 2）']);
  });

  it('letters columns as Excel does', () => {
    expect([0, 25, 26, 27, 701, 702].map(columnLetter)).toEqual(['A', 'Z', 'AA', 'AB', 'ZZ', 'AAA']);
  });
});
