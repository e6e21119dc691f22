import type { DeskT } from './useDeskWords';
import { ledgerValueKind } from '../../../core/ledger/ledgerValue';
import type { Item } from '../../../core/scheme/schemeSchema';
import type { LoggedFinding } from '../../../device/loggedFinding';

const num = (x: number): string => String(Math.round(x * 100) / 100);

/** What a grid cell shows of its entries: the count, the summed quantity with its unit, the levels, errors/total. */
export function cellSummary(item: Item, entries: readonly LoggedFinding[], t: DeskT): string {
  if (entries.length === 0) return '';
  const r = item.rule;
  switch (ledgerValueKind(r)) {
    case 'count':
      return String(entries.length);
    case 'quantity': {
      const unit = 'quantity' in r && r.quantity ? r.quantity.unit : '';
      return `${num(entries.reduce((s, f) => s + (f.inputs?.quantity ?? 0), 0))}${unit}`;
    }
    case 'amount':
      return num(entries.reduce((s, f) => s + (f.inputs?.amount ?? 0), 0));
    case 'level':
      return entries.map((f) => (r.kind === 'levels' ? (r.levels.find((l) => l.id === f.inputs?.level)?.name ?? f.inputs?.level) : f.inputs?.level) ?? '').join(t('grid.levelSeparator'));
    case 'errors-total':
      return entries.map((f) => `${f.inputs?.errors ?? 0}/${f.inputs?.total ?? 0}`).join(' ');
  }
}
