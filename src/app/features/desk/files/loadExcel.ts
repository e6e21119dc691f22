import type * as ExcelJSModule from 'exceljs';

export type ExcelJS = typeof ExcelJSModule;

/**
 * exceljs, loaded on first use: only the office's desk reads and writes spreadsheets, so the ~250 KB (gzip) library
 * is a chunk of its own (precached for offline use) and never part of the inspector's first load. Its browser build
 * is a CommonJS bundle: the module is its default export there and the namespace itself under Node (tests).
 */
export async function loadExcel(): Promise<ExcelJS> {
  const mod = (await import('exceljs')) as ExcelJS & { default?: ExcelJS };
  return mod.default ?? mod;
}
