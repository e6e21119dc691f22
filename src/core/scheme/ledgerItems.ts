import type { Item } from './schemeSchema';

/** The ledger items an office account enters: the `source: ledger` items of a scheme whose `office` is one of `offices`, in file order. */
export function officeItems(scheme: { readonly items: readonly Item[] }, offices: readonly string[]): Item[] {
  return scheme.items.filter((i) => i.source === 'ledger' && offices.includes(i.office));
}

/** Every responsible office (责任科室) that owns a ledger item in these schemes, sorted: what an office account may be bound to. */
export function ledgerOffices(schemes: readonly { readonly items: readonly Item[] }[]): string[] {
  return [...new Set(schemes.flatMap((s) => s.items.filter((i) => i.source === 'ledger').map((i) => i.office)))].sort();
}
