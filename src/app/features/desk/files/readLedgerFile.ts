import type { SheetText } from '../../../../core/ledger/ledgerSheets';
import { readCsv } from './readCsv';
import { readWorkbook } from './readWorkbook';

/** A ledger file's sheets as text: a CSV by its name, anything else as an .xlsx workbook (which throws when it is not one). */
export async function readLedgerFile(file: File): Promise<SheetText[]> {
  const data = await file.arrayBuffer();
  return /\.csv$/i.test(file.name) ? readCsv(data, file.name) : readWorkbook(data);
}
