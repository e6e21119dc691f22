import { Dexie } from 'dexie';
import type { DexieOptions, EntityTable, Table } from 'dexie';
import { declareSchema } from './migrations';
import type { EventRow, MetaRow, OutboxRow, PhotoRow, VisitRow } from './rows';

/** The tablet's database. Persistent data lives here; the UI store holds only session state. */
export class PatrolDb extends Dexie {
  declare events: EntityTable<EventRow, 'id'>;
  declare outbox: Table<OutboxRow, number>;
  declare photos: EntityTable<PhotoRow, 'hash'>;
  declare meta: EntityTable<MetaRow, 'key'>;
  declare visits: EntityTable<VisitRow, 'id'>;

  constructor(name = 'hall-patrol', options?: DexieOptions) {
    super(name, options);
    declareSchema(this);
  }
}
