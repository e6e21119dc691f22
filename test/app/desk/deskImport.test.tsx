// @vitest-environment jsdom
import { cleanup, fireEvent, screen, within } from '@testing-library/react';
import ExcelJS from 'exceljs';
import { afterEach, describe, expect, it } from 'vitest';
import type { FindingRecorded } from '../../../src/core/events/events';
import { storedEvents } from '../renderPatrol';
import { openDesk } from './openDesk';

afterEach(cleanup);
const slow = { timeout: 30_000 };

/** An attendance-like monthly summary (title row, header, a row per person), built here as the office would fill it. */
async function summaryFile(rows: (string | number)[][]): Promise<File> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('月度汇总');
  ws.addRow(['2026年3月 考勤汇总']);
  ws.mergeCells(1, 1, 1, 4);
  ws.addRow(['对象', '请假', '旷工', '来源凭证']);
  for (const r of rows) ws.addRow(r);
  const bytes = await wb.xlsx.writeBuffer();
  return new File([new Uint8Array(bytes as ArrayBuffer)], 'attendance-2026-03.xlsx', { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' });
}

describe('importing a month from .xlsx on the desk: a preview, or every row error; all or nothing', () => {
  it('lists each problem with its sheet, row and column, and imports nothing', async () => {
    const { db, hall } = await openDesk();
    const [a, b] = hall.roster.staff;
    if (!a || !b) throw new Error('roster');
    const file = await summaryFile([
      [a.name, 2, '', '考勤月报 第1页'],
      ['欧阳娜娜', 1, '', '考勤月报 第1页'],
      [b.name, '', -1, '考勤月报 第2页'],
    ]);
    fireEvent.change(screen.getByLabelText('选择 .xlsx 或 .csv 文件'), { target: { files: [file] } });
    const alert = await screen.findByText('发现 2 处问题，未导入任何内容：', {}, slow);
    const rows = within(alert.parentElement as HTMLElement).getAllByRole('row').slice(1).map((r) => within(r).getAllByRole('cell').map((c) => c.textContent));
    expect(rows).toEqual([
      ['月度汇总 第4行 A列', '名册中没有人员“欧阳娜娜”。'],
      ['月度汇总 第5行 C列', '“-1”：不能小于 0.5。'],
    ]);
    expect(screen.queryByRole('button', { name: /确认导入/ })).toBeNull();
    expect(await db.events.count()).toBe(0);
  });

  it('previews the entries of a clean file and records them all at once, with the file as their source', async () => {
    const { db, hall, grid } = await openDesk();
    const [a, b] = hall.roster.staff;
    if (!a || !b) throw new Error('roster');
    fireEvent.change(screen.getByLabelText('选择 .xlsx 或 .csv 文件'), { target: { files: [await summaryFile([[a.name, 2, '', '考勤月报 第1页'], [b.name, '', 1.5, '']])] } });
    expect(await screen.findByText('将录入 2 条（2 行）。全部无误才会导入。', {}, slow)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: '确认导入 2 条' }));
    expect(await screen.findByText('已导入 2 条。', {}, slow)).toBeTruthy();
    const events = (await storedEvents(db)) as FindingRecorded[];
    expect(events.map((e) => [e.itemId, e.staffId, e.inputs, e.sourceRef])).toEqual([
      ['leave-days', a.id, { quantity: 2 }, '考勤月报 第1页'],
      ['absence', b.id, { quantity: 1.5 }, 'attendance-2026-03.xlsx（月度汇总 4）'],
    ]);
    expect(await db.outbox.count()).toBe(2);
    expect(within(grid).getByRole('button', { name: `${b.name}，旷工：1.5天` })).toBeTruthy();
  });

  it('reads a raw export with a mapping made once (a 12345 CSV), remembers it, and refuses the same file imported again', async () => {
    const { db } = await openDesk();
    const csv = [
      '工单编号,受理时间,诉求类型,诉求内容,涉及人员,核实结果',
      '12345-2026-03-0001,2026/3/9 16:52,投诉,"材料一次没讲清，跑了三趟",王丽,属实',
      '12345-2026-03-0002,2026/3/10 10:00,投诉,窗口上班时间玩手机,赵娟,不属实',
      '12345-2026-03-0003,2026/3/11 10:00,建议,建议增加自助打印机,胡建华,属实',
    ].join('\r\n');
    const file = () => new File([csv], 'hotline-2026-03.csv', { type: 'text/csv' });
    fireEvent.change(screen.getByLabelText('选择 .xlsx 或 .csv 文件'), { target: { files: [file()] } });
    const form = await screen.findByRole('form', { name: '导入映射：hotline-2026-03.csv' }, slow);
    const pick = (label: string, value: string) => fireEvent.change(within(form).getByLabelText(label), { target: { value } });
    pick('对象所在列', '涉及人员');
    pick('日期所在列（无：按月录入）', '受理时间');
    pick('编号所在列（无：文件名和行号）', '工单编号');
    pick('备注所在列', '诉求内容');
    fireEvent.click(within(form).getByLabelText('每行一次（明细）'));
    pick('说明发生了什么的列', '诉求类型');
    pick('核实结果所在列', '核实结果');
    fireEvent.click(within(form).getByLabelText('属实'));
    pick('“投诉”记入', 'complaint');
    fireEvent.click(within(form).getByLabelText('“投诉”须核实'));
    pick('“建议”记入', '');
    fireEvent.click(within(form).getByRole('button', { name: '保存映射并读取' }));

    expect(await screen.findByText('按已保存的映射“hotline-2026-03”读取。', {}, slow)).toBeTruthy();
    expect(screen.getByText('将录入 1 条（1 行）。全部无误才会导入。')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: '确认导入 1 条' }));
    expect(await screen.findByText('已导入 1 条。', {}, slow)).toBeTruthy();
    const [e] = (await storedEvents(db)) as FindingRecorded[];
    expect(e).toMatchObject({ itemId: 'complaint', staffId: 's-001', sourceRef: '12345-2026-03-0001', note: '材料一次没讲清，跑了三趟', observedAt: '2026-03-09T08:52:00.000Z' });

    // The next file of that source is read with the saved mapping at once; these rows stand already, so nothing is imported.
    fireEvent.change(screen.getByLabelText('选择 .xlsx 或 .csv 文件'), { target: { files: [file()] } });
    expect(await screen.findByText('发现 1 处问题，未导入任何内容：', {}, slow)).toBeTruthy();
    expect(screen.getByText('本月已录入过（来源凭证“12345-2026-03-0001”）。')).toBeTruthy();
    expect(screen.getByText('按已保存的映射“hotline-2026-03”读取。')).toBeTruthy();
    expect(await db.events.count()).toBe(1);
  });
});
