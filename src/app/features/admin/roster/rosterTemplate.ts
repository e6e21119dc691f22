import type { Roster } from '../../../../core/model/roster';

/** The template's header and example rows: the hall's own units and windows, so the example is a real one. */
function templateRows(roster: Roster, words: { header: string[]; staff: string; chief: string }): string[][] {
  const rows = [words.header];
  for (const u of roster.units.slice(0, 3)) {
    const w = roster.windows.find((x) => x.unitId === u.id);
    const chief = roster.chiefs.find((c) => c.unitId === u.id);
    for (const s of roster.staff.filter((x) => x.unitId === u.id && !x.left).slice(0, 2)) rows.push([u.name, s.name, words.staff, roster.windows.find((x) => x.id === s.windowId)?.number ?? '']);
    if (chief) rows.push([u.name, chief.name, words.chief, '']);
    if (rows.length === 1 && w) rows.push([u.name, '', words.staff, w.number]);
  }
  return rows;
}

/** The roster as an .xlsx (exceljs, loaded here only): the template to fill in, with today's people as the example. */
export async function rosterTemplateXlsx(roster: Roster, words: { sheet: string; header: string[]; staff: string; chief: string }): Promise<Blob> {
  const { default: ExcelJS } = await import('exceljs');
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet(words.sheet);
  sheet.columns = words.header.map((h) => ({ header: h, width: h.length > 3 ? 16 : 24 }));
  for (const r of templateRows(roster, words).slice(1)) sheet.addRow(r);
  sheet.getRow(1).font = { bold: true };
  const buffer = await book.xlsx.writeBuffer();
  return new Blob([buffer], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' });
}

/** The same template as CSV (UTF-8 with BOM, which Excel opens correctly). */
export async function rosterTemplateCsv(roster: Roster, words: { header: string[]; staff: string; chief: string }): Promise<Blob> {
  const { default: Papa } = await import('papaparse');
  return new Blob(['\uFEFF', Papa.unparse(templateRows(roster, words))], { type: 'text/csv;charset=utf-8' });
}
