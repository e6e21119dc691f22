import type { Member } from '../../../core/model/rosterIndex';
import type { Item, SubjectKind } from '../../../core/scheme/schemeSchema';
import type { LoggedFinding } from '../../../device/loggedFinding';
import { itemLabel } from '../../../core/ledger/ledgerSheets';
import { cellKey } from './monthEntries';
import { cellSummary } from './cellSummary';
import { useDeskWords } from './useDeskWords';

/** The cell a person opened: an item and a subject. */
export interface OpenCell {
  item: Item;
  subject: Member;
}

/**
 * One subject kind's grid for a month: a row per subject, a column per ledger item of the office; each cell shows the
 * month's entries (a count, a sum, the levels) and opens the entry form for that subject and item.
 */
export function LedgerGrid(props: {
  schemeName: string;
  kind: SubjectKind;
  items: readonly Item[];
  allItems: readonly Item[];
  subjects: readonly Member[];
  month: string;
  entries: ReadonlyMap<string, readonly LoggedFinding[]>;
  onOpen: (cell: OpenCell) => void;
}) {
  const { t, tApp } = useDeskWords();
  const label = t('grid.label', { scheme: props.schemeName, subject: tApp(`subject.${props.kind}`), month: props.month });
  return (
    <div className="ledger-grid-wrap">
      <table className="ledger-grid" aria-label={label}>
        <caption>{label}</caption>
        <thead>
          <tr>
            <th scope="col">{t('grid.subject')}</th>
            {props.items.map((i) => (
              <th key={i.id} scope="col" title={`${i.clause} ${i.text}`}>
                {itemLabel(i, props.allItems)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {props.subjects.map((s) => (
            <tr key={s.id}>
              <th scope="row">{s.name}</th>
              {props.items.map((item) => {
                const value = cellSummary(item, props.entries.get(cellKey(item.id, s.id)) ?? [], t);
                return (
                  <td key={item.id}>
                    <button
                      type="button"
                      className={value ? 'ledger-cell filled' : 'ledger-cell'}
                      aria-label={t('grid.cell', { subject: s.name, item: item.name, value: value || t('grid.empty') })}
                      onClick={() => props.onOpen({ item, subject: s })}
                    >
                      {value}
                    </button>
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
