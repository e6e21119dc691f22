import ExcelJS from 'exceljs';
import type { Table } from '../../core/scheme/schemeSchema';
import { itemPoints } from '../../core/scoring/itemPoints';
import { pointsRange } from '../../core/scheme/pointsRange';
import type { Item } from '../../core/scheme/schemeSchema';
import { resultTable } from '../../words/resultTable';
import type { ExportSource } from './exportSource';
import type { ExportWords } from './exportWords';
import { periodText } from '../../words/periodText';

const THIN = { style: 'thin' as const };
const BORDER = { top: THIN, left: THIN, bottom: THIN, right: THIN };

/**
 * The period's results as an .xlsx workbook in the halls' own layouts (docs/results.md, "Exports"): per scheme table
 * a ranking sheet (the 000 staff table with the contractor's average under it, the 003 monthly unit table: rank, name,
 * category subtotals, bonus, total, grade, consequences) and a 任务分解表 sheet (the 004 layout: 一级指标, 二级指标,
 * 分值, 具体考核内容, 责任科室, then each subject's points per item, the category subtotals, total, grade and rank).
 * Every sheet opens with the hall, period, scheme version and publication (revision, digest) it shows.
 */
export function buildWorkbook(src: ExportSource, words: ExportWords): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = src.hallName;
  wb.created = new Date(src.generatedAt);
  for (const table of src.scheme.tables) {
    if (!src.results.subjects.some((s) => s.subject === table.subject)) continue;
    rankingSheet(wb, table, src, words);
    if (table.categories.length > 0) itemsSheet(wb, table, src, words);
  }
  return wb;
}

function preamble(ws: ExcelJS.Worksheet, title: string, width: number, src: ExportSource, words: ExportWords): void {
  const { r } = words;
  const p = src.publication;
  const lines = [
    title,
    r('sheet.scheme', { title: src.scheme.title, version: src.results.schemeVersion }),
    p
      ? r('sheet.published', { revision: p.revision, date: p.publishedAt.slice(0, 10), events: p.eventCount, digest: p.digest })
      : r('sheet.unpublished'),
    r('sheet.generated', { date: src.generatedAt.slice(0, 16).replace('T', ' ') + ' UTC' }),
  ];
  lines.forEach((text, i) => {
    const row = i + 1;
    ws.mergeCells(row, 1, row, Math.max(width, 1));
    const cell = ws.getCell(row, 1);
    cell.value = text;
    cell.font = i === 0 ? { bold: true, size: 16 } : { size: 10, color: { argb: 'FF555555' } };
    cell.alignment = { horizontal: i === 0 ? 'center' : 'left', vertical: 'middle' };
  });
  ws.getRow(1).height = 28;
}

/** Row of the column headers on every sheet (below the title, three lines about the data, and a line for the quota). */
export const HEADER_ROW = 6;

function headerRow(ws: ExcelJS.Worksheet, values: string[]): void {
  const row = ws.getRow(HEADER_ROW);
  row.values = values;
  row.font = { bold: true };
  row.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  row.eachCell((c) => {
    c.border = BORDER;
    c.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF5' } };
  });
}

function bodyRow(ws: ExcelJS.Worksheet, values: (string | number | null)[], bold = false): ExcelJS.Row {
  const row = ws.addRow(values);
  row.eachCell({ includeEmpty: true }, (c) => {
    c.border = BORDER;
    c.alignment = { vertical: 'middle', wrapText: typeof c.value === 'string' && c.value.length > 12 };
  });
  if (bold) row.font = { bold: true };
  return row;
}

/** Sheet names: at most 31 characters, none of []:*?/\ (Excel's rules). */
const sheetName = (s: string): string => s.replace(/[[\]:*?/\\]/g, ' ').slice(0, 31);

