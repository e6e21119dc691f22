import type { TFunction } from 'i18next';
import type { Roster } from '../core/model/roster';
import type { Table } from '../core/scheme/schemeSchema';
import type { PeriodScores, SubjectScore } from '../core/scoring/results';
import { quotaPlaces } from '../core/scoring/quotaPlaces';
import { flagText } from './flagText';
import { gradeReasonText } from './gradeText';

/** One column of a ranking table: a fixed column, or a category's subtotal. */
export interface ResultColumn {
  key: string;
  label: string;
  numeric: boolean;
}

/** One line of a ranking table, worded; `average` marks the line of a subject scored by its members' average (000's contractor). */
export interface ResultRow {
  subject: SubjectScore;
  cells: Record<string, string | number | null>;
  average: boolean;
}

/** A ranking table (the 000 staff table, the 003 monthly unit table): columns, the ranked subjects, and average lines. */
export interface ResultTable {
  table: Table;
  columns: ResultColumn[];
  rows: ResultRow[];
  /** Subjects of another table whose total is this table's average (综窗人员月考核总分÷人数): shown under it. */
  footer: ResultRow[];
  /** The table's grade quota in words, or null when it has none. */
  quota: string | null;
}

/** A subject's consequences (退回, 书面通报, 取消评优, 扣除服务费 …) in words: the kind, then the regulation's text with its numbers. */
export function consequencesText(s: SubjectScore, t: TFunction): string {
  return s.flags.map((f) => `${t(`explainLines.flag.kind.${f.kind}`)}：${flagText(f, t)}`).join('；');
}

/** Why a subject holds its grade when it is not simply its total's (a quota, a disqualification, an eligibility limit). */
export function gradeNote(s: SubjectScore, t: TFunction): string {
  return s.gradeName && s.gradeReason && s.gradeReason.kind !== 'total' ? gradeReasonText(s.gradeReason, s.gradeName, t) : '';
}

/**
 * The ranking table of one scheme table, worded from the engine's results (lines not needed): one line per subject in
 * rank order with its category subtotals, bonus, total, grade, pending points and consequences, and below it the
 * subjects whose total is this table's average (a table of `tables` whose aggregate takes a part `of` this table's
 * subjects). The exports and the results screen use the same columns.
 */
export function resultTable(table: Table, tables: readonly Table[], results: PeriodScores, roster: Roster, t: TFunction, r: TFunction<'translation', 'results'>): ResultTable {
  const unitName = new Map(roster.units.map((u) => [u.id, u.name]));
  const columns: ResultColumn[] = [
    { key: 'rank', label: r('table.rank'), numeric: true },
    { key: 'name', label: r(`subjectName.${table.subject}`), numeric: false },
    ...(table.subject === 'unit' ? [] : [{ key: 'unit', label: r('table.unit'), numeric: false }]),
    ...table.categories.filter((c) => c.mode !== 'bonus').map((c) => ({ key: `c:${c.id}`, label: r('table.categoryHead', { name: c.name, points: c.points }), numeric: true })),
    ...(table.categories.some((c) => c.mode === 'bonus') ? [{ key: 'bonus', label: r('table.bonus'), numeric: true }] : []),
    { key: 'total', label: r('table.total'), numeric: true },
    ...(table.grades.length > 0 ? [{ key: 'grade', label: r('table.grade'), numeric: false }] : []),
    { key: 'pending', label: r('table.pending'), numeric: true },
    { key: 'consequences', label: r('table.consequences'), numeric: false },
    { key: 'gradeNote', label: r('table.gradeNote'), numeric: false },
  ];
  const row = (s: SubjectScore, average: boolean): ResultRow => {
    const cells: ResultRow['cells'] = {
      rank: average ? null : s.rank,
      name: average ? r('sheet.average', { name: s.name, of: r(`subject.${table.subject}`) }) : s.name,
      unit: unitName.get(s.unitId) ?? s.unitId,
      bonus: s.bonus,
      total: s.total,
      grade: s.gradeName ?? '',
      pending: s.pending,
      consequences: consequencesText(s, t),
      gradeNote: gradeNote(s, t),
    };
    for (const c of s.categories) cells[`c:${c.id}`] = c.score;
    return { subject: s, cells, average };
  };
  const rows = results.subjects.filter((s) => s.subject === table.subject).map((s) => row(s, false));
  const averaging = new Set(tables.filter((tb) => tb.subject !== table.subject && tb.aggregate?.parts.some((p) => p.of === table.subject)).map((tb) => tb.subject));
  const footer = results.subjects.filter((s) => averaging.has(s.subject)).map((s) => row(s, true));
  const quota = table.quota ? quotaText(table, rows.length, r) : null;
  return { table, columns, rows, footer, quota };
}

function quotaText(table: Table, subjects: number, r: TFunction<'translation', 'results'>): string {
  const q = table.quota;
  if (!q) return '';
  const grade = table.grades.find((g) => g.id === q.grade)?.name ?? q.grade;
  return r('quota', { grade, share: Math.round(q.maxShare * 1000) / 10, subjects, allowed: quotaPlaces(q, subjects) });
}
