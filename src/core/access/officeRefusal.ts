import type { FindingRecorded } from '../events/events';
import type { Item } from '../scheme/schemeSchema';
import type { Actor } from './actor';
import type { Refusal } from './refusal';

/**
 * What an office account (责任科室) may record, decided once for the tablet, the desk and the server: only a
 * `source: ledger` item whose `office` is one of the account's offices, and always with its source reference (the
 * ledger page, the complaint number), so the record can be traced to the paper it came from. Other roles: null.
 */
export function officeRefusal(actor: Pick<Actor, 'role' | 'offices'>, item: Pick<Item, 'id' | 'office' | 'source'>, event: Pick<FindingRecorded, 'sourceRef'>): Refusal | null {
  if (actor.role !== 'office') return null;
  const offices = actor.offices ?? [];
  if (item.source !== 'ledger' || !offices.includes(item.office)) {
    return { kind: 'office', itemId: item.id, office: item.office, source: item.source, offices };
  }
  return event.sourceRef ? null : { kind: 'source-missing', itemId: item.id };
}