function rankingSheet(wb: ExcelJS.Workbook, table: Table, src: ExportSource, words: ExportWords): void {
  const { r, t } = words;
  const rt = resultTable(table, src.scheme.tables, src.results, src.roster, t, r);
  const ws = wb.addWorksheet(sheetName(`${r(`subject.${table.subject}`)}`));
  const title = r('sheet.title', { hall: src.hallName, period: periodText(src.results.period.key, r), table: table.name });
  preamble(ws, title, rt.columns.length, src, words);
  if (rt.quota) {
    ws.mergeCells(5, 1, 5, rt.columns.length);
    ws.getCell(5, 1).value = rt.quota;
    ws.getCell(5, 1).font = { size: 10, bold: true };
  }
  headerRow(ws, rt.columns.map((c) => c.label));
  for (const row of rt.rows) bodyRow(ws, rt.columns.map((c) => row.cells[c.key] ?? null));
  for (const row of rt.footer) bodyRow(ws, rt.columns.map((c) => row.cells[c.key] ?? null), true);
  rt.columns.forEach((c, i) => {
    ws.getColumn(i + 1).width = c.key === 'consequences' || c.key === 'gradeNote' ? 40 : c.key === 'name' || c.key === 'unit' ? 16 : c.numeric ? 9 : 12;
  });
  ws.views = [{ state: 'frozen', ySplit: HEADER_ROW }];
}

/** The points an item is worth in the form's 分值 column: its cap, its base, or its largest step. */
function itemFull(item: Item): number | null {
  if (item.cap !== undefined) return item.cap;
  if (item.base !== undefined) return item.base;
  const range = pointsRange(item);
  if (range) return range[1];
  return item.rule.kind === 'errorRate' ? item.rule.full : null;
}

function itemsSheet(wb: ExcelJS.Workbook, table: Table, src: ExportSource, words: ExportWords): void {
  const { r } = words;
  const subjects = src.results.subjects.filter((s) => s.subject === table.subject);
  const ws = wb.addWorksheet(sheetName(r('sheet.items', { table: r(`subject.${table.subject}`) })));
  const fixed = [r('sheet.primary'), r('sheet.secondary'), r('sheet.itemPoints'), r('sheet.content'), r('sheet.office')];
  const width = fixed.length + subjects.length;
  preamble(ws, r('sheet.itemsTitle', { hall: src.hallName, period: periodText(src.results.period.key, r), table: table.name }), width, src, words);
  headerRow(ws, [...fixed, ...subjects.map((s) => s.name)]);
  const points = subjects.map((s) => itemPoints(src.scheme, s));
  for (const category of table.categories) {
    const [primary, secondary] = category.name.includes('·') ? category.name.split('·', 2) : [category.name, ''];
    const items = src.scheme.items.filter((i) => i.category === category.id);
    for (const item of items) {
      bodyRow(ws, [primary ?? '', secondary ?? '', itemFull(item), item.text, item.office, ...points.map((p) => p.get(item.id) ?? 0)]);
    }
    const subtotal = bodyRow(ws, [r('sheet.categoryTotal', { name: category.name }), '', category.points, '', '', ...subjects.map((s) => s.categories.find((c) => c.id === category.id)?.score ?? null)], true);
    subtotal.eachCell((c) => (c.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF4F4F4' } }));
  }
  if (table.categories.some((c) => c.mode === 'bonus')) bodyRow(ws, [r('table.bonus'), '', table.bonusCap ?? null, '', '', ...subjects.map((s) => s.bonus)], true);
  bodyRow(ws, [r('table.total'), '', table.base, '', '', ...subjects.map((s) => s.total)], true);
  if (table.grades.length > 0) bodyRow(ws, [r('table.grade'), '', '', '', '', ...subjects.map((s) => s.gradeName ?? '')], true);
  bodyRow(ws, [r('table.rank'), '', '', '', '', ...subjects.map((s) => s.rank)], true);
  [12, 16, 7, 48, 12].forEach((w, i) => (ws.getColumn(i + 1).width = w));
  subjects.forEach((_, i) => (ws.getColumn(fixed.length + i + 1).width = 10));
  ws.views = [{ state: 'frozen', xSplit: fixed.length, ySplit: HEADER_ROW }];
}
