import type { SheetText } from '../../../../core/ledger/ledgerSheets';

/** Most rows read from one file, as for a workbook's sheet. */
const MAX_ROWS = 20_000;

/**
 * A CSV file as one sheet of text (named after the file), for the core's import reader. The bytes are UTF-8 when
 * they start with its byte-order mark or decode as valid UTF-8, else GB18030 (what Excel on a Chinese Windows PC
 * saves); quotes, commas and line breaks inside quotes, CRLF and LF are papaparse's to read (loaded with the desk).
 */
export async function readCsv(data: ArrayBuffer, fileName: string): Promise<SheetText[]> {
  const { default: Papa } = await import('papaparse');
  const parsed = Papa.parse<string[]>(decodeText(new Uint8Array(data)), { skipEmptyLines: false });
  const rows = parsed.data.slice(0, MAX_ROWS).map((cells, i) => ({ row: i + 1, cells: cells.map((c) => c ?? '') }));
  return [{ name: fileName.replace(/\.csv$/i, ''), rows: rows.filter((r) => r.cells.some((c) => c.trim() !== '')) }];
}

/** The text of a CSV's bytes: UTF-8 (with or without its mark) when they are valid UTF-8, GB18030 otherwise. */
export function decodeText(bytes: Uint8Array): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return new TextDecoder('utf-8').decode(bytes.subarray(3));
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('gb18030').decode(bytes);
  }
}
