import type { Member } from '../../../core/model/rosterIndex';
import type { RosterIndex } from '../../../core/model/rosterIndex';
import { officeItems } from '../../../core/scheme/ledgerItems';
import type { Scheme } from '../../../core/scheme/parseScheme';
import type { Item, SubjectKind } from '../../../core/scheme/schemeSchema';

/** A scheme as the desk shows it: the office's ledger items, grouped by the subject they charge, with those subjects. */
export interface DeskScheme {
  scheme: Scheme;
  items: Item[];
  groups: { kind: SubjectKind; items: Item[]; subjects: Member[] }[];
}

const KINDS: readonly SubjectKind[] = ['staff', 'window', 'unit', 'chief'];

/** The schemes in force that hold ledger items of these offices (the others are not the desk's). */
export function deskSchemes(schemes: readonly Scheme[], offices: readonly string[], index: RosterIndex): DeskScheme[] {
  return schemes.flatMap((scheme) => {
    const items = officeItems(scheme, offices);
    if (items.length === 0) return [];
    const groups = KINDS.filter((k) => items.some((i) => i.subject === k)).map((kind) => ({ kind, items: items.filter((i) => i.subject === kind), subjects: index.byKind[kind] }));
    return [{ scheme, items, groups }];
  });
}
