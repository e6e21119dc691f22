import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { indexRoster } from '../../../src/core/model/rosterIndex';
import { officeItems } from '../../../src/core/scheme/ledgerItems';
import { readLedgerImport } from '../../../src/core/ledger/readLedgerImport';
import { ledgerTemplate } from '../../../src/app/features/desk/files/ledgerTemplate';
import { readWorkbook } from '../../../src/app/features/desk/files/readWorkbook';
import { deskTemplateWords, importWords, HELP_SHEETS } from '../../../src/app/features/desk/deskWords';
import { createI18n } from '../../../src/app/i18n/createI18n';
import { addDeskWords } from '../../../src/app/features/desk/useDeskWords';
import { miniScheme, MINI_ROSTER } from '../../fixtures/miniScheme';

const scheme = miniScheme();
const items = officeItems(scheme, ['综合办公室']);
const index = indexRoster(MINI_ROSTER);
const i18n = createI18n('zh-CN');
addDeskWords(i18n);

async function template(): Promise<ExcelJS.Workbook> {
  const bytes = await ledgerTemplate({ items, subjects: { staff: index.byKind.staff }, words: deskTemplateWords(i18n.getFixedT('zh-CN', 'translation', 'desk'), i18n.getFixedT('zh-CN'), '测试办法', ['综合办公室'], '2026-03') });
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as Parameters<typeof wb.xlsx.load>[0]);
  return wb;
}
const ctx = { items, index, month: '2026-03', timeZone: 'Asia/Shanghai', now: '2026-04-02T09:00:00+08:00', words: importWords(), skipSheets: HELP_SHEETS };

describe('the import template, filled in and read back (a generated .xlsx, round trip)', () => {
  it('lays out a summary sheet per subject (the desk’s grid), the entries sheet and the instructions', async () => {
    const wb = await template();
    expect(wb.worksheets.map((w) => w.name)).toEqual(['月度汇总', '填写说明', '明细']);
    const summary = wb.getWorksheet('月度汇总');
    expect(summary?.getRow(2).values).toEqual([undefined, '对象', '请假', '旷工', '中途请假', '出勤率', '表彰', '来源凭证', '备注']);
    expect(summary?.getColumn(1).values.slice(3)).toEqual(['张三', '李四', '王五', '赵六']);
    expect(wb.getWorksheet('明细')?.getCell('C3').dataValidation).toMatchObject({ type: 'list' });
  });

  it('reads a filled template into entries, with typed cells (numbers, Excel dates) as the office leaves them', async () => {
    const wb = await template();
    const summary = wb.getWorksheet('月度汇总');
    const entries = wb.getWorksheet('明细');
    if (!summary || !entries) throw new Error('sheets');
    summary.getCell('B3').value = 2; // 张三 请假 2 天
    summary.getCell('G3').value = '考勤月报 第1页';
    summary.getCell('E5').value = 85; // 王五 出勤率 85%
    summary.getCell('G5').value = '考勤月报 第2页';
    entries.getCell('A3').value = new Date(Date.UTC(2026, 2, 9, 16, 52)); // an Excel date: the hall's wall clock
    entries.getCell('B3').value = '李四';
    entries.getCell('C3').value = '表彰';
    entries.getCell('D3').value = { richText: [{ text: '市' }, { text: '级' }] };
    entries.getCell('E3').value = 'HCP-2026-03-0001';
    const sheets = await readWorkbook((await wb.xlsx.writeBuffer()) as ArrayBuffer);
    const r = readLedgerImport(sheets, ctx);
    expect(r.problems).toEqual([]);
    expect(r.entries.map((e) => [e.at.sheet, e.at.row, e.itemId, e.subject.id, e.inputs, e.sourceRef, e.observedAt])).toEqual([
      ['月度汇总', 3, 'leave-days', 's1', { quantity: 2 }, '考勤月报 第1页', '2026-03-31T04:00:00.000Z'],
      ['月度汇总', 5, 'rate', 's3', { quantity: 85 }, '考勤月报 第2页', '2026-03-31T04:00:00.000Z'],
      ['明细', 3, 'media', 's2', { level: 'city' }, 'HCP-2026-03-0001', '2026-03-09T08:52:00.000Z'],
    ]);
  });

  it('refuses a filled template with a wrong column, an unknown person and a value out of range, by row and column', async () => {
    const wb = await template();
    const summary = wb.getWorksheet('月度汇总');
    if (!summary) throw new Error('sheet');
    summary.getCell('A4').value = '欧阳娜娜';
    summary.getCell('C4').value = 1;
    summary.getCell('G4').value = 'p';
    summary.getCell('C6').value = -1;
    summary.getCell('G6').value = 'p';
    const sheets = await readWorkbook((await wb.xlsx.writeBuffer()) as ArrayBuffer);
    expect(readLedgerImport(sheets, ctx).problems.map((p) => [p.kind, 'at' in p ? `${p.at.sheet}!${p.at.column ?? ''}${p.at.row}` : ''])).toEqual([
      ['unknown-subject', '月度汇总!A4'],
      ['value', '月度汇总!C6'],
    ]);
    summary.getCell('H2').value = '迟到';
    const wrong = await readWorkbook((await wb.xlsx.writeBuffer()) as ArrayBuffer);
    expect(readLedgerImport(wrong, ctx).problems).toEqual([{ kind: 'unknown-column', at: { sheet: '月度汇总', row: 2, column: 'H', header: '迟到' } }]);
  });

  it('says plainly when the bytes are not a workbook', async () => {
    await expect(readWorkbook(new TextEncoder().encode('姓名,迟到\n张三,1').buffer)).rejects.toThrow();
  });
});
