import { Dexie } from 'dexie';
import type { DexieOptions, EntityTable, PromiseExtended, Table } from 'dexie';
import { declareSchema } from './migrations';
import { keepThroughDelete } from './keepThroughDelete';
import type { DeviceRow, EventRow, HandOverRow, OutboxRow, PhotoRow, PulledSchemeRow, PulledSetupRow, RejectionRow, ReviewSettingsRow, SessionRow, SyncStateRow, VisitRow } from './rows';
import type { AccountSummary } from '../core/access/account';
import type { LedgerMapping } from '../core/ledger/ledgerMapping';

/**
 * The tablet's database: the app never opens it (a lint rule), it asks the device (PatrolDevice, and the session and
 * sync modules). Persistent data lives here; the UI store holds only what is on screen.
 */
export class PatrolDb extends Dexie {
  declare events: EntityTable<EventRow, 'id'>;
  declare outbox: Table<OutboxRow, number>;
  declare photos: EntityTable<PhotoRow, 'hash'>;
  declare visits: EntityTable<VisitRow, 'id'>;
  declare device: EntityTable<DeviceRow, 'key'>;
  declare session: EntityTable<SessionRow, 'key'>;
  declare syncState: EntityTable<SyncStateRow, 'key'>;
  declare rejections: EntityTable<RejectionRow, 'eventId'>;
  declare hall: EntityTable<PulledSetupRow, 'key'>;
  declare schemes: Table<PulledSchemeRow, [string, number]>;
  declare accounts: EntityTable<AccountSummary, 'id'>;
  declare reviewSettings: EntityTable<ReviewSettingsRow, 'key'>;
  declare handOver: EntityTable<HandOverRow, 'accountId'>;
  /** The office desk's column mappings of raw exports (schema version 5), checked with the core's schema when read. */
  declare ledgerMappings: Table<LedgerMapping, [string, string]>;

  private readonly rescue: { ownDelete: () => void };

  constructor(name = 'hall-patrol', options?: DexieOptions) {
    super(name, options);
    declareSchema(this);
    // Another tab deleting the database does not take the tablet's data with it (see keepThroughDelete).
    this.rescue = keepThroughDelete(this, (options?.indexedDB as IDBFactory | undefined) ?? (typeof indexedDB === 'undefined' ? undefined : indexedDB));
  }

  /** Delete the database on purpose (the rescue of a delete by another tab stands aside). */
  override delete(closeOptions?: { disableAutoOpen: boolean }): PromiseExtended<void> {
    this.rescue.ownDelete();
    return closeOptions ? super.delete(closeOptions) : super.delete();
  }
}
