import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readMappedImport } from '../../../src/core/ledger/readMappedImport';
import type { MappedImportContext } from '../../../src/core/ledger/readMappedImport';
import { demoHall } from '../../../src/core/model/demoHall';
import { indexRoster } from '../../../src/core/model/rosterIndex';
import { officeItems } from '../../../src/core/scheme/ledgerItems';
import { decodeText, readCsv } from '../../../src/app/features/desk/files/readCsv';
import { readWorkbook } from '../../../src/app/features/desk/files/readWorkbook';
import { ATTENDANCE, HAOCHAPING, HOTLINE } from '../../fixtures/ledgerMappings';
import { loadScheme } from '../../fixtures/schemes';

const bytes = (hex: string): Uint8Array => new Uint8Array(hex.match(/../g)?.map((h) => parseInt(h, 16)) ?? []);
const buffer = (b: Uint8Array): ArrayBuffer => b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer;
/** 工单编号,诉求内容,涉及人员 CRLF 12345-2026-11-3017,"让我跑了三趟，材料一次没讲清",王丽 CRLF — in GB18030, as Excel on a Chinese PC saves it. */
const GB18030_CSV =
  'b9a4b5a5b1e0bac52ccbdfc7f3c4dac8dd2cc9e6bcb0c8cbd4b10d0a31323334352d323032362d31312d333031372c22c8c3ced2c5dcc1cbc8fdcccba3acb2c4c1cfd2bbb4cec3bbbdb2c7e5222ccdf5c0f60d0a';

describe('a CSV ledger file', () => {
  it('is read from GB18030 when its bytes are not UTF-8, and as UTF-8 with or without its mark', () => {
    expect(decodeText(bytes(GB18030_CSV)).split('\r\n')[0]).toBe('工单编号,诉求内容,涉及人员');
    const utf8 = new TextEncoder().encode('姓名,旷工(天)\n王丽,1\n');
    expect(decodeText(utf8)).toBe('姓名,旷工(天)\n王丽,1\n');
    expect(decodeText(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8]))).toBe('姓名,旷工(天)\n王丽,1\n');
  });

  it('becomes one sheet named after the file, rows numbered as lines, a quoted comma kept in its cell', async () => {
    expect(await readCsv(buffer(bytes(GB18030_CSV)), 'hotline-12345-2026-11.csv')).toEqual([
      {
        name: 'hotline-12345-2026-11',
        rows: [
          { row: 1, cells: ['工单编号', '诉求内容', '涉及人员'] },
          { row: 2, cells: ['12345-2026-11-3017', '让我跑了三趟，材料一次没讲清', '王丽'] },
        ],
      },
    ]);
  });
});

// The shared samples (raw exports of November 2026 for the demo hall), read where this checkout has them beside it.
const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const samples = [join(root, '..', 'shared', 'samples'), join(root, '..', '..', 'shared', 'samples')].find((d) => existsSync(join(d, 'README.md')));
const ctx = (defaultSource: string): MappedImportContext => ({
  items: officeItems(loadScheme('000-kunqu.yaml'), ['综合办公室']),
  index: indexRoster(demoHall().roster),
  month: '2026-11',
  timeZone: 'Asia/Shanghai',
  now: '2026-12-02T09:00:00+08:00',
  defaultSource,
  totals: ['合计'],
});
const sample = (name: string): ArrayBuffer => buffer(new Uint8Array(readFileSync(join(samples ?? '', name))));

if (samples) {
  describe('the shared samples, read with their mappings', () => {
    it('attendance: the summary below its title and two-row header; 欧阳娜娜, not in the roster, refuses the file by her row', async () => {
      const sheets = await readWorkbook(sample('attendance-2026-11.xlsx'));
      const r = readMappedImport(sheets, ATTENDANCE, ctx('attendance-2026-11.xlsx'));
      expect(r.problems).toEqual([{ kind: 'unknown-subject', at: { sheet: '月度汇总', row: 65, column: 'B', header: '姓名' }, text: '欧阳娜娜', subject: 'staff' }]);
      expect(r.entries.length).toBeGreaterThan(0);
      expect(r.entries.every((e) => e.sourceRef.startsWith('attendance-2026-11.xlsx（月度汇总 '))).toBe(true);
    });

    it('好差评: the three rows at the end are refused by their row numbers', async () => {
      const r = readMappedImport(await readWorkbook(sample('haochaping-2026-11.xlsx')), HAOCHAPING, ctx('haochaping-2026-11.xlsx'));
      // Row 99 (December) names 周明, who is not in the demo roster either.
      expect(r.problems.map((p) => [p.kind, 'at' in p ? p.at.row : 0])).toEqual([
        ['unknown-subject', 99],
        ['date', 99],
        ['unknown-subject', 100],
        ['unknown-value', 101],
      ]);
    });

    it('12345: the GB18030 work orders are read, and the verified complaints entered under their order numbers', async () => {
      const r = readMappedImport(await readCsv(sample('hotline-12345-2026-11.csv'), 'hotline-12345-2026-11.csv'), HOTLINE, ctx('hotline-12345-2026-11.csv'));
      expect(r.problems).toEqual([]);
      expect(r.entries.map((e) => [e.itemId, e.sourceRef, e.note])).toEqual([
        ['complaint', '12345-2026-11-3017', '让我跑了三趟，材料一次没讲清'],
        ['complaint', '12345-2026-11-3034', '建议增加自助打印机'],
        ['complaint', '12345-2026-11-3136', '让我跑了三趟，材料一次没讲清'],
      ]);
    });
  });
}
