import { z } from 'zod';

const label = z.string().trim().min(1).max(200);
const id = z.string().min(1).max(100);

/**
 * How a raw export of another system is read into a month's ledger entries, chosen by the office once per source and
 * remembered by the desk: which column names the subject, which gives the date, the row's own reference and a note;
 * then either value columns that each feed an item (an attendance system's monthly summary: 旷工(天) → 旷工) or a
 * column whose value says what happened in each row (a 好差评 export's 评价等级, a 12345 work order's 诉求类型), each
 * value feeding an item or nothing, optionally only when a check column says the row was verified (核实结果 属实).
 * Columns are named by their header as the file shows it; a two-row header joins its parts with '/' (迟到/分钟).
 */
export const ledgerMappingSchema = z
  .object({
    /** The source as the office names it (考勤系统, 好差评平台, 12345热线): one mapping per scheme and name. */
    name: z.string().trim().min(1).max(100),
    /** The scheme whose items the rows feed. */
    schemeId: id,
    /** The sheet holding the rows; absent: the first sheet whose header holds the subject column (a CSV is one sheet). */
    sheet: z.string().min(1).max(100).optional(),
    /** What the subject column names: a person, a window, a unit or a chief; every mapped item charges this kind. */
    subjectKind: z.enum(['staff', 'window', 'unit', 'chief']),
    /** The subject column (姓名, 工作人员, 涉及人员; by name, roster id or window number). */
    subject: label,
    /** The date of each row (评价时间, 受理时间); absent: a month's summary, dated as the desk dates a month's value. */
    date: label.optional(),
    /** Each row's own reference (评价编号, 工单编号), kept as the entry's source; absent: the file's name with sheet and row. */
    source: label.optional(),
    /** A column carried as the entry's note (评价内容, 诉求内容). */
    note: label.optional(),
    /** Value columns, each feeding an item: a count of occurrences or the item's input, as in the desk's grid. */
    columns: z.array(z.object({ label, itemId: id }).strict()).max(200),
    /** The column saying what happened in a row (one row, one occurrence). */
    kind: z
      .object({
        label,
        /** Every value the column may hold, each feeding an item or nothing (满意, 建议); a value not listed is refused. */
        values: z.array(z.object({ value: z.string().trim().min(1).max(100), itemId: id.nullable(), verified: z.boolean() }).strict()).max(100),
        /** For the values marked `verified`: the column and the values by which a row counts (核实结果: 属实). */
        verify: z.object({ label, oneOf: z.array(z.string().trim().min(1).max(100)).min(1).max(20) }).strict().optional(),
      })
      .strict()
      .optional(),
  })
  .strict();
export type LedgerMapping = z.infer<typeof ledgerMappingSchema>;
