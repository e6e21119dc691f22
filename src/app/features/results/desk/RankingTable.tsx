import { useMemo, useState } from 'react';
import type { Roster } from '../../../../core/model/roster';
import { formatPoints } from '../../../format/formatPoints';
import type { ResultTable } from '../../../../words/resultTable';
import { NO_FILTER, sortRows } from './sortRows';
import type { RowFilter, SortBy } from './sortRows';
import { useResultsWords } from './useResultsWords';

const FIRST = ['rank', 'name', 'unit', 'total', 'grade', 'pending', 'consequences'];

/** Where a column stands on screen: the deciding columns first, categories and bonus after, the grade note last. */
function screenOrder(key: string): number {
  const i = FIRST.indexOf(key);
  if (i >= 0) return i;
  return key === 'gradeNote' ? 100 : 50;
}

/**
 * The ranking of one table: rank, name, unit, category subtotals, bonus, total, grade, pending contests, consequences
 * and grade notes, sortable by any column and filtered by words, unit, consequences or pending contests. A row opens
 * the subject's findings and explanation.
 */
export function RankingTable({ table, roster, selected, onOpen }: { table: ResultTable; roster: Roster; selected: string | null; onOpen: (subjectId: string) => void }) {
  const { r } = useResultsWords();
  const [by, setBy] = useState<SortBy>({ key: 'rank', descending: false });
  const [filter, setFilter] = useState<RowFilter>(NO_FILTER);
  const rows = useMemo(() => sortRows(table.rows, by, filter), [table, by, filter]);
  // On screen what decides comes first (total, grade, contests, consequences), then the subtotals; the exports keep the forms' order.
  const columns = useMemo(() => [...table.columns].sort((a, b) => screenOrder(a.key) - screenOrder(b.key)), [table]);
  const units = useMemo(() => roster.units.filter((u) => table.rows.some((row) => row.subject.unitId === u.id)), [roster, table]);
  const sortOn = (key: string): void => setBy((b) => ({ key, descending: b.key === key ? !b.descending : false }));
  const cell = (v: string | number | null | undefined, key: string): string => {
    if (v === null || v === undefined || v === '') return '';
    if (key === 'pending') return v === 0 ? '' : formatPoints(Number(v));
    return String(v);
  };
  return (
    <div className="ranking">
      <div className="ranking-filters" role="group" aria-label={r('filter.label')}>
        <input type="search" placeholder={r('filter.text')} aria-label={r('filter.text')} value={filter.text} onChange={(e) => setFilter({ ...filter, text: e.target.value })} />
        <select aria-label={r('filter.unit')} value={filter.unitId} onChange={(e) => setFilter({ ...filter, unitId: e.target.value })}>
          <option value="">{r('filter.allUnits')}</option>
          {units.map((u) => (
            <option key={u.id} value={u.id}>
              {u.name}
            </option>
          ))}
        </select>
        <label>
          <input type="checkbox" checked={filter.withConsequences} onChange={(e) => setFilter({ ...filter, withConsequences: e.target.checked })} /> {r('filter.consequences')}
        </label>
        <label>
          <input type="checkbox" checked={filter.withPending} onChange={(e) => setFilter({ ...filter, withPending: e.target.checked })} /> {r('filter.pending')}
        </label>
        <span className="muted">{r('filter.count', { shown: rows.length, total: table.rows.length })}</span>
      </div>
      {table.quota && <p className="quota-line">{table.quota}</p>}
      <div className="ranking-scroll">
        <table className="ranking-table">
          <thead>
            <tr>
              {columns.map((c) => (
                <th key={c.key} scope="col" className={c.numeric ? 'num' : undefined} aria-sort={by.key === c.key ? (by.descending ? 'descending' : 'ascending') : undefined}>
                  <button type="button" className="sort" onClick={() => sortOn(c.key)}>
                    {c.label}
                    {by.key === c.key ? (by.descending ? ' ▼' : ' ▲') : ''}
                  </button>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.subject.subjectId} aria-selected={selected === row.subject.subjectId} className={row.subject.flags.length > 0 ? 'flagged' : undefined}>
                {columns.map((c) =>
                  c.key === 'name' ? (
                    <th key={c.key} scope="row">
                      <button type="button" className="link" onClick={() => onOpen(row.subject.subjectId)} aria-label={r('open', { name: row.subject.name, total: row.subject.total })}>
                        {row.subject.name}
                      </button>
                    </th>
                  ) : (
                    <td key={c.key} className={[c.numeric ? 'num' : '', c.key === 'consequences' || c.key === 'gradeNote' ? 'wide' : '', c.key === 'pending' ? 'pending' : ''].join(' ').trim() || undefined}>
                      {cell(row.cells[c.key], c.key)}
                    </td>
                  ),
                )}
              </tr>
            ))}
            {table.footer.map((row) => (
              <tr key={`avg-${row.subject.subjectId}`} className="average">
                {columns.map((c) => (c.key === 'name' ? <th key={c.key} scope="row">{cell(row.cells[c.key], c.key)}</th> : <td key={c.key} className={c.numeric ? 'num' : undefined}>{cell(row.cells[c.key], c.key)}</td>))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
